"""A person's download of everything stored about them, made by the background worker.

They ask on "Your data" (request_data_export); the worker builds the zip
(build_data_export_task, through `manage.py db_worker` in production, at once in development
and tests): one JSON file per kind of record (lms.privacy.records) and the PDF of each of their
certificates. The zip is kept in the private "certificates" store under personal-data/ for
24 hours, downloaded only by its owner; remove_expired_data_exports (run by
`manage.py apply_retention`) deletes it after that.
"""

from __future__ import annotations

import datetime
import logging
import secrets
import tempfile
import zipfile
from functools import partial

from django.core.files import File
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.pdf import certificate_pdf
from lms.privacy.models import DataExport
from lms.privacy.records import as_json, personal_records

logger = logging.getLogger(__name__)

Status = DataExport.Status
STORE = "certificates"
FOLDER = "personal-data"
# A download that has shown no sign of life for this long (its worker died) counts as failed.
STALE_AFTER = datetime.timedelta(hours=1)
# Records of old downloads (their files long deleted) are removed after this.
RECORDS_KEPT = datetime.timedelta(days=30)
DOWNLOAD_REQUESTED = "lms.privacy.download_requested"

FAILED = "Something went wrong while gathering your data, and the zip was not finished. Try again; " \
         "if it fails a second time, tell the partnership's training coordinator."
STOPPED = "The zip stopped before it was finished. Try again."

README = """Everything {site} keeps about you, as it was on {when}.

One file for each kind of record, in JSON (a plain text format that spreadsheets and
programs can read). Where a record links to someone else's account, it says "another
person" rather than naming them. certificates/ holds the PDF of each of your certificates.
Message bodies sent through the champions' relay are never kept, so none are here.
"""


def request_data_export(person: User) -> tuple[DataExport, bool]:
    """Start a download of everything kept about `person`; returns (export, True), or (the one
    already on its way, False). One at a time per person, enforced by the database."""
    now = timezone.now()
    existing = DataExport.objects.in_progress().filter(user=person).first()
    if existing is not None:
        if existing.updated_at > now - STALE_AFTER:
            return existing, False
        existing.move_to(Status.FAILED, failure=STOPPED, finished_at=now)
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=person, created_at=now, updated_at=now)
            log(person, DOWNLOAD_REQUESTED, user=person)
    except IntegrityError:  # asked twice at the same moment: the other request made it
        return DataExport.objects.in_progress().filter(user=person).first(), False
    transaction.on_commit(partial(build_data_export_task.enqueue, export.pk))
    return export, True


def write_personal_data_zip(person: User, file) -> None:
    """Write the zip of everything kept about `person` into the open binary `file`."""
    records = personal_records(person)
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(
            site="The Hertfordshire VAWG training site", when=timezone.localtime().strftime("%-d %B %Y at %H:%M"),
        ))
        for kind, rows in records.items():
            archive.writestr(f"{kind}.json", as_json(rows))
        for certificate in Certificate.objects.filter(user=person, revoked_at__isnull=True):
            archive.writestr(f"certificates/{certificate.code}.pdf", certificate_pdf(certificate))


def build_data_export(export_id: int) -> DataExport | None:
    """Make a queued download's zip and keep it in the private store. Does nothing to one that is
    not queued. On any error it is marked failed with a message for its owner, and re-raised."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status != Status.QUEUED or not export.move_to(Status.RUNNING):
        return export
    store = storages[STORE]
    stored = None
    try:
        with tempfile.TemporaryFile() as file:
            write_personal_data_zip(export.user, file)
            size = file.tell()
            file.seek(0)
            stored = store.save(f"{FOLDER}/{secrets.token_hex(16)}.zip", File(file))
        finished = timezone.now()
        if not export.move_to(Status.READY, file_name=stored, size=size, finished_at=finished,
                              expires_at=finished + DataExport.KEPT_FOR):
            store.delete(stored)
    except Exception:
        logger.exception("Data download %s failed", export_id)
        if stored is not None:
            store.delete(stored)
        if export.status == Status.RUNNING:
            export.move_to(Status.FAILED, failure=FAILED, finished_at=timezone.now())
        raise
    return export


@task()
def build_data_export_task(export_id: int) -> str:
    """build_data_export for the background worker; returns the download's final state."""
    export = build_data_export(export_id)
    return export.status if export else "missing"


def delete_data_export_file(export: DataExport) -> None:
    """Delete a download's file from the store (expiry, or its owner's erasure)."""
    store = storages[STORE]
    if export.file_name and store.exists(export.file_name):
        store.delete(export.file_name)


def remove_expired_data_exports(now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete the files of downloads past their time, give up on ones that stopped, and forget old
    records. Returns how many files were (or, with dry_run, would be) deleted. Safe to repeat."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(status=Status.READY, expires_at__lte=now)
    if dry_run:
        return expired.count()
    removed = 0
    for export in expired:
        name = export.file_name
        if export.move_to(Status.EXPIRED, file_name=""):
            export.file_name = name
            delete_data_export_file(export)
            export.file_name = ""
            removed += 1
    for export in DataExport.objects.in_progress().filter(updated_at__lt=now - STALE_AFTER):
        export.move_to(Status.FAILED, failure=STOPPED, finished_at=now)
    DataExport.objects.filter(created_at__lt=now - RECORDS_KEPT).exclude(
        status__in=(Status.READY, *DataExport.IN_PROGRESS)
    ).delete()
    return removed
