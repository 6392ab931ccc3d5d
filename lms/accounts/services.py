"""What administrators do to someone else's account: resetting their two-factor authentication."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from wagtail.log_actions import log

from lms.accounts.models import User

TWO_FACTOR_RESET = "lms.two_factor.reset"


def reset_two_factor(person: User, *, by: User, reason: str) -> bool:
    """Delete every authenticator of `person` (app and recovery codes), end every session they
    have open (end_all_sessions), log it with the reason and email them. At their next sign-in to
    the staff pages they set two-factor up again, through the emailed link
    (lms.accounts.staff_enrolment).

    Returns False, changing nothing, when there was nothing to reset: a second submission of
    the same form sends no second email and writes no second log entry.
    """
    with transaction.atomic():
        # Two submissions at once queue here; the second then finds nothing left to delete.
        User.objects.select_for_update().filter(pk=person.pk).first()
        deleted, _ = Authenticator.objects.filter(user=person).delete()
        if not deleted:
            return False
        end_all_sessions(person)
        log(person, TWO_FACTOR_RESET, user=by, data={"reason": reason})
        transaction.on_commit(lambda: _email_two_factor_reset(person))
    return True


def end_all_sessions(person: User) -> None:
    """Sign `person` out everywhere: each of their sessions is signed out at its next request.

    Raises their security stamp, which is part of the hash every session is checked against
    (User.get_session_auth_hash). Only their sessions: whoever does this (an administrator, never
    resetting themselves) keeps their own.
    """
    User.objects.filter(pk=person.pk).update(security_stamp=F("security_stamp") + 1)
    person.refresh_from_db(fields=["security_stamp"])


def _email_two_factor_reset(person: User) -> None:
    context = {"user": person, "email": person.email}
    subject = render_to_string("accounts/email/two_factor_reset_subject.txt", context).strip()
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        message=render_to_string("accounts/email/two_factor_reset_message.txt", context),
        from_email=None, recipient_list=[person.email],
    )
