"""The VAWG champions network: tiers and their training pathway, each champion's record (their
application, profile and where they stand), its dated history, relay messages (logged without
their bodies), blocks, network sessions and bookings, and the briefings champions give.

Champions are not specialists: each is a contact point in and out of their organisation, who
recognises abuse, responds safely and signposts (strategy Priority 3A, objective 1). The rules
(who is eligible, which change of status is allowed, who sees a profile) live in services.py
and visibility.py; the models hold the facts.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from lms.organisations.names import fold


class ChampionTier(models.Model):
    """Community, lead or strategic champion: what the role asks and which training opens it."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        help_text="What a champion at this tier does, in two or three plain sentences, for applicants."
    )
    time_commitment = models.CharField(
        max_length=200,
        help_text="What the line manager agrees to, for example “about two hours a month, and a network "
                  "session every three months”.",
    )
    pathway_modules = models.ManyToManyField(
        "content.TrainingModulePage", blank=True, related_name="champion_tiers",
        help_text="A learner may apply for this tier once they hold a valid certificate for every one of "
                  "these modules. A tier with no modules is closed to applications. Adding a module applies to "
                  "current champions too: at the next daily check, those without a valid certificate for it "
                  "are emailed that their refresher is due, and they lapse after the grace period unless they "
                  "complete it.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("time_commitment"),
        FieldPanel("pathway_modules"), FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "champion tier"

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language a champion can talk with people in (English is assumed, so listing it is optional)."""

    name = models.CharField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ChampionQuerySet(models.QuerySet):
    def listed(self):
        """Champions the directory may show at all (each viewer then sees those their visibility
        allows): listed statuses, on accounts that are still active."""
        return self.filter(status__in=Champion.LISTED, user__is_active=True)


class Champion(index.Indexed, models.Model):
    """One person's place in the network: their application, their profile and where they stand.

    One record per person, from their first application on: a person declined or withdrawn
    applies again on the same record, so their history stays in one place.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", "Applied, waiting for the line manager"
        MANAGER_AGREED = "manager_agreed", "Line manager agreed, waiting for a coordinator"
        ACTIVE = "active", "Active"
        REFRESHER_DUE = "refresher_due", "Refresher due"
        LAPSED = "lapsed", "Lapsed"
        DECLINED = "declined", "Declined"
        PAUSED = "paused", "Paused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Visibility(models.TextChoices):
        COORDINATORS = "coordinators", "Only the partnership’s coordinators"
        CHAMPIONS = "champions", "Other champions and coordinators"
        PROFESSIONALS = "professionals", "Professionals whose organisation has confirmed them"

    # Shown in the directory (a champion whose refresher is due is still listed, and marked).
    LISTED = (Status.ACTIVE, Status.REFRESHER_DUE)
    # Hold the Champion role: approved and not lapsed or withdrawn.
    HOLD_ROLE = (Status.ACTIVE, Status.REFRESHER_DUE, Status.PAUSED)
    # Waiting for someone: the line manager or a coordinator.
    WAITING = (Status.APPLIED, Status.MANAGER_AGREED)

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="champion")
    tier = models.ForeignKey(ChampionTier, on_delete=models.PROTECT, related_name="champions")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="champions",
        help_text="The organisation they are a champion in: one they are a confirmed member of.",
    )
    sector = models.ForeignKey("content.Sector", on_delete=models.PROTECT, related_name="champions")
    districts = models.ManyToManyField(
        "accounts.District", related_name="champions", help_text="The districts they cover."
    )
    specialisms = models.ManyToManyField(
        "content.Topic", blank=True, related_name="champions",
        help_text="The forms of VAWG they know their way around (they signpost; they are not specialists).",
    )
    languages = models.ManyToManyField(Language, blank=True, related_name="champions")
    availability = models.CharField(
        max_length=200, help_text="When people can expect an answer, for example “weekdays, within two days”."
    )
    statement = models.TextField(
        max_length=1000, help_text="Why they want to be a champion and what they bring, in a few sentences."
    )
    visibility = models.CharField(max_length=20, choices=Visibility.choices, default=Visibility.COORDINATORS)

    line_manager_name = models.CharField(max_length=150)
    line_manager_email = models.EmailField()
    manager_agreed_at = models.DateTimeField(null=True, blank=True)
    manager_agreement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The coordinator who recorded the agreement, when the manager did not use the link.",
    )
    manager_agreement_note = models.TextField(blank=True)
    # Raised on every new application, so that a line manager's link from an earlier one no longer works.
    application_number = models.PositiveSmallIntegerField(default=1)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED)
    status_changed_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)
    refresher_due_on = models.DateField(
        null=True, blank=True, help_text="The day their pathway training stopped being valid."
    )

    # The champion's name, job and organisation without accents, in lower case (filled on save),
    # so the directory's text search matches "lucja" to "Łucja" on SQLite and PostgreSQL alike.
    search_text = models.CharField(max_length=600, editable=False, default="", db_index=False)

    objects = ChampionQuerySet.as_manager()

    search_fields = [index.SearchField("search_text")]

    class Meta:
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self):
        return str(self.user)

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(filter(None, [
            self.user.full_name, self.user.job_role, self.organisation.name if self.organisation_id else "",
        ])))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_listed(self) -> bool:
        return self.status in self.LISTED

    def lapses_on(self, grace_days: int) -> datetime.date | None:
        """The day a champion whose refresher is due lapses, if they do not renew."""
        if self.refresher_due_on is None:
            return None
        return self.refresher_due_on + datetime.timedelta(days=grace_days)


class StatusChange(models.Model):
    """One dated step in a champion's history: from, to, by whom (None: the daily task), why."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Champion.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Champion.Status.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["champion", "-at"])]

    def __str__(self):
        return f"{self.champion}: {self.from_status or 'new'} → {self.to_status}"

    @property
    def who(self) -> str:
        """Who made this change, in words for the history: a person, the champion themselves, the
        line manager through their emailed link, or the daily check of pathway certificates."""
        if self.by_id is not None:
            if self.by_id == self.champion.user_id:
                return f"{self.by.full_name or self.by.email} (the champion)"
            return self.by.full_name or self.by.email
        if self.from_status == Champion.Status.APPLIED and self.to_status in (
            Champion.Status.MANAGER_AGREED, Champion.Status.DECLINED,
        ):
            return "The line manager, by the emailed link"
        if self.to_status in (Champion.Status.REFRESHER_DUE, Champion.Status.LAPSED, Champion.Status.ACTIVE):
            return "The daily check of pathway certificates"
        return "The system"


class RelayMessage(models.Model):
    """That someone wrote to a champion through the relay, and when. Never what they wrote:
    the message goes by email to the champion and is not kept here."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="relay_messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relay_messages_sent")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["sender", "sent_at"])]

    def __str__(self):
        return f"{self.sender} → {self.champion} at {self.sent_at:%Y-%m-%d %H:%M}"


class RelayBlock(models.Model):
    """A champion no longer receives relay messages from this sender."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="blocks")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["champion", "sender"], name="relay_block_once")]

    def __str__(self):
        return f"{self.champion} blocks {self.sender}"


class NetworkSessionQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(starts_at__gte=now or timezone.now(), cancelled_at__isnull=True)


class NetworkSession(models.Model):
    """A meeting of the network, every few months: updates, case discussion, peer support."""

    topic = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=300, blank=True, help_text="The venue's name and address, if in person.")
    online_link = models.URLField(
        blank=True, help_text="The meeting link, if online. Only champions who booked see it."
    )
    capacity = models.PositiveSmallIntegerField(help_text="How many champions can book.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = NetworkSessionQuerySet.as_manager()

    panels = [
        FieldPanel("topic"), FieldPanel("description"), FieldPanel("starts_at"), FieldPanel("ends_at"),
        FieldPanel("place"), FieldPanel("online_link"), FieldPanel("capacity"),
    ]

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="", online_link=""), name="session_has_a_place_or_link",
            ),
        ]

    def __str__(self):
        return f"{self.topic} ({timezone.localtime(self.starts_at):%-d %b %Y})"


class SessionBooking(models.Model):
    """A champion's place at a session; cancelling keeps the row, so a place is never booked twice."""

    session = models.ForeignKey(NetworkSession, on_delete=models.CASCADE, related_name="bookings")
    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="bookings")
    booked_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(
        null=True, blank=True, help_text="Recorded by a coordinator after the session (blank until then)."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "champion"], name="one_booking_per_session")]

    def __str__(self):
        return f"{self.champion} at {self.session}"


class Briefing(models.Model):
    """A briefing or training a champion gave: the cascade of what they learned. No names of people briefed."""

    champion = models.ForeignKey(Champion, on_delete=models.CASCADE, related_name="briefings")
    given_on = models.DateField()
    audience = models.CharField(
        max_length=200, help_text="Who it was for, for example “ward nurses” or “year 10 tutors”."
    )
    people_count = models.PositiveSmallIntegerField()
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="briefings",
        help_text="Where the people briefed work, if it is one of the organisations we know.",
    )
    district = models.ForeignKey(
        "accounts.District", null=True, blank=True, on_delete=models.PROTECT, related_name="briefings"
    )
    topics = models.ManyToManyField("content.Topic", related_name="briefings")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self):
        return f"{self.champion}: {self.audience} ({self.given_on})"


# White Ribbon accreditation's models live beside the rules they follow; Django finds them here.
from champions.whiteribbon.models import (  # noqa: E402, F401
    AccreditationCycle,
    ActionItem,
    ActionUpdate,
    Evidence,
    StageChange,
    WhiteRibbonPerson,
    WhiteRibbonSettings,
)
