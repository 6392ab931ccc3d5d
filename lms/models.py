"""People and where they work: accounts, profiles, districts and organisations."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.search import index


class District(models.Model):
    """A Hertfordshire district, or "outside Hertfordshire"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    in_hertfordshire = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


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
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="organisations"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    leads = models.ManyToManyField(
        "lms.User", blank=True, related_name="led_organisations",
        help_text="People who answer requests to join this organisation, and see the training records of "
        "its confirmed members and its White Ribbon plan.",
    )
    proposed_by = models.ForeignKey(
        "lms.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account, identified by email, with the profile a learner completes after sign-up.

    `full_name` is printed on certificates exactly as typed. `first_name` and `last_name`
    are inherited and stay empty: Wagtail's user admin expects them to exist.
    """

    username = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        "full name", max_length=150, blank=True,
        help_text="As it should appear on certificates.",
    )
    job_role = models.CharField(max_length=120, blank=True)
    sector = models.ForeignKey(
        "content.Sector", null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def has_complete_profile(self) -> bool:
        return bool(
            self.full_name and self.job_role and self.sector_id and self.district_id
            and self.organisation_id
        )


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

    user = models.ForeignKey("lms.User", on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "lms.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey("lms.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
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


class Enrolment(models.Model):
    """A learner's record of one module: started, warning seen, completed."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolments")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="enrolments")
    started_at = models.DateTimeField(auto_now_add=True)
    warning_acknowledged_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="enrolment_once_per_module")]

    def __str__(self):
        return f"{self.user} – {self.module}"


class LessonVisit(models.Model):
    """A learner opened a lesson, past its module's content warning. Only an opened lesson can be
    marked complete: completion is earned by reading, not by posting to the completion URL."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="lesson_visits")
    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="visits")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="+")
    first_opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_visited_once")]

    def __str__(self):
        return f"{self.user} opened {self.lesson}"


class LessonCompletion(models.Model):
    """A learner marked a lesson complete. One row per learner and lesson, however often they click."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completed_once")]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self):
        return f"{self.user} completed {self.lesson}"


from lms.certificate_models import Certificate, CertificateReminder  # noqa: E402
from lms.quiz_models import Attempt, Choice, ConfidenceRating, Question, Quiz, QuizCase  # noqa: E402

__all__ = [
    "Attempt", "Certificate", "CertificateReminder", "Choice", "ConfidenceRating", "District", "Enrolment",
    "LessonCompletion", "LessonVisit", "Membership", "MembershipError", "Organisation", "Question", "Quiz",
    "QuizCase", "User",
]
