"""The learner's feedback on a lesson: the form (at the end of the lesson, and on a page of its
own to change it or to show its errors) and the post. Thin: permission, form, transaction,
service, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from content.learning import engine
from content.models import LessonPage
from lms.feedback.forms import LessonFeedbackForm
from lms.feedback.models import LessonFeedback
from lms.feedback.services import give_feedback
from lms.site.permissions import signed_in


def readable_lesson(user, lesson_id: int) -> LessonPage:
    """The live lesson `user` may read now (in a live module, under no view restriction, past
    every barrier); Http404 otherwise, so nobody learns more about a lesson they cannot read."""
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None or not lesson.module.live:
        raise Http404("We could not find that lesson.")
    if not engine().lesson_access(user, lesson).may_read:
        raise Http404("We could not find that lesson.")
    return lesson


def initial_for(feedback: LessonFeedback | None) -> dict:
    if feedback is None:
        return {}
    return {"clear": feedback.clear, "useful": feedback.useful, "comment": feedback.comment}


@signed_in
@require_http_methods(["GET", "POST"])
def lesson_feedback(request, lesson_id: int):
    """Give or change feedback on a lesson. One per learner and lesson: posting again changes it."""
    lesson = readable_lesson(request.user, lesson_id)
    existing = LessonFeedback.objects.filter(user=request.user, lesson=lesson).first()
    if request.method == "POST":
        form = LessonFeedbackForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                given = give_feedback(request.user, lesson, **form.cleaned_data)
            if given.created:
                messages.success(request, "Thank you for your feedback on this lesson.")
            elif given.changed:
                messages.success(request, "Thank you. Your feedback on this lesson has been changed.")
            else:
                messages.info(request, "Your feedback on this lesson was already saved. Nothing changed.")
            return redirect(lesson.url + "#lesson-feedback")
    else:
        form = LessonFeedbackForm(initial=initial_for(existing))
    # A refused post shows the form again with its errors, as GOV.UK forms do (nothing was saved).
    return render(request, "feedback/feedback_page.html", {
        "lesson": lesson, "module": lesson.module, "form": form, "existing": existing,
    })
