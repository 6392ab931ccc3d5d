"""The guidance update page's part for the person reading it, and completing an update.

The page itself is a Wagtail page (GuidanceUpdatePage.serve: signed-in people only). Completing
is a POST to /my-learning/updates/<id>/complete/, with the answers when the update has questions:
wrong answers show the page again with what was wrong and why; right ones (or none to give)
record the completion once and go back to My learning.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from content.models import reference_data
from content.tailoring import ALL_SECTORS, tailor
from lms.certificates.services import today
from lms.site.permissions import signed_in
from lms.updates.forms import UpdateAnswersForm
from lms.updates.models import GuidanceUpdatePage, UpdateCompletion, UpdateNotice
from lms.updates.services import NotAHolder, complete_update, due_on, live_updates, needs, page_path


def body_html(update: GuidanceUpdatePage, user) -> str:
    """The update's body tailored to the reader's sector, as lessons are."""
    names = {sector.pk: sector.name for sector in reference_data()["sectors"]}
    parts = tailor(update.body, getattr(user, "sector_id", None) or ALL_SECTORS, names)
    return mark_safe(render_to_string("content/lesson_body.html", {"parts": parts}))  # noqa: S308  (our template)


def update_page_context(request, update: GuidanceUpdatePage, form: UpdateAnswersForm | None = None) -> dict:
    """What the page shows the reader: whether they need to complete it, have done, or need not."""
    user = request.user
    questions = list(update.questions.all())
    context = {"body": body_html(update, user), "questions": questions, "form": form}
    if not user.is_authenticated or update.update_day is None:  # a preview of a draft
        return {**context, "state": "preview"}
    completion = UpdateCompletion.objects.filter(update=update, user=user).first()
    if completion is not None:
        return {**context, "state": "completed", "completion": completion}
    day = today()
    if not needs(user, update, day):
        return {**context, "state": "not_needed"}
    due = due_on(update, UpdateNotice.objects.filter(update=update, user=user).first())
    return {
        **context, "state": "to_complete", "due_on": due, "outstanding": day > due,
        "form": form or UpdateAnswersForm(questions),
    }


@signed_in
@require_POST
def complete(request, update_id: int):
    """Complete an update: check the answers, then record it once."""
    update = get_object_or_404(live_updates(), pk=update_id)
    form = UpdateAnswersForm(update.questions.all(), request.POST)
    if not form.is_valid():
        context = update.get_context(request)
        context.update(update_page_context(request, update, form=form))
        return render(request, update.template, context)
    try:
        _completion, created = complete_update(request.user, update)
    except NotAHolder as refusal:
        messages.info(request, str(refusal))
        return redirect(page_path(update))
    if created:
        messages.success(request, f"You have completed the update “{update.title}”. It is now part of your "
                                  "certificate’s history.")
    else:
        messages.info(request, f"You had already completed the update “{update.title}”.")
    return redirect("my_learning")
