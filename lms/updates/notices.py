"""Telling holders about a guidance update, once each: an email, and the banner on their learning
page (which reads the same needs, lms.updates.services.pending_for).

Run when an update is first published (`on_update_published` queues the job once the publication
commits) and daily by `manage.py send_guidance_update_notices`, which catches anyone missed: the
worker was down, a send failed, or a certificate was restored. Safe to run any number of times.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from lms.certificates.services import today as local_today
from lms.updates.models import GuidanceUpdatePage, UpdateNotice
from lms.updates.services import live_updates, page_path, people_needing

logger = logging.getLogger(__name__)


def notify_holders(update: GuidanceUpdatePage, day: datetime.date | None = None) -> int:
    """Email everyone who needs `update` on `day`, has not been told and has not completed it.

    The record is made first, in its own transaction (the unique constraint turns a second run's
    attempt into nothing), and the email goes out after it commits, so no lock is held during
    SMTP. If sending fails the record is removed, so a later run tries again. Returns how many
    were emailed."""
    day = day or local_today()
    # Only an update every holder may read (live_updates: published, with no view restriction).
    if update.update_day is None or not live_updates().filter(pk=update.pk).exists():
        return 0
    people = (
        people_needing(update, day)
        .exclude(update_notices__update=update).exclude(update_completions__update=update)
        .only("pk", "email", "full_name").order_by("pk")
    )
    due = day + datetime.timedelta(days=update.days_to_complete)
    modules = sorted(module.title for module in update.modules.all())
    sent = 0
    for person in people:
        try:
            with transaction.atomic():
                notice = UpdateNotice.objects.create(update=update, user=person, due_on=due)
        except IntegrityError:  # another run told them a moment ago
            continue
        try:
            _send(update, person, notice, modules)
        except Exception:
            notice.delete()
            logger.exception("Could not email guidance update %s to user %s; the next run tries again.",
                             update.pk, person.pk)
            continue
        sent += 1
    return sent


def _send(update: GuidanceUpdatePage, person, notice: UpdateNotice, modules: list[str]) -> None:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "update": update, "person": person, "due_on": notice.due_on, "modules": modules,
        "update_url": base + page_path(update), "my_learning_url": base + reverse("my_learning"),
    }
    send_mail(
        subject=render_to_string("updates/email/notice_subject.txt", context).strip(),
        message=render_to_string("updates/email/notice_message.txt", context),
        from_email=None, recipient_list=[person.email],
    )


def notify_all_holders(day: datetime.date | None = None) -> int:
    """Every live update's holders not yet told (the daily catch-up). Returns emails sent."""
    day = day or local_today()
    return sum(notify_holders(update, day) for update in live_updates().order_by("first_published_at", "pk"))


@task()
def notify_holders_task(update_id: int) -> int:
    """The job queued when an update is first published (for the worker, `manage.py db_worker`)."""
    update = GuidanceUpdatePage.objects.filter(pk=update_id).first()
    return notify_holders(update) if update is not None else 0


@task()
def notify_all_holders_task() -> int:
    return notify_all_holders()


def on_update_published(sender, instance, revision=None, **kwargs):
    """Queue the notices when an update is published, once the publication commits. A correction
    published later queues the job too, and it tells nobody already told."""
    update_id = instance.pk
    transaction.on_commit(lambda: notify_holders_task.enqueue(update_id))
