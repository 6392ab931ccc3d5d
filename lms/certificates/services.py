"""Issuing, rendering and verifying certificates."""

from __future__ import annotations

import calendar
import datetime
import re
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from content.models import TrainingModulePage
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.pdf import forget_certificate_pdf
from lms.learning.models import Attempt, Enrolment
from lms.learning.progress import is_module_complete

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day if it is shorter (31 Jan + 1 = 28/29 Feb)."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def new_code() -> str:
    """80 random bits as 16 Crockford base32 characters, grouped for reading aloud."""
    number = secrets.randbits(80)
    chars = "".join(CROCKFORD[(number >> (5 * i)) & 31] for i in range(16))[::-1]
    return "-".join(chars[i:i + 4] for i in range(0, 16, 4))


def normalise_code(text: str) -> str | None:
    """A typed or scanned code in canonical form, or None if it cannot be one.

    Case, spaces and hyphens do not matter, and the letters people confuse with digits
    (I, L, O) are read as the digits, as Crockford's alphabet intends.
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    cleaned = re.sub(r"[\s-]", "", text.upper()).translate(str.maketrans("ILO", "110"))
    if len(cleaned) != 16 or any(c not in CROCKFORD for c in cleaned):
        return None
    return "-".join(cleaned[i:i + 4] for i in range(0, 16, 4))


def issue_certificate_if_due(
    user: User, module: TrainingModulePage, attempt: Attempt | None = None
) -> Certificate | None:
    """Issue a certificate for a completed module, once.

    A learner gets a new certificate the first time they complete a module, and again when
    they pass after their last one has expired or is about to: the new one records the one it
    replaces, so the history stays. Any other call returns None and changes nothing.
    """
    if not is_module_complete(user, module, passing=attempt):
        return None
    with transaction.atomic():
        # Serialise issuing for this learner and module: two passes at once give one certificate.
        Enrolment.objects.select_for_update().filter(user=user, module=module).first()
        if attempt is not None:
            existing = Certificate.objects.filter(attempt=attempt).first()
            if existing is not None:
                return None
        today = timezone.localdate()
        latest = Certificate.objects.filter(user=user, module=module).first()
        if latest is not None and latest.revoked_at:
            # A revoked certificate is not replaced by passing again: a coordinator decides.
            return None
        if latest is not None and latest.state_on(today) == "valid":
            return None
        revision = module.get_latest_revision()
        certificate = Certificate.objects.create(
            user=user, module=module, attempt=attempt, code=new_code(),
            holder_name=user.full_name or user.email, module_title=module.title,
            module_revision=revision.pk if revision else None, level=module.get_level_display(),
            cpd_minutes=module.cpd_minutes, issued_on=today,
            expires_on=add_months(today, module.certificate_validity_months),
            replaces=latest,
        )
        log(certificate, "lms.certificate.issue", user=user)
    return certificate


def state_label(state: str) -> str:
    return {
        "valid": "Valid",
        "expiring": "Valid, expiring soon",
        "expired": "Expired",
        "revoked": "Revoked",
    }[state]


def today() -> datetime.date:
    return timezone.localdate()


class CertificateError(Exception):
    """A change to a certificate that its state does not allow."""


def revoke_certificate(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Withdraw a certificate at once, with the reason kept for coordinators. Logged."""
    reason = reason.strip()
    if not reason:
        raise CertificateError("Give the reason for revoking this certificate.")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at:
            raise CertificateError(f"Certificate {certificate.code} was already revoked.")
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revocation_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        log(certificate, "lms.certificate.revoke", user=by, data={"reason": reason})
        revoked = certificate
        transaction.on_commit(lambda: forget_certificate_pdf(revoked))
    return certificate


def revocation_undo_window() -> datetime.timedelta:
    """How long after revoking a coordinator may undo it: CERTIFICATE_REVOCATION_UNDO_DAYS (14 by default)."""
    return datetime.timedelta(days=getattr(settings, "CERTIFICATE_REVOCATION_UNDO_DAYS", 14))


def can_undo_revocation(certificate: Certificate, now: datetime.datetime | None = None) -> bool:
    return bool(certificate.revoked_at) and (now or timezone.now()) - certificate.revoked_at <= revocation_undo_window()


def undo_revocation(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    """Restore a certificate revoked in error, within the undo window, giving a reason. Logged,
    with the revocation it undoes (when, by whom, why), so the history keeps both."""
    reason = reason.strip()
    if not reason:
        raise CertificateError("Give the reason for restoring this certificate.")
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.revoked_at:
            raise CertificateError(f"Certificate {certificate.code} is not revoked, so there is nothing to undo.")
        if not can_undo_revocation(certificate):
            days = revocation_undo_window().days
            revoked_on = timezone.localtime(certificate.revoked_at)
            raise CertificateError(
                f"Certificate {certificate.code} was revoked on {revoked_on:%-d %B %Y}, "
                f"more than {days} days ago, so the revocation can no longer be undone. The holder can take the "
                "module again to earn a new certificate."
            )
        undone = {
            "reason": reason,
            "revoked_at": certificate.revoked_at.isoformat(),
            "revoked_by": certificate.revoked_by_id,
            "revocation_reason": certificate.revocation_reason,
        }
        certificate.revoked_at = None
        certificate.revoked_by = None
        certificate.revocation_reason = ""
        certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        log(certificate, "lms.certificate.restore", user=by, data=undone)
    return certificate
