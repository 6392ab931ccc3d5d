"""Coordinators' take-up of each guidance update: holders told, how many of them completed it,
how many are outstanding (still need it, past their day, not completed), and the share completed.

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
    update: GuidanceUpdatePage
    told: int
    completed: int
    outstanding: int

    @property
    def percent_complete(self) -> int | None:
        return round(100 * self.completed / self.told) if self.told else None


def take_up(day: datetime.date) -> list[TakeUp]:
    """Each live update's take-up on `day`, newest first."""
    lines = []
    for update in live_updates().order_by("-first_published_at", "-pk").prefetch_related("modules"):
        completed = UpdateCompletion.objects.filter(update=update, user=OuterRef("user"))
        still_needed = Certificate.objects.current_on(day).filter(
            user=OuterRef("user"), module__in=module_ids_of(update), issued_on__lt=update.update_day,
        )
        figures = UpdateNotice.objects.filter(update=update).aggregate(
            told=Count("pk"),
            completed=Count("pk", filter=Q(Exists(completed))),
            outstanding=Count("pk", filter=Q(due_on__lt=day) & ~Q(Exists(completed)) & Q(Exists(still_needed))),
        )
        lines.append(TakeUp(update=update, **{name: value or 0 for name, value in figures.items()}))
    return lines
