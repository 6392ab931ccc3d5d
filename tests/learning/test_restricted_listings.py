"""Pages under a view restriction (login, groups or password; on the page or an ancestor) are
never listed to learners: not on a module page, not as the next lesson, not in totals, not as a
prerequisite, not in a sector's learning path."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from content.models import LessonPage, Sector
from lms.learning.access import catalogue, lesson_access, module_overview
from tests.factories import (
    EnrolmentFactory,
    LearnerFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    make_module,
    read_all_lessons,
)

pytestmark = pytest.mark.django_db


def group_restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name=f"insiders-{page.pk}")
    )


def password_restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def lessons_of(module):
    return list(LessonPage.objects.child_of(module).order_by("path"))


@pytest.fixture
def module_with_secret():
    module = make_module("open-mod", lessons=3)
    first, secret, _third = lessons_of(module)
    secret.title, secret.summary = "SECRET LESSON TITLE", "SECRET SUMMARY"
    secret.save_revision().publish()
    group_restrict(secret)
    return module, first, secret


def test_a_restricted_lesson_is_not_listed_on_its_module_page_nor_as_the_next_lesson(client, module_with_secret):
    module, first, secret = module_with_secret
    assert secret.pk not in [lesson.pk for lesson in module.lessons()]  # the model's own listing
    assert "SECRET" not in client.get(module.url).content.decode()  # signed out
    client.force_login(LearnerFactory())
    assert "SECRET" not in client.get(module.url).content.decode()
    assert "SECRET LESSON TITLE" not in client.get(first.url).content.decode()


def test_a_restricted_lesson_counts_nowhere_in_the_engines_answers(module_with_secret):
    module, first, secret = module_with_secret
    learner = LearnerFactory()
    overview = module_overview(learner, module)
    assert secret.pk not in [entry.lesson_id for entry in overview.lessons]
    assert overview.progress.total == 2
    assert catalogue(learner, [module]).progress[module.pk].total == 2
    access = lesson_access(learner, first)
    assert access.lesson_count == 2 and access.next_lesson.title == "Lesson 3"


def test_lessons_under_a_restricted_module_are_not_counted():
    module = make_module("locked", lessons=2)
    password_restrict(module)
    assert catalogue(LearnerFactory(), [module]).progress[module.pk].total == 0


def test_restricted_prerequisites_are_not_shown(client):
    secret = make_module("secret-mod", lessons=1, title="SECRET MODULE TITLE")
    group_restrict(secret)
    needs = make_module("needs", lessons=1, prerequisites=[secret])
    assert "SECRET MODULE TITLE" not in client.get(needs.url).content.decode()
    assert module_overview(LearnerFactory(), needs).prerequisites == ()


def test_a_restricted_module_is_not_in_a_sectors_learning_path(client):
    health = Sector.objects.get(slug="health")
    secret = make_module("secret-mod", lessons=1, title="SECRET MODULE TITLE")
    group_restrict(secret)
    shown = make_module("shown-mod", lessons=1, title="Shown module")
    path = LearningPathFactory(sector=health, items=None)
    LearningPathItemFactory(path=path, module=secret)
    LearningPathItemFactory(path=path, module=shown)
    client.force_login(LearnerFactory(sector=health))
    for url in ("/modules/", "/my-learning/"):
        page = client.get(url).content.decode()
        assert "SECRET MODULE TITLE" not in page, url
    assert "Shown module" in client.get("/my-learning/").content.decode()


def test_a_module_restricted_after_a_learner_started_it_leaves_their_learning(client):
    learner = LearnerFactory()
    secret = make_module("secret-mod", lessons=2, title="SECRET MODULE TITLE")
    EnrolmentFactory(user=learner, module=secret)
    client.force_login(learner)
    assert "SECRET MODULE TITLE" in client.get("/my-learning/").content.decode()
    group_restrict(secret)
    assert "SECRET MODULE TITLE" not in client.get("/my-learning/").content.decode()


def test_a_signed_in_learner_outside_the_groups_gets_not_found_not_a_sign_in_loop(client):
    secret = make_module("secret-mod", lessons=1, title="SECRET MODULE TITLE")
    group_restrict(secret)
    lesson = lessons_of(secret)[0]
    client.force_login(LearnerFactory())
    for url in (secret.url, lesson.url):
        response = client.get(url)
        assert response.status_code == 404 and "SECRET" not in response.content.decode(), url
    insider = LearnerFactory()
    insider.groups.add(secret.get_view_restrictions().get().groups.get())
    client.force_login(insider)
    assert client.get(secret.url).status_code == 200


def test_restrictions_cost_no_extra_query(module_with_secret):
    module, first, _secret = module_with_secret
    learner = LearnerFactory()
    first.module, first.url  # noqa: B018  (as the route leaves them)
    for call in (lambda: lesson_access(learner, first), lambda: module_overview(learner, module),
                 lambda: catalogue(learner, [module])):
        with CaptureQueriesContext(connection) as captured:
            call()
        assert len(captured) <= 2


def test_a_restricted_lesson_does_not_stop_a_module_completing():
    from lms.learning.progress import is_module_complete, live_lessons_by_module

    module = make_module("completes-without-restricted", lessons=2)
    first, hidden = list(LessonPage.objects.child_of(module).order_by("path"))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    assert [lesson.pk for lesson in live_lessons_by_module([module])[module.pk]] == [first.pk]
    learner = LearnerFactory()
    read_all_lessons(learner, module)
    assert is_module_complete(learner, module)


def test_the_quiz_of_a_module_the_learner_may_not_view_cannot_be_seen_or_started(client):
    """The attacker review: a module restricted to a group (or a password) listed nothing, yet
    its quiz could be started. Now its quiz page and start answer 404 and nothing is made; a
    member of the group (or anyone, once the restriction goes) reaches the quiz as before."""
    from lms.learning.models import Attempt
    from tests.factories import make_quiz

    module = make_module("members-quiz", lessons=1)
    make_quiz(module)
    group_restrict(module)
    learner = LearnerFactory()
    client.force_login(learner)
    assert client.get(f"/my-learning/modules/{module.pk}/quiz/").status_code == 404
    assert client.post(f"/my-learning/modules/{module.pk}/quiz/start/").status_code == 404
    assert not Attempt.objects.filter(user=learner).exists()

    learner.groups.add(Group.objects.get(name=f"insiders-{module.pk}"))
    assert client.get(f"/my-learning/modules/{module.pk}/quiz/").status_code == 200
    PageViewRestriction.objects.filter(page=module).update(restriction_type=PageViewRestriction.PASSWORD)
    assert client.get(f"/my-learning/modules/{module.pk}/quiz/").status_code == 404  # no password given
    PageViewRestriction.objects.filter(page=module).delete()
    assert client.get(f"/my-learning/modules/{module.pk}/quiz/").status_code == 200
