"""Applying to be a champion, and the line manager's agreement to the time it takes.

The application page shows, in turn: where an application already stands, why someone cannot
apply yet (and what to do next), or the form. The line manager's page needs no account: the
signed link in their email is the key, and any other link gets the same "not valid" page.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from champions.forms.apply import AgreementForm, ApplicationForm, initial_for
from champions.models import Champion, StatusChange
from champions.permissions import line_manager_link, verified_professional
from champions.services import (
    ChampionError,
    agreement_link_expired,
    application_problem,
    champion_for_agreement_token,
    confirmed_organisations,
    missing_module_urls,
    record_manager_agreement,
    record_manager_refusal,
    resend_agreement_link,
    tier_progress,
)
from champions.services import (
    apply as apply_to_be_a_champion,
)
from lms.accounts.models import User

S = Champion.Status
REAPPLY = (S.DECLINED, S.WITHDRAWN)
MANAGER_DID_NOT_AGREE = "Line manager did not agree to the time through the emailed link."


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _own_record(user) -> Champion | None:
    return (
        Champion.objects.select_related("tier", "organisation")
        .prefetch_related("districts", "specialisms", "languages").filter(user=user).first()
    )


@verified_professional
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request):
    """The role explained, then the application form: or where an application stands, or why the
    person cannot apply yet."""
    user = request.user
    champion = _own_record(user)
    if champion is not None and champion.status not in REAPPLY:
        if request.method == "POST":
            if request.POST.get("action") == "resend":
                _resend_link(request, champion)
            # Otherwise a second click of "Send application", or a form left open in another tab.
            return redirect("champion_apply")
        return render(request, "champions/apply/status.html", {
            "champion": champion, "link_days": settings.CHAMPION_AGREEMENT_LINK_DAYS,
            "link_expired": agreement_link_expired(champion),
        })

    progress = tier_progress(user)
    problem = application_problem(user)
    if problem:
        return render(request, "champions/apply/cannot_apply.html", {
            "problem": problem, "progress": progress, "champion": champion,
            "has_organisation": confirmed_organisations(user).exists(),
            "module_urls": missing_module_urls(progress, request),
        })

    if request.method == "POST":
        form = ApplicationForm(request.POST, user=user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    # One application at a time per person, however many clicks: the second waits
                    # here, then finds the first and is refused.
                    User.objects.select_for_update().filter(pk=user.pk).first()
                    apply_to_be_a_champion(user, form.application(), request=request)
            except ChampionError as error:
                if Champion.objects.filter(user=user).exclude(status__in=REAPPLY).exists():
                    return redirect("champion_apply")
                form.add_error(None, f"{error} Your application was not sent.")
            else:
                return redirect("champion_apply")
    else:
        form = ApplicationForm(user=user)
        form.initial = initial_for(
            user, champion, form.fields["tier"].queryset, form.fields["organisation"].queryset,
        )
    return render(request, "champions/apply/apply.html", {
        "form": form, "progress": progress, "champion": champion,
        "module_urls": missing_module_urls(progress, request),
    })


def _resend_link(request, champion: Champion) -> None:
    """The applicant asks for their line manager's link to be sent again (it expired or went astray)."""
    try:
        with transaction.atomic():
            resend_agreement_link(champion, by=request.user)
    except ChampionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"We have emailed {champion.line_manager_name} a new link.")


def _not_valid(request):
    return _noindex(render(request, "champions/apply/agreement_not_valid.html", status=404))


def _email_applicant_manager_did_not_agree(champion_pk: int) -> None:
    champion = Champion.objects.select_related("user", "tier").get(pk=champion_pk)
    context = {
        "champion": champion,
        "apply_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("champion_apply"),
    }
    send_mail(
        subject=render_to_string("champions/apply/email_manager_did_not_agree_subject.txt", context).strip(),
        message=render_to_string("champions/apply/email_manager_did_not_agree_message.txt", context),
        from_email=None, recipient_list=[champion.user.email],
    )


def _answered_by_this_link(champion: Champion, decision: str) -> bool:
    """Whether this link's own answer is already recorded (a second click, or going back)."""
    if decision == AgreementForm.AGREE:
        return champion.manager_agreed_at is not None and champion.manager_agreement_recorded_by_id is None
    if decision == AgreementForm.CONFIRM_DISAGREE:
        return champion.status == S.DECLINED and StatusChange.objects.filter(
            champion=champion, to_status=S.DECLINED, by__isnull=True, reason=MANAGER_DID_NOT_AGREE,
            at__gte=champion.applied_at,
        ).exists()
    return False


@line_manager_link
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def agreement(request, token: str):
    """The line manager's page: who applied, for what, and the time it asks; agree, or do not."""
    try:
        champion = champion_for_agreement_token(token)
    except (ValueError, TypeError, OverflowError):
        # A correctly signed token whose contents are not an id (never one this site made).
        champion = None
    if champion is None:
        return _not_valid(request)
    form = AgreementForm(request.POST or None)
    if champion.status != S.APPLIED:
        # The link has been answered. A second click of the same answer sees its result again.
        if request.method == "POST" and form.is_valid() and _answered_by_this_link(
                champion, form.cleaned_data["decision"]):
            return _done(request, champion, form.cleaned_data["decision"])
        return _not_valid(request)

    context = {"champion": champion, "form": form, "token": token}
    if request.method != "POST":
        return _noindex(render(request, "champions/apply/agreement.html", context))
    if not form.is_valid():
        return _noindex(render(request, "champions/apply/agreement.html", context, status=400))
    decision = form.cleaned_data["decision"]
    if decision == AgreementForm.DISAGREE:
        return _noindex(render(request, "champions/apply/agreement_confirm_disagree.html", context))
    try:
        with transaction.atomic():
            if decision == AgreementForm.AGREE:
                record_manager_agreement(champion)
            else:
                record_manager_refusal(champion, reason=MANAGER_DID_NOT_AGREE)
                transaction.on_commit(lambda: _email_applicant_manager_did_not_agree(champion.pk))
    except ChampionError:
        # Answered a moment ago (a double click, or two tabs): show that answer if it was this one.
        champion.refresh_from_db()
        if _answered_by_this_link(champion, decision):
            return _done(request, champion, decision)
        return _not_valid(request)
    return _done(request, champion, decision)


def _done(request, champion: Champion, decision: str):
    template = "agreement_thanks.html" if decision == AgreementForm.AGREE else "agreement_not_agreed.html"
    return _noindex(render(request, f"champions/apply/{template}", {"champion": champion}))
