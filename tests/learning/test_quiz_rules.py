"""The quiz rules as services: drawing, targeting, cooldowns, time limits and evaluation totals."""

import random
from datetime import timedelta
from unittest import mock

import pytest
from django.http import QueryDict
from django.utils import timezone

from content.models import Sector
from lms.learning.models import Attempt, Choice, Question
from lms.learning.quizzes import (
    QuizError,
    allowance,
    confidence_summary,
    draw_questions,
    not_ready_reason,
    record_confidence,
    save_answers,
    submit_attempt,
)
from lms.learning.quizzes import start_attempt as start_attempt_unread
from tests.factories import LearnerFactory, make_module, make_quiz, read_all_lessons

pytestmark = pytest.mark.django_db


def start_attempt(learner, quiz, **options):
    """Start an attempt as a learner who has read every lesson (the quiz is the last step)."""
    read_all_lessons(learner, quiz.module)
    return start_attempt_unread(learner, quiz, **options)


def test_the_quiz_waits_until_every_lesson_is_read():
    module = make_module("unread-quiz", lessons=2)
    quiz = make_quiz(module, questions=1)
    learner = LearnerFactory()
    with pytest.raises(QuizError, match="you have read 0 of 2"):
        start_attempt_unread(learner, quiz)
    assert not Attempt.objects.exists()
    read_all_lessons(learner, module)
    assert not_ready_reason(learner, module) is None
    assert start_attempt_unread(learner, quiz).pk


def posted(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return query


def test_sector_only_questions_are_never_drawn_for_other_sectors_and_preferred_come_first():
    module = make_module("targeted", lessons=1)
    quiz = make_quiz(module, questions=3)
    health, police = Sector.objects.get(slug="health"), Sector.objects.get(slug="police")
    only_police = Question.objects.create(module=module, text="Police only?", explanation=".", kind="single")
    only_police.sectors.set([police])
    only_police.save()
    for_health = Question.objects.create(module=module, text="Health first?", explanation=".", kind="single",
                                         sector_use=Question.SectorUse.PREFERRED)
    for_health.sectors.set([health])
    for_health.save()
    for seed in range(20):
        drawn = draw_questions(quiz, health.pk, random.Random(seed))
        assert only_police not in drawn
        assert for_health in drawn
        assert len(drawn) == 3


def fail(learner, attempt):
    wrong = {}
    for item in attempt.snapshot:
        choice = Choice.objects.get(question_id=item["question"], is_correct=False)
        wrong[f"q{item['question']}"] = str(item["choices"].index(choice.pk) + 1)
    return submit_attempt(attempt.pk, learner, posted(wrong))[0]


def test_a_retake_after_a_fail_draws_questions_the_learner_was_not_given_last_time():
    module = make_module("retaken", lessons=1)
    quiz = make_quiz(module, questions=3, extra_bank=4)
    learner = LearnerFactory()
    for seed in range(10):
        first = fail(learner, start_attempt(learner, quiz, rng=random.Random(seed)))
        second = start_attempt(learner, quiz, rng=random.Random(seed))
        assert not set(first.question_ids) & set(second.question_ids)
        Attempt.objects.filter(user=learner).delete()


def test_a_retake_repeats_questions_only_when_the_bank_runs_out():
    module = make_module("small-bank", lessons=1)
    quiz = make_quiz(module, questions=3, extra_bank=1)
    learner = LearnerFactory()
    first = fail(learner, start_attempt(learner, quiz, rng=random.Random(1)))
    second = start_attempt(learner, quiz, rng=random.Random(1))
    fresh = set(Question.objects.filter(module=module).values_list("pk", flat=True)) - set(first.question_ids)
    assert fresh <= set(second.question_ids)
    assert len(second.question_ids) == 3


def test_a_retake_keeps_sector_targeting_and_per_category_draws():
    module = make_module("retaken-targeted", lessons=1)
    quiz = make_quiz(module, questions=4, extra_bank=8, per_category=True)
    health, police = Sector.objects.get(slug="health"), Sector.objects.get(slug="police")
    questions = list(Question.objects.filter(module=module))
    for index, question in enumerate(questions):
        question.category = ["law", "risk"][index % 2]
        question.save()
    only_police = questions[0]
    only_police.sectors.set([police])
    only_police.save()
    everything_else = {q.pk for q in questions[1:]}
    for seed in range(10):
        first = draw_questions(quiz, health.pk, random.Random(seed))
        retake = draw_questions(quiz, health.pk, random.Random(seed), avoid={q.pk for q in first})
        assert not {q.pk for q in first} & {q.pk for q in retake}
        assert {q.category for q in retake} == {"law", "risk"}
        # Even when every other question was just used, the police-only one is not drawn.
        repeat = draw_questions(quiz, health.pk, random.Random(seed), avoid=everything_else)
        assert only_police not in repeat and len(repeat) == 4


def test_a_retake_after_a_pass_is_drawn_from_the_whole_bank():
    module = make_module("passed-once", lessons=1)
    quiz = make_quiz(module, questions=2, extra_bank=0)
    learner = LearnerFactory()
    first = start_attempt(learner, quiz)
    right = {}
    for item in first.snapshot:
        choice = Choice.objects.get(question_id=item["question"], is_correct=True)
        right[f"q{item['question']}"] = str(item["choices"].index(choice.pk) + 1)
    assert submit_attempt(first.pk, learner, posted(right))[0].passed
    assert set(start_attempt(learner, quiz).question_ids) == set(first.question_ids)


def test_per_category_draw_takes_from_every_category():
    module = make_module("categorised", lessons=1)
    quiz = make_quiz(module, questions=4, extra_bank=8, per_category=True)
    questions = list(Question.objects.filter(module=module))
    for index, question in enumerate(questions):
        question.category = ["law", "risk"][index % 2] if index < 10 else "practice"
        question.save()
    drawn = draw_questions(quiz, None, random.Random(1))
    assert {q.category for q in drawn} == {"law", "risk", "practice"}


def test_a_cooldown_after_a_failed_attempt_is_enforced():
    module = make_module("cooling", lessons=1)
    quiz = make_quiz(module, questions=1, cooldown_minutes=30)
    learner = LearnerFactory()
    attempt = start_attempt(learner, quiz)
    item = attempt.snapshot[0]
    wrong = Choice.objects.get(question_id=item["question"], is_correct=False)
    submit_attempt(attempt.pk, learner, posted({f"q{item['question']}": str(item["choices"].index(wrong.pk) + 1)}))
    assert not allowance(learner, quiz).can_start
    with pytest.raises(QuizError, match="Take a break"):
        start_attempt(learner, quiz)
    assert allowance(learner, quiz, now=timezone.now() + timedelta(minutes=31)).can_start


def test_after_the_time_limit_only_saved_answers_count():
    module = make_module("timed", lessons=1)
    quiz = make_quiz(module, questions=2, time_limit_minutes=10)
    learner = LearnerFactory()
    attempt = start_attempt(learner, quiz)
    assert attempt.deadline is not None
    answers = {}
    for item in attempt.snapshot:
        right = Choice.objects.get(question_id=item["question"], is_correct=True)
        answers[f"q{item['question']}"] = str(item["choices"].index(right.pk) + 1)
    late = timezone.now() + timedelta(minutes=20)
    with (
        pytest.raises(QuizError, match="time for this attempt is up"),
        mock.patch("lms.learning.quizzes.timezone.now", return_value=late),
    ):
        save_answers(attempt.pk, learner, posted(answers))
    result, new, _unanswered = submit_attempt(attempt.pk, learner, posted(answers), now=late)
    assert new and result.status == Attempt.Status.SUBMITTED
    assert result.score == 0  # nothing had been saved before time ran out


def test_confidence_totals_for_reporting():
    module = make_module("rated", lessons=1)
    first, second, skipper = LearnerFactory(), LearnerFactory(), LearnerFactory()
    quiz = make_quiz(module, questions=2)
    record_confidence(first, module, "before", [2, 2])
    with pytest.raises(QuizError, match="after you pass"):
        record_confidence(first, module, "after", [4, 4])
    Attempt.objects.create(user=first, quiz=quiz, snapshot=[], status=Attempt.Status.SUBMITTED, passed=True, score=100)
    record_confidence(first, module, "after", [4, 4])
    record_confidence(second, module, "before", [3, 3])
    record_confidence(skipper, module, "before", None)
    record_confidence(first, module, "after", [1, 1])  # a repeat changes nothing
    assert confidence_summary(module) == {
        "before_count": 2, "after_count": 1, "paired_count": 1, "mean_change": 2.0,
    }
