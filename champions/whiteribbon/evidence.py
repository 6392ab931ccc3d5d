"""Evidence documents: what may be uploaded (checked by content, not by name), and how a stored
one is given back. Who may have it is the calling view's rule: the organisation's leads on the
public site, coordinators in the admin."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse

from champions.whiteribbon.models import Evidence


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    extension: str


PDF = Kind("PDF", "application/pdf", ".pdf")
PNG = Kind("PNG image", "image/png", ".png")
JPEG = Kind("JPEG image", "image/jpeg", ".jpg")
DOCX = Kind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")
XLSX = Kind("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")
PPTX = Kind("PowerPoint presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")
ODT = Kind("OpenDocument text", "application/vnd.oasis.opendocument.text", ".odt")
# An Office file is a zip holding this part; which one says what it is.
_OFFICE_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
ACCEPTED = "PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or JPEG"


def _kind_of(head: bytes, data) -> Kind | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(data) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    # Only the few bytes the name needs are ever unpacked: a "mimetype" entry that
                    # claims more (a zip bomb) is not an OpenDocument file.
                    info = archive.getinfo("mimetype")
                    if info.file_size <= 100:
                        with archive.open(info) as entry:
                            if entry.read(101) == ODT.content_type.encode():
                                return ODT
        except (zipfile.BadZipFile, zlib.error, OSError, KeyError, RuntimeError, ValueError, EOFError,
                NotImplementedError):
            return None  # a damaged or unusual archive is not a file we accept
        for part, kind in _OFFICE_PARTS.items():
            if part in names:
                return kind
    return None


def check_upload(upload) -> Kind:
    """The kind of an uploaded evidence file, or a ValidationError saying what is accepted."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size == 0:
        raise ValidationError("The file is empty. Choose the file again.")
    if upload.size > limit:
        raise ValidationError(f"The file must be smaller than {limit // (1024 * 1024)} MB.")
    upload.seek(0)
    data = io.BytesIO(upload.read())
    upload.seek(0)
    kind = _kind_of(data.getvalue()[:8], data)
    if kind is None:
        raise ValidationError(f"The file must be a {ACCEPTED} file.")
    return kind


def clean_file_name(name: str, kind: Kind) -> str:
    """A download name that is safe in a header: plain characters, the real extension."""
    stem = re.sub(r"[^A-Za-z0-9 ._()-]+", "", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(" .")
    stem = stem.rsplit(".", 1)[0][:80] or "evidence"
    return f"{stem}{kind.extension}"


def evidence_response(evidence: Evidence) -> FileResponse:
    """The stored document, as a download (never shown in the browser), with its own name."""
    response = FileResponse(
        evidence.document.open("rb"), as_attachment=True, filename=evidence.file_name or "evidence",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def upload_too_large(request) -> str:
    """Why a post is refused before its body is read (it says it is bigger than any evidence
    file may be), or "". Without this a 300 MB body would be received whole, then refused."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.EVIDENCE_MAX_BYTES + 256 * 1024:  # the file, and room for the form around it
        return f"The file must be smaller than {settings.EVIDENCE_MAX_BYTES // (1024 * 1024)} MB. Nothing was added."
    return ""
