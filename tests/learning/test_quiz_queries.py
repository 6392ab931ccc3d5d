"""What the quiz page, starting a quiz and submitting one cost: a fixed number of queries, however
many attempts the learner made before; and the rules those fewer queries still keep."""

import random
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from content.models import Sector
from lms.learning.models import Attempt, Enrolment, Question
from lms.learning.progress import is_module_complete
from lms.learning.quizzes import QuizError, eligible_questions, not_ready_reason, start_attempt
from tests.factories import LearnerFactory, answers_for, make_module, make_quiz, read_all_lessons, start_quiz

pytestmark = pytest.mark.django_db

# Session and user (2); the quiz (1); its attempts (1); the module page's one (lessons read,
# prerequisites: lms.learning.access); the site, for the link back to the module (1).
QUIZ_PAGE_QUERIES = 6
# Session and user (2); the quiz (1) and a savepoint; readiness (1); the attempts that decide
# the start (1); the bank with the sectors each question targets (1); the drawn questions'
# choices (1); the attempt, inserted in a savepoint (3); the savepoint released (1).
START_QUERIES = 12
# Session and user (2); a savepoint; the attempt, locked (1); its questions' kinds and right
# answers (1); the mark saved (1); the module's completion (lms.learning.progress: the lessons
# read (2), the enrolment read, locked and completed (3), the pass just marked settling the
# quiz's part); the savepoint released (1).
SUBMIT_QUERIES = 12
# Checking the answers (saved, then the check page): session and user (2); a savepoint; the
# attempt, locked (1); its questions (1); the answers saved (1); the savepoint released (1).
CHECK_QUERIES = 7


def past_attempts(learner, quiz, count: int, *, days_ago: int = 3) -> None:
    """`count` failed attempts, submitted long enough ago not to count against today's allowance."""
    when = timezone.now() - timedelta(days=days_ago)
    made = Attempt.objects.bulk_create([
        Attempt(user=learner, quiz=quiz, snapshot=[], status=Attempt.Status.SUBMITTED, passed=False, score=0,
                submitted_at=when)
        for _ in range(count)
    ])
    Attempt.objects.filter(pk__in=[a.pk for a in made]).update(started_at=when)


def ready_learner(module):
    """A signed-in learner who has read every lesson of `module`, as the lessons' pages record it
    (an enrolment too); the site's root paths cached already, as on any request but the first."""
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    read_all_lessons(learner, module)
    Enrolment.objects.create(user=learner, module=module)
    assert client.get(module.url).status_code == 200
    return learner, client


@pytest.mark.parametrize("history", [0, 12])
def test_the_quiz_page_costs_the_same_whatever_the_attempts_before(history, django_assert_num_queries):
    module = make_module(f"quiz-page-{history}", lessons=2)
    quiz = make_quiz(module, questions=2)
    learner, client = ready_learner(module)
    past_attempts(learner, quiz, history)
    with django_assert_num_queries(QUIZ_PAGE_QUERIES):
        response = client.get(f"/my-learning/modules/{module.pk}/quiz/")
    assert "Start the quiz" in response.content.decode()
    assert response.content.decode().count("Not passed") == history


@pytest.mark.parametrize("history", [0, 12])
def test_starting_a_quiz_costs_the_same_whatever_the_attempts_before(history, django_assert_num_queries):
    module = make_module(f"quiz-start-{history}", lessons=2)
    quiz = make_quiz(module, questions=2)
    learner, client = ready_learner(module)
    past_attempts(learner, quiz, history)
    with django_assert_num_queries(START_QUERIES):
        response = client.post(f"/my-learning/modules/{module.pk}/quiz/start/")
    assert response.status_code == 302
    assert Attempt.objects.filter(user=learner, quiz=quiz, status=Attempt.Status.IN_PROGRESS).count() == 1


def test_checking_then_submitting_a_pass_that_completes_the_module_cost_fixed_queries(django_assert_num_queries):
    module = make_module("quiz-submit", lessons=2)
    make_quiz(module, questions=3)
    learner, client = ready_learner(module)
    attempt = start_quiz(client, module)
    data = {**answers_for(attempt), "action": "submit"}
    with django_assert_num_queries(CHECK_QUERIES):
        checked = client.post(f"/my-learning/attempts/{attempt.pk}/", data)
    assert checked["Location"] == f"/my-learning/attempts/{attempt.pk}/check/"
    with django_assert_num_queries(SUBMIT_QUERIES):
        response = client.post(f"/my-learning/attempts/{attempt.pk}/", {"action": "confirm"})
    assert response["Location"] == f"/my-learning/attempts/{attempt.pk}/result/"
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.SUBMITTED, 100, True)
    assert Enrolment.objects.get(user=learner, module=module).completed_at is not None


def test_the_quiz_page_says_when_the_days_attempts_are_used_up(client):
    module = make_module("used-up", lessons=1)
    quiz = make_quiz(module, questions=1, attempts_per_day=2)
    learner = LearnerFactory()
    client.force_login(learner)
    read_all_lessons(learner, module)
    past_attempts(learner, quiz, 3)  # days ago: they do not count
    page = client.get(f"/my-learning/modules/{module.pk}/quiz/").content.decode()
    assert "(2 left now)" in page and "Start the quiz" in page
    for _ in range(2):
        attempt = start_quiz(client, module)
        client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    page = client.get(f"/my-learning/modules/{module.pk}/quiz/").content.decode()
    assert "(0 left now)" in page and "You have used all 2 attempts" in page
    assert "Start the quiz" not in page


def test_the_quiz_page_says_when_a_cooldown_ends(client):
    module = make_module("cooling-page", lessons=1)
    make_quiz(module, questions=1, cooldown_minutes=30)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    page = client.get(f"/my-learning/modules/{module.pk}/quiz/").content.decode()
    assert "Take a break before trying again" in page and "Start the quiz" not in page


def test_a_retake_days_after_a_fail_still_avoids_its_questions():
    module = make_module("retaken-later", lessons=1)
    quiz = make_quiz(module, questions=3, extra_bank=3)
    learner = LearnerFactory()
    read_all_lessons(learner, module)
    first = start_attempt(learner, quiz, rng=random.Random(1))
    Attempt.objects.filter(pk=first.pk).update(
        status=Attempt.Status.SUBMITTED, passed=False, score=0,
        started_at=timezone.now() - timedelta(days=5), submitted_at=timezone.now() - timedelta(days=5),
    )
    past_attempts(learner, quiz, 2, days_ago=9)  # older failures, without questions, do not hide it
    retake = start_attempt(learner, quiz, rng=random.Random(1))
    assert not set(first.question_ids) & set(retake.question_ids)


def test_an_attempt_left_open_for_days_is_resumed_not_replaced():
    module = make_module("left-open", lessons=1)
    quiz = make_quiz(module, questions=2)
    learner = LearnerFactory()
    read_all_lessons(learner, module)
    first = start_attempt(learner, quiz)
    Attempt.objects.filter(pk=first.pk).update(started_at=timezone.now() - timedelta(days=4))
    assert start_attempt(learner, quiz).pk == first.pk
    assert Attempt.objects.filter(user=learner, quiz=quiz).count() == 1


def test_the_quiz_waits_for_the_modules_prerequisites():
    first = make_module("groundwork", lessons=1)
    second = make_module("building-on-it", lessons=1, prerequisites=[first])
    quiz = make_quiz(second, questions=1)
    learner = LearnerFactory()
    read_all_lessons(learner, second)
    with pytest.raises(QuizError, match="Complete “Groundwork” before you start this module"):
        start_attempt(learner, quiz)
    Enrolment.objects.create(user=learner, module=first, completed_at=timezone.now())
    assert not_ready_reason(learner, second) is None


def test_a_question_for_several_sectors_is_drawn_for_each_of_them_and_no_other():
    module = make_module("shared-targets", lessons=1)
    quiz = make_quiz(module, questions=2, extra_bank=2)
    health, police, education = (Sector.objects.get(slug=slug) for slug in ("health", "police", "education"))
    shared = Question.objects.create(module=module, text="For two sectors?", explanation=".", kind="single")
    shared.sectors.set([health, police])
    shared.save()
    for sector in (health, police):
        preferred, others = eligible_questions(quiz, sector.pk)
        assert shared in preferred + others and len(preferred + others) == 5
    preferred, others = eligible_questions(quiz, education.pk)
    assert shared not in preferred + others and len(preferred + others) == 4


def test_a_pass_settles_the_quiz_only_for_its_own_learner_and_module():
    module, other = make_module("settled", lessons=1), make_module("unsettled", lessons=1)
    quiz, other_quiz = make_quiz(module, questions=1), make_quiz(other, questions=1)
    learner, someone = LearnerFactory(), LearnerFactory()
    for person in (learner, someone):
        read_all_lessons(person, module)
        read_all_lessons(person, other)
    passed = Attempt.objects.create(user=learner, quiz=quiz, snapshot=[], status=Attempt.Status.SUBMITTED,
                                    passed=True, score=100)
    failed = Attempt.objects.create(user=learner, quiz=other_quiz, snapshot=[], status=Attempt.Status.SUBMITTED,
                                    passed=False, score=0)
    assert is_module_complete(learner, module, passing=passed)
    assert not is_module_complete(learner, other, passing=passed)
    assert not is_module_complete(someone, module, passing=passed)
    assert not is_module_complete(learner, other, passing=failed)
