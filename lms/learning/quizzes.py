"""Quiz attempts: drawing questions, saving answers, scoring once on the server.

The correct answers never leave this module before an attempt is submitted: the attempt page
gets choice ids and texts only, and marking happens here.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, FilteredRelation, Prefetch, Q, Subquery
from django.utils import timezone

from content.learning import Barrier
from content.models import TrainingModulePage
from lms.accounts.models import User
from lms.learning.access import module_overview
from lms.learning.models import Attempt, Choice, ConfidenceRating, Question, Quiz
from lms.learning.progress import record_completion_if_met


class QuizError(Exception):
    """Something the learner asked for that the quiz's rules do not allow; nothing was changed."""


class Submission(NamedTuple):
    """What submitting an attempt did.

    `submitted`: marked just now (False for a repeat submission, or when questions were left
    unanswered). `unanswered`: ids of questions still without an answer; the answers posted
    were saved, and nothing was marked.
    """

    attempt: Attempt
    submitted: bool
    unanswered: tuple[int, ...] = ()


# After the deadline, a little grace for a page already on its way.
DEADLINE_GRACE = timedelta(seconds=30)
# The window `Quiz.attempts_per_day` counts attempts in.
ALLOWANCE_WINDOW = timedelta(hours=24)


@dataclass
class Allowance:
    can_start: bool
    remaining: int
    reason: str = ""


def allowance(user: User, quiz: Quiz, now=None) -> Allowance:
    """How many attempts the learner may still start, and if none, why and until when."""
    now = now or timezone.now()
    return allowance_given(
        quiz, Attempt.objects.filter(user=user, quiz=quiz, started_at__gt=now - ALLOWANCE_WINDOW), now
    )


def allowance_given(quiz: Quiz, attempts, now=None) -> Allowance:
    """`allowance` from the learner's attempts at `quiz` that the caller holds already: all of
    them, or at least every one started in the last 24 hours (older ones are ignored)."""
    now = now or timezone.now()
    recent = sorted((a for a in attempts if a.started_at > now - ALLOWANCE_WINDOW), key=lambda a: a.started_at)
    remaining = max(quiz.attempts_per_day - len(recent), 0)
    if remaining == 0:
        until = timezone.localtime(recent[0].started_at + ALLOWANCE_WINDOW)
        return Allowance(False, 0, f"You have used all {quiz.attempts_per_day} attempts for now. "
                                   f"You can try again after {until:%H:%M on %-d %B}.")
    if quiz.cooldown_minutes and recent:
        submitted, passed = recent[-1].submitted_at, recent[-1].passed
        if submitted and passed is False and submitted + timedelta(minutes=quiz.cooldown_minutes) > now:
            until = timezone.localtime(submitted + timedelta(minutes=quiz.cooldown_minutes))
            return Allowance(False, remaining, f"Take a break before trying again: you can start after {until:%H:%M}.")
    return Allowance(True, remaining)


def eligible_questions(quiz: Quiz, sector_id: int | None) -> tuple[list[Question], list[Question]]:
    """(preferred, others) in the bank for a learner of this sector."""
    # One query: a row for each question and sector it targets (one with None for a question
    # for everyone), rather than the questions and then their sectors.
    rows = (
        Question.objects.filter(module_id=quiz.module_id, active=True)
        .annotate(target_sector_id=F("sectors__id")).order_by("id")
    )
    bank, targets = {}, defaultdict(set)
    for row in rows:
        bank.setdefault(row.pk, row)
        if row.target_sector_id is not None:
            targets[row.pk].add(row.target_sector_id)
    preferred, others = [], []
    for question in bank.values():
        sector_ids = targets[question.pk]
        if not sector_ids:
            others.append(question)
        elif sector_id in sector_ids:
            (preferred if question.sector_use == Question.SectorUse.PREFERRED else others).append(question)
        elif question.sector_use == Question.SectorUse.PREFERRED:
            others.append(question)
    return preferred, others


def draw_questions(
    quiz: Quiz, sector_id: int | None, rng: random.Random, avoid: set[int] | frozenset[int] = frozenset()
) -> list[Question]:
    """A random draw of the quiz's size; cases kept together.

    Questions in `avoid` (those of a failed attempt just before) are drawn only when the bank
    has too few others, so a retake is not the same quiz again. Among the fresh questions, and
    then among the repeats, the sector's preferred questions come first.
    """
    preferred, others = eligible_questions(quiz, sector_id)
    rng.shuffle(preferred)
    rng.shuffle(others)
    ordered = [q for q in preferred + others if q.pk not in avoid] + [q for q in preferred + others if q.pk in avoid]
    wanted = quiz.questions_per_attempt
    if quiz.per_category:
        by_category = defaultdict(list)
        for question in ordered:
            by_category[question.category].append(question)
        pools = list(by_category.values())
        drawn = []
        while len(drawn) < wanted and any(pools):
            for pool in pools:
                if pool and len(drawn) < wanted:
                    drawn.append(pool.pop(0))
    else:
        drawn = ordered[:wanted]
    # Scenario questions about the same case sit together, in the case's order.
    first_seen = {}
    for position, question in enumerate(drawn):
        first_seen.setdefault(question.case_id or -question.pk, position)
    return sorted(drawn, key=lambda q: (first_seen[q.case_id or -q.pk], q.pk))


def not_ready_reason(user: User, module) -> str | None:
    """Why the learner may not take the module's quiz yet: prerequisites, or lessons not read.

    The module page's own answer (lms.learning.access, two queries), so the quiz asks for what
    that page shows: the live prerequisites and lessons, none under a view restriction."""
    overview = module_overview(user, module)
    if overview.barrier is Barrier.PREREQUISITES:
        return overview.message
    read, total = overview.progress.done, overview.progress.total
    if read < total:
        return (f"Read every lesson before you take the quiz: you have read {read} of {total}. "
                "The quiz is the last step of the module.")
    return None


def attempts_deciding_a_start(user: User, quiz: Quiz, now) -> list[Attempt]:
    """The learner's attempts at `quiz` that decide whether and how a new one starts, in one
    query: the open one, those started in the last 24 hours (the allowance), and the last one
    submitted (a failed one's questions are avoided in the retake). A handful of rows, however
    many attempts the learner made before."""
    mine = Attempt.objects.filter(user=user, quiz=quiz)
    last_submitted = mine.filter(status=Attempt.Status.SUBMITTED).order_by("-started_at").values("pk")[:1]
    return list(mine.filter(
        Q(status=Attempt.Status.IN_PROGRESS) | Q(started_at__gt=now - ALLOWANCE_WINDOW) | Q(pk=Subquery(last_submitted))
    ))


def start_attempt(user: User, quiz: Quiz, *, rng: random.Random | None = None, now=None) -> Attempt:
    """Resume the learner's open attempt, or start a new one if the rules allow."""
    rng = rng or random.SystemRandom()
    module = quiz.module
    if not module.live:
        raise QuizError("This module is not available at the moment.")
    problem = not_ready_reason(user, module)
    if problem:
        raise QuizError(problem)
    now = now or timezone.now()
    attempts = attempts_deciding_a_start(user, quiz, now)
    open_attempt = next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None)
    if open_attempt is not None:
        return open_attempt
    permitted = allowance_given(quiz, attempts, now)
    if not permitted.can_start:
        raise QuizError(permitted.reason)
    previous = max(
        (a for a in attempts if a.status == Attempt.Status.SUBMITTED), key=lambda a: a.started_at, default=None
    )
    avoid = set(previous.question_ids) if previous is not None and previous.passed is False else set()
    questions = draw_questions(quiz, user.sector_id, rng, avoid=avoid)
    if not questions:
        raise QuizError("This quiz has no questions yet.")
    choices = defaultdict(list)
    for question_id, choice_id in (
        Choice.objects.filter(question__in=questions).order_by("sort_order", "id").values_list("question_id", "id")
    ):
        choices[question_id].append(choice_id)
    snapshot = []
    for question in questions:
        order = list(choices[question.pk])
        if quiz.shuffle_choices and question.kind != Question.Kind.TRUE_FALSE:
            rng.shuffle(order)
        snapshot.append({"question": question.pk, "choices": order})
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            return Attempt.objects.create(user=user, quiz=quiz, snapshot=snapshot, deadline=deadline)
    except IntegrityError:  # a double click started one a moment ago
        return Attempt.objects.get(user=user, quiz=quiz, status=Attempt.Status.IN_PROGRESS)


class BankQuestion(NamedTuple):
    """One of an attempt's questions as marking needs it: its kind and its correct choices."""

    kind: str
    correct: frozenset[int]


def questions_in_bank(attempt: Attempt) -> dict[int, BankQuestion]:
    """The attempt's questions still in the bank (deleted ones are missing), each with its kind
    and correct choices: one query for parsing, checking and marking alike."""
    rows = (
        Question.objects.filter(pk__in=attempt.question_ids)
        .annotate(correct_choice=FilteredRelation("choices", condition=Q(choices__is_correct=True)))
        .order_by().values_list("pk", "kind", "correct_choice__id")
    )
    kinds, correct = {}, defaultdict(set)
    for question_id, kind, choice_id in rows:
        kinds[question_id] = kind
        if choice_id is not None:
            correct[question_id].add(choice_id)
    return {question_id: BankQuestion(kind, frozenset(correct[question_id])) for question_id, kind in kinds.items()}


def parse_answers(
    attempt: Attempt, posted, bank: dict[int, BankQuestion] | None = None
) -> tuple[dict[str, list[int]], set[str]]:
    """(answers, cleared) from a posted attempt form, checked against the attempt.

    The form names each question `q<question id>` and each choice by its position in the
    attempt (1, 2, 3...), never by its database id: ids follow the order an author typed the
    choices, so they would give the answers away. `shown` lists the questions on the page, so
    a question posted with nothing ticked counts as cleared.

    Raises QuizError for a position that is not one of that question's choices, or several
    choices for a single-answer question. `bank`: `questions_in_bank(attempt)`, if the caller
    has it.
    """
    bank = questions_in_bank(attempt) if bank is None else bank
    shown = set(posted.getlist("shown"))
    answers, cleared = {}, set()
    mismatch = "One of your answers did not match its question. Nothing was saved."
    for item in attempt.snapshot:
        question_id = item["question"]
        raw = posted.getlist(f"q{question_id}")
        if not raw:
            if str(question_id) in shown:
                cleared.add(str(question_id))
            continue
        try:
            positions = {int(value) for value in raw}
        except (TypeError, ValueError):
            raise QuizError(mismatch) from None
        if not all(1 <= position <= len(item["choices"]) for position in positions):
            raise QuizError(mismatch)
        kind = bank[question_id].kind if question_id in bank else None
        if kind != Question.Kind.MULTIPLE and len(positions) > 1:
            raise QuizError("Choose one answer for each single-answer question. Nothing was saved.")
        answers[str(question_id)] = sorted(item["choices"][position - 1] for position in positions)
    return answers, cleared


def merged_answers(attempt: Attempt, posted, bank: dict[int, BankQuestion] | None = None) -> dict[str, list[int]]:
    answers, cleared = parse_answers(attempt, posted, bank)
    merged = {key: value for key, value in attempt.answers.items() if key not in cleared}
    return {**merged, **answers}


def is_past_deadline(attempt: Attempt, now=None) -> bool:
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + DEADLINE_GRACE


def unanswered_questions(
    attempt: Attempt, answers: dict | None = None, bank: dict[int, BankQuestion] | None = None
) -> tuple[int, ...]:
    """Ids of the attempt's questions (still in the bank) that have no answer, in the attempt's order."""
    answers = attempt.answers if answers is None else answers
    existing = questions_in_bank(attempt) if bank is None else bank
    return tuple(q for q in attempt.question_ids if q in existing and str(q) not in answers)


def locked_attempt(attempt_id: int, user: User) -> Attempt:
    """The learner's attempt with its quiz and module, its row (only its row: other learners'
    submissions of the same quiz must not wait) locked until the transaction ends, so that a
    double click is marked once. Raises Attempt.DoesNotExist for anyone else's."""
    return (
        Attempt.objects.for_user(user).select_for_update(of=("self",)).select_related("quiz__module")
        .get(pk=attempt_id)
    )


def save_answers(attempt_id: int, user: User, posted) -> Attempt:
    """Keep the learner's answers so far, to resume later."""
    return save_locked_answers(locked_attempt(attempt_id, user), posted)


def save_locked_answers(attempt: Attempt, posted, bank: dict[int, BankQuestion] | None = None) -> Attempt:
    """`save_answers` for an attempt from `locked_attempt` in the caller's transaction (`bank`:
    `questions_in_bank(attempt)`, if the caller has it)."""
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise QuizError("This attempt has already been submitted; its answers cannot change.")
    if is_past_deadline(attempt):
        raise QuizError("The time for this attempt is up, so answers can no longer be changed.")
    attempt.answers = merged_answers(attempt, posted, bank)
    attempt.save(update_fields=["answers"])
    return attempt


def mark(attempt: Attempt, bank: dict[int, BankQuestion] | None = None) -> tuple[int, int]:
    """(number correct, total) for the attempt's answers: exactly the correct set scores."""
    # A question deleted from the bank since the attempt started is left out of the marking.
    bank = questions_in_bank(attempt) if bank is None else bank
    correct = sum(
        1 for question_id in attempt.question_ids
        if question_id in bank and set(attempt.answers.get(str(question_id), [])) == bank[question_id].correct
    )
    return correct, len(bank)


def submit_attempt(attempt_id: int, user: User, posted, *, now=None) -> Submission:
    """Save the posted answers and, if every question is answered, score the attempt once.

    With questions unanswered (and time left) the answers are saved and nothing is marked:
    `Submission.unanswered` lists them. Submitting again (a double click, a second tab, a retry)
    returns the first result and changes nothing. Must run inside a transaction.
    """
    return submit_locked_attempt(locked_attempt(attempt_id, user), user, posted, now=now)


def submit_locked_attempt(attempt: Attempt, user: User, posted, *, now=None) -> Submission:
    """`submit_attempt` for an attempt from `locked_attempt` in the caller's transaction."""
    now = now or timezone.now()
    if attempt.status == Attempt.Status.SUBMITTED:
        return Submission(attempt, False)
    bank = questions_in_bank(attempt)
    timed_out = is_past_deadline(attempt, now)
    # After the deadline only what was saved in time counts.
    answers = attempt.answers if timed_out else merged_answers(attempt, posted, bank)
    unanswered = unanswered_questions(attempt, answers, bank)
    if unanswered and not timed_out:
        attempt.answers = answers
        attempt.save(update_fields=["answers"])
        return Submission(attempt, False, unanswered)
    attempt.answers = answers
    attempt.correct_count, total = mark(attempt, bank)
    attempt.score = round(100 * attempt.correct_count / total) if total else 0
    attempt.passed = attempt.score >= attempt.quiz.pass_mark
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = now
    attempt.save(update_fields=["answers", "correct_count", "score", "passed", "status", "submitted_at"])
    if attempt.passed:
        record_completion_if_met(user, attempt.quiz.module, attempt)
    return Submission(attempt, True)


def review(attempt: Attempt) -> list[dict] | None:
    """What the result page may show of each question, as the quiz's settings allow.

    After a failed attempt, unless the quiz sets `answers_after_fail`, each item says only
    whether the learner was right and which lesson to revisit: no marked answers, explanations
    or choice feedback, which would give the answers to the retake away.
    """
    quiz = attempt.quiz
    if attempt.status != Attempt.Status.SUBMITTED:
        return None
    if quiz.review_when == Quiz.ReviewWhen.NEVER:
        return None
    if quiz.review_when == Quiz.ReviewWhen.AFTER_PASS and not attempt.passed:
        return None
    reveal = bool(attempt.passed) or quiz.answers_after_fail
    questions = {
        q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)
        .select_related("case", "lesson").prefetch_related(Prefetch("choices", Choice.objects.all()))
    }
    items = []
    for item in attempt.snapshot:
        question = questions.get(item["question"])
        if question is None:
            continue
        by_id = {c.pk: c for c in question.choices.all()}
        chosen = set(attempt.answers.get(str(question.pk), []))
        correct_ids = {c.pk for c in by_id.values() if c.is_correct}
        lesson = question.lesson if question.lesson is not None and question.lesson.live else None
        items.append({
            "question": question,
            "is_correct": chosen == correct_ids if quiz.review_shows_correctness else None,
            "lesson": lesson,
            "answers_shown": reveal,
            "choices": [
                {
                    "text": by_id[cid].text,
                    "chosen": cid in chosen,
                    "correct": (cid in correct_ids) if reveal and quiz.review_shows_answers else None,
                    "feedback": by_id[cid].feedback if reveal and quiz.review_shows_feedback and cid in chosen else "",
                }
                for cid in item["choices"] if cid in by_id and (reveal or cid in chosen)
            ],
            "explanation": question.explanation if reveal and quiz.review_shows_feedback else "",
        })
    return items


def confidence_problem(user: User, module: TrainingModulePage, stage: str) -> str | None:
    """Why `user` may not rate their confidence on `module` at `stage` yet, or None.

    Before: any time. After: once they have passed the module's quiz.
    """
    if stage == ConfidenceRating.Stage.AFTER and not Attempt.objects.for_user(user).filter(
        quiz__module=module, passed=True
    ).exists():
        return "You can rate your confidence after you pass this module's quiz."
    return None


def confidence_recorded(user: User, module: TrainingModulePage, stage: str) -> ConfidenceRating | None:
    return ConfidenceRating.objects.filter(user=user, module=module, stage=stage).first()


def confidence_after_due(attempt: Attempt) -> bool:
    """A pass just now, and no "after" self-assessment yet: the result page invites one."""
    return bool(attempt.passed) and confidence_recorded(
        attempt.user, attempt.quiz.module, ConfidenceRating.Stage.AFTER
    ) is None


def record_confidence(user: User, module: TrainingModulePage, stage: str, ratings: list[int] | None,
                      reflection: str = "") -> ConfidenceRating:
    """Save a self-assessment once per stage (None: skipped); a repeat post changes nothing.

    Raises QuizError where `confidence_problem` says the stage is not open to them yet.
    """
    problem = confidence_problem(user, module, stage)
    if problem:
        raise QuizError(problem)
    rating, _created = ConfidenceRating.objects.get_or_create(
        user=user, module=module, stage=stage,
        defaults={"ratings": ratings or [], "reflection": reflection, "skipped": ratings is None},
    )
    return rating


def confidence_summary(module: TrainingModulePage) -> dict:
    """Per-module aggregates for reporting: learners who rated before and after, and the mean
    change among those who rated both; counted in the database (two queries)."""
    rated = ConfidenceRating.objects.filter(module=module, mean__isnull=False)
    counts = rated.aggregate(
        before_count=Count("pk", filter=Q(stage=ConfidenceRating.Stage.BEFORE)),
        after_count=Count("pk", filter=Q(stage=ConfidenceRating.Stage.AFTER)),
    )
    paired = rated.paired(ConfidenceRating.Stage.AFTER).aggregate(
        paired_count=Count("pk"), mean_change=Avg(F("mean") - F("earlier_mean")),
    )
    change = paired["mean_change"]
    return {**counts, "paired_count": paired["paired_count"],
            "mean_change": round(change, 2) if change is not None else None}
