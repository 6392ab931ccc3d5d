"""The learning engine's answers to content pages (content.learning): typed, complete, cheap."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.learning import Barrier, Status
from content.models import LessonPage
from lms.learning.access import catalogue, lesson_access, lesson_opened, module_overview
from lms.learning.models import ConfidenceRating, Enrolment, LessonVisit
from lms.learning.progress import acknowledge_warning
from tests.factories import LearnerFactory, make_module, make_quiz, read_all_lessons

pytestmark = pytest.mark.django_db


def lessons_of(module):
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def test_a_visitor_is_asked_to_sign_in_without_a_query():
    lesson = lessons_of(make_module("open", lessons=1))[0]
    lesson.module, lesson.url  # noqa: B018  (the route gives the module; the site's root paths are cached)
    with CaptureQueriesContext(connection) as captured:
        access = lesson_access(AnonymousUser(), lesson)
    assert len(captured) == 0
    assert access.barrier is Barrier.SIGN_IN and not access.may_read


def test_a_learner_reads_with_position_neighbours_urls_and_progress_in_two_queries():
    module = make_module("three", lessons=3)
    first, second, third = lessons_of(module)
    learner = LearnerFactory()
    read_all_lessons(learner, module)  # every lesson opened and done; completion not yet recorded
    second.module, second.url  # noqa: B018  (as above)
    with CaptureQueriesContext(connection) as captured:
        access = lesson_access(learner, second)
    assert len(captured) <= 2
    assert access.may_read and access.barrier is None
    assert (access.position, access.lesson_count) == (2, 3)
    assert access.previous_lesson.url == first.url and access.next_lesson.title == third.title
    assert access.completed and access.opened
    assert access.complete_url == f"/my-learning/lessons/{second.pk}/complete/"
    assert access.acknowledge_warning_url == f"/my-learning/lessons/{second.pk}/continue/"
    assert access.my_learning_url == "/my-learning/"
    assert access.progress.status is Status.IN_PROGRESS and access.progress.is_in_progress
    assert (access.progress.done, access.progress.total, access.progress.percent) == (3, 3, 100)


def test_missing_prerequisites_come_first_with_links_to_them():
    first = make_module("first", lessons=1)
    second = make_module("second", lessons=1, prerequisites=[first], content_warning="Hard subject.")
    access = lesson_access(LearnerFactory(), lessons_of(second)[0])
    assert access.barrier is Barrier.PREREQUISITES
    assert [(link.title, link.url) for link in access.missing_prerequisites] == [(first.title, first.url)]
    assert "First" in access.message


def test_the_content_warning_then_the_self_assessment_stand_before_a_lesson():
    module = make_module("warned", lessons=1, content_warning="This module discusses homicide.")
    make_quiz(module, questions=1)
    lesson = lessons_of(module)[0]
    learner = LearnerFactory()
    assert lesson_access(learner, lesson).barrier is Barrier.CONTENT_WARNING
    acknowledge_warning(learner, lesson)
    access = lesson_access(learner, lesson)
    assert access.barrier is Barrier.SELF_ASSESSMENT
    assert access.redirect_url.startswith(f"/my-learning/modules/{module.pk}/confidence/before/?next=")
    ConfidenceRating.objects.create(user=learner, module=module, stage="before", skipped=True)
    assert lesson_access(learner, lesson).may_read


def test_opening_a_lesson_writes_once_and_reads_nothing():
    module = make_module("opened", lessons=1)
    lesson = lessons_of(module)[0]
    learner = LearnerFactory()
    access = lesson_access(learner, lesson)
    with CaptureQueriesContext(connection) as captured:
        lesson_opened(learner, lesson, access)
    assert [q["sql"].split()[0] for q in captured] == ["INSERT"]
    again = lesson_access(learner, lesson)
    assert again.opened
    with CaptureQueriesContext(connection) as captured:
        lesson_opened(learner, lesson, again)
    assert len(captured) == 0
    assert LessonVisit.objects.filter(user=learner).count() == 1


def test_the_overview_lists_lessons_prerequisites_and_a_completed_status():
    first = make_module("before", lessons=1)
    module = make_module("after", lessons=2, prerequisites=[first])
    learner = LearnerFactory()
    Enrolment.objects.create(user=learner, module=first, completed_at="2026-01-02T10:00:00Z")
    overview = module_overview(learner, module)
    assert overview.may_start
    assert [entry.title for entry in overview.lessons] == ["Lesson 1", "Lesson 2"]
    assert [(p.title, p.completed) for p in overview.prerequisites] == [(first.title, True)]
    done = catalogue(learner, [first]).progress[first.pk]
    assert done.status is Status.COMPLETED and done.is_completed and done.label == "Completed"
    assert done.completed_at.year == 2026
    assert module_overview(AnonymousUser(), module).barrier is Barrier.SIGN_IN


def test_the_catalogue_costs_one_query_whatever_the_number_of_modules():
    learner = LearnerFactory()
    modules = [make_module(f"m-{n}", lessons=2) for n in range(12)]
    modules[0].url  # noqa: B018  (the site's root paths, cached for every later request)
    catalogue(LearnerFactory(), modules[:2])  # every module's live lessons, read once for everyone
    with CaptureQueriesContext(connection) as few:
        catalogue(learner, modules[:3])
    with CaptureQueriesContext(connection) as many:
        result = catalogue(learner, modules)
    assert len(few) == len(many) == 1
    assert all(progress.status is Status.NOT_STARTED for progress in result.progress.values())
    assert result.profile_url == "/profile/" and result.my_learning_url == "/my-learning/"


def test_which_lessons_are_live_is_read_once_for_everyone_and_again_when_pages_change():
    """Each learner's query reads only their own completions and visits; the lessons each module
    has live are kept with the catalogue, and a lesson published, taken down or restricted
    shows at once."""
    from wagtail.models import PageViewRestriction

    from tests.factories import LessonPageFactory

    first, second = make_module("kept-1", lessons=2), make_module("kept-2", lessons=1)
    catalogue(LearnerFactory(), [first, second])
    learner = LearnerFactory()
    with CaptureQueriesContext(connection) as queries:
        result = catalogue(learner, [first, second])
    assert len(queries) == 1 and LessonPage._meta.db_table not in queries[0]["sql"]
    assert [result.progress[m.pk].total for m in (first, second)] == [2, 1]

    LessonPageFactory(parent=second, title="Lesson 2", slug="lesson-2")
    assert catalogue(LearnerFactory(), [second]).progress[second.pk].total == 2
    LessonPage.objects.child_of(first).first().unpublish()
    assert catalogue(LearnerFactory(), [first]).progress[first.pk].total == 1
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert catalogue(LearnerFactory(), [second]).progress[second.pk].total == 0


# When every lesson is read the next step is the quiz, never "Continue: None".


def _lessons_read_with_quiz(client):
    from tests.factories import EnrolmentFactory

    module = make_module("quizzed", lessons=2)
    make_quiz(module, questions=1)
    learner = LearnerFactory()
    EnrolmentFactory(user=learner, module=module)
    read_all_lessons(learner, module)
    client.force_login(learner)
    return module, learner


def test_every_lesson_read_makes_the_quiz_the_next_step(client):
    module, learner = _lessons_read_with_quiz(client)
    progress = catalogue(learner, [module]).progress[module.pk]
    assert progress.next_url == progress.quiz_url == f"/my-learning/modules/{module.pk}/quiz/"
    assert progress.next_title == "Take the quiz"
    for url in ("/my-learning/", module.url):
        page = client.get(url).content.decode()
        assert "Continue: None" not in page, url
        assert f'href="{progress.quiz_url}" role="button"' in page, url
        assert ">Take the quiz</a>" in page, url


def test_an_open_attempt_is_continued_and_a_failed_one_tried_again(client):
    from django.utils import timezone

    from tests.factories import start_quiz

    module, learner = _lessons_read_with_quiz(client)
    attempt = start_quiz(client, module)
    assert catalogue(learner, [module]).progress[module.pk].next_title == "Continue your quiz attempt"
    for url in ("/my-learning/", module.url):
        page = client.get(url).content.decode()
        assert "Continue: None" not in page and "When you have read the lessons" not in page, url
        assert "Continue your quiz attempt" in page, url
    type(attempt).objects.filter(pk=attempt.pk).update(
        status="submitted", passed=False, score=0, submitted_at=timezone.now()
    )
    assert catalogue(learner, [module]).progress[module.pk].next_title == "Try the quiz again"
    for url in ("/my-learning/", module.url):
        assert "Try the quiz again" in client.get(url).content.decode(), url


def test_a_module_in_progress_still_continues_at_its_next_lesson(client):
    module, learner = _lessons_read_with_quiz(client)
    from lms.learning.models import LessonCompletion

    LessonCompletion.objects.filter(user=learner, lesson=lessons_of(module)[1]).delete()
    progress = catalogue(learner, [module]).progress[module.pk]
    assert (progress.next_url, progress.next_title) == (lessons_of(module)[1].url, "Lesson 2")
    assert "Continue: Lesson 2" in client.get(module.url).content.decode()


def test_a_completed_module_offers_to_read_again():
    module = make_module("done", lessons=2)
    learner = LearnerFactory()
    Enrolment.objects.create(user=learner, module=module, completed_at="2026-11-01T10:00:00Z")
    read_all_lessons(learner, module)
    progress = catalogue(learner, [module]).progress[module.pk]
    assert progress.is_completed and progress.next_url == lessons_of(module)[0].url
