"""Certificates and the reminders sent before they expire."""

import datetime

from django.conf import settings
from django.db import models


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

    def of_staff_led_by(self, lead):
        """Certificates of confirmed members of the organisations `lead` leads; never a mere name typed."""
        return self.filter(user__in=confirmed_members_of_organisations_led_by(lead))


def confirmed_members_of_organisations_led_by(lead):
    """Ids of the people a lead may see: confirmed members of an organisation they lead. The one rule
    every lead-facing query goes through."""
    from lms.organisations.models import Membership

    return Membership.objects.confirmed().led_by(lead).values("user_id")


class Certificate(models.Model):
    """Proof that a person completed a module, as it stood when they completed it."""

    # How long before expiry a certificate counts as "expiring soon", and may be renewed.
    EXPIRING_DAYS = 60

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    module = models.ForeignKey(
        "content.TrainingModulePage", null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    attempt = models.OneToOneField(
        "learning.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate",
        help_text="The passing attempt this certificate was issued for (one certificate per pass).",
    )
    code = models.CharField(max_length=19, unique=True, editable=False)
    holder_name = models.CharField(max_length=150)
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
