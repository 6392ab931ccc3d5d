"""The daily job that invites learners to their follow-up, each once, by email with a signed link
(one email a person, whatever the number of modules due that day).

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
    days the job missed (services.CATCH_UP_DAYS), one email a person however many modules are
    due; returns how many follow-ups were sent."""
    day = day or timezone.localdate()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    due: dict[int, list] = {}
    for enrolment in completions_due(day):
        due.setdefault(enrolment.user_id, []).append(enrolment)
    sent = 0
    for enrolments in due.values():
        made = [(enrolment, follow_up) for enrolment in enrolments
                # None: another run made it a moment ago, or they just said no thanks
                if (follow_up := invite(enrolment)) is not None]
        if not made:
            continue
        person = made[0][0].user
        # Mail goes out after the rows are committed (invite's own transaction), so no lock is held
        # during SMTP; if sending fails the rows go and the next run tries again.
        try:
            context = {
                "name": person.full_name,
                "follow_ups": [{
                    "module_title": enrolment.module.title,
                    "completed_on": follow_up.completed_on,
                    "link": base + follow_up_url(follow_up),
                    "closes_on": closes_on(follow_up),
                } for enrolment, follow_up in made],
                "my_learning_url": base + reverse("my_learning"),
            }
            send_mail(
                subject=render_to_string("followup/email/invitation_subject.txt", context).strip(),
                message=render_to_string("followup/email/invitation_message.txt", context),
                from_email=None, recipient_list=[person.email],
            )
        except Exception:
            # One address the mail server refuses must not hold up everyone after it: this one
            # is tried again by the next run (up to CATCH_UP_DAYS late).
            FollowUp.objects.filter(pk__in=[follow_up.pk for _enrolment, follow_up in made]).delete()
            logger.exception("Could not email follow-up invitation to user %s; the next run tries again.", person.pk)
            continue
        sent += len(made)
    return sent


@task()
def send_follow_up_invitations_task() -> int:
    """The same job for the background worker (`manage.py db_worker`)."""
    return send_follow_up_invitations()
