"""Organisations whose staff train here, and each person's confirmed membership of one."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.search import index


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """Organisations a learner may pick: confirmed ones, not merged away."""
        return self.filter(status=Organisation.Status.CONFIRMED)

    def open(self):
        """Confirmed or still awaiting a coordinator: the names a new one must not repeat."""
        return self.exclude(status=Organisation.Status.MERGED)


class Organisation(index.Indexed, models.Model):
    """An employer or group whose staff or volunteers train here.

    A learner may name one that is not listed yet; it stays `pending` until a coordinator
    confirms it or merges it into an existing one.
    """

    class Kind(models.TextChoices):
        NHS = "nhs", "NHS or health provider"
        LOCAL_AUTHORITY = "local_authority", "Council or local authority"
        SCHOOL = "school", "School, college or early years setting"
        POLICE = "police", "Police or criminal justice agency"
        HOUSING = "housing", "Housing provider"
        CHARITY = "charity", "Charity or voluntary group"
        FAITH = "faith", "Faith or community group"
        BUSINESS = "business", "Business or employer"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        MERGED = "merged", "Merged into another"

    name = models.CharField(max_length=200)
    kind = models.CharField("type", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    sector = models.ForeignKey(
        "content.Sector", null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    district = models.ForeignKey(
        "accounts.District", null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="led_organisations",
        help_text="People who answer requests to join this organisation, and see the training records of "
        "its confirmed members and its White Ribbon plan.",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=~models.Q(status="merged"),
                name="organisation_name_unique_unless_merged",
                violation_error_message="An organisation with this name already exists.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="merged", merged_into__isnull=False)
                | (~models.Q(status="merged") & models.Q(merged_into__isnull=True)),
                name="organisation_merged_has_target",
            ),
        ]

    def __str__(self):
        return self.name


class MembershipError(Exception):
    """A change to a membership that its current state does not allow."""


class MembershipQuerySet(models.QuerySet):
    def open(self):
        """Requested or confirmed: at most one per person."""
        return self.filter(status__in=Membership.OPEN)

    def confirmed(self):
        return self.filter(status=Membership.Status.CONFIRMED)

    def led_by(self, lead):
        """Memberships of organisations `lead` leads, in any state."""
        if not lead.is_authenticated:
            return self.none()
        return self.filter(organisation__leads=lead)


class Membership(models.Model):
    """A person's link to the organisation they work for, as confirmed by that organisation.

    Naming an organisation on the profile only asks to join it. Its leads see nothing of the
    person until a lead of that organisation, or a coordinator, confirms the membership.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        DECLINED = "declined", "Declined"
        ENDED = "ended", "Ended"

    class Ending(models.TextChoices):
        LEFT = "left", "Left the organisation"
        REMOVED = "removed", "Removed by the organisation"

    OPEN = (Status.REQUESTED, Status.CONFIRMED)
    # The only moves a membership can make; anything else is a MembershipError.
    TRANSITIONS = {
        Status.REQUESTED: {Status.CONFIRMED, Status.DECLINED, Status.ENDED},
        Status.CONFIRMED: {Status.ENDED},
        Status.DECLINED: set(),
        Status.ENDED: set(),
    }

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ending = models.CharField("how it ended", max_length=20, choices=Ending.choices, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status__in=["requested", "confirmed"]),
                name="membership_one_open_per_person",
                violation_error_message="This person already belongs to, or has asked to join, an organisation.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="ended", ended_at__isnull=False) & ~models.Q(ending="")
                | (~models.Q(status="ended") & models.Q(ending="")),
                name="membership_ended_says_how",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_status_display().lower()})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def check_can_become(self, status: str) -> None:
        """Raise MembershipError, in words a person understands, if `status` is not a legal next state."""
        if status in self.TRANSITIONS[self.status]:
            return
        raise MembershipError({
            self.Status.CONFIRMED: f"{self.user}'s membership is already confirmed.",
            self.Status.DECLINED: f"{self.user}'s request to join was already declined.",
            self.Status.ENDED: f"{self.user} is no longer a member of {self.organisation}.",
        }.get(self.status, "This membership cannot change any more."))

    def label_for_member(self) -> str:
        """What the person is told about their own membership."""
        if self.status == self.Status.ENDED:
            return self.get_ending_display()
        return self.get_status_display()
