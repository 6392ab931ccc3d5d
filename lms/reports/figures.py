"""The figures of the coordinators' reports, counted in the database: each report costs the same
few queries whatever the number of learners, enrolments, attempts or certificates.

Every report takes the same `Filters` (a period, a module, a sector, a district, an
organisation) and a grouping; a person's sector, district and organisation are those of their
profile today (the organisation they named, confirmed or not)."""

from __future__ import annotations

import datetime
import os
import time
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    DurationField,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone

from champions.models import Briefing, Champion, SessionBooking
from lms.certificates.models import Certificate
from lms.followup.models import FollowUp, UsedInWork
from lms.followup.services import ANSWER_DAYS
from lms.learning.models import Attempt, ConfidenceRating, Enrolment

NOT_GIVEN = "Not given"


@dataclass(frozen=True)
class Filters:
    since: datetime.date | None = None
    until: datetime.date | None = None
    module: object = None
    sector: object = None
    district: object = None
    organisation: object = None

    @classmethod
    def from_form(cls, cleaned: dict) -> Filters:
        return cls(**{name: cleaned.get(name) for name in
                      ("since", "until", "module", "sector", "district", "organisation")})

    def people(self, queryset: QuerySet, *, module_path: str = "module", person: str = "user") -> QuerySet:
        """`queryset` narrowed to the chosen module and the people of the chosen sector,
        district and organisation."""
        if self.module is not None:
            queryset = queryset.filter(**{module_path: self.module})
        for name in ("sector", "district", "organisation"):
            chosen = getattr(self, name)
            if chosen is not None:
                queryset = queryset.filter(**{f"{person}__{name}": chosen})
        return queryset

    def period(self, queryset: QuerySet, moment: str) -> QuerySet:
        """`queryset` narrowed to rows whose `moment` falls in the period (both days included,
        as days in the site's time zone)."""
        return queryset.filter(self.within(moment))

    def within(self, moment: str) -> Q:
        """The condition that `moment` falls in the period (an empty Q without one)."""
        # Compared as moments, not as dates cast row by row: the database can use an index.
        condition = Q()
        if self.since:
            condition &= Q(**{f"{moment}__gte": _start_of(self.since)})
        if self.until:
            condition &= Q(**{f"{moment}__lt": _start_of(self.until + datetime.timedelta(days=1))})
        return condition


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class LocalMonth(TruncMonth):
    """The month a moment falls in, in the site's time zone: the start of that month, as
    TruncMonth gives it. On SQLite, Django's TruncMonth calls a Python function for every row
    (seconds over 100,000 rows); this asks SQLite's own strftime for the month in local time
    instead, which reads the process's time zone: Django sets it to TIME_ZONE (the TZ variable),
    so it is used only when the C library's offsets are the site's (`_c_local_time_is_the_sites`)
    and no other zone is active; otherwise TruncMonth as it is."""

    def as_sqlite(self, compiler, connection, **extra_context):
        if self.get_tzname() != settings.TIME_ZONE or not _c_local_time_is_the_sites():
            return super().as_sqlite(compiler, connection, **extra_context)
        sql, params = compiler.compile(self.lhs)
        return f"strftime(%s, {sql}, 'localtime')", ("%Y-%m-01 00:00:00", *params)


# Moments around the changes of the clocks, in several years, at which the C library's local
# time (what SQLite's 'localtime' reads) must agree with the site's zone.
_ZONE_SAMPLES = tuple(
    int(datetime.datetime(year, month, day, hour, tzinfo=datetime.UTC).timestamp())
    for year in (1999, 2026, 2036) for month, day in ((1, 15), (3, 31), (4, 1), (6, 1), (10, 31), (11, 1))
    for hour in (0, 12, 23)
)


def _c_local_time_is_the_sites() -> bool:
    """Whether the process's local time (the C library's, with the TZ Django set) has the site's
    offsets from UTC, winter and summer: not so where the system lacks the zone's rules, say."""
    if os.environ.get("TZ") != settings.TIME_ZONE:
        return False
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return all(
        time.localtime(moment).tm_gmtoff == datetime.datetime.fromtimestamp(moment, zone).utcoffset().total_seconds()
        for moment in _ZONE_SAMPLES
    )


def grouping(group_by: str, *, module_path: str = "module", person: str = "user", moment: str = "") -> tuple:
    """(key expression, label field or None) for `values()`: what a line of the report is."""
    if group_by == "module":
        return F(f"{module_path}_id"), f"{module_path}__title"
    if group_by == "month":
        return LocalMonth(moment), None
    if group_by in ("sector", "district", "organisation"):
        return F(f"{person}__{group_by}_id"), f"{person}__{group_by}__name"
    raise ValueError(f"Unknown grouping: {group_by}")


def _label(key, label) -> str:
    if isinstance(key, datetime.datetime | datetime.date):
        return key.strftime("%B %Y")
    return label or NOT_GIVEN


def _named(lines: dict, group_by: str) -> None:
    """Label the lines (key: line) of a report grouped by module, sector, district or
    organisation from one query of those names, rather than a join in each query of figures,
    which would carry the name on every row counted and group and sort by it."""
    keys = [key for key in lines if key is not None and not isinstance(key, datetime.datetime | datetime.date)]
    names = {}
    if keys and group_by == "module":
        model = Enrolment._meta.get_field("module").related_model
        names = dict(model.objects.filter(pk__in=keys).values_list("pk", "title"))
    elif keys and group_by in ("sector", "district", "organisation"):
        model = Enrolment._meta.get_field("user").related_model._meta.get_field(group_by).related_model
        names = dict(model.objects.filter(pk__in=keys).values_list("pk", "name"))
    for key, line in lines.items():
        line.label = _label(key, names.get(key))


# Training activity ----------------------------------------------------------------------------


@dataclass
class TrainingLine:
    """One line of the training report. Learners: people who started a module in the period;
    starts and completions: modules started, completed; attempts: quizzes submitted; passes:
    of those, passed; the median time from starting a module to completing it, in days."""

    key: object
    label: str
    learners: int = 0
    starts: int = 0
    completions: int = 0
    attempts: int = 0
    passes: int = 0
    median_days: float | None = None

    @property
    def pass_rate(self) -> int | None:
        """Passed attempts as a percentage of attempts submitted."""
        return round(100 * self.passes / self.attempts) if self.attempts else None

    @property
    def attempts_per_pass(self) -> float | None:
        return round(self.attempts / self.passes, 1) if self.passes else None


@dataclass
class TrainingActivity:
    lines: list[TrainingLine] = field(default_factory=list)
    total: TrainingLine = field(default_factory=lambda: TrainingLine(key=None, label="In all"))


class _Median(Aggregate):
    """PostgreSQL's median: the middle value, or halfway between the middle two."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def _days(duration: datetime.timedelta) -> float:
    return round(duration.total_seconds() / 86400, 1)


def _median_days(completed: QuerySet, group_by: str | None) -> dict:
    """The median time to complete, in days, per line key, in one query, where the database has
    no median of its own (not PostgreSQL, whose PERCENTILE_CONT `training_activity` counts with
    the completions): the middle one or two rows of each line are picked with window functions
    (ROW_NUMBER and COUNT over the line, ordered by duration), so only those rows come back, at
    most two a line, whatever the number of completions."""
    if connections[completed.db].vendor == "sqlite":
        # Days as a number, by SQLite itself: its timestamp difference is a Python function a row.
        duration = Func(F("completed_at"), function="julianday", output_field=FloatField()) - Func(
            F("started_at"), function="julianday", output_field=FloatField())
        in_days = float
    else:
        duration = F("completed_at") - F("started_at")
        in_days = _days
    if group_by is None:
        partition, values = None, {}
    else:
        key, _label_field = grouping(group_by, moment="completed_at")
        partition, values = [key], {"key": key}
    ranked = (
        completed.order_by()
        .annotate(
            duration=duration,
            position=Window(RowNumber(), partition_by=partition, order_by=[duration.asc(), F("pk").asc()]),
            size=Window(Count("pk"), partition_by=partition),
        )
        .filter(Q(position=(F("size") + 1) / 2) | Q(position=(F("size") + 2) / 2))
        .values("duration", **values)
    )
    middles: dict = {}
    for row in ranked:
        middles.setdefault(row.get("key"), []).append(row["duration"])
    # The middle value, or halfway between the middle two (as PERCENTILE_CONT), in days.
    return {key: round(in_days(sum(durations[1:], durations[0]) / len(durations)), 1)
            for key, durations in middles.items()}


def _only(condition: Q) -> Q | None:
    """A measure's filter: None for an empty condition (every row)."""
    return condition if condition else None


def training_activity(filters: Filters, group_by: str) -> TrainingActivity:
    """Learners, starts, completions, attempts, passes and the median time to complete, by
    `group_by` (module, sector, district, organisation or month) and in all. The enrolments are
    read once for the totals and once for the lines (twice by month: a start's month and a
    completion's are not the same), each measure filtered to its own period, the attempts once,
    and the lines' names once (not by month): four queries; where the database has no median
    (SQLite), two more for the medians."""
    enrolments = filters.people(Enrolment.objects.all())
    started = filters.within("started_at")
    completed = Q(completed_at__isnull=False) & filters.within("completed_at")
    # Without a period every enrolment is a start; with one, only rows started or completed in
    # it count for anything.
    relevant = enrolments.filter(started | completed) if started else enrolments
    attempts = filters.period(
        filters.people(Attempt.objects.filter(status=Attempt.Status.SUBMITTED), module_path="quiz__module"),
        "submitted_at",
    )
    has_median = connections[enrolments.db].vendor == "postgresql"
    median = _Median(F("completed_at") - F("started_at"), filter=completed, output_field=DurationField())
    report = TrainingActivity()
    lines: dict = {}

    def line(key) -> TrainingLine:
        if key not in lines:
            lines[key] = TrainingLine(key=key, label="")
        return lines[key]

    # Every row counts in exactly one line, so the lines add up to the totals; only the
    # learners in all and the median in all need their own query (a learner can be on several
    # lines; medians do not add up).
    totals = relevant.order_by().aggregate(
        learners=Count("user_id", distinct=True, filter=_only(started)),
        **({"median": median} if has_median else {}),
    )
    report.total.learners = totals["learners"] or 0
    if totals.get("median") is not None:
        report.total.median_days = _days(totals["median"])
    starts = {"learners": Count("user_id", distinct=True, filter=_only(started)),
              "starts": Count("pk", filter=_only(started))}
    if group_by == "module":
        # One enrolment a learner and module (a constraint): a module's learners are its
        # starts, counted without the sort that a distinct count costs.
        starts["learners"] = Count("pk", filter=_only(started))
    completions = {"completions": Count("pk", filter=completed), **({"median_days": median} if has_median else {})}
    if group_by == "month":
        # A start counts in the month it started, a completion in the month it was completed.
        sources = [(relevant.filter(started), {"moment": "started_at"}, starts),
                   (relevant.filter(completed), {"moment": "completed_at"}, completions)]
    else:
        sources = [(relevant, {}, {**starts, **completions})]
    sources.append((attempts, {"moment": "submitted_at", "module_path": "quiz__module"},
                    {"attempts": Count("pk"), "passes": Count("pk", filter=Q(passed=True))}))
    for queryset, paths, measures in sources:
        key, _label_field = grouping(group_by, **paths)
        for row in queryset.order_by().values(key=key).annotate(**measures):
            target = line(row["key"])
            for name in measures:
                if name == "median_days":
                    target.median_days = None if row[name] is None else _days(row[name])
                    continue
                setattr(target, name, row[name])
                if name != "learners":
                    setattr(report.total, name, getattr(report.total, name) + row[name])
    if not has_median:
        completed_rows = enrolments.filter(completed)
        report.total.median_days = _median_days(completed_rows, None).get(None)
        # Every line with a median has completions, so it is already there with its label.
        for key, days in _median_days(completed_rows, group_by).items():
            line(key).median_days = days
    _named(lines, group_by)
    report.lines = _in_order(lines.values(), group_by)
    return report


def _order(group_by: str):
    if group_by == "month":
        return lambda line: line.key or datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return lambda line: (line.label == NOT_GIVEN, line.label.casefold())


def _in_order(lines, group_by: str) -> list:
    """The lines in the report's order; by month, with a line of noughts for each month between
    the first and the last that had nothing to count, so a quiet month shows as a quiet month
    rather than as a gap a reader may not notice."""
    ordered = sorted(lines, key=_order(group_by))
    dated = [line for line in ordered if line.key is not None]
    if group_by != "month" or not dated:
        return ordered
    by_month = {(line.key.year, line.key.month): line for line in dated}
    first, last, make = dated[0].key, dated[-1].key, type(dated[0])
    filled = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        line = by_month.get((year, month))
        if line is None:
            key = first.replace(year=year, month=month, day=1)
            line = make(key=key, label=_label(key, None))
        filled.append(line)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [line for line in ordered if line.key is None] + filled


# Certificates ---------------------------------------------------------------------------------


@dataclass
class CertificateLine:
    """Certificates held on `day`: valid (of which expiring within 60 days), expired, revoked.
    A certificate replaced by its renewal is not counted (the renewal is)."""

    key: object
    label: str
    valid: int = 0
    expiring: int = 0
    expired: int = 0
    revoked: int = 0


@dataclass
class CertificateFigures:
    day: datetime.date
    lines: list[CertificateLine] = field(default_factory=list)
    total: CertificateLine = field(default_factory=lambda: CertificateLine(key=None, label="In all"))


CERTIFICATE_GROUPS = (("organisation", "Organisation"), ("sector", "Sector"), ("district", "District"),
                      ("module", "Module"))


def certificate_figures(filters: Filters, group_by: str, day: datetime.date | None = None) -> CertificateFigures:
    """Certificates issued in the period (all, without one) as they stand on `day` (today), by
    organisation, sector, district or module, and in all: three queries (the third, the lines'
    names)."""
    day = day or timezone.localdate()
    certificates = filters.people(Certificate.objects.all())
    if filters.since:
        certificates = certificates.filter(issued_on__gte=filters.since)
    if filters.until:
        certificates = certificates.filter(issued_on__lte=filters.until)
    status = Certificate.Status
    # Each certificate's status is worked out once, as what its rows are grouped by (not once
    # for each measure that filters on it), and the counts by status are added up here.
    counted_as = {status.CURRENT: ("valid",), status.EXPIRING: ("valid", "expiring"),
                  status.EXPIRED: ("expired",), status.REVOKED: ("revoked",)}
    annotated = certificates.with_status_on(day).order_by()
    figures = CertificateFigures(day=day)

    def add(target: CertificateLine, state: str, count: int) -> None:
        for name in counted_as.get(state, ()):
            setattr(target, name, getattr(target, name) + count)

    for row in annotated.values("status").annotate(count=Count("pk")):
        add(figures.total, row["status"], row["count"])
    key, _label_field = grouping(group_by)
    lines: dict = {}
    for row in annotated.values("status", key=key).annotate(count=Count("pk")):
        if row["key"] not in lines:
            lines[row["key"]] = CertificateLine(key=row["key"], label="")
        add(lines[row["key"]], row["status"], row["count"])
    _named(lines, group_by)
    figures.lines = _in_order(lines.values(), group_by)
    return figures


# Champions network ----------------------------------------------------------------------------


@dataclass
class NetworkLine:
    """Champions in the network now (active or refresher due), the briefings they gave and the
    people those reached in the period, and the network sessions they attended in the period."""

    key: object
    label: str
    champions: int = 0
    briefings: int = 0
    people_briefed: int = 0
    sessions_attended: int = 0


@dataclass
class NetworkFigures:
    lines: list[NetworkLine] = field(default_factory=list)
    total: NetworkLine = field(default_factory=lambda: NetworkLine(key=None, label="In all"))


NETWORK_GROUPS = (("district", "District covered"), ("sector", "Sector"), ("specialism", "Specialism"),
                  ("language", "Language"), ("tier", "Tier"), ("organisation", "Organisation"))
_NETWORK_KEYS = {
    "district": "districts", "specialism": "specialisms", "language": "languages",
    "sector": "sector", "tier": "tier", "organisation": "organisation",
}


def network_figures(filters: Filters, group_by: str) -> NetworkFigures:
    """Champions by district covered, sector, specialism, language, tier or organisation, with
    their cascade (briefings, people briefed: champions/network.py's `briefing_totals` counts the
    same briefings for the briefings report) and network sessions attended: two queries. A
    champion covering two districts, or speaking two languages, counts under each, so those
    lines add up to more than the total. The module filter does not apply."""
    champions = Champion.objects.listed()
    if filters.sector is not None:
        champions = champions.filter(sector=filters.sector)
    if filters.district is not None:
        champions = champions.filter(districts=filters.district)
    if filters.organisation is not None:
        champions = champions.filter(organisation=filters.organisation)
    briefings = Briefing.objects.filter(champion=OuterRef("pk"))
    if filters.since:
        briefings = briefings.filter(given_on__gte=filters.since)
    if filters.until:
        briefings = briefings.filter(given_on__lte=filters.until)
    attended = filters.period(
        SessionBooking.objects.filter(champion=OuterRef("pk"), attended=True, session__cancelled_at__isnull=True),
        "session__starts_at",
    )

    def per_champion(queryset, measure):
        return Coalesce(Subquery(
            queryset.order_by().values("champion").annotate(total=measure).values("total")[:1],
            output_field=IntegerField(),
        ), Value(0))

    counted = champions.annotate(
        own_briefings=per_champion(briefings, Count("pk")),
        own_people=per_champion(briefings, Sum("people_count")),
        own_sessions=per_champion(attended, Count("pk")),
    ).order_by()
    measures = {
        "champions": Count("pk", distinct=True), "briefings": Sum("own_briefings"),
        "people_briefed": Sum("own_people"), "sessions_attended": Sum("own_sessions"),
    }
    figures = NetworkFigures()
    for name, value in counted.aggregate(**measures).items():
        setattr(figures.total, name, value or 0)
    if group_by not in _NETWORK_KEYS:
        raise ValueError(f"Unknown grouping: {group_by}")
    path = _NETWORK_KEYS[group_by]
    # Grouped by a many-to-many, a champion is one row per district (language…): the sums of
    # their own figures then count them once under each, never twice under one.
    rows = counted.values(key=F(path), label=F(f"{path}__name")).annotate(
        champions=Count("pk", distinct=True), briefings=Sum("own_briefings"),
        people_briefed=Sum("own_people"), sessions_attended=Sum("own_sessions"),
    )
    figures.lines = sorted(
        (NetworkLine(key=row["key"], label=_label(row["key"], row["label"]),
                     **{name: row[name] or 0 for name in measures}) for row in rows),
        key=_order(group_by),
    )
    return figures


# Confidence before and after ------------------------------------------------------------------

# The stages in the order learners are asked; each later one is compared with the first. A new
# stage (a follow-up months later) adds its columns and its comparison by being added to
# ConfidenceRating.Stage, with its short name here.
STAGES: tuple[str, ...] = tuple(ConfidenceRating.Stage.values)
FIRST_STAGE, LATER_STAGES = STAGES[0], STAGES[1:]
STAGE_NAMES = {ConfidenceRating.Stage.BEFORE: "before", ConfidenceRating.Stage.AFTER: "after",
               ConfidenceRating.Stage.FOLLOW_UP: "three months after"}

# Learners are promised that the partnership sees only totals across everyone: a mean, a change or
# a share over fewer people than this is not shown (a line of one person would be their rating).
FEWEST_PEOPLE = 5


def stage_name(stage: str) -> str:
    """"before", "after", "three months after": how a heading names a stage."""
    return STAGE_NAMES.get(stage) or stage.replace("_", " ")


@dataclass
class StageFigures:
    """One stage of one line: people who rated, people who chose not to, and the mean of their
    ratings (each rating the mean of its outcomes, 1 to 5)."""

    rated: int = 0
    skipped: int = 0
    mean: float | None = None

    @property
    def too_few(self) -> bool:
        """Some rated, but fewer than FEWEST_PEOPLE: the mean must not be shown."""
        return 0 < self.rated < FEWEST_PEOPLE


@dataclass
class Change:
    """People who rated the same module at the first stage and at a later one: how many, the
    mean change from one to the other over those pairs, and how many pairs went up."""

    people: int = 0
    pairs: int = 0
    mean_change: float | None = None
    improved: int = 0

    @property
    def improved_share(self) -> int | None:
        """Pairs whose later mean is higher, as a percentage of the pairs."""
        return round(100 * self.improved / self.pairs) if self.pairs else None

    @property
    def too_few(self) -> bool:
        """Some pairs, but of fewer than FEWEST_PEOPLE people: the change and share must not be shown."""
        return 0 < self.people < FEWEST_PEOPLE


@dataclass
class Invitations:
    """Follow-up invitations sent in the period (lms.followup), and of those how many were
    answered and declined so far: the response rate of the three-month stage."""

    invited: int = 0
    answered: int = 0
    declined: int = 0
    # Still open: sent, not answered nor declined, and within the days a follow-up can be answered.
    awaiting: int = 0

    @property
    def response_rate(self) -> int | None:
        """Answered, as a percentage of the follow-ups that are no longer open (answered, declined,
        or closed unanswered): one still open may yet be answered, so it is not counted against."""
        decided = self.invited - self.awaiting
        return round(100 * self.answered / decided) if decided else None


@dataclass
class ConfidenceLine:
    key: object
    label: str
    stages: dict[str, StageFigures] = field(default_factory=lambda: {stage: StageFigures() for stage in STAGES})
    changes: dict[str, Change] = field(default_factory=lambda: {stage: Change() for stage in LATER_STAGES})
    invitations: Invitations = field(default_factory=Invitations)


@dataclass
class ConfidenceFigures:
    lines: list[ConfidenceLine] = field(default_factory=list)
    total: ConfidenceLine = field(default_factory=lambda: ConfidenceLine(key=None, label="In all"))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _paired(stage: str) -> Q:
    """Ratings given at `stage` by people who also rated the same module before, neither skipped:
    ConfidenceRating.objects.paired(stage) as a condition, so that the pairs are counted in the
    same pass over the ratings as the stages."""
    return Q(stage=stage, mean__isnull=False, before_mean__isnull=False)


def confidence_figures(filters: Filters, group_by: str) -> ConfidenceFigures:
    """Confidence before and after by module, sector, district, organisation or month, and in
    all: per stage, the people who rated, who chose not to and the mean rating; per later stage,
    the people who rated the same module before and then, the mean change and how many pairs
    went up. A rating counts in the period (and month) it was given; a pair in that of its later
    rating. Five queries whatever the number of ratings or stages: the ratings in all and by line
    (each stage and each later stage's pairs counted in the same pass, one read of the ratings
    each), the follow-up invitations in all and by line, and the lines' names (not by month)."""
    ratings = filters.period(filters.people(ConfidenceRating.objects.all()), "created_at")
    measures = {}
    for stage in STAGES:
        measures[f"{stage}__rated"] = Count("user", distinct=True, filter=Q(stage=stage, mean__isnull=False))
        measures[f"{stage}__skipped"] = Count("user", distinct=True, filter=Q(stage=stage, skipped=True))
        measures[f"{stage}__mean"] = Avg("mean", filter=Q(stage=stage))
    for stage in LATER_STAGES:
        # A pair is its later rating, which keeps the before rating's mean (`before_mean`).
        paired = _paired(stage)
        measures[f"{stage}__people"] = Count("user", distinct=True, filter=paired)
        measures[f"{stage}__pairs"] = Count("pk", filter=paired)
        measures[f"{stage}__mean_change"] = Avg(F("mean") - F("before_mean"), filter=paired)
        measures[f"{stage}__improved"] = Count("pk", filter=paired & Q(mean__gt=F("before_mean")))
    figures = ConfidenceFigures()
    lines: dict = {}

    def put(target: ConfidenceLine, row: dict) -> None:
        for name in measures:
            stage, measure = name.split("__")
            value = row[name]
            value = _round(value) if measure in ("mean", "mean_change") else value or 0
            if measure in ("rated", "skipped", "mean"):
                setattr(target.stages[stage], measure, value)
            else:
                setattr(target.changes[stage], measure, value)

    put(figures.total, ratings.order_by().aggregate(**measures))
    key, _label_field = grouping(group_by, moment="created_at")
    by_line = measures
    if group_by == "module":
        # One rating a person, module and stage (a constraint): within a module, people are
        # rows, counted without the sort that a distinct count costs.
        by_line = {name: Count("pk", filter=measure.filter) if isinstance(measure, Count) and measure.distinct
                   else measure for name, measure in measures.items()}
    for row in ratings.order_by().values(key=key).annotate(**by_line):
        if row["key"] not in lines:
            lines[row["key"]] = ConfidenceLine(key=row["key"], label="")
        put(lines[row["key"]], row)
    # The follow-up's invitations, grouped the same way (a month: the month it was sent).
    invitations = filters.period(filters.people(FollowUp.objects.all()), "invited_at")
    counts = _invitation_measures()
    for name, value in invitations.order_by().aggregate(**counts).items():
        setattr(figures.total.invitations, name, value or 0)
    key, _label_field = grouping(group_by, moment="invited_at")
    for row in invitations.order_by().values(key=key).annotate(**counts):
        if row["key"] not in lines:
            lines[row["key"]] = ConfidenceLine(key=row["key"], label="")
        for name in counts:
            setattr(lines[row["key"]].invitations, name, row[name] or 0)
    _named(lines, group_by)
    figures.lines = _in_order(lines.values(), group_by)
    return figures


def _invitation_measures() -> dict:
    still_open = timezone.now() - datetime.timedelta(days=ANSWER_DAYS)
    return {
        "invited": Count("pk"),
        "answered": Count("pk", filter=Q(status=FollowUp.Status.ANSWERED)),
        "declined": Count("pk", filter=Q(status=FollowUp.Status.DECLINED)),
        "awaiting": Count("pk", filter=Q(status=FollowUp.Status.OPEN, invited_at__gte=still_open)),
    }


# Use in work three months after -----------------------------------------------------------------


@dataclass
class UseLine:
    """One line of the use-in-work report: follow-ups sent in the period, answered and declined,
    and of the answers how many had used the training never, once and several times. Counts and
    shares of answers over fewer than FEWEST_PEOPLE are not shown (learners are promised totals)."""

    key: object
    label: str
    invitations: Invitations = field(default_factory=Invitations)
    used: dict[str, int] = field(default_factory=lambda: dict.fromkeys(UsedInWork.values, 0))

    @property
    def too_few(self) -> bool:
        return 0 < self.invitations.answered < FEWEST_PEOPLE

    def share(self, answer: str) -> int | None:
        answered = self.invitations.answered
        return round(100 * self.used[answer] / answered) if answered else None


@dataclass
class UseFigures:
    lines: list[UseLine] = field(default_factory=list)
    total: UseLine = field(default_factory=lambda: UseLine(key=None, label="In all"))
    # What happened, in the learners' words as a moderator released them (lms.followup.screening),
    # in order of their text (not of time, which with a date range could point to a person),
    # without module or answer: only when the released accounts chosen number FEWEST_PEOPLE or more.
    accounts: list[str] = field(default_factory=list)
    released_accounts: int = 0

    @property
    def accounts_too_few(self) -> bool:
        return 0 < self.released_accounts < FEWEST_PEOPLE


# How many accounts of what happened the page lists at most.
ACCOUNTS_SHOWN = 100


def use_in_work_figures(filters: Filters, group_by: str) -> UseFigures:
    """Use of the training in work, three months on, by module, sector, district, organisation
    or month (sent), and in all; and the accounts of what happened that a moderator released.
    Three queries."""
    follow_ups = filters.period(filters.people(FollowUp.objects.all()), "invited_at")
    measures = {
        **_invitation_measures(),
        **{f"used_{answer}": Count("pk", filter=Q(status=FollowUp.Status.ANSWERED, used_in_work=answer))
           for answer in UsedInWork.values},
    }

    def put(line: UseLine, row: dict) -> None:
        for name in ("invited", "answered", "declined", "awaiting"):
            setattr(line.invitations, name, row[name] or 0)
        for answer in UsedInWork.values:
            line.used[answer] = row[f"used_{answer}"] or 0

    figures = UseFigures()
    put(figures.total, follow_ups.order_by().aggregate(**measures))
    key, label = grouping(group_by, moment="invited_at")
    values = {"key": key, **({"label": F(label)} if label else {})}
    figures.lines = _in_order(
        (_use_line(row, put) for row in follow_ups.order_by().values(**values).annotate(**measures)), group_by,
    )
    # The accounts are of every period, whatever the period chosen: narrowing the dates a day at a
    # time must not make one account appear or go, which would point to who answered that day.
    accounts = list(
        filters.people(FollowUp.objects.all()).released_accounts().order_by("what_happened_masked", "pk")
        .values_list("what_happened_masked", flat=True)[:ACCOUNTS_SHOWN]
    )
    figures.released_accounts = len(accounts)
    if len(accounts) >= FEWEST_PEOPLE:
        figures.accounts = accounts
    return figures


def _use_line(row: dict, put) -> UseLine:
    line = UseLine(key=row["key"], label=_label(row["key"], row.get("label")))
    put(line, row)
    return line
