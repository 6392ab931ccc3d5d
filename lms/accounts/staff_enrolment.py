"""Setting up a second factor for a staff role needs the account's email, not just its password.

Without this, anyone who learns the password of a staff account that has no authenticator yet
(a new coordinator, or a learner just given a staff role) could set up their own authenticator
and hold every staff power. Before allauth's set-up page opens for such an account, we email a
link to its verified address; following it (signed in as that account, within 30 minutes)
marks this session as allowed to set up the authenticator.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from lms.site.permissions import signed_in
from lms.site.redirects import safe_next

SALT = "lms.staff-enrolment"


MAX_AGE = 30 * 60  # seconds a link stays valid


SESSION_KEY = "lms_staff_enrolment_confirmed_for"


SENDS_PER_HOUR = 3


def enrolment_confirmed(request, user) -> bool:
    return request.session.get(SESSION_KEY) == user.pk


def _token_for(user) -> str:
    # The password hash is part of the signed value: a link dies when the password changes.
    return signing.dumps({"user": user.pk, "password": user.password[-12:]}, salt=SALT)


def _user_of(token: str, user) -> bool:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # includes an expired link
        return False
    return data.get("user") == user.pk and data.get("password") == user.password[-12:]


@signed_in
@require_http_methods(["GET", "POST"])
def staff_enrolment(request):
    """Explain, and on request email the link that allows setting up two-factor authentication."""
    next_url = safe_next(request, default=reverse("mfa_activate_totp"))
    if enrolment_confirmed(request, request.user):
        return redirect(next_url)
    sent = False
    if request.method == "POST":
        key = f"staff-enrolment-sends:{request.user.pk}"
        cache.add(key, 0, timeout=3600)
        if cache.incr(key) > SENDS_PER_HOUR:
            messages.error(
                request, "We have sent several links in the last hour. Use the latest one, or try again later."
            )
        else:
            confirm = reverse("staff_enrolment_confirm", args=[_token_for(request.user)])
            link = request.build_absolute_uri(f"{confirm}?{urlencode({'next': next_url})}")
            context = {"user": request.user, "link": link, "minutes": MAX_AGE // 60}
            send_mail(
                subject=render_to_string("accounts/email/staff_enrolment_subject.txt", context).strip(),
                message=render_to_string("accounts/email/staff_enrolment_message.txt", context),
                from_email=None, recipient_list=[request.user.email],
            )
            sent = True
    return render(request, "accounts/staff_enrolment.html", {"sent": sent, "next": next_url})


@signed_in
@require_GET
def staff_enrolment_confirm(request, token: str):
    """The emailed link: this session may now set up an authenticator for this account."""
    next_url = safe_next(request, default=reverse("mfa_activate_totp"))
    if not _user_of(token[:500], request.user):
        return render(request, "accounts/staff_enrolment.html", {"invalid": True, "next": next_url}, status=400)
    request.session[SESSION_KEY] = request.user.pk
    return redirect(next_url)
