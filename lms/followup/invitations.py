"""The daily job that invites learners to their follow-up, each once, by email with a signed link.

Safe to run any number of times a day: the follow-up row (one a person and module, a
constraint) is the record that the invitation went out, made before the email and removed if
the email fails (logged), so the next run tries again; the others are still sent."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from lms.followup.models import FollowUp
from lms.followup.services import closes_on, completions_due, invite, link_token

logger = logging.getLogger(__name__)


def follow_up_url(follow_up: FollowUp) -> str:
    """The signed link, as a path on this site."""
    return reverse("follow_up", args=[link_token(follow_up)])


def send_follow_up_invitations(day: datetime.date | None = None) -> int:
    """Invite everyone whose follow-up falls due on `day` (today by default) or fell due in the
    days the job missed (services.CATCH_UP_DAYS); returns how many were emailed."""
    day = day or timezone.localdate()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    sent = 0
    for enrolment in completions_due(day):
        follow_up = invite(enrolment)
        if follow_up is None:  # another run made it a moment ago, or they just said no thanks
            continue
        # Mail goes out after the row is committed (invite's own transaction), so no lock is held
        # during SMTP; if sending fails the row goes and the next run tries again.
        try:
            context = {
                "follow_up": follow_up,
                "name": enrolment.user.full_name,
                "module_title": enrolment.module.title,
                "link": base + follow_up_url(follow_up),
                "closes_on": closes_on(follow_up),
                "my_learning_url": base + reverse("my_learning"),
            }
            send_mail(
                subject=render_to_string("followup/email/invitation_subject.txt", context).strip(),
                message=render_to_string("followup/email/invitation_message.txt", context),
                from_email=None, recipient_list=[enrolment.user.email],
            )
        except Exception:
            # One address the mail server refuses must not hold up everyone after it: this one
            # is tried again by the next run (up to CATCH_UP_DAYS late).
            follow_up.delete()
            logger.exception("Could not email follow-up invitation to user %s; the next run tries again.",
                             enrolment.user_id)
            continue
        sent += 1
    return sent


@task()
def send_follow_up_invitations_task() -> int:
    """The same job for the background worker (`manage.py db_worker`)."""
    return send_follow_up_invitations()
