"""Progress through modules: lesson completion, content warnings, and the one completion rule.

What content pages read about a learner is in lms.learning.access (the engine behind
content.learning); the functions below are the rules and the services the progress views call
inside a transaction.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.utils import timezone

from content.models import LessonPage, TrainingModulePage, without_view_restrictions
from lms.accounts.models import User
from lms.learning.models import Attempt, Enrolment, LessonCompletion, LessonVisit, Question, Quiz

# The one event from learning to certificates, sent after commit: the module is complete and
# (if it has a quiz) `attempt` passed it. Sent once when a module first becomes complete, and
# once for each later pass (a renewal). Certificates are its only receiver.
module_passed = Signal()  # kwargs: user, module, attempt (None for a module with no quiz)


class ProgressError(Exception):
    """A progress change the learner may not make (unpublished lesson, missing prerequisites)."""


def live_lessons_by_module(modules) -> dict[int, list[LessonPage]]:
    """The live lessons of each module, in order, in one query. A lesson under a view restriction
    is left out, as the module page leaves it out: what counts towards completion is what a
    learner is shown."""
    modules = [m for m in modules if m is not None]
    result = {m.pk: [] for m in modules}
    if not modules:
        return result
    by_path = {m.path: m.pk for m in modules}
    depth_filters = [models.Q(path__startswith=m.path, depth=m.depth + 1) for m in modules]
    lessons = (
        without_view_restrictions(LessonPage.objects.live().filter(reduce(or_, depth_filters)))
        .only("id", "title", "path", "depth", "url_path", "slug").order_by("path")
    )
    step = LessonPage.steplen
    for lesson in lessons:
        parent_pk = by_path.get(lesson.path[:-step])
        if parent_pk is not None:
            result[parent_pk].append(lesson)
    return result


def completed_prerequisites(user: User, module: TrainingModulePage) -> tuple[list, list]:
    """(done, missing) among the module's live prerequisites."""
    prerequisites = list(module.live_prerequisites())
    done_ids = set(
        Enrolment.objects.filter(user=user, module__in=prerequisites, completed_at__isnull=False)
        .values_list("module_id", flat=True)
    )
    return [p for p in prerequisites if p.pk in done_ids], [p for p in prerequisites if p.pk not in done_ids]


def quiz_required(module: TrainingModulePage) -> Quiz | None:
    """The module's quiz, if it has one with questions to answer."""
    quiz = Quiz.objects.filter(module=module).first()
    if quiz and Question.objects.filter(module=module, active=True).exists():
        return quiz
    return None


def is_module_complete(user: User, module: TrainingModulePage, passing: Attempt | None = None) -> bool:
    """THE completion rule: every live lesson of the module is complete, and the module's quiz
    (if it has one) is passed. Every caller that needs to know uses this. `passing`: an attempt
    of the learner's at the module's quiz that the caller holds, if it passed; it settles the
    quiz's part of the rule without asking the database."""
    lessons = live_lessons_by_module([module])[module.pk]
    if not lessons:
        return False
    done = set(
        LessonCompletion.objects.filter(user=user, lesson__in=lessons).values_list("lesson_id", flat=True)
    )
    if not all(lesson.pk in done for lesson in lessons):
        return False
    if (passing is not None and passing.passed is True and passing.user_id == user.pk
            and passing.quiz.module_id == module.pk):
        return True
    quiz = quiz_required(module)
    return quiz is None or Attempt.objects.filter(user=user, quiz=quiz, passed=True).exists()


def record_completion_if_met(
    user: User, module: TrainingModulePage, attempt: Attempt | None = None
) -> Enrolment | None:
    """Mark the enrolment complete the first time the rule is met, and announce `module_passed`
    once: for that first completion, or for `attempt` passing a module already complete."""
    if not is_module_complete(user, module, passing=attempt):
        return None
    enrolment, _ = Enrolment.objects.get_or_create(user=user, module=module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    newly_complete = enrolment.completed_at is None
    if newly_complete:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
    if newly_complete or attempt is not None:
        passing = attempt or (
            Attempt.objects.filter(user=user, quiz__module=module, passed=True).order_by("-submitted_at").first()
        )
        transaction.on_commit(
            lambda: module_passed.send(sender=Enrolment, user=user, module=module, attempt=passing)
        )
    return enrolment


def _check_can_learn(user: User, lesson: LessonPage) -> TrainingModulePage:
    if not lesson.live:
        raise ProgressError("That lesson is not available.")
    module = TrainingModulePage.objects.parent_of(lesson).first()
    if module is None or not module.live:
        raise ProgressError("That module is not available at the moment.")
    _done, missing = completed_prerequisites(user, module)
    if missing:
        raise ProgressError(prerequisite_message(missing))
    return module


def prerequisite_message(missing) -> str:
    names = ", ".join(f"“{m.title}”" for m in missing)
    return f"Complete {names} before you start this module."


def record_lesson_opened(user: User, lesson_id: int, module_id: int) -> None:
    """The learner has the lesson in front of them (past any content warning). One row per
    lesson: a single INSERT that two tabs opening it at once cannot duplicate."""
    LessonVisit.objects.bulk_create(
        [LessonVisit(user=user, lesson_id=lesson_id, module_id=module_id)], ignore_conflicts=True
    )


def complete_lesson(user: User, lesson: LessonPage) -> tuple[LessonCompletion, Enrolment | None]:
    """Record that the learner finished a lesson they have opened. Repeating it changes nothing."""
    module = _check_can_learn(user, lesson)
    enrolment, _ = Enrolment.objects.get_or_create(user=user, module=module)
    if module.content_warning and enrolment.warning_acknowledged_at is None:
        raise ProgressError("Read the module's content warning and open the lesson first.")
    if not LessonVisit.objects.filter(user=user, lesson=lesson).exists():
        raise ProgressError("Open the lesson and read it before you mark it complete.")
    try:
        with transaction.atomic():
            completion, _ = LessonCompletion.objects.get_or_create(user=user, lesson=lesson, module=module)
    except IntegrityError:  # a double click raced us to it
        completion = LessonCompletion.objects.get(user=user, lesson=lesson)
    return completion, record_completion_if_met(user, module)


def acknowledge_warning(user: User, lesson: LessonPage) -> Enrolment:
    """The learner has read the module's content warning and chosen to continue."""
    module = _check_can_learn(user, lesson)
    enrolment, _ = Enrolment.objects.get_or_create(user=user, module=module)
    if enrolment.warning_acknowledged_at is None:
        enrolment.warning_acknowledged_at = timezone.now()
        enrolment.save(update_fields=["warning_acknowledged_at"])
    return enrolment
