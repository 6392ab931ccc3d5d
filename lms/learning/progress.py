"""Progress through modules: lesson completion, content warnings, and the one completion rule.

`LmsLearningEngine` is what content pages call (see content.learning); the functions below are
the services the progress views call inside a transaction.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db import IntegrityError, models, transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from content.models import LessonPage, TrainingModulePage
from lms.accounts.models import User
from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion, LessonVisit, Question, Quiz

# The one event from learning to certificates, sent after commit: the module is complete and
# (if it has a quiz) `attempt` passed it. Sent once when a module first becomes complete, and
# once for each later pass (a renewal). Certificates are its only receiver.
module_passed = Signal()  # kwargs: user, module, attempt (None for a module with no quiz)


class ProgressError(Exception):
    """A progress change the learner may not make (unpublished lesson, missing prerequisites)."""


def live_lessons_by_module(modules) -> dict[int, list[LessonPage]]:
    """The live lessons of each module, in order, in one query."""
    modules = [m for m in modules if m is not None]
    result = {m.pk: [] for m in modules}
    if not modules:
        return result
    by_path = {m.path: m.pk for m in modules}
    depth_filters = [models.Q(path__startswith=m.path, depth=m.depth + 1) for m in modules]
    lessons = (
        LessonPage.objects.live().filter(reduce(or_, depth_filters))
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


def is_module_complete(user: User, module: TrainingModulePage) -> bool:
    """THE completion rule: every live lesson of the module is complete, and the module's quiz
    (if it has one) is passed. Every caller that needs to know uses this."""
    lessons = live_lessons_by_module([module])[module.pk]
    if not lessons:
        return False
    done = set(
        LessonCompletion.objects.filter(user=user, lesson__in=lessons).values_list("lesson_id", flat=True)
    )
    if not all(lesson.pk in done for lesson in lessons):
        return False
    quiz = quiz_required(module)
    return quiz is None or Attempt.objects.filter(user=user, quiz=quiz, passed=True).exists()


def record_completion_if_met(
    user: User, module: TrainingModulePage, attempt: Attempt | None = None
) -> Enrolment | None:
    """Mark the enrolment complete the first time the rule is met, and announce `module_passed`
    once: for that first completion, or for `attempt` passing a module already complete."""
    if not is_module_complete(user, module):
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


def record_lesson_opened(user: User, lesson: LessonPage, module: TrainingModulePage) -> None:
    """The learner has the lesson in front of them (past any content warning). Once per lesson."""
    LessonVisit.objects.get_or_create(user=user, lesson=lesson, defaults={"module": module})


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


def _progress_entry(lessons, done_ids, enrolment, quiz=None, quiz_passed=False) -> dict:
    total = len(lessons)
    done = sum(1 for lesson in lessons if lesson.pk in done_ids)
    next_lesson = next((lesson for lesson in lessons if lesson.pk not in done_ids), None)
    if enrolment is not None and enrolment.completed_at:
        status = "completed"
    elif done or enrolment is not None:
        status = "in_progress"
    else:
        status = "not_started"
    return {
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else 0,
        "status": status,
        "next_url": (next_lesson or (lessons[0] if lessons else None)).url if lessons else None,
        "next_title": next_lesson.title if next_lesson else None,
        "completed_at": enrolment.completed_at if enrolment else None,
        "quiz_url": reverse("quiz", args=[quiz.module_id]) if quiz else None,
        "quiz_passed": quiz_passed,
        "lessons_done": total > 0 and done == total,
    }


class LmsLearningEngine:
    """What content pages may ask about a learner (registered in LmsConfig.ready)."""

    def module_progress(self, user, modules) -> dict[int, dict]:
        modules = list({m.pk: m for m in modules}.values())
        lessons = live_lessons_by_module(modules)
        if not user.is_authenticated:
            return {m.pk: _progress_entry(lessons[m.pk], set(), None) for m in modules}
        ids = [m.pk for m in modules]
        done_ids = set(
            LessonCompletion.objects.filter(user=user, module_id__in=ids).values_list("lesson_id", flat=True)
        )
        enrolments = {e.module_id: e for e in Enrolment.objects.filter(user=user, module_id__in=ids)}
        quizzes = {q.module_id: q for q in Quiz.objects.filter(module_id__in=ids)}
        passed = set(
            Attempt.objects.filter(user=user, quiz__module_id__in=ids, passed=True)
            .values_list("quiz__module_id", flat=True)
        )
        return {
            m.pk: _progress_entry(lessons[m.pk], done_ids, enrolments.get(m.pk), quizzes.get(m.pk), m.pk in passed)
            for m in modules
        }

    def access_problem(self, user, module) -> str | None:
        if not user.is_authenticated:
            return "Sign in to start this module."
        _done, missing = completed_prerequisites(user, module)
        return prerequisite_message(missing) if missing else None

    def lesson_opened(self, user, lesson) -> None:
        # get_or_create copes with two tabs opening the lesson at once: one record either way.
        record_lesson_opened(user, lesson, lesson.module)

    def lesson_state(self, user, lesson) -> dict:
        module_id = lesson.module.pk
        # Modules with a quiz are evaluated: confidence before the first lesson and after passing.
        due = (
            Quiz.objects.filter(module_id=module_id).exists()
            and not ConfidenceRating.objects.filter(user=user, module_id=module_id, stage="before").exists()
        )
        return {
            "before_lesson_url": f"{reverse('confidence', args=[module_id, 'before'])}?next={lesson.url}"
            if due else None,
            "completed": LessonCompletion.objects.filter(user=user, lesson=lesson).exists(),
            "warning_acknowledged": Enrolment.objects.filter(
                user=user, module_id=module_id, warning_acknowledged_at__isnull=False
            ).exists(),
        }
