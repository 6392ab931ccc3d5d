"""Factories of lms.updates's models (FACTORIES in tests/factories.py gathers them)."""

import datetime
import json

import factory
from factory.django import DjangoModelFactory

from lms.updates.models import (
    GuidanceUpdateIndexPage,
    GuidanceUpdatePage,
    UpdateCompletion,
    UpdateNotice,
    UpdateQuestion,
)
from tests.accounts.factories import LearnerFactory
from tests.content.factories import HomePageFactory, TrainingModulePageFactory, rich


class GuidanceUpdateIndexPageFactory(DjangoModelFactory):
    """/updates/ (at most one may exist)."""

    class Meta:
        model = GuidanceUpdateIndexPage

    title = "Guidance updates"
    slug = "updates"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        home = HomePageFactory()
        existing = model_class.objects.child_of(home).filter(slug=kwargs["slug"]).first()
        if existing is not None:
            return existing
        page = model_class(**kwargs)
        home.add_child(instance=page)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class GuidanceUpdatePageFactory(DjangoModelFactory):
    """A published guidance update of a new module (or of `modules=[...]`), published now: holders
    are those with a certificate for it issued before today. `live=False` gives a draft."""

    class Meta:
        model = GuidanceUpdatePage

    title = factory.Sequence(lambda n: f"Guidance update {n}")
    slug = factory.Sequence(lambda n: f"guidance-update-{n}")
    what_changed = "Domestic Abuse Protection Orders replace the older police orders as they roll out."
    why = "Victims may ask about them, and the steps to apply differ."
    body = factory.LazyFunction(lambda: json.dumps([rich("What the new orders do.")]))
    days_to_complete = 28
    live = True

    @classmethod
    def _create(cls, model_class, *args, modules=None, **kwargs):
        parent = GuidanceUpdateIndexPageFactory()
        page = model_class(**kwargs)
        page.modules = modules if modules is not None else [TrainingModulePageFactory()]
        parent.add_child(instance=page)
        revision = page.save_revision()
        if kwargs.get("live", True):
            revision.publish()
        return model_class.objects.get(pk=page.pk)


class UpdateQuestionFactory(DjangoModelFactory):
    """A question on an update whose correct answer is B."""

    class Meta:
        model = UpdateQuestion

    update = factory.SubFactory(GuidanceUpdatePageFactory)
    text = "Who can apply to the court for a Domestic Abuse Protection Order?"
    answer_a = "Only the police"
    answer_b = "The police, the victim, and others with the court's permission"
    answer_c = "Only the victim"
    correct = "b"
    explanation = "Unlike the older orders, a victim can apply themselves, and so can others with permission."


class UpdateNoticeFactory(DjangoModelFactory):
    """That a learner was told of an update, due 28 days later."""

    class Meta:
        model = UpdateNotice

    update = factory.SubFactory(GuidanceUpdatePageFactory)
    user = factory.SubFactory(LearnerFactory)
    due_on = factory.LazyAttribute(lambda notice: notice.update.update_day + datetime.timedelta(days=28))


class UpdateCompletionFactory(DjangoModelFactory):
    class Meta:
        model = UpdateCompletion

    update = factory.SubFactory(GuidanceUpdatePageFactory)
    user = factory.SubFactory(LearnerFactory)


FACTORY_CLASSES: tuple = (
    GuidanceUpdateIndexPageFactory, GuidanceUpdatePageFactory, UpdateQuestionFactory, UpdateNoticeFactory,
    UpdateCompletionFactory,
)
