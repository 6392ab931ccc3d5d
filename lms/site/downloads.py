"""A file made in the background for one person to download when it is ready, then kept for a
while and deleted: an organisation lead's zip of certificates (lms.certificates) and a person's
download of their own data (lms.privacy) are both one.

`PreparedDownload` is the abstract model they share: the states and the only moves between
them, the file's name and size in the private store, what went wrong, and the times. A
subclass adds who asked and what goes in, names its states (`Status`, the same values) and
its error (`error_class`), and keeps one in progress per person with a constraint.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone


class PreparedDownloadError(Exception):
    """A change to a download that its state does not allow."""


QUEUED, RUNNING, READY, FAILED, EXPIRED = "queued", "running", "ready", "failed", "expired"


class PreparedDownload(models.Model):
    # The only moves a download makes; anything else raises the subclass's error.
    TRANSITIONS = {
        QUEUED: {RUNNING, FAILED},
        RUNNING: {READY, FAILED},
        READY: {EXPIRED},
        FAILED: set(),
        EXPIRED: set(),
    }
    IN_PROGRESS = (QUEUED, RUNNING)
    # How long a finished file may be downloaded before it is deleted.
    KEPT_FOR = datetime.timedelta(hours=24)
    error_class: type[Exception] = PreparedDownloadError
    what = "download"  # in error messages: "A <what> that is ready cannot become running."

    status = models.CharField(max_length=10, default=QUEUED)  # a subclass adds its choices
    file_name = models.CharField(max_length=200, blank=True, help_text='In the private "certificates" store.')
    size = models.PositiveBigIntegerField(default=0, help_text="Bytes.")
    failure = models.TextField(blank=True, help_text="What went wrong, in words the person who asked understands.")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now, help_text="Last sign of life: progress or a change.")
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    @property
    def in_progress(self) -> bool:
        return self.status in self.IN_PROGRESS

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        """Deleted, or past its time even if the clean-up has not run yet."""
        if self.status == EXPIRED:
            return True
        return self.status == READY and self.expires_at is not None and self.expires_at <= (now or timezone.now())

    def is_downloadable(self, now: datetime.datetime | None = None) -> bool:
        return self.status == READY and bool(self.file_name) and not self.is_expired(now)

    def move_to(self, status: str, **fields) -> bool:
        """Change state if the download is still in the state this copy holds, saving `fields` with
        it. Returns False when another process moved it first (nothing is changed then); raises
        `error_class` for a move the transition table does not allow."""
        if status not in self.TRANSITIONS[self.status]:
            raise self.error_class(f"A {self.what} that is {self.status} cannot become {status}.")
        fields = {"status": status, "updated_at": timezone.now(), **fields}
        moved = type(self).objects.filter(pk=self.pk, status=self.status).update(**fields)
        if moved:
            for name, value in fields.items():
                setattr(self, name, value)
        return bool(moved)
