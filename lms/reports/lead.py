"""What an organisation lead reads about their own staff's training (/organisations/<id>/training/):
the modules the organisation expects, how many of its confirmed members completed each, its
members' certificates, and by name who completed, is part-way through or has not started each
expected module, whose certificate expires within 60 days, and who has not completed a guidance
update their certificate asks for.

Only confirmed members of the one organisation, ever: every query here starts from
`confirmed_members_of_organisations_led_by(lead, [organisation])`, the rule every lead-facing
query goes through, so a forgotten filter shows nobody rather than someone else's staff.

Small numbers: a summary figure of one to four people reads "fewer than 5", so that no count
singles a person out. Nought stays 0 (it points at nobody), and the coordinators' reports,
which are for partnership staff, show every number as it is. The named lists are the lead's own
confirmed staff, whom they already see by name on the members page.

The figures are counted in the database; a report costs the same queries however many members.
The page shows 50 members at a time and the first 50 names of each list; the downloads, everyone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db import transaction
from django.db.models import Case, Count, Exists, IntegerField, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from wagtail.log_actions import log

from content.models import LearningPath, TrainingModulePage, without_view_restrictions
from lms.accounts.models import User
from lms.certificates.models import Certificate, confirmed_members_of_organisations_led_by
from lms.learning.models import Enrolment
from lms.organisations.models import Organisation
from lms.site.pagination import counted_page
from lms.updates.leads import UpdateLine, updates_not_done

SMALL_COUNT = 5
FEWER_THAN = "fewer than 5"

# The audit trail's action for a change of the modules an organisation expects (lead_hooks.py
# gives it its wording).
EXPECTED_MODULES_ACTION = "lms.organisation.expected_modules"


def lead_figure(count: int) -> int | str:
    """A count as a lead may see it: 1 to 4 read "fewer than 5"; 0 and 5 or more as they are."""
    return FEWER_THAN if 0 < count < SMALL_COUNT else count


# Which modules an organisation expects ------------------------------------------------------------


def published_modules():
    """Modules a lead may expect: live, and not behind a view restriction (as the catalogue lists)."""
    return without_view_restrictions(TrainingModulePage.objects.live()).order_by("title")


@dataclass
class Expectation:
    """The modules an organisation expects its staff to complete, and where that list comes from:
    chosen for the organisation, or (with none chosen) its sector's learning path. The sector's
    name is there either way (empty while no sector is recorded)."""

    modules: list[TrainingModulePage]
    chosen: bool
    sector_name: str = ""


def expected_modules_of(organisation: Organisation) -> Expectation:
    """The published modules chosen for `organisation`, in title order; with none chosen, the live
    modules of its sector's learning path in the path's order. Two to four queries."""
    sector = organisation.sector
    sector_name = sector.name if sector is not None else ""
    chosen = list(published_modules().filter(expected_by_organisations=organisation))
    if chosen:
        return Expectation(modules=chosen, chosen=True, sector_name=sector_name)
    path = LearningPath.for_sector(sector)
    return Expectation(modules=path.modules() if path is not None else [], chosen=False, sector_name=sector_name)


class ExpectedModulesError(Exception):
    """A choice of modules that cannot be saved (a module no longer published)."""


def set_expected_modules(organisation: Organisation, modules, *, by) -> bool:
    """Make `modules` (published modules; none for the sector's learning path) the ones
    `organisation` expects, logged in its history against `by`. Returns whether anything changed:
    sending the same choice twice changes and logs nothing the second time."""
    wanted = {module.pk for module in modules}
    with transaction.atomic():
        # One change at a time per organisation, so two leads saving at once cannot interleave.
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if wanted - set(published_modules().filter(pk__in=wanted).values_list("pk", flat=True)):
            raise ExpectedModulesError("A module you chose is no longer published. Choose again from the list.")
        current = set(organisation.expected_modules.values_list("pk", flat=True))
        if current == wanted:
            return False
        organisation.expected_modules.set(wanted)
        titles = list(
            TrainingModulePage.objects.filter(pk__in=wanted).order_by("title").values_list("title", flat=True)
        )
        # Its own action, so the audit trail names the modules (lead_hooks.py words it).
        log(organisation, EXPECTED_MODULES_ACTION, user=by, data={"expected_modules": titles})
    return True


# The report ---------------------------------------------------------------------------------------


@dataclass
class ModuleLine:
    """One expected module: how many confirmed members completed it, are part-way, have not started."""

    module: TrainingModulePage
    completed: int = 0
    in_progress: int = 0
    not_started: int = 0

    @property
    def figures(self) -> list[int | str]:
        return [lead_figure(self.completed), lead_figure(self.in_progress), lead_figure(self.not_started)]

    @property
    def labelled_figures(self) -> list[tuple[str, int | str]]:
        return list(zip(("Completed", "In progress", "Not started"), self.figures, strict=True))


@dataclass
class Cell:
    """Where one member stands with one expected module."""

    state: str  # "completed", "in_progress" or "not_started"
    completed_on: datetime.date | None = None

    @property
    def label(self) -> str:
        if self.state == "completed":
            return f"Completed on {self.completed_on:%-d %B %Y}" if self.completed_on else "Completed"
        return "In progress" if self.state == "in_progress" else "Not started"


@dataclass
class MemberLine:
    person: User
    cells: list[Cell]
    modules: list[TrainingModulePage] = field(default_factory=list)

    @property
    def modules_and_cells(self) -> list[tuple[TrainingModulePage, Cell]]:
        return list(zip(self.modules, self.cells, strict=True))

    @property
    def name(self) -> str:
        return self.person.full_name or self.person.email


@dataclass
class TrainingReport:
    """The report: everyone (the downloads), or one page of it (the page: `page` is set, and
    `members`, `not_started` and `expiring` hold that page's members and the first few names of
    the others, while every figure still counts all the confirmed members)."""

    organisation: Organisation
    day: datetime.date
    expectation: Expectation
    members: list[MemberLine]
    modules: list[ModuleLine]
    certificates: dict[str, int]
    expiring: list[Certificate]
    # Each member with an expected module not started, and those modules.
    not_started: list[tuple[MemberLine, list[TrainingModulePage]]] = field(default_factory=list)
    # Each guidance update some members need, with who has not completed it (lms.updates.leads).
    updates: list[UpdateLine] = field(default_factory=list)
    # All confirmed members, and how many of them have an expected module not started.
    member_total: int = 0
    not_started_total: int = 0
    # The page of members shown (None: everyone, as in the downloads).
    page: Page | None = None

    @property
    def member_count(self) -> int | str:
        return lead_figure(self.member_total)

    @property
    def expiring_total(self) -> int:
        return self.certificates["expiring"]

    @property
    def not_started_cut(self) -> bool:
        """Whether the names under "Not started" are only the first few."""
        return len(self.not_started) < self.not_started_total

    @property
    def expiring_cut(self) -> bool:
        return len(self.expiring) < self.expiring_total

    @property
    def certificate_figures(self) -> list[tuple[str, int | str]]:
        return [
            ("Valid (including those expiring soon)", lead_figure(self.certificates["valid"])),
            (f"Expiring within {Certificate.EXPIRING_DAYS} days", lead_figure(self.certificates["expiring"])),
            ("Expired and not renewed", lead_figure(self.certificates["expired"])),
        ]


# Where a member stands with a module, as the database works it out: 2 completed (their
# enrolment says so, or they hold a certificate for it: one issued before this site kept
# enrolments, or imported, counts too), 1 started, 0 not started.
COMPLETED, STARTED, NOT_STARTED = 2, 1, 0


def _state(module_id: int):
    """A member's state with the module (COMPLETED, STARTED or NOT_STARTED): two index look-ups."""
    certified = Certificate.objects.filter(user=OuterRef("pk"), module_id=module_id, revoked_at__isnull=True)
    enrolment = Enrolment.objects.filter(user=OuterRef("pk"), module_id=module_id).annotate(
        state=Case(When(completed_at__isnull=True, then=Value(STARTED)), default=Value(COMPLETED)),
    ).values("state")[:1]
    return Case(
        When(Exists(certified), then=Value(COMPLETED)),
        default=Coalesce(Subquery(enrolment, output_field=IntegerField()), Value(NOT_STARTED)),
        output_field=IntegerField(),
    )


def _with_states(member_ids, module_ids: list[int]):
    """The members, each with `state_<module id>` for each module."""
    return User.objects.filter(pk__in=member_ids).annotate(
        **{f"state_{module_id}": _state(module_id) for module_id in module_ids},
    )


def _any_not_started(module_ids: list[int]) -> Q:
    anything = Q()
    for module_id in module_ids:
        anything |= Q(**{f"state_{module_id}": NOT_STARTED})
    return anything


def _not_started(module_id: int) -> Q:
    """The member has no enrolment in the module and holds no certificate for it."""
    enrolled = Enrolment.objects.filter(user=OuterRef("pk"), module_id=module_id)
    certified = Certificate.objects.filter(user=OuterRef("pk"), module_id=module_id, revoked_at__isnull=True)
    return ~Q(Exists(enrolled)) & ~Q(Exists(certified))


def _module_figures(member_ids, module_ids: list[int]) -> dict[str, int]:
    """Members, for each module how many completed it and how many started it (completed
    included), and how many have one or more not started: counted in the database, one query
    whatever the number of members."""
    measures = {"members": Count("pk")}
    for module_id in module_ids:
        measures[f"completed_{module_id}"] = Count("pk", filter=Q(**{f"state_{module_id}": COMPLETED}))
        measures[f"started_{module_id}"] = Count("pk", filter=Q(**{f"state_{module_id}__gte": STARTED}))
    if module_ids:
        measures["not_started"] = Count("pk", filter=_any_not_started(module_ids))
    # DISTINCT (a no-op: one row per member) keeps the states a subquery that the database works
    # out once per member; without it SQLite and PostgreSQL copy each state into every count that
    # uses it, and look everything up three times over.
    members = _with_states(member_ids, module_ids).values("pk", *(f"state_{pk}" for pk in module_ids)).distinct()
    figures = {name: value or 0 for name, value in members.aggregate(**measures).items()}
    figures.setdefault("not_started", 0)
    return figures


def _first_not_started(member_ids, modules: list[TrainingModulePage], count: int):
    """The first `count` members in name order with an expected module not started, and those
    modules: two queries (who, then their states: working out every member's states only to
    keep 50 of them costs several times more)."""
    if not modules:
        return []
    module_ids = [module.pk for module in modules]
    anything = Q()
    for module_id in module_ids:
        anything |= _not_started(module_id)
    first = list(
        User.objects.filter(pk__in=member_ids).filter(anything)
        .order_by(Lower("full_name"), "email", "pk").values_list("pk", flat=True)[:count]
    )
    people = {
        person.pk: person for person in
        _with_states(first, module_ids).only("pk", "full_name", "email")
    }
    return [
        (MemberLine(person=people[pk], cells=[]),
         [module for module in modules if getattr(people[pk], f"state_{module.pk}") == NOT_STARTED])
        for pk in first if pk in people
    ]


def _progress(member_ids, module_ids: list[int]) -> dict[tuple[int, int], Cell]:
    """Where each member stands with each module they have started or hold a certificate for:
    two queries. Completed on the day the enrolment was completed, else the first certificate."""
    if not module_ids:
        return {}
    cells: dict[tuple[int, int], Cell] = {}
    for user_id, module_id, completed_at in Enrolment.objects.filter(
        user__in=member_ids, module__in=module_ids,
    ).order_by().values_list("user_id", "module_id", "completed_at"):
        cells[user_id, module_id] = (
            Cell("completed", completed_on=timezone.localdate(completed_at)) if completed_at else Cell("in_progress")
        )
    for user_id, module_id, issued_on in Certificate.objects.filter(
        user__in=member_ids, module__in=module_ids, revoked_at__isnull=True,
    ).order_by().values("user_id", "module_id").annotate(first=Min("issued_on")).values_list(
        "user_id", "module_id", "first",
    ):
        if cells.get((user_id, module_id), Cell("in_progress")).state != "completed":
            cells[user_id, module_id] = Cell("completed", completed_on=issued_on)
    return cells


# On the page, each member's training comes 50 to a page; "Not started" and the certificates
# expiring soon name the first 50 (the downloads name everyone).
MEMBERS_PER_PAGE = 50
NAMES_SHOWN = 50


def training_report(
    lead, organisation: Organisation, day: datetime.date, *, page_number: str | int | None = None,
) -> TrainingReport:
    """`organisation`'s training as `lead` may see it on `day`: its confirmed members only (none at
    all unless `lead` leads it). Everyone (for the downloads), or with `page_number` one page of
    members for the page, whose figures still count them all. The same number of queries however
    many members."""
    expectation = expected_modules_of(organisation)
    modules = expectation.modules
    module_ids = [module.pk for module in modules]
    member_ids = confirmed_members_of_organisations_led_by(lead, [organisation])
    figures = _module_figures(member_ids, module_ids)
    everyone = (
        User.objects.filter(pk__in=member_ids).only("pk", "full_name", "email")
        .order_by(Lower("full_name"), "email", "pk")
    )
    page = None
    if page_number is None:
        people = list(everyone)
        shown_ids = member_ids
    else:
        page = counted_page(everyone, figures["members"], page_number, MEMBERS_PER_PAGE)
        people = list(page.object_list)
        shown_ids = [person.pk for person in people]
    progress = _progress(shown_ids, module_ids)
    lines = [
        ModuleLine(
            module=module, completed=figures[f"completed_{module.pk}"],
            in_progress=figures[f"started_{module.pk}"] - figures[f"completed_{module.pk}"],
            not_started=figures["members"] - figures[f"started_{module.pk}"],
        )
        for module in modules
    ]

    members = []
    not_started = []
    for person in people:
        cells = [progress.get((person.pk, module.pk), Cell("not_started")) for module in modules]
        line = MemberLine(person=person, cells=cells, modules=modules)
        members.append(line)
        missing = [module for module, cell in zip(modules, cells, strict=True) if cell.state == "not_started"]
        if missing and page is None:
            not_started.append((line, missing))
    if page is not None:
        # Everyone with a module not started, not just this page's members: the first few by name.
        not_started = _first_not_started(member_ids, modules, NAMES_SHOWN)

    status = Certificate.Status
    certificates = Certificate.objects.filter(user__in=member_ids).with_status_on(day).order_by()
    totals = certificates.aggregate(
        valid=Count("pk", filter=Q(status__in=[status.CURRENT, status.EXPIRING])),
        expiring=Count("pk", filter=Q(status=status.EXPIRING)),
        expired=Count("pk", filter=Q(status=status.EXPIRED)),
    )
    expiring = (
        certificates.filter(status=status.EXPIRING).select_related("user")
        .only("pk", "module_title", "expires_on", "user__full_name", "user__email")
        .order_by("expires_on", Lower("user__full_name"), "pk")
    )
    if page is not None:
        expiring = expiring[:NAMES_SHOWN]
    return TrainingReport(
        organisation=organisation, day=day, expectation=expectation, members=members, modules=lines,
        certificates={name: value or 0 for name, value in totals.items()}, expiring=list(expiring),
        not_started=not_started,
        updates=updates_not_done(member_ids, day, names_shown=NAMES_SHOWN if page is not None else None),
        member_total=figures["members"], not_started_total=figures["not_started"], page=page,
    )
