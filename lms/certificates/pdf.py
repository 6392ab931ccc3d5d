"""Certificate PDFs: rendered once with xhtml2pdf, kept in private storage, zipped for leads."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import render_to_string

from lms.certificates.exports import BOM, spreadsheet_text
from lms.certificates.history import history_of, history_of_one
from lms.certificates.models import Certificate, verify_url
from lms.organisations.names import file_name_part, transliterate

_FONTS_READY = False

# Bump when the certificate's layout changes, so that stored copies are rendered again.
LAYOUT_VERSION = 2
# The guidance updates printed by name (the page stays one page); the rest are counted.
UPDATES_PRINTED = 2
FONTS = Path(__file__).resolve().parent / "fonts"


def qr_png_data_uri(text: str) -> str:
    import qrcode

    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


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


def render_certificate_pdf(certificate: Certificate, history: list | None = None) -> bytes:
    """The certificate as an A4 landscape PDF, with a QR code for its verification page and the
    guidance updates it includes (`history`, its lines from history_of; looked up if not given)."""
    from xhtml2pdf import pisa

    _register_fonts()
    if history is None:
        history = history_of_one(certificate)
    url = verify_url(certificate.code)
    html = render_to_string("certificates/certificate_pdf.html", {
        "certificate": certificate,
        "verify_url": url,
        "qr": qr_png_data_uri(url),
        "partnership": settings.PARTNERSHIP_NAME,
        "updates": history[:UPDATES_PRINTED],
        "more_updates": max(len(history) - UPDATES_PRINTED, 0),
    })
    output = io.BytesIO()
    result = pisa.CreatePDF(html, dest=output, link_callback=_link_callback, encoding="utf-8")
    if result.err:
        raise RuntimeError(f"Certificate {certificate.code} could not be rendered.")
    return output.getvalue()


def _stored_name(certificate: Certificate, history: list) -> str:
    # The verification address is printed (and in the QR code), and so are the updates the
    # certificate includes: a new address, or an update completed (or withdrawn), a new copy.
    printed = "\n".join([verify_url(certificate.code), *(f"{line.day:%Y-%m-%d} {line.title}" for line in history)])
    digest = hashlib.sha256(printed.encode()).hexdigest()[:10]
    # A folder per certificate, so that forgetting it finds every copy without listing them all.
    return f"{certificate.code}/v{LAYOUT_VERSION}-{digest}.pdf"


def _first_layout_name(certificate: Certificate) -> str:
    """Where the first layout kept its copy (beside all the others), still removed when forgotten."""
    address = hashlib.sha256(verify_url(certificate.code).encode()).hexdigest()[:10]
    return f"{certificate.code}-v1-{address}.pdf"


def certificate_pdf(certificate: Certificate, history: list | None = None) -> bytes:
    """The certificate's PDF. A certificate does not change once issued, so it is rendered the
    first time it is asked for and kept in the private "certificates" store after that; a guidance
    update its holder completes later makes a new copy, with the update printed."""
    store = storages["certificates"]
    if history is None:
        history = history_of_one(certificate)
    name = _stored_name(certificate, history)
    if store.exists(name):
        with store.open(name, "rb") as stored:
            return stored.read()
    pdf = render_certificate_pdf(certificate, history)
    if not store.exists(name):  # two first downloads at once: keep one copy
        store.save(name, ContentFile(pdf))
        # Revoked or erased while this was rendering (a zip of 200 takes a while): their clean-up
        # has run already, so this copy is removed here instead of kept for good.
        if certificate.pk is not None and not Certificate.objects.filter(
                pk=certificate.pk, revoked_at__isnull=True).exists():
            forget_certificate_pdf(certificate)
    return pdf


def forget_certificate_pdf(certificate: Certificate) -> None:
    """Remove every kept copy (on revocation, on erasure): a withdrawn certificate is never
    served again, and an erased person's name is not kept in a file."""
    store = storages["certificates"]
    names = [_first_layout_name(certificate)]
    if store.exists(certificate.code):
        names += [f"{certificate.code}/{name}" for name in store.listdir(certificate.code)[1]]
    for name in names:
        if store.exists(name):
            store.delete(name)


def certificate_filename(certificate: Certificate) -> str:
    # ASCII only: it also goes into a download's Content-Disposition header.
    safe = re.sub(r"[^a-z0-9]+", "-", transliterate(certificate.module_title).lower()).strip("-")[:60].strip("-")
    return f"certificate-{safe}-{certificate.code}.pdf"


def zip_entry_name(certificate: Certificate) -> str:
    """The certificate's file name inside a lead's zip: the holder's name first, so they sort by
    person, transliterated rather than stripped ("Łucja Nguyễn" → "lucja-nguyen-…"), and the
    certificate's code, so two people of the same name never share a file name."""
    name = file_name_part(certificate.holder_name, fallback="holder").lower()
    return f"{name}-{certificate_filename(certificate)}"


INDEX_NAME = "index.csv"
INDEX_HEADINGS = ["Name", "Module", "Code", "Issued", "Expires", "File"]


def write_certificates_zip(certificates, file, on_progress=None) -> int:
    """Write a zip of the certificates' PDFs into `file` (opened for binary writing), calling
    `on_progress(done)` after each one; it may return False to stop early. Returns how many
    certificates were added. Each PDF comes from the kept copy when there is one.

    The PDFs lie side by side (one flat list, sorted by holder), with index.csv beside them: one
    row per certificate (name, module, code, issued, expires, file), UTF-8 with a byte order
    mark so that Excel shows names as they are spelled.
    """
    import csv
    import zipfile

    certificates = list(certificates)
    histories = history_of(certificates)  # in a few queries for them all, not a few each
    done = 0
    used: set[str] = set()
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(INDEX_HEADINGS)
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            entry = zip_entry_name(certificate)
            stem, number = entry.removesuffix(".pdf"), 2
            while entry in used or entry == INDEX_NAME:  # never overwrite, whatever the names
                entry, number = f"{stem}-{number}.pdf", number + 1
            used.add(entry)
            archive.writestr(entry, certificate_pdf(certificate, histories.get(certificate.pk, [])))
            writer.writerow([spreadsheet_text(value) for value in (
                certificate.holder_name, certificate.module_title, certificate.code,
                certificate.issued_on.isoformat(), certificate.expires_on.isoformat(), entry,
            )])
            done += 1
            if on_progress is not None and on_progress(done) is False:
                break
        archive.writestr(INDEX_NAME, (BOM + index.getvalue()).encode("utf-8"))
    return done
