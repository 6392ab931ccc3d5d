"""Learners' quiz and self-assessment pages. Thin: permission, form, transaction, service, redirect."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from wagtail import hooks
from wagtail.models import PageViewRestriction

from content.models import LessonPage, TrainingModulePage
from lms.learning.access import module_progress
from lms.learning.forms import ConfidenceForm
from lms.learning.models import Attempt, ConfidenceRating, Question, Quiz
from lms.learning.progress import ProgressError, acknowledge_warning, complete_lesson
from lms.learning.quizzes import (
    QuizError,
    allowance_given,
    confidence_after_due,
    confidence_problem,
    confidence_recorded,
    is_past_deadline,
    locked_attempt,
    not_ready_reason,
    questions_in_bank,
    record_confidence,
    review,
    save_locked_answers,
    start_attempt,
    submit_locked_attempt,
    unanswered_questions,
)
from lms.site.permissions import signed_in
from lms.site.redirects import safe_next


def _quiz_for(request, module_id: int) -> Quiz:
    """The quiz of a live module the visitor may view: a module under a view restriction (login,
    groups, a password) they do not pass has no quiz for them either, as Wagtail serves its pages.
    Whether the site has any restriction comes with the quiz, so most sites check none."""
    quiz = (
        Quiz.objects.select_related("module").filter(module_id=module_id, module__live=True)
        .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all())).first()
    )
    if quiz is None:
        raise Http404("This module has no quiz.")
    quiz.module.site_has_view_restrictions = quiz.site_has_view_restrictions
    if any(not restriction.accept_request(request) for restriction in quiz.module.get_view_restrictions()):
        raise Http404("This module has no quiz.")
    return quiz



@signed_in
@require_GET
def quiz(request, module_id: int):
    """The quiz's rules, the learner's attempts so far, and a button to start or resume."""
    quiz = _quiz_for(request, module_id)
    # Every attempt, for the table and the allowance alike; not their questions and answers.
    attempts = list(Attempt.objects.for_user(request.user).filter(quiz=quiz).defer("snapshot", "answers"))
    return render(request, "learning/quiz.html", {
        "quiz": quiz,
        "module": quiz.module,
        "attempts": attempts,
        "open_attempt": next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None),
        "allowance": allowance_given(quiz, attempts),
        "not_ready": not_ready_reason(request.user, quiz.module),
        "passed": any(a.passed for a in attempts),
    })


@signed_in
@require_http_methods(["POST"])
def quiz_start(request, module_id: int):
    quiz = _quiz_for(request, module_id)
    try:
        with transaction.atomic():
            attempt = start_attempt(request.user, quiz)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect("quiz", module_id=module_id)
    return redirect("attempt", attempt_id=attempt.pk)


def _attempt_questions(attempt: Attempt, unanswered=()) -> list[dict]:
    """The attempt's questions and choices in its fixed order: texts and positions, never the
    choices' ids or which are correct. Questions or choices deleted from the bank since the
    attempt started are left out."""
    questions = {
        q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)
        .select_related("case").prefetch_related("choices")
    }
    items = []
    for item in attempt.snapshot:
        question = questions.get(item["question"])
        if question is None:
            continue
        texts = {c.pk: c.text for c in question.choices.all()}
        chosen = set(attempt.answers.get(str(question.pk), []))
        items.append({
            "number": len(items) + 1,
            "id": question.pk,
            "text": question.text,
            "case": question.case,
            "multiple": question.kind == Question.Kind.MULTIPLE,
            "unanswered": question.pk in unanswered,
            "choices": [
                {"position": position, "text": texts[cid], "checked": cid in chosen}
                for position, cid in enumerate(item["choices"], start=1) if cid in texts
            ],
        })
    return items


def _render_attempt(request, attempt, unanswered=(), status=200):
    questions = _attempt_questions(attempt, unanswered)
    return render(request, "learning/attempt.html", {
        "attempt": attempt, "quiz": attempt.quiz, "module": attempt.quiz.module, "questions": questions,
        "unanswered": [q for q in questions if q["unanswered"]],
    }, status=status)


def _time_up(request, attempt: Attempt):
    """Time is up: what was saved in time is marked, as the quiz's rules say. `attempt` is
    locked, in the request's transaction."""
    submit_locked_attempt(attempt, request.user, QueryDict())
    messages.info(request, "The time for this attempt ran out. Your saved answers have been marked.")
    return redirect("attempt_result", attempt_id=attempt.pk)


@signed_in
@require_http_methods(["GET", "POST"])
def attempt(request, attempt_id: int):
    """Answer the questions; save to come back later; check, then submit to be marked."""
    if request.method == "POST":
        return _answer(request, attempt_id)
    attempt = get_object_or_404(Attempt.objects.for_user(request.user).select_related("quiz__module"), pk=attempt_id)
    if attempt.status == Attempt.Status.SUBMITTED:
        return redirect("attempt_result", attempt_id=attempt.pk)
    if is_past_deadline(attempt):
        with transaction.atomic():
            return _time_up(request, locked_attempt(attempt.pk, request.user))
    return _render_attempt(request, attempt)


def _answer(request, attempt_id: int):
    """The attempt form's buttons: save, check (submit) or confirm. The attempt is read once,
    locked, so that a double click is saved or marked once."""
    action = request.POST.get("action")
    try:
        with transaction.atomic():
            try:
                attempt = locked_attempt(attempt_id, request.user)
            except Attempt.DoesNotExist:
                raise Http404("No such attempt.") from None
            if attempt.status == Attempt.Status.SUBMITTED:
                return redirect("attempt_result", attempt_id=attempt.pk)
            if is_past_deadline(attempt):
                return _time_up(request, attempt)
            if action == "confirm":
                attempt, _submitted, unanswered = submit_locked_attempt(attempt, request.user, request.POST)
            else:
                bank = questions_in_bank(attempt)
                attempt = save_locked_answers(attempt, request.POST, bank)
                unanswered = unanswered_questions(attempt, bank=bank) if action == "submit" else ()
    except QuizError as error:
        messages.error(request, str(error))
        return redirect("attempt", attempt_id=attempt_id)
    if unanswered:
        return _render_attempt(request, attempt, unanswered=set(unanswered))
    if action == "confirm":
        return redirect("attempt_result", attempt_id=attempt.pk)
    if action == "submit":
        return redirect("attempt_check", attempt_id=attempt.pk)
    messages.success(request, "Your answers are saved. You can come back to this attempt later.")
    return redirect("attempt", attempt_id=attempt.pk)


@signed_in
@require_GET
def attempt_check(request, attempt_id: int):
    """Check your answers before they are marked: submitting cannot be undone."""
    attempt = get_object_or_404(Attempt.objects.for_user(request.user).select_related("quiz__module"), pk=attempt_id)
    if attempt.status == Attempt.Status.SUBMITTED:
        # Reloading this page, or going back to it, after submitting: the answers are marked.
        return redirect("attempt_result", attempt_id=attempt.pk)
    return render(request, "learning/attempt_check.html", {
        "attempt": attempt, "module": attempt.quiz.module, "questions": _attempt_questions(attempt),
    })


@signed_in
@require_GET
def attempt_result(request, attempt_id: int):
    attempt = get_object_or_404(
        Attempt.objects.for_user(request.user).select_related("quiz__module"),
        pk=attempt_id, status=Attempt.Status.SUBMITTED,
    )
    return render(request, "learning/attempt_result.html", {
        "attempt": attempt, "quiz": attempt.quiz, "module": attempt.quiz.module, "review": review(attempt),
        "confidence_after_due": confidence_after_due(attempt),
        "panels": attempt_result_panels(request, attempt),
    })


# Apps above this one (certificates) add a section to the quiz result page by registering a
# function under this Wagtail hook: it takes the request and the marked attempt and returns
# HTML (or None for nothing). This app never imports them.
ATTEMPT_RESULT_PANELS_HOOK = "attempt_result_panels"


def attempt_result_panels(request, attempt: Attempt) -> list[str]:
    return [html for panel in hooks.get_hooks(ATTEMPT_RESULT_PANELS_HOOK) if (html := panel(request, attempt))]


@signed_in
@require_http_methods(["GET", "POST"])
def confidence(request, module_id: int, stage: str):
    """Rate confidence on each learning outcome: before the first lesson, and after passing. The
    three-month stage is answered only through its follow-up invitation (lms.followup)."""
    if stage not in (ConfidenceRating.Stage.BEFORE, ConfidenceRating.Stage.AFTER):
        raise Http404
    module = get_object_or_404(TrainingModulePage.objects.live(), pk=module_id)
    next_url = safe_next(request, default=reverse("my_learning"))
    problem = confidence_problem(request.user, module, stage)
    if problem:
        messages.error(request, problem)
        return redirect(module.url)
    if confidence_recorded(request.user, module, stage) is not None:
        return redirect(next_url)
    form = ConfidenceForm(request.POST or None, outcomes=module.outcomes)
    if request.method == "POST":
        skipped = request.POST.get("action") == "skip"
        if skipped or form.is_valid():
            with transaction.atomic():
                if skipped:
                    record_confidence(request.user, module, stage, None)
                else:
                    record_confidence(request.user, module, stage, form.ratings(), form.cleaned_data["reflection"])
            if not skipped:
                messages.success(request, "Thank you. Your answers help us improve the training.")
            return redirect(next_url)
    before = None
    if stage == ConfidenceRating.Stage.AFTER:
        before = confidence_recorded(request.user, module, ConfidenceRating.Stage.BEFORE)
    return render(request, "learning/confidence.html", {
        "form": form, "module": module, "stage": stage, "next": next_url, "before": before,
    })


@signed_in
@require_http_methods(["POST"])
def lesson_complete(request, lesson_id: int):
    """Mark complete and continue: record the lesson, then go to the next one or back to the module."""
    lesson = LessonPage.objects.filter(pk=lesson_id).first()
    if lesson is None:
        messages.error(request, "We could not find that lesson. Nothing was recorded.")
        return redirect("my_learning")
    try:
        with transaction.atomic():
            _completion, enrolment = complete_lesson(request.user, lesson)
    except ProgressError as error:
        messages.error(request, f"{error} Nothing was recorded.")
        return redirect("my_learning")
    module = lesson.module
    if enrolment is not None and enrolment.completed_at:
        messages.success(request, f"You have completed every lesson of “{module.title}”.")
        return redirect(module.url)
    progress = module_progress(request.user, module)
    if progress.lessons_done and progress.quiz_url and not progress.quiz_passed:
        messages.success(request, "You have read every lesson. Take the quiz to complete the module.")
        return redirect(progress.quiz_url)
    return redirect(progress.next_url or module.url)


@signed_in
@require_http_methods(["POST"])
def warning_acknowledge(request, lesson_id: int):
    """The learner read the content warning and chose to continue to the lesson."""
    lesson = LessonPage.objects.filter(pk=lesson_id).first()
    if lesson is None:
        messages.error(request, "We could not find that lesson.")
        return redirect("my_learning")
    try:
        with transaction.atomic():
            acknowledge_warning(request.user, lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect("my_learning")
    return redirect(lesson.url)
