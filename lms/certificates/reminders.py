"""Refresher reminders before certificates expire: 60, 30 and 7 days before, and on the day."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from lms.certificates.models import Certificate, CertificateReminder
from lms.certificates.services import today as local_today

REMINDER_DAYS = (60, 30, 7, 0)


def reminder_due(certificate: Certificate, day: datetime.date) -> int | None:
    """Which reminder (days before expiry) a certificate is due on `day`, if any.

    The nearest threshold at or above the days left, so a job that missed a day still sends
    that reminder once, and never an earlier, staler one.
    """
    days_left = (certificate.expires_on - day).days
    if days_left < 0 or days_left > max(REMINDER_DAYS):
        return None
    return min(d for d in REMINDER_DAYS if d >= days_left)


def send_expiry_reminders(day: datetime.date | None = None) -> int:
    """Email every holder whose reminder is due and not yet sent. Safe to run any number of times."""
    day = day or local_today()
    candidates = (
        Certificate.objects.current_on(day).filter(
            user__is_active=True, expires_on__lte=day + datetime.timedelta(days=max(REMINDER_DAYS)),
        )
        .select_related("user", "module")
        .prefetch_related("reminders")
    )
    sent = 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for certificate in candidates:
        threshold = reminder_due(certificate, day)
        if threshold is None or any(r.days_before <= threshold for r in certificate.reminders.all()):
            continue
        try:
            with transaction.atomic():
                reminder = CertificateReminder.objects.create(certificate=certificate, days_before=threshold)
        except IntegrityError:  # another run recorded it a moment ago
            continue
        # Mail goes out after the record is committed, so no database lock is held during SMTP;
        # if sending fails the record is removed and the next run tries again.
        try:
            retake = reverse("quiz", args=[certificate.module_id]) if certificate.module_id else "/modules/"
            context = {
                "certificate": certificate,
                "days_left": (certificate.expires_on - day).days,
                "retake_url": base + retake,
                "certificates_url": base + reverse("my_learning"),
            }
            send_mail(
                subject=render_to_string("certificates/email/reminder_subject.txt", context).strip(),
                message=render_to_string("certificates/email/reminder_message.txt", context),
                from_email=None, recipient_list=[certificate.user.email],
            )
        except Exception:
            reminder.delete()
            raise
        sent += 1
    return sent


@task()
def send_expiry_reminders_task() -> int:
    """The same job for the background worker (`manage.py db_worker`)."""
    return send_expiry_reminders()
