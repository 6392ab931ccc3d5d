"""Refresher reminders: each one once, at 60, 30 and 7 days and on the day."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from lms.certificates.models import Certificate, CertificateReminder
from lms.certificates.reminders import send_expiry_reminders, send_expiry_reminders_task
from lms.certificates.services import new_code
from tests.factories import LearnerFactory, make_module

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def certificate(expires_in_days: int, **fields) -> Certificate:
    module = fields.pop("module", None)
    return Certificate.objects.create(
        user=LearnerFactory(), module=module, code=new_code(), holder_name="Test Person", module_title="Stalking",
        level="Awareness", cpd_minutes=30, issued_on=TODAY - datetime.timedelta(days=600),
        expires_on=TODAY + datetime.timedelta(days=expires_in_days), **fields,
    )


def test_each_reminder_goes_once_even_if_the_job_runs_twice_a_day():
    module = make_module("renewable", lessons=1)
    # 45 days left with no reminder yet: the job missed its 60-day one, so it goes now, once.
    due = [certificate(60, module=module), certificate(30), certificate(7), certificate(0), certificate(45)]
    not_due = [certificate(61), certificate(-1)]
    assert send_expiry_reminders(TODAY) == 5
    assert send_expiry_reminders(TODAY) == 0
    assert len(mail.outbox) == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(c.user.email for c in due)
    assert all(c.user.email not in [m.to[0] for m in mail.outbox] for c in not_due)
    sixty = next(m for m in mail.outbox if m.to == [due[0].user.email])
    assert "expires in 60 days" in sixty.body
    assert f"/my-learning/modules/{module.pk}/quiz/" in sixty.body
    today_mail = next(m for m in mail.outbox if m.to == [due[3].user.email])
    assert today_mail.subject.endswith("Your training certificate expires today")


def test_the_next_reminder_follows_on_its_own_day():
    held = certificate(60)
    send_expiry_reminders(TODAY)
    send_expiry_reminders(TODAY + datetime.timedelta(days=1))  # 59 days left: already reminded at 60
    assert len(mail.outbox) == 1
    send_expiry_reminders(TODAY + datetime.timedelta(days=30))
    assert len(mail.outbox) == 2
    assert list(held.reminders.order_by("-days_before").values_list("days_before", flat=True)) == [60, 30]


def test_no_reminders_for_revoked_or_renewed_certificates():
    revoked = certificate(30, revocation_reason="error")
    revoked.revoked_at = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    revoked.save()
    old = certificate(7)
    certificate(700, replaces=old)
    assert send_expiry_reminders(TODAY) == 0
    assert mail.outbox == []


def test_the_command_and_the_task_send_the_same_reminders(monkeypatch):
    monkeypatch.setattr("lms.certificates.reminders.local_today", lambda: TODAY)
    certificate(30)
    call_command("send_certificate_reminders")
    call_command("send_certificate_reminders", "--enqueue")  # immediate backend in tests
    assert send_expiry_reminders_task.call() == 0
    assert len(mail.outbox) == 1
    assert CertificateReminder.objects.count() == 1
