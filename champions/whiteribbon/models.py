"""White Ribbon accreditation's records (see the package's docstring)."""

from __future__ import annotations

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.contrib.settings.registry import register_setting

ACCREDITATION_YEARS = 3


class Criterion(models.TextChoices):
    """White Ribbon UK's four criteria, under which every action-plan item sits."""

    STRATEGIC_LEADERSHIP = "strategic_leadership", "Strategic Leadership"
    CHANGING_CULTURE = "changing_culture", "Changing Culture"
    RAISING_AWARENESS = "raising_awareness", "Raising Awareness"
    ENGAGING_MEN_AND_BOYS = "engaging_men_and_boys", "Engaging with Men and Boys"


class Focus(models.TextChoices):
    """The strategy's focus areas for action plans (Priority 1, objective 2)."""

    TRAINING = "training", "Training"
    POLICIES = "policies", "Policies"
    MALE_AMBASSADORS = "male_ambassadors", "The work of male ambassadors"
    WORKFORCE_EQUALITY = "workforce_equality", "Gender equality in the workforce"


class CycleQuerySet(models.QuerySet):
    def open(self):
        """Cycles still going: at most one per organisation."""
        return self.exclude(stage__in=AccreditationCycle.CLOSED)

    def accredited_on(self, day):
        """Open cycles whose accreditation holds on `day` (approved, not yet expired)."""
        return self.open().filter(
            stage__in=AccreditationCycle.HOLDS_ACCREDITATION, approved_on__lte=day, expires_on__gte=day,
        )

    def led_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__leads=user)


class AccreditationCycle(models.Model):
    """One organisation's way through White Ribbon accreditation, or as a supporter organisation.

    An accredited cycle runs from first interest to the panel's approval, then three years of
    delivering the action plan, then renewal: once re-accredited it closes and a renewal cycle
    carries on from the new approval date. Every change of stage is a dated `StageChange`.
    """

    class Track(models.TextChoices):
        ACCREDITED = "accredited", "Accreditation"
        SUPPORTER = "supporter", "Supporter organisation"

    class Kind(models.TextChoices):
        INITIAL = "initial", "First accreditation"
        RENEWAL = "renewal", "Renewal"

    class Stage(models.TextChoices):
        INTERESTED = "interested", "Interested"
        COMMITTED = "committed", "Committed"
        PREPARING = "preparing", "Preparing the application"
        SUBMITTED = "submitted", "Submitted to the panel"
        ACCREDITED = "accredited", "Accredited"
        RENEWAL_DUE = "renewal_due", "Renewal due"
        REACCREDITED = "reaccredited", "Re-accredited"
        LAPSED = "lapsed", "Lapsed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    S = Stage
    # Where a cycle may go next from each stage; anything else is refused with a message.
    TRANSITIONS = {
        S.INTERESTED: {S.COMMITTED, S.WITHDRAWN},
        S.COMMITTED: {S.PREPARING, S.LAPSED, S.WITHDRAWN},
        S.PREPARING: {S.SUBMITTED, S.LAPSED, S.WITHDRAWN},
        S.SUBMITTED: {S.ACCREDITED, S.PREPARING, S.WITHDRAWN},
        S.ACCREDITED: {S.RENEWAL_DUE, S.WITHDRAWN},
        S.RENEWAL_DUE: {S.REACCREDITED, S.LAPSED, S.WITHDRAWN},
        S.REACCREDITED: set(),
        S.LAPSED: set(),
        S.WITHDRAWN: set(),
    }
    # A supporter organisation commits without applying: it never goes beyond "committed".
    SUPPORTER_STAGES = {S.INTERESTED, S.COMMITTED, S.LAPSED, S.WITHDRAWN}
    CLOSED = (S.REACCREDITED, S.LAPSED, S.WITHDRAWN)
    HOLDS_ACCREDITATION = (S.ACCREDITED, S.RENEWAL_DUE)
    APPROVED = (S.ACCREDITED, S.RENEWAL_DUE, S.REACCREDITED)
    # The pipeline's order, left to right.
    PIPELINE = (S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE)

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="accreditation_cycles",
    )
    track = models.CharField(max_length=20, choices=Track.choices, default=Track.ACCREDITED)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.INITIAL)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.INTERESTED)
    renews = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="renewed_by",
        help_text="The cycle this one renews.",
    )
    lead_contact_name = models.CharField("White Ribbon lead contact", max_length=200, blank=True)
    lead_contact_email = models.EmailField(
        "lead contact's email", blank=True, help_text="Emailed when renewal falls due. Seen only by coordinators "
        "and the organisation's leads.",
    )
    lead_contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="lead contact's account", help_text="If the lead contact has an account here.",
    )
    steering_group = models.TextField(
        blank=True, help_text="Who sits on the organisation's White Ribbon steering group: one name and role a line.",
    )
    started_on = models.DateField(default=timezone.localdate)
    approved_on = models.DateField(
        null=True, blank=True, help_text="The day White Ribbon UK's accreditation panel approved the action plan.",
    )
    expires_on = models.DateField(null=True, blank=True, help_text="Three years after the panel's approval.")
    renewal_notified_on = models.DateField(null=True, blank=True, editable=False)
    closed_on = models.DateField(null=True, blank=True)
    stage_changed_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = "White Ribbon accreditation cycle"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], condition=~Q(stage__in=["reaccredited", "lapsed", "withdrawn"]),
                name="whiteribbon_one_open_cycle",
                violation_error_message="This organisation already has a White Ribbon cycle under way.",
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=["accredited", "renewal_due", "reaccredited"])
                | Q(approved_on__isnull=False, expires_on__isnull=False),
                name="whiteribbon_approved_has_dates",
            ),
            models.CheckConstraint(
                condition=Q(track="accredited") | Q(stage__in=["interested", "committed", "lapsed", "withdrawn"]),
                name="whiteribbon_supporters_do_not_apply",
            ),
        ]
        indexes = [models.Index(fields=["stage", "expires_on"])]

    def __str__(self):
        return f"{self.organisation} ({self.get_kind_display().lower()}, {self.get_stage_display().lower()})"

    @property
    def is_open(self) -> bool:
        return self.stage not in self.CLOSED

    def next_stages(self) -> list[str]:
        """The stages this cycle may move to, in the pipeline's order."""
        allowed = self.TRANSITIONS[self.Stage(self.stage)]
        if self.track == self.Track.SUPPORTER:
            allowed = allowed & self.SUPPORTER_STAGES
        return [stage for stage in self.Stage.values if stage in allowed]


class StageChange(models.Model):
    """One dated, attributed step of a cycle; a change by the daily check has no person."""

    cycle = models.ForeignKey(AccreditationCycle, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=AccreditationCycle.Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=AccreditationCycle.Stage.choices)
    on = models.DateField(help_text="The day it happened (which may be before it was recorded).")
    recorded_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self):
        return f"{self.get_from_stage_display() or 'Start'} → {self.get_to_stage_display()} on {self.on}"


class ActionItemQuerySet(models.QuerySet):
    def overdue_on(self, day):
        return self.filter(due_on__lt=day).exclude(status=ActionItem.Status.DONE)

    def led_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(cycle__organisation__leads=user)


class ActionItem(models.Model):
    """One thing an organisation will do in its three-year plan, under a criterion and a focus."""

    class Status(models.TextChoices):
        GREEN = "green", "On track"
        AMBER = "amber", "At risk"
        RED = "red", "Off track"
        DONE = "done", "Done"

    cycle = models.ForeignKey(AccreditationCycle, on_delete=models.CASCADE, related_name="action_items")
    criterion = models.CharField(max_length=40, choices=Criterion.choices)
    focus = models.CharField("strategy focus", max_length=40, choices=Focus.choices)
    year = models.PositiveSmallIntegerField(choices=[(1, "Year 1"), (2, "Year 2"), (3, "Year 3")])
    title = models.CharField("action", max_length=200)
    detail = models.TextField(blank=True)
    owner = models.CharField(max_length=200, help_text="Who in the organisation answers for it: a name or a job title.")
    due_on = models.DateField("due")
    status = models.CharField("RAG status", max_length=10, choices=Status.choices, default=Status.GREEN)
    module = models.ForeignKey(
        "content.TrainingModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="training module",
        help_text="If the action is about training here: the plan shows how many of the organisation's "
                  "confirmed members hold a current certificate for it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["year", "due_on", "id"]
        verbose_name = "action plan item"

    def __str__(self):
        return self.title

    def is_overdue(self, day=None) -> bool:
        return self.status != self.Status.DONE and self.due_on < (day or timezone.localdate())


class ActionUpdate(models.Model):
    """A dated note of progress on an action, with the status it left the action in."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    written_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=ActionItem.Status.choices)

    class Meta:
        ordering = ["-written_at", "-id"]

    def __str__(self):
        return f"{self.get_status_display()}: {self.text[:60]}"


def evidence_storage():
    return storages["evidence"]


def evidence_path(instance, filename: str) -> str:
    """An unguessable name that keeps only the extension: the person's file name is kept in
    `file_name` and given back on download."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"{timezone.now():%Y/%m}/{secrets.token_urlsafe(24)}{suffix}"


class Evidence(models.Model):
    """What shows an action was done: a link, or a private document served only to the
    organisation's leads and to coordinators (never from MEDIA_URL)."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200)
    link = models.URLField(blank=True, max_length=500)
    document = models.FileField(storage=evidence_storage, upload_to=evidence_path, blank=True, max_length=200)
    file_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(link="") & ~Q(document="")) | (~Q(link="") & Q(document="")),
                name="whiteribbon_evidence_link_or_document",
            ),
        ]

    def __str__(self):
        return self.title


class WhiteRibbonPerson(models.Model):
    """A White Ribbon ambassador or White Ribbon champion of an organisation (not a VAWG
    champion of this site's network: the two are kept apart in every label)."""

    class Role(models.TextChoices):
        AMBASSADOR = "ambassador", "White Ribbon ambassador"
        CHAMPION = "champion", "White Ribbon champion"

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="white_ribbon_people",
    )
    role = models.CharField(
        max_length=20, choices=Role.choices,
        help_text="Ambassadors are men who engage other men and boys; White Ribbon champions are women and people "
                  "who do not identify as men.",
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, help_text="Seen only by coordinators and the organisation's leads.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="white_ribbon_roles",
        verbose_name="account here", help_text="If they have an account on this site.",
    )
    induction_on = models.DateField("induction completed", null=True, blank=True)
    ended_on = models.DateField("stepped down", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "name", "id"]
        verbose_name = "White Ribbon ambassador or champion"
        verbose_name_plural = "White Ribbon ambassadors and champions"

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


@register_setting(icon="pick")
class WhiteRibbonSettings(BaseGenericSetting):
    """The partnership’s target, and how early renewal falls due (a change applies at once)."""

    accredited_target = models.PositiveIntegerField(
        "target number of accredited organisations", default=60, validators=[MinValueValidator(1)],
        help_text="How many Hertfordshire organisations the partnership aims to have accredited by the target date.",
    )
    target_date = models.DateField(default="2029-03-31")
    renewal_notice_months = models.PositiveSmallIntegerField(
        "renewal falls due (months before expiry)", default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="The daily check moves an accreditation to “renewal due”, and emails its lead contact and the "
                  "coordinators, this many months before it expires.",
    )

    class Meta:
        verbose_name = "White Ribbon target"
