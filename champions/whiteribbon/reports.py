"""The coordinators' White Ribbon figures: the pipeline (how many cycles stand at each stage),
the target (organisations accredited today against the partnership's target, in all, by
district and by type), and the renewals falling due soon.

Plain functions over querysets, counted in the database: each figure costs the same few
queries with 60 organisations or 6,000. The admin views (admin.py) turn them into pages.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from champions.whiteribbon.models import AccreditationCycle, WhiteRibbonSettings
from champions.whiteribbon.services import add_months, notice_months
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.site.charts import Bar

S = AccreditationCycle.Stage
T = AccreditationCycle.Track

# "Closed" in the pipeline means closed within this many months; re-accredited cycles are not
# counted there, since the renewal cycle that follows them is counted as accredited.
CLOSED_WITHIN_MONTHS = 12
CLOSED_STAGES = (S.LAPSED, S.WITHDRAWN)
SUPPORTER_PIPELINE = (S.INTERESTED, S.COMMITTED)
# Renewals listed for coordinators: expiring within this many months, or already due.
RENEWALS_WITHIN_MONTHS = 6
# The strategy's target groups (VAWG Strategy, Priority 1, objective 2).
TARGET_GROUPS = (
    (Organisation.Kind.SCHOOL, "Schools and colleges"),
    (Organisation.Kind.PHARMACY, "Pharmacies"),
    (Organisation.Kind.COMMUNITY, "Community groups"),
)


# The pipeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageCount:
    """How many cycles of a track stand at one stage (or closed there recently)."""

    track: str
    stage: str
    label: str
    count: int
    closed: bool = False


@dataclass(frozen=True)
class Pipeline:
    accreditation: list[StageCount]  # in the pipeline's order, interested to renewal due
    supporters: list[StageCount]  # supporter organisations: interested, committed
    closed: list[StageCount]  # lapsed and withdrawn in the last CLOSED_WITHIN_MONTHS, both tracks
    closed_since: datetime.date

    @property
    def under_way(self) -> int:
        return sum(item.count for item in self.accreditation)

    @property
    def supporting(self) -> int:
        return sum(item.count for item in self.supporters)


def closed_since(today: datetime.date | None = None) -> datetime.date:
    return add_months(today or timezone.localdate(), -CLOSED_WITHIN_MONTHS)


def recently_closed(cycles: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """Cycles that lapsed or were withdrawn in the last twelve months."""
    today = today or timezone.localdate()
    return cycles.filter(stage__in=CLOSED_STAGES, closed_on__gte=closed_since(today), closed_on__lte=today)


def pipeline(cycles: QuerySet | None = None, today: datetime.date | None = None) -> Pipeline:
    """Counts by track and stage of `cycles` (all of them, or a filtered queryset): open cycles
    at each stage, and those closed in the last twelve months. One query."""
    today = today or timezone.localdate()
    cycles = AccreditationCycle.objects.all() if cycles is None else cycles
    since = closed_since(today)
    rows = (
        cycles.filter(
            ~Q(stage__in=AccreditationCycle.CLOSED)
            | Q(stage__in=CLOSED_STAGES, closed_on__gte=since, closed_on__lte=today)
        )
        .order_by().values_list("track", "stage").annotate(n=Count("pk"))
    )
    counts = Counter({(track, stage): n for track, stage, n in rows})
    return Pipeline(
        accreditation=[StageCount(T.ACCREDITED, stage, S(stage).label, counts[(T.ACCREDITED, stage)])
                       for stage in AccreditationCycle.PIPELINE],
        supporters=[StageCount(T.SUPPORTER, stage, S(stage).label, counts[(T.SUPPORTER, stage)])
                    for stage in SUPPORTER_PIPELINE],
        closed=[StageCount("", stage, S(stage).label,
                           counts[(T.ACCREDITED, stage)] + counts[(T.SUPPORTER, stage)], closed=True)
                for stage in CLOSED_STAGES],
        closed_since=since,
    )


# The target --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetFigures:
    """Organisations whose accreditation holds on `day`, against the partnership's target."""

    day: datetime.date
    accredited: int
    target: int
    target_date: datetime.date
    by_district: list[Bar]
    by_kind: list[Bar]
    male_dominated: int
    target_groups: list[Bar]

    @property
    def percent(self) -> int:
        """Of the target, rounded to the nearest whole number (halves up)."""
        return int(100 * self.accredited / self.target + 0.5) if self.target else 0

    @property
    def still_needed(self) -> int:
        return max(self.target - self.accredited, 0)


def target_figures(day: datetime.date | None = None) -> TargetFigures:
    """The number accredited on `day` (today), in total, by district, by type of organisation, with a
    male-dominated workforce, and in the strategy's target groups. Three queries."""
    day = day or timezone.localdate()
    settings = WhiteRibbonSettings.load()
    rows = (
        AccreditationCycle.objects.accredited_on(day)
        .order_by()
        .values_list("organisation__district", "organisation__kind", "organisation__male_dominated_workforce")
        .annotate(n=Count("organisation", distinct=True))
    )
    by_district, by_kind = Counter(), Counter()
    total = male_dominated = 0
    for district, kind, male, n in rows:
        by_district[district] += n
        by_kind[kind] += n
        total += n
        male_dominated += n if male else 0
    districts = [Bar(district.name, by_district[district.pk]) for district in District.objects.order_by(
        "sort_order", "name")]
    if by_district[None]:
        districts.append(Bar("No district given", by_district[None]))
    return TargetFigures(
        day=day,
        accredited=total,
        target=settings.accredited_target,
        target_date=settings.target_date,
        by_district=districts,
        by_kind=[Bar(label, by_kind[kind]) for kind, label in Organisation.Kind.choices],
        male_dominated=male_dominated,
        target_groups=[Bar(label, by_kind[kind]) for kind, label in TARGET_GROUPS],
    )


# Renewals ----------------------------------------------------------------------------------


def renewals_due(today: datetime.date | None = None) -> QuerySet:
    """Open cycles whose renewal is already due, or falls due within the next six months (the
    coordinators' notice period before expiry, plus six months), soonest expiry first."""
    today = today or timezone.localdate()
    horizon = add_months(today, notice_months() + RENEWALS_WITHIN_MONTHS)
    return (
        AccreditationCycle.objects.open()
        .filter(Q(stage=S.RENEWAL_DUE) | Q(stage=S.ACCREDITED, expires_on__lte=horizon))
        .order_by("expires_on", "organisation__name", "pk")
    )


def days_left(expires_on: datetime.date | None, today: datetime.date | None = None) -> str:
    """How long an accreditation has left, in words: "45 days", "1 day", "expires today",
    "expired 3 days ago"."""
    if expires_on is None:
        return ""
    days = (expires_on - (today or timezone.localdate())).days
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''}"
    if days == 0:
        return "Expires today"
    return f"Expired {-days} day{'s' if days != -1 else ''} ago"
