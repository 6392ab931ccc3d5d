"""Every concrete model of ours has a factory, and each factory makes a valid, saved instance."""

import pytest
from django.apps import apps

from tests.factories import FACTORIES, LessonPageFactory, MembershipFactory, TrainingModulePageFactory, make_module

APPS = (
    "content", "accounts", "organisations", "learning", "certificates", "champions", "privacy", "feedback", "updates",
    "followup",
)

# Fields whose stored values full_clean() rejects although the app writes them on purpose.
NOT_CLEANED = {
    # BooleanField(null=True) without blank=True: an attempt in progress has passed=None ("not
    # marked yet"), which full_clean() calls blank. No form edits it.
    "learning.Attempt": {"passed"},
}


def our_models():
    """Concrete models our apps define: not abstract, proxy or auto-created (m2m through tables)."""
    return [
        model
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if not (model._meta.abstract or model._meta.proxy or model._meta.auto_created)
    ]


def test_every_model_of_ours_has_a_factory():
    missing = [model._meta.label for model in our_models() if model._meta.label not in FACTORIES]
    assert not missing, f"No factory in tests/factories.py FACTORIES for: {', '.join(missing)}"


def test_every_registered_factory_makes_a_model_of_ours():
    ours = {model._meta.label for model in our_models()}
    assert not set(FACTORIES) - ours, f"Factories for models that are not ours: {set(FACTORIES) - ours}"
    for label, factory_class in FACTORIES.items():
        assert factory_class._meta.get_model_class()._meta.label == label, factory_class


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(FACTORIES))
def test_factory_makes_valid_saved_instances(label):
    # Two, so that defaults which would collide (unique names, one-per-person rules) show up.
    instances = FACTORIES[label].create_batch(2)

    for instance in instances:
        assert instance.pk is not None
        fresh = type(instance).objects.get(pk=instance.pk)
        fresh.full_clean(exclude=NOT_CLEANED.get(label))


@pytest.mark.django_db
def test_a_lesson_belongs_to_a_published_module_in_the_catalogue():
    lesson = LessonPageFactory()

    module = lesson.get_parent().specific
    assert isinstance(module, TrainingModulePageFactory._meta.model)
    assert module.get_parent().url_path == "/home/modules/"
    assert lesson.live and module.live
    assert lesson.live_revision is not None
    assert list(module.lessons()) == [lesson]


@pytest.mark.django_db
def test_lesson_blocks_can_be_named_in_the_factory_call():
    lesson = LessonPageFactory(body__0__key_point__heading="Remember this", body__1="survivor_voice")

    assert [block.block_type for block in lesson.body] == ["key_point", "survivor_voice"]
    assert lesson.body[0].value["heading"] == "Remember this"


@pytest.mark.django_db
def test_a_draft_module_is_not_live_and_has_a_revision():
    module = make_module("draft", lessons=1, live=False)

    assert not module.live
    assert module.get_latest_revision() is not None


@pytest.mark.django_db
def test_a_membership_asks_to_join_the_organisation_on_the_profile():
    membership = MembershipFactory()

    assert membership.organisation == membership.user.organisation
    assert membership.get_status_display() == "Waiting for confirmation"
