"""The learner's follow-up pages: the form a signed link opens, and the setting that stops or
resumes follow-ups. Thin: permission, form, transaction, service, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from lms.followup.forms import FollowUpForm
from lms.followup.models import FollowUp, FollowUpRefusal
from lms.followup.services import (
    FollowUpClosed,
    allow_follow_ups,
    answer_follow_up,
    closes_on,
    decline_follow_ups,
    follow_up_days,
    follow_up_from_token,
    is_answerable,
)
from lms.site.permissions import signed_in

DECLINED = "You will not be asked to answer follow-ups again. You can change this on your profile page."


def _closed(request, follow_up: FollowUp, message: str = ""):
    """Why this follow-up cannot be answered any more: answered, declined or closed. Shown for the
    link opened again, and for a post that came too late (a double click: the first answered)."""
    return render(request, "followup/closed.html", {
        "follow_up": follow_up, "module": follow_up.module, "message": message, "closes_on": closes_on(follow_up),
    })


@signed_in
@require_http_methods(["GET", "POST"])
def follow_up(request, token: str):
    """The follow-up a signed link opens, for its owner only (anyone else, and a changed link,
    gets "not found"), until it is answered, declined or closed."""
    follow_up = follow_up_from_token(token, request.user)
    if follow_up is None:
        raise Http404("We could not find that follow-up.")
    if not is_answerable(follow_up):
        return _closed(request, follow_up)
    module = follow_up.module
    form = FollowUpForm(request.POST or None, outcomes=module.outcomes)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "decline":
                with transaction.atomic():
                    decline_follow_ups(request.user, follow_up)
                messages.success(request, DECLINED)
                return redirect("my_learning")
            if form.is_valid():
                with transaction.atomic():
                    answer_follow_up(
                        follow_up, ratings=form.ratings(), used_in_work=form.cleaned_data["used_in_work"],
                        what_happened=form.cleaned_data["what_happened"],
                    )
                messages.success(request, "Thank you. Your answers help us show what the training changes.")
                return redirect("my_learning")
        except FollowUpClosed as closed:
            follow_up.refresh_from_db()
            return _closed(request, follow_up, str(closed))
    return render(request, "followup/follow_up.html", {
        "form": form, "follow_up": follow_up, "module": module, "closes_on": closes_on(follow_up),
    })


@signed_in
@require_http_methods(["GET", "POST"])
def follow_up_setting(request):
    """Whether the learner is asked follow-up questions: an honest way to change one's mind
    after "no thanks", or to say it without waiting for an invitation."""
    refused = FollowUpRefusal.objects.filter(user=request.user).exists()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "stop":
            with transaction.atomic():
                decline_follow_ups(request.user)
            messages.success(request, DECLINED)
            return redirect("follow_up_setting")
        if action == "resume":
            with transaction.atomic():
                lifted = allow_follow_ups(request.user)
            messages.success(request, (
                "We will ask you follow-up questions again, about three months after you complete a module. "
                "Follow-ups you said no to stay closed."
            ) if lifted else "You are already asked follow-up questions. Nothing was changed.")
            return redirect("follow_up_setting")
        messages.error(request, "Choose one of the buttons. Nothing was changed.")
        return redirect("follow_up_setting")
    return render(request, "followup/setting.html", {"refused": refused, "days": follow_up_days()})
