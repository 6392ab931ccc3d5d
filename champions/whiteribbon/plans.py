"""Keeping an action plan: adding and changing actions, recording progress, adding and removing
evidence. The leads' area and the coordinators' admin both call these, so both log the same
way and both treat a second copy of one post (a double click, a resent form) as the first.

Each locks the row it adds to, so that two copies arriving together make one record; each
refuses, with a message, once the cycle has closed.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from champions.whiteribbon.evidence import clean_file_name
from champions.whiteribbon.models import ACCREDITATION_YEARS, AccreditationCycle, ActionItem, ActionUpdate, Evidence
from champions.whiteribbon.services import AccreditationError, add_months
from lms.accounts.models import User

DOUBLE_SUBMIT_WINDOW = datetime.timedelta(seconds=60)
# Before the panel approves a plan, its actions may be due up to four years ahead.
UNAPPROVED_HORIZON_MONTHS = 12 * (ACCREDITATION_YEARS + 1)
CLOSED_MESSAGE = ("This White Ribbon cycle has closed, so its plan can no longer be changed. Nothing was changed. "
                  "Ask the partnership’s coordinators if your organisation is starting again.")




def _open_cycle_locked(cycle_id: int) -> AccreditationCycle:
    cycle = AccreditationCycle.objects.select_for_update().get(pk=cycle_id)
    if not cycle.is_open:
        raise AccreditationError(CLOSED_MESSAGE)
    return cycle


def _item_locked(item: ActionItem) -> ActionItem:
    _open_cycle_locked(item.cycle_id)
    return ActionItem.objects.select_for_update().select_related("cycle").get(pk=item.pk)


def _log_data(item: ActionItem, **data) -> dict:
    return {"organisation": item.cycle.organisation_id, "cycle": item.cycle_id, "action": item.title, **data}


@transaction.atomic
def add_action_item(cycle: AccreditationCycle, details: dict, *, by: User) -> tuple[ActionItem, bool]:
    """Add an action to an open cycle's plan. Returns it and whether it is new: the same action
    (title, criterion, year and due date) added to the plan within a minute is the one made."""
    cycle = _open_cycle_locked(cycle.pk)
    if cycle.track != AccreditationCycle.Track.ACCREDITED:
        raise AccreditationError(
            "A supporter organisation has no White Ribbon action plan: the plan is what the accreditation panel "
            "approves. Nothing was changed. Ask the partnership’s coordinators about seeking accreditation."
        )
    recent = ActionItem.objects.filter(
        cycle=cycle, title=details["title"], criterion=details["criterion"], year=details["year"],
        due_on=details["due_on"], created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if recent:
        return recent, False
    item = ActionItem.objects.create(cycle=cycle, **details)
    log(instance=item, action="champions.whiteribbon.item", user=by, data=_log_data(item, change="added"))
    return item, True


def _shown(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value.pk if hasattr(value, "pk") else value)


@transaction.atomic
def change_action_item(item: ActionItem, details: dict, *, by: User) -> list[str]:
    """Change an action of an open cycle's plan; returns the names of the fields that changed."""
    item = _item_locked(item)
    changed = [name for name, value in details.items() if getattr(item, name) != value]
    if not changed:
        return []
    before = {name: _shown(getattr(item, name)) for name in changed}
    for name, value in details.items():
        setattr(item, name, value)
    item.save()
    log(instance=item, action="champions.whiteribbon.item", user=by, data=_log_data(
        item, change="changed", fields={name: [before[name], _shown(details[name])] for name in changed},
    ))
    return changed


@transaction.atomic
def record_update(item: ActionItem, *, text: str, status: str, by: User) -> tuple[ActionUpdate, bool]:
    """A dated note of progress that leaves the action in `status`. The same note with the same
    status from the same person within a minute is the one already recorded."""
    item = _item_locked(item)
    recent = ActionUpdate.objects.filter(
        item=item, by=by, text=text, status=status, written_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if recent:
        return recent, False
    update = ActionUpdate.objects.create(item=item, by=by, text=text, status=status)
    before = item.status
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    log(instance=item, action="champions.whiteribbon.update", user=by,
        data=_log_data(item, update=update.pk, status=[before, status], text=text[:500]))
    return update, True


@transaction.atomic
def add_evidence(item: ActionItem, *, title: str, link: str, upload, kind, by: User) -> tuple[Evidence, bool]:
    """A link or a checked document as evidence for an action. The same evidence (title, and the
    same link or a file of the same name and size) from the same person within a minute is the
    one already added."""
    item = _item_locked(item)
    file_name = clean_file_name(upload.name or "", kind) if upload else ""
    size = upload.size if upload else 0
    recent = Evidence.objects.filter(
        item=item, added_by=by, title=title, link=link, file_name=file_name, size=size,
        added_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if recent:
        return recent, False
    evidence = Evidence(item=item, title=title, link=link, added_by=by, file_name=file_name, size=size,
                        content_type=kind.content_type if upload else "")
    if upload:
        upload.name = file_name  # the stored name keeps the real extension, never the one sent
        evidence.document = upload
    evidence.save()
    try:
        log(instance=item, action="champions.whiteribbon.evidence", user=by,
            data=_log_data(item, evidence=evidence.pk, title=title, link=link, file_name=file_name))
    except Exception:
        if evidence.document:  # the row is rolled back: the file must not stay behind
            evidence.document.storage.delete(evidence.document.name)
        raise
    return evidence, True


@transaction.atomic
def remove_evidence(evidence: Evidence, *, by: User) -> bool:
    """Remove a piece of evidence (its stored file goes once the removal is committed: see
    champions/apps.py). False if it had already gone (a second click on the button)."""
    item = _item_locked(evidence.item)
    evidence = Evidence.objects.select_for_update().filter(pk=evidence.pk, item=item).first()
    if evidence is None:
        return False
    pk = evidence.pk
    evidence.delete()
    log(instance=item, action="champions.whiteribbon.evidence_removed", user=by,
        data=_log_data(item, evidence=pk, title=evidence.title, link=evidence.link, file_name=evidence.file_name))
    return True


def _long_date(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def year_span(cycle: AccreditationCycle, year: int) -> tuple[datetime.date, datetime.date]:
    """The days year 1, 2 or 3 of an approved cycle's plan runs, from the panel's approval."""
    starts = add_months(cycle.approved_on, 12 * (year - 1))
    ends = cycle.expires_on if year == ACCREDITATION_YEARS else add_months(cycle.approved_on, 12 * year) - \
        datetime.timedelta(days=1)
    return starts, ends


def due_date_problem(cycle: AccreditationCycle, due_on: datetime.date, year: int | None) -> str:
    """Why an action of `cycle`'s plan cannot be due on `due_on` in plan year `year`, or "":
    within the accreditation (and its year) once approved; before that, from the cycle's start
    to four years ahead. The leads' form and the admin's ask the same."""
    if not cycle.approved_on:
        latest = add_months(max(timezone.localdate(), cycle.started_on), UNAPPROVED_HORIZON_MONTHS)
        if not cycle.started_on <= due_on <= latest:
            return (f"The due date must be between {_long_date(cycle.started_on)}, when this White Ribbon "
                    f"cycle started, and {_long_date(latest)}: the plan’s three years start once the panel "
                    "approves it.")
        return ""
    if not cycle.approved_on <= due_on <= cycle.expires_on:
        return (f"The due date must be while this accreditation runs: between {_long_date(cycle.approved_on)} "
                f"and {_long_date(cycle.expires_on)}.")
    if year is None:
        return ""
    starts, ends = year_span(cycle, year)
    if not starts <= due_on <= ends:
        return (f"Year {year} of the plan runs from {_long_date(starts)} to {_long_date(ends)}. Give a due "
                "date in that year, or choose the year the due date falls in.")
    return ""
