"""White Ribbon accreditation's rules: starting a cycle, moving it through its stages (dated,
attributed and logged, with illegal moves refused), three-year expiry, renewal falling due
(the daily check), and the live training figures an action plan shows.

Views and imports call these; none of them changes a stage any other way.
"""

from __future__ import annotations

import calendar
import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from champions.whiteribbon.models import (
    ACCREDITATION_YEARS,
    AccreditationCycle,
    ActionItem,
    StageChange,
    WhiteRibbonSettings,
)
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role

S = AccreditationCycle.Stage
logger = logging.getLogger(__name__)


class AccreditationError(Exception):
    """A change the cycle's current state does not allow; the message says why, for the person."""


# Dates ---------------------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), or the month's last day if it has no such day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def expiry_of(approved_on: datetime.date) -> datetime.date:
    """Accreditation runs three years from the panel's approval: it holds up to and including this day."""
    return add_months(approved_on, 12 * ACCREDITATION_YEARS)


def notice_months() -> int:
    return WhiteRibbonSettings.load().renewal_notice_months


def renewal_due_from(expires_on: datetime.date, months: int | None = None) -> datetime.date:
    """The day renewal falls due: `months` (the coordinators' setting) before expiry."""
    return add_months(expires_on, -(notice_months() if months is None else months))


# Stages ----------------------------------------------------------------------------------------


def _label(stage: str) -> str:
    return S(stage).label.lower()


def _locked(cycle: AccreditationCycle) -> AccreditationCycle:
    return AccreditationCycle.objects.select_for_update().select_related("organisation").get(pk=cycle.pk)


def _check_day(on: datetime.date, *, after: datetime.date | None = None) -> None:
    today = timezone.localdate()
    if on > today:
        raise AccreditationError(f"The date cannot be in the future (today is {today:%-d %B %Y}). Nothing was changed.")
    if after and on < after:
        raise AccreditationError(
            f"The date cannot be before the cycle's last change, on {after:%-d %B %Y}. Nothing was changed."
        )


def _record(cycle, from_stage: str, to: str, *, by: User | None, on: datetime.date, note: str) -> StageChange:
    change = StageChange.objects.create(
        cycle=cycle, from_stage=from_stage, to_stage=to, on=on, by=by, note=note.strip(),
    )
    log(
        instance=cycle, action="champions.whiteribbon.stage", user=by,
        data={"from": from_stage, "to": to, "on": on.isoformat(), "note": note.strip()[:500]},
    )
    return change


def _check_approval(approved_on: datetime.date, *, on: datetime.date) -> None:
    """An accreditation recorded on `on` must still hold then: one approved more than three years
    before has already expired, and is recorded as lapsed instead."""
    if expiry_of(approved_on) < on:
        raise AccreditationError(
            f"An accreditation approved on {approved_on:%-d %B %Y} expired on {expiry_of(approved_on):%-d %B %Y}, "
            f"before {on:%-d %B %Y}. Check the date; nothing was changed."
        )


def _approve(cycle: AccreditationCycle, approved_on: datetime.date) -> None:
    cycle.approved_on = approved_on
    cycle.expires_on = expiry_of(approved_on)
    cycle.renewal_notified_on = None


@transaction.atomic
def start_cycle(
    organisation: Organisation, *, by: User | None, track: str = AccreditationCycle.Track.ACCREDITED,
    stage: str = S.INTERESTED, on: datetime.date | None = None, approved_on: datetime.date | None = None,
    note: str = "", **details,
) -> AccreditationCycle:
    """Open an organisation's cycle, at its first stage or (for records brought in from elsewhere)
    at the stage it has reached. Refused while the organisation has a cycle under way."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.status != Organisation.Status.CONFIRMED:
        raise AccreditationError(f"{organisation} is not a confirmed organisation. Nothing was changed.")
    if AccreditationCycle.objects.open().filter(organisation=organisation).exists():
        raise AccreditationError(
            f"{organisation} already has a White Ribbon cycle under way: change its stage instead. Nothing was changed."
        )
    if stage in AccreditationCycle.CLOSED:
        raise AccreditationError(f"A cycle cannot start as “{_label(stage)}”. Nothing was changed.")
    if track == AccreditationCycle.Track.SUPPORTER and stage not in AccreditationCycle.SUPPORTER_STAGES:
        raise AccreditationError(
            f"A supporter organisation does not apply for accreditation, so it cannot be “{_label(stage)}”. "
            "Nothing was changed."
        )
    on = on or timezone.localdate()
    _check_day(on)
    cycle = AccreditationCycle(organisation=organisation, track=track, stage=stage, started_on=on,
                               stage_changed_on=on, **details)
    if stage in AccreditationCycle.HOLDS_ACCREDITATION:
        if approved_on is None:
            raise AccreditationError("Give the day the panel approved the accreditation. Nothing was changed.")
        _check_day(approved_on)
        _check_approval(approved_on, on=on)
        _approve(cycle, approved_on)
        cycle.started_on = min(on, approved_on)
        if stage == S.RENEWAL_DUE:
            cycle.renewal_notified_on = on
    try:
        with transaction.atomic():
            cycle.save()
    except IntegrityError:  # a second submit that raced the first past the check above
        raise AccreditationError(
            f"{organisation} already has a White Ribbon cycle under way. Nothing was changed."
        ) from None
    _record(cycle, "", stage, by=by, on=on, note=note or "Cycle started.")
    return cycle


@transaction.atomic
def change_stage(
    cycle: AccreditationCycle, to: str, *, by: User | None, on: datetime.date | None = None, note: str = "",
    approved_on: datetime.date | None = None, announce: bool = True,
) -> AccreditationCycle:
    """Move a cycle to its next stage, dated and attributed. Returns the organisation's open
    cycle afterwards: on re-accreditation, the renewal cycle that carries on from the new approval.

    Moving to "renewal due" emails the lead contact and coordinators once per cycle, unless
    `announce` is false (records of the past, brought in by an import or the demo)."""
    cycle = _locked(cycle)
    if to not in S.values:
        raise AccreditationError("Choose a stage from the list. Nothing was changed.")
    if to == cycle.stage:
        raise AccreditationError(f"This cycle is already “{_label(to)}”. Nothing was changed.")
    allowed = cycle.next_stages()
    if to not in allowed:
        quoted = [f"“{_label(stage)}”" for stage in allowed]
        options = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        raise AccreditationError(
            f"This cycle is “{_label(cycle.stage)}”, so it cannot become “{_label(to)}”"
            + (f": it can become {options}." if options else ": it has closed.")
            + " Nothing was changed."
        )
    on = on or timezone.localdate()
    _check_day(on, after=cycle.stage_changed_on)
    if to in (S.LAPSED, S.WITHDRAWN) and by is not None and not note.strip():
        raise AccreditationError("Say why, in the note: it stays on the record. Nothing was changed.")
    if to in (S.ACCREDITED, S.REACCREDITED):
        approved_on = approved_on or on
        _check_day(approved_on)
        _check_approval(approved_on, on=on)
        if to == S.ACCREDITED and approved_on < cycle.stage_changed_on:
            raise AccreditationError(
                f"The panel cannot have approved it before it was submitted, on {cycle.stage_changed_on:%-d %B %Y}. "
                "Nothing was changed."
            )
        if to == S.REACCREDITED and approved_on <= cycle.approved_on:
            raise AccreditationError(
                "Re-accreditation must be approved after the accreditation it renews "
                f"({cycle.approved_on:%-d %B %Y}). Nothing was changed."
            )
    from_stage = cycle.stage
    cycle.stage = to
    cycle.stage_changed_on = on
    if to == S.ACCREDITED:
        _approve(cycle, approved_on)
    if to in AccreditationCycle.CLOSED:
        cycle.closed_on = on
    notify = announce and to == S.RENEWAL_DUE and cycle.renewal_notified_on is None
    if to == S.RENEWAL_DUE and not announce:
        cycle.renewal_notified_on = on  # a record of the past: nobody is to be told now
    cycle.save()
    _record(cycle, from_stage, to, by=by, on=on, note=note)
    if notify:  # robust: a failed send is logged, and the daily check sends it again
        transaction.on_commit(lambda: email_renewal_due(cycle.pk), robust=True)
    if to != S.REACCREDITED:
        return cycle
    renewal = AccreditationCycle(
        organisation=cycle.organisation, track=cycle.track, kind=AccreditationCycle.Kind.RENEWAL,
        stage=S.ACCREDITED, renews=cycle, lead_contact_name=cycle.lead_contact_name,
        lead_contact_email=cycle.lead_contact_email, lead_contact_user=cycle.lead_contact_user,
        steering_group=cycle.steering_group, started_on=approved_on, stage_changed_on=on,
    )
    _approve(renewal, approved_on)
    renewal.save()
    _record(
        renewal, "", S.ACCREDITED, by=by, on=on,
        note=f"Re-accredited: the panel approved the renewal on {approved_on:%-d %B %Y}.",
    )
    return renewal


@transaction.atomic
def change_track(cycle: AccreditationCycle, track: str, *, by: User | None, note: str = "") -> AccreditationCycle:
    """A supporter organisation decides to seek accreditation, or an early applicant steps back
    to supporting. Only before an application is being prepared."""
    cycle = _locked(cycle)
    if track not in AccreditationCycle.Track.values or track == cycle.track:
        raise AccreditationError("Choose the other track. Nothing was changed.")
    if cycle.stage not in (S.INTERESTED, S.COMMITTED):
        raise AccreditationError(
            f"This cycle is “{_label(cycle.stage)}”: the track can change only while it is interested or committed. "
            "Nothing was changed."
        )
    before = cycle.track
    cycle.track = track
    cycle.save(update_fields=["track"])
    log(instance=cycle, action="champions.whiteribbon.track", user=by,
        data={"from": before, "to": track, "note": note.strip()[:500]})
    return cycle


# Renewal -------------------------------------------------------------------------------------


def mark_renewals_due(today: datetime.date | None = None) -> int:
    """The daily check: every accreditation within the notice period of its expiry moves to
    "renewal due", and its lead contact and the coordinators are emailed. Safe to run twice:
    a cycle already moved is not moved or emailed again; one whose emails failed (the mail
    server was down) is emailed again, and one failure never stops the others."""
    today = today or timezone.localdate()
    months = notice_months()
    due = AccreditationCycle.objects.filter(
        stage=S.ACCREDITED, expires_on__lte=add_months(today, months),
    ).values_list("pk", "expires_on")
    moved: list[int] = []
    for pk, expires_on in due:
        try:
            change_stage(
                AccreditationCycle(pk=pk), S.RENEWAL_DUE, by=None, on=today,
                note=f"The accreditation expires on {expires_on:%-d %B %Y}: renewal falls due {months} months before.",
            )
        except AccreditationError:  # moved by someone else since the list was read
            continue
        moved.append(pk)  # its emails go once the move is committed
    unsent = AccreditationCycle.objects.filter(stage=S.RENEWAL_DUE, renewal_notified_on__isnull=True)
    for pk in unsent.exclude(pk__in=moved).values_list("pk", flat=True):
        try:
            email_renewal_due(pk)
        except Exception:  # logged; tried again tomorrow
            logger.exception("White Ribbon renewal emails for cycle %s failed; the next daily check tries again.", pk)
    return len(moved)


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def coordinators_emails() -> list[str]:
    return list(
        User.objects.filter(groups__name=Role.COORDINATOR, is_active=True).exclude(email="")
        .order_by("email").values_list("email", flat=True).distinct()
    )


@transaction.atomic
def email_renewal_due(cycle_pk: int) -> None:
    """Tell the cycle's lead contact (or, without one, the organisation's leads) and each
    coordinator that renewal has fallen due; once all are sent, the cycle records it (so a
    failure part-way means everyone is told again the next day, rather than someone never).

    The cycle stays locked while its emails go: a second daily check running at the same time
    (or the move's own send) waits, then finds them sent, so nobody is told twice."""
    cycle = AccreditationCycle.objects.select_for_update(of=("self",)).select_related(
        "organisation", "lead_contact_user",
    ).get(pk=cycle_pk)
    if cycle.renewal_notified_on is not None:
        return
    context = {
        "cycle": cycle, "organisation": cycle.organisation,
        "plan_url": _absolute(reverse("whiteribbon_plan", args=[cycle.organisation_id])),
        "admin_url": _absolute(reverse("whiteribbon_cycles:inspect", args=[cycle.pk])),
        "training_contact": settings.TRAINING_CONTACT_EMAIL,
    }
    contacts = {cycle.lead_contact_email or (cycle.lead_contact_user.email if cycle.lead_contact_user else "")} - {""}
    if not contacts:
        contacts = set(cycle.organisation.leads.filter(is_active=True).values_list("email", flat=True))
    for audience, recipients in (("lead", sorted(contacts)), ("coordinator", coordinators_emails())):
        for email in recipients:
            send_mail(
                subject=render_to_string(f"champions/whiteribbon/email/renewal_due_{audience}_subject.txt",
                                         context).strip(),
                message=render_to_string(f"champions/whiteribbon/email/renewal_due_{audience}_message.txt", context),
                from_email=None, recipient_list=[email],
            )
    AccreditationCycle.objects.filter(pk=cycle.pk).update(renewal_notified_on=timezone.localdate())


# Action plans ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingFigure:
    """How many of the organisation's confirmed members hold a current certificate for the module."""

    trained: int
    members: int

    @property
    def percent(self) -> int:
        return round(100 * self.trained / self.members) if self.members else 0


def training_figures(items, today: datetime.date | None = None) -> dict[int, TrainingFigure]:
    """Live training figures for the items that name a module, by item id, in two queries
    however many items and organisations there are."""
    today = today or timezone.localdate()
    linked = [item for item in items if item.module_id]
    if not linked:
        return {}
    organisation_of = {item.pk: item.cycle.organisation_id for item in linked}
    organisations = set(organisation_of.values())
    members = dict(
        Membership.objects.confirmed().filter(organisation__in=organisations)
        .values("organisation").annotate(n=Count("user", distinct=True)).values_list("organisation", "n")
    )
    trained = defaultdict(int)
    for organisation, module, n in (
        Certificate.objects.current_on(today)
        .filter(user__memberships__status=Membership.Status.CONFIRMED,
                user__memberships__organisation__in=organisations,
                module__in={item.module_id for item in linked})
        .values("user__memberships__organisation", "module")
        .annotate(n=Count("user", distinct=True))
        .values_list("user__memberships__organisation", "module", "n")
    ):
        trained[(organisation, module)] = n
    return {
        item.pk: TrainingFigure(trained[(organisation_of[item.pk], item.module_id)],
                                members.get(organisation_of[item.pk], 0))
        for item in linked
    }


def overdue_items(today: datetime.date | None = None):
    """Open cycles' action items past their due date and not done, soonest first."""
    return (
        ActionItem.objects.overdue_on(today or timezone.localdate())
        .filter(cycle__in=AccreditationCycle.objects.open())
        .select_related("cycle__organisation").order_by("due_on", "id")
    )
