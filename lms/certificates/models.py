"""Certificates, the reminders sent before they expire, and the zips organisation leads download."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from lms.organisations.names import fold
from lms.site.downloads import PreparedDownload, PreparedDownloadError


class CertificateQuerySet(models.QuerySet):
    def for_user(self, user):
        """Certificates a user may download: their own; a coordinator's, all; a lead's, their staff's."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.has_perm("certificates.view_certificate"):
            return self
        return self.filter(models.Q(user=user) | models.Q(user__in=confirmed_members_of_organisations_led_by(user)))

    def current_on(self, day):
        """Certificates in force on `day`: not revoked, not replaced by a renewal, not expired."""
        return self.filter(revoked_at__isnull=True, replaced_by__isnull=True, expires_on__gte=day)

    def with_status_on(self, day):
        """Annotate each certificate with `status` (a Certificate.Status value) as of `day`, so that
        a listing can show and filter by it in the same query."""
        replaced = Certificate.objects.filter(replaces=models.OuterRef("pk"))
        soon = day + datetime.timedelta(days=Certificate.EXPIRING_DAYS)
        return self.annotate(status=models.Case(
            models.When(revoked_at__isnull=False, then=models.Value(Certificate.Status.REVOKED)),
            models.When(models.Exists(replaced), then=models.Value(Certificate.Status.REPLACED)),
            models.When(expires_on__lt=day, then=models.Value(Certificate.Status.EXPIRED)),
            models.When(expires_on__lte=soon, then=models.Value(Certificate.Status.EXPIRING)),
            default=models.Value(Certificate.Status.CURRENT),
            output_field=models.CharField(),
        ))

    def of_staff_led_by(self, lead, organisations=None):
        """Certificates of confirmed members of the organisations `lead` leads (of those among
        `organisations`, if given); never a mere name typed."""
        return self.filter(user__in=confirmed_members_of_organisations_led_by(lead, organisations))


def confirmed_members_of_organisations_led_by(lead, organisations=None):
    """Ids of the people a lead may see: confirmed members of an organisation they lead (and, if
    given, one of `organisations`). The one rule every lead-facing query goes through."""
    from lms.organisations.models import Membership

    memberships = Membership.objects.confirmed().led_by(lead)
    if organisations is not None:
        memberships = memberships.filter(organisation__in=organisations)
    return memberships.values("user_id")


class Certificate(models.Model):
    """Proof that a person completed a module, as it stood when they completed it."""

    # How long before expiry a certificate counts as "expiring soon", and may be renewed.
    EXPIRING_DAYS = 60

    class Status(models.TextChoices):
        """Where a certificate stands on a given day, as coordinators list and filter them."""

        CURRENT = "current", "Current"
        EXPIRING = "expiring", "Expiring soon"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"
        REPLACED = "replaced", "Replaced by a renewal"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    module = models.ForeignKey(
        "content.TrainingModulePage", null=True, on_delete=models.PROTECT, related_name="certificates"
    )
    attempt = models.OneToOneField(
        "learning.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate",
        help_text="The passing attempt this certificate was issued for (one certificate per pass).",
    )
    code = models.CharField(max_length=19, unique=True, editable=False)
    holder_name = models.CharField(max_length=150)
    holder_name_folded = models.CharField(
        max_length=300, editable=False, db_index=True, default="",
        help_text="The holder's name without accents, in lower case, for searching (filled on save).",
    )
    module_title = models.CharField(max_length=255)
    module_revision = models.PositiveIntegerField(null=True, blank=True)
    level = models.CharField(max_length=20)
    cpd_minutes = models.PositiveSmallIntegerField()
    issued_on = models.DateField()
    expires_on = models.DateField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.TextField(blank=True)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaced_by",
        help_text="The earlier certificate this one renewed.",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["expires_on"]), models.Index(fields=["user", "module"])]

    def __str__(self):
        return f"{self.code} – {self.holder_name} – {self.module_title}"

    def save(self, *args, **kwargs):
        self.holder_name_folded = fold(self.holder_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "holder_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "holder_name_folded"}
        super().save(*args, **kwargs)

    def get_status_display(self) -> str:
        """Where the certificate stands today, in words: from the `status` that
        `with_status_on` annotates, or worked out here when the row was read without it."""
        status = getattr(self, "status", None)
        if status is None:
            state = self.state_on(timezone.localdate())
            replaced = state != "revoked" and Certificate.objects.filter(replaces=self).exists()
            status = self.Status.REPLACED if replaced else {"valid": self.Status.CURRENT}.get(state, state)
        return self.Status(status).label

    def state_on(self, day: datetime.date) -> str:
        """valid, expiring, expired or revoked, as of `day`."""
        if self.revoked_at:
            return "revoked"
        if day > self.expires_on:
            return "expired"
        if (self.expires_on - day).days <= self.EXPIRING_DAYS:
            return "expiring"
        return "valid"

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.state_on(day) in ("valid", "expiring")


class CertificateReminder(models.Model):
    """One reminder email, recorded so that it is sent once however often the job runs."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.SmallIntegerField(help_text="0 on the day of expiry.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="reminder_once"),
        ]

    def __str__(self):
        return f"{self.certificate.code}: {self.days_before} days"


def verify_url(code: str) -> str:
    """The public page that confirms a certificate, as printed on it and shared by its holder."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/verify/{code}/"


class CertificateBundleError(PreparedDownloadError):
    """A change to a certificate bundle that its state does not allow."""


class CertificateBundleQuerySet(models.QuerySet):
    def for_user(self, user):
        """Bundles a person may see: only those they asked for themselves."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(requested_by=user)

    def in_progress(self):
        return self.filter(status__in=CertificateBundle.IN_PROGRESS)


class CertificateBundle(PreparedDownload):
    """A zip of the current certificates of an organisation lead's confirmed staff, made in the
    background (lms.certificates.bundles) and kept in the private "certificates" store until it
    expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Adding certificates"
        READY = "ready", "Ready to download"
        FAILED = "failed", "Could not be made"
        EXPIRED = "expired", "Deleted"

    error_class = CertificateBundleError
    what = "bundle"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificate_bundles"
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation", related_name="+",
        help_text="The organisations the lead led when asking: only their confirmed staff are included.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0, help_text="Certificates to add.")
    done = models.PositiveIntegerField(default=0, help_text="Certificates added so far.")
    codes = models.JSONField(
        default=list, blank=True,
        help_text="Codes of the certificates the zip holds, kept when it is made: it is not handed out "
                  "once it holds one its lead may no longer see.",
    )

    objects = CertificateBundleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # A double click, a second tab or a retry reuses the zip already on its way.
            models.UniqueConstraint(
                fields=["requested_by"], condition=models.Q(status__in=["queued", "running"]),
                name="one_certificate_bundle_in_progress_per_lead",
            ),
        ]

    def __str__(self):
        return f"Certificates zip {self.pk} for {self.requested_by_id}: {self.get_status_display()}"

    def organisations_no_longer_led_by(self, lead) -> list:
        """Organisations this bundle covers that `lead` has since stopped leading: while there is
        one, the zip holds records the lead may no longer see, and is not handed out."""
        return list(self.organisations.exclude(leads=lead).order_by("name"))

    def certificates(self):
        """The certificates this bundle holds: current ones of confirmed staff of the
        organisations it covers that its lead still leads, in the order the zip lists them."""
        return (
            Certificate.objects.of_staff_led_by(self.requested_by, organisations=self.organisations.all())
            .current_on(timezone.localdate()).order_by("holder_name", "module_title", "code")
        )

    @cached_property
    def holds_certificates_no_longer_shown(self) -> bool:
        """A ready zip holding a certificate its lead may no longer see (its holder removed or
        gone, the certificate revoked, replaced or expired since the zip was made): it is not
        handed out. A zip holding only certificates the lead may still see stays downloadable,
        even if newer ones have been issued since (they go in the next zip). A zip with no record
        of what it holds (made before the codes were kept) counts as changed."""
        held = set(self.codes or ())
        if not held:
            return True
        return not held <= set(self.certificates().order_by().values_list("code", flat=True))

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

