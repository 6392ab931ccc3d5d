"""Issuing, rendering and verifying certificates."""

from __future__ import annotations

import base64
import calendar
import datetime
import hashlib
import io
import re
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from content.models import TrainingModulePage
from lms.models import Attempt, Certificate, Enrolment, User
from lms.progress import is_module_complete

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FONTS = Path(__file__).resolve().parent / "fonts"


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
    if not is_module_complete(user, module):
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


def verify_url(code: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/verify/{code}/"


def qr_png_data_uri(text: str) -> str:
    import qrcode

    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


_FONTS_READY = False


def _register_fonts() -> None:
    """Load the shipped DejaVu Sans faces into ReportLab once per process, as "CertificateSans".

    Declaring them with @font-face instead would parse three TrueType files on every render.
    DejaVu Sans covers Latin, Greek and Cyrillic including Vietnamese, Turkish and Polish letters.
    """
    global _FONTS_READY
    if _FONTS_READY:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from xhtml2pdf import default

    faces = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf"}
    for face, filename in faces.items():
        pdfmetrics.registerFont(TTFont(f"CertificateSans-{face}", str(FONTS / filename)))
    addMapping("CertificateSans-regular", 0, 0, "CertificateSans-regular")
    addMapping("CertificateSans-regular", 1, 0, "CertificateSans-bold")
    addMapping("CertificateSans-regular", 0, 1, "CertificateSans-italic")
    addMapping("CertificateSans-regular", 1, 1, "CertificateSans-bold")
    default.DEFAULT_FONT["certificatesans"] = "CertificateSans-regular"
    _FONTS_READY = True


def _link_callback(uri: str, rel: str) -> str:
    # Nothing is ever fetched: the only images are inline data, and fonts are registered above.
    return uri


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as an A4 landscape PDF, with a QR code for its verification page."""
    from xhtml2pdf import pisa

    _register_fonts()
    url = verify_url(certificate.code)
    html = render_to_string("lms/certificate_pdf.html", {
        "certificate": certificate,
        "verify_url": url,
        "qr": qr_png_data_uri(url),
        "partnership": settings.PARTNERSHIP_NAME,
    })
    output = io.BytesIO()
    result = pisa.CreatePDF(html, dest=output, link_callback=_link_callback, encoding="utf-8")
    if result.err:
        raise RuntimeError(f"Certificate {certificate.code} could not be rendered.")
    return output.getvalue()


# Bump when the certificate's layout changes, so that stored copies are rendered again.
LAYOUT_VERSION = 1


def _stored_name(certificate: Certificate) -> str:
    # The verification address is printed (and in the QR code): a new address, a new copy.
    address = hashlib.sha256(verify_url(certificate.code).encode()).hexdigest()[:10]
    return f"{certificate.code}-v{LAYOUT_VERSION}-{address}.pdf"


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate's PDF. A certificate does not change once issued, so it is rendered the
    first time it is asked for and kept in the private "certificates" store after that."""
    store = storages["certificates"]
    name = _stored_name(certificate)
    if store.exists(name):
        with store.open(name, "rb") as stored:
            return stored.read()
    pdf = render_certificate_pdf(certificate)
    if not store.exists(name):  # two first downloads at once: keep one copy
        store.save(name, ContentFile(pdf))
    return pdf


def forget_certificate_pdf(certificate: Certificate) -> None:
    """Remove the kept copy (on revocation): a withdrawn certificate is never served again."""
    store = storages["certificates"]
    name = _stored_name(certificate)
    if store.exists(name):
        store.delete(name)


def certificate_filename(certificate: Certificate) -> str:
    safe = re.sub(r"[^A-Za-z0-9]+", "-", certificate.module_title).strip("-").lower()[:60]
    return f"certificate-{safe}-{certificate.code}.pdf"


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


def certificates_zip(certificates) -> bytes:
    """One zip of PDFs, for an organisation lead's staff."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            name = re.sub(r"[^A-Za-z0-9]+", "-", certificate.holder_name).strip("-").lower() or "holder"
            archive.writestr(f"{name}-{certificate_filename(certificate)}", certificate_pdf(certificate))
    return buffer.getvalue()
