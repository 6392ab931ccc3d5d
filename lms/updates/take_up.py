"""Coordinators' take-up of each guidance update: holders told, and of them how many completed it,
are not yet due, are outstanding (still need it, past their day, not completed) or no longer need
it; and the share completed of those who completed it or still need it.

Counted in the database: one query per live update (there are a handful a year), however many
holders. "Outstanding" counts only people who still need the update: someone whose certificate
lapsed or was renewed since (a renewal includes it) no longer owes it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from lms.certificates.models import Certificate
from lms.updates.models import GuidanceUpdatePage, UpdateCompletion, UpdateNotice
from lms.updates.services import live_updates, module_ids_of


@dataclass(frozen=True)
class TakeUp:
    """Everyone told falls in exactly one of: completed, not yet due, outstanding, or no longer
    needing it (their certificate lapsed, was revoked or was renewed since: a renewal includes it)."""

    update: GuidanceUpdatePage
    told: int
    completed: int
    outstanding: int
    not_yet_due: int = 0
    no_longer_needed: int = 0

    @property
    def percent_complete(self) -> int | None:
        """Completed, of the people who completed it or still need it."""
        counted = self.told - self.no_longer_needed
        return round(100 * self.completed / counted) if counted else None


def take_up(day: datetime.date) -> list[TakeUp]:
    """Each live update's take-up on `day`, newest first."""
    lines = []
    for update in live_updates().order_by("-first_published_at", "-pk").prefetch_related("modules"):
        completed = UpdateCompletion.objects.filter(update=update, user=OuterRef("user"))
        still_needed = Certificate.objects.current_on(day).filter(
            user=OuterRef("user"), module__in=module_ids_of(update), issued_on__lt=update.update_day,
        )
        not_done = ~Q(Exists(completed))
        figures = UpdateNotice.objects.filter(update=update).aggregate(
            told=Count("pk"),
            completed=Count("pk", filter=Q(Exists(completed))),
            outstanding=Count("pk", filter=Q(due_on__lt=day) & not_done & Q(Exists(still_needed))),
            not_yet_due=Count("pk", filter=Q(due_on__gte=day) & not_done & Q(Exists(still_needed))),
            no_longer_needed=Count("pk", filter=not_done & ~Q(Exists(still_needed))),
        )
        lines.append(TakeUp(update=update, **{name: value or 0 for name, value in figures.items()}))
    return lines
