"""Records of personal data rights: a person's downloads of their data, the certificate codes of
erased accounts (so /verify/ can say they are no longer available), and the retention warnings
sent before an inactive account is erased."""


from django.conf import settings
from django.db import models
from django.utils import timezone

from lms.site.downloads import PreparedDownload, PreparedDownloadError


class DataExportError(PreparedDownloadError):
    """A change to a data download that its state does not allow."""


class DataExportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Downloads a person may see: only their own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def in_progress(self):
        return self.filter(status__in=DataExport.IN_PROGRESS)


class DataExport(PreparedDownload):
    """A zip of everything stored about one person, made in the background (lms.privacy.export)
    and kept in the private "certificates" store under personal-data/ until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Gathering your data"
        READY = "ready", "Ready to download"
        FAILED = "failed", "Could not be made"
        EXPIRED = "expired", "Deleted"

    error_class = DataExportError
    what = "data download"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)

    objects = DataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # A double click or a second tab reuses the download already on its way.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status__in=["queued", "running"]),
                name="one_data_export_in_progress_per_person",
            ),
        ]

    def __str__(self):
        return f"Data download {self.pk} for {self.user_id}: {self.get_status_display()}"


class ErasedCertificate(models.Model):
    """The code of a certificate whose holder erased their account: /verify/ answers "no longer
    available" rather than "not found". Nothing else about it is kept."""

    code = models.CharField(max_length=19, unique=True)
    erased_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return self.code


class InactivityWarning(models.Model):
    """The email telling someone their unused account will be erased, recorded so it is sent once.
    It counts only while the account has not been used since: signing in again starts afresh."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inactivity_warning")
    sent_at = models.DateTimeField(default=timezone.now)
    last_login_when_sent = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Inactivity warning to {self.user_id} at {self.sent_at:%Y-%m-%d}"
