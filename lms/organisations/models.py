"""Organisations whose staff train here, and each person's confirmed membership of one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.search import index

from lms.site.validators import printable_text

STAFF_ONLY_HELP = "Seen only by coordinators: never by learners, leads or visitors to the champions directory."

# Loose on purpose: numbers are written many ways ("01707 123456", "+44 (0)1707 123-456").
_PHONE_CHARACTERS = set("0123456789 +()-")


def validate_phone_number(value: str) -> None:
    """A phone number: digits, spaces, +, brackets and hyphens only, with at least a few digits."""
    if set(value) - _PHONE_CHARACTERS or sum(c.isdigit() for c in value) < 3:
        raise ValidationError(
            "Enter a phone number using only digits, spaces, +, brackets and hyphens, like 01707 123456.",
            code="invalid_phone",
        )


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
        SCHOOL = "school", "School or college"
        EARLY_YEARS = "early_years", "Early years setting"
        PHARMACY = "pharmacy", "Pharmacy"
        HEALTH = "health", "GP practice or health provider"
        HOUSING = "housing", "Housing provider"
        EMPLOYER = "employer", "Employer or business"
        COMMUNITY = "community", "Community group"
        FAITH = "faith", "Faith group"
        VCFSE = "vcfse", "Voluntary, community or social enterprise (VCFSE)"
        # Police, probation and councils are all public bodies.
        PUBLIC_BODY = "public_body", "Council or other public body"
        OTHER = "other", "Other"

    class WorkforceSize(models.TextChoices):
        # Empty when not known (the field's first choice says so).
        FEWER_THAN_10 = "1-9", "1 to 9 people"
        FEWER_THAN_50 = "10-49", "10 to 49"
        FEWER_THAN_250 = "50-249", "50 to 249"
        FEWER_THAN_1000 = "250-999", "250 to 999"
        AT_LEAST_1000 = "1000+", "1,000 or more"

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
    workforce_size = models.CharField(
        "workforce size", max_length=10, choices=[("", "Not known"), *WorkforceSize.choices], blank=True,
        help_text="How many people work or volunteer there. Leave it empty if it is not known.",
    )
    male_dominated_workforce = models.BooleanField(
        "Male-dominated workforce", default=False,
        help_text="Most of the people who work there are men. The VAWG strategy gives workforces that are "
        "mostly men particular attention, so these organisations can be found and reached.",
    )
    partnership_member = models.BooleanField("Member of the VAWG partnership", default=False)
    website = models.URLField(blank=True, help_text="The organisation's own website, starting https://")
    contact_name = models.CharField(
        "contact name", max_length=200, blank=True, validators=[printable_text],
        help_text=STAFF_ONLY_HELP,
    )
    contact_email = models.EmailField(
        "contact email", blank=True, help_text=STAFF_ONLY_HELP,
    )
    contact_phone = models.CharField(
        "contact phone", max_length=40, blank=True, validators=[validate_phone_number],
        help_text=STAFF_ONLY_HELP,
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
    # None chosen means the organisation's sector's learning path applies (the leads' training
    # report says so).
    expected_modules = models.ManyToManyField(
        "content.TrainingModulePage", blank=True, related_name="expected_by_organisations",
        help_text="The training modules this organisation expects its staff to complete. While none are "
        "chosen, its sector's learning path applies.",
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

    def waiting(self):
        """Requests to join someone should answer: a request from an account since closed waits
        for nobody (it cannot be confirmed, `services._decide`)."""
        return self.filter(Membership.WAITING)

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
    WAITING = models.Q(status=Status.REQUESTED, user__is_active=True)  # MembershipQuerySet.waiting
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

    def status_for_staff(self) -> str:
        """Its status, saying so when an open one belongs to an account since closed (someone who
        has left: a request waits for nobody, a member is for removal)."""
        label = self.get_status_display()
        return f"{label} (account closed)" if self.is_open and not self.user.is_active else label

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
