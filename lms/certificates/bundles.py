"""An organisation lead's zip of their staff's certificates, made by the background worker.

The lead asks (request_certificate_bundle); the worker builds it (build_certificate_bundle_task,
through `manage.py db_worker` in production, at once in development and tests) and reports
progress as it goes; the lead downloads it from the private store until it expires, when
remove_expired_certificate_bundles (`manage.py remove_expired_certificate_bundles`, from cron)
deletes the file.
"""

from __future__ import annotations

import datetime
import logging
import secrets
import tempfile
from functools import partial

from django.core.files import File
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from lms.accounts.models import User
from lms.certificates.models import Certificate, CertificateBundle, CertificateBundleError
from lms.certificates.pdf import write_certificates_zip
from lms.certificates.services import today

logger = logging.getLogger(__name__)

Status = CertificateBundle.Status

# Progress is saved after this many certificates (and after the last): a query per PDF would
# slow a 2,000-certificate zip for a figure the lead reads every few seconds at most.
PROGRESS_EVERY = 20
# A zip that has shown no sign of life for this long (its worker died, or was never started)
# counts as failed, so that it no longer stops the lead asking again.
STALE_AFTER = datetime.timedelta(hours=1)
# Records of old zips (their files long deleted) are removed after this.
RECORDS_KEPT = datetime.timedelta(days=30)

NOTHING_TO_ZIP = "None of your confirmed staff holds a current certificate yet, so there is nothing to zip."
FAILED = (
    "Something went wrong while making the zip, and it was not finished. Try again; "
    "if it fails a second time, tell a coordinator."
)
STOPPED = "The zip stopped before it was finished. Try again."


def request_certificate_bundle(lead: User) -> tuple[CertificateBundle, bool]:
    """Start a zip of the current certificates of every confirmed member of the organisations
    `lead` leads; returns (bundle, True), or (the one already on its way, False).

    One zip at a time per lead, enforced by the database: a double click, a second tab or a
    retry gets the zip already queued or being made. Raises CertificateBundleError when there
    is nothing to zip, and creates nothing then.
    """
    now = timezone.now()
    existing = CertificateBundle.objects.in_progress().filter(requested_by=lead).first()
    if existing is not None:
        if existing.updated_at > now - STALE_AFTER:
            return existing, False
        existing.move_to(Status.FAILED, failure=STOPPED, finished_at=now)
    organisations = list(lead.led_organisations.all())
    total = Certificate.objects.of_staff_led_by(lead, organisations=organisations).current_on(today()).count()
    if not total:
        raise CertificateBundleError(NOTHING_TO_ZIP)
    try:
        with transaction.atomic():
            bundle = CertificateBundle.objects.create(requested_by=lead, total=total, created_at=now, updated_at=now)
            bundle.organisations.set(organisations)
    except IntegrityError:  # asked twice at the same moment: the other request made it
        return CertificateBundle.objects.filter(requested_by=lead).first(), False
    # After commit, so that the worker finds the row.
    transaction.on_commit(partial(build_certificate_bundle_task.enqueue, bundle.pk))
    return bundle, True


def build_certificate_bundle(bundle_id: int) -> CertificateBundle | None:
    """Make a queued bundle's zip and keep it in the private store, saving progress as it goes.

    Does nothing to a bundle that is not queued (another worker has it, or it was given up).
    On any error the bundle is marked failed with a message for the lead, the error is logged,
    and re-raised for the worker's own record.
    """
    bundle = CertificateBundle.objects.select_related("requested_by").filter(pk=bundle_id).first()
    if bundle is None or bundle.status != Status.QUEUED or not bundle.move_to(Status.RUNNING):
        return bundle
    store = storages["certificates"]
    stored = None
    try:
        certificates = list(bundle.certificates())
        if not certificates:
            bundle.move_to(Status.FAILED, failure=NOTHING_TO_ZIP, total=0, finished_at=timezone.now())
            return bundle
        total = len(certificates)
        CertificateBundle.objects.filter(pk=bundle.pk).update(total=total)

        def record_progress(done: int) -> bool:
            if done % PROGRESS_EVERY and done != total:
                return True
            # False once the bundle is no longer running (given up as stale): stop working on it.
            return bool(CertificateBundle.objects.filter(pk=bundle.pk, status=Status.RUNNING)
                        .update(done=done, updated_at=timezone.now()))

        with tempfile.TemporaryFile() as file:
            done = write_certificates_zip(certificates, file, on_progress=record_progress)
            if done < total:
                return bundle
            size = file.tell()
            file.seek(0)
            stored = store.save(f"bundles/{secrets.token_hex(16)}.zip", File(file))
        finished = timezone.now()
        if not bundle.move_to(
            Status.READY, file_name=stored, size=size, total=total, done=done,
            codes=[certificate.code for certificate in certificates],
            finished_at=finished, expires_at=finished + CertificateBundle.KEPT_FOR,
        ):
            store.delete(stored)
    except Exception:
        logger.exception("Certificate bundle %s failed", bundle_id)
        if stored is not None:
            store.delete(stored)
        if bundle.status == Status.RUNNING:
            bundle.move_to(Status.FAILED, failure=FAILED, finished_at=timezone.now())
        raise
    return bundle


@task()
def build_certificate_bundle_task(bundle_id: int) -> str:
    """build_certificate_bundle for the background worker; returns the bundle's final state."""
    bundle = build_certificate_bundle(bundle_id)
    return bundle.status if bundle else "missing"


def remove_expired_certificate_bundles(now: datetime.datetime | None = None) -> int:
    """Delete the files of zips past their time, give up on zips that stopped, and forget old
    records. Returns how many files were deleted. Safe to run any number of times."""
    now = now or timezone.now()
    store = storages["certificates"]
    removed = 0
    for bundle in CertificateBundle.objects.filter(status=Status.READY, expires_at__lte=now):
        name = bundle.file_name
        # The state changes first, so that no download starts on a file about to go.
        if bundle.move_to(Status.EXPIRED, file_name="") and name and store.exists(name):
            store.delete(name)
            removed += 1
    for bundle in CertificateBundle.objects.in_progress().filter(updated_at__lt=now - STALE_AFTER):
        bundle.move_to(Status.FAILED, failure=STOPPED, finished_at=now)
    CertificateBundle.objects.filter(created_at__lt=now - RECORDS_KEPT).exclude(
        status__in=(Status.READY, *CertificateBundle.IN_PROGRESS)
    ).delete()
    return removed


@task()
def remove_expired_certificate_bundles_task() -> int:
    """The same clean-up for the background worker."""
    return remove_expired_certificate_bundles()
