"""Who must complete a guidance update, completing one, and what a certificate's history includes.

The rules, in one place:

- A person *needs* an update on a day when they hold a certificate current that day (not
  revoked, replaced or expired) for one of its modules, issued *before* the update's day. A
  certificate issued on or after the update's day includes it already: editors fold the change
  into the lessons too. So renewing a certificate settles an update, and a lapsed certificate
  asks nothing more of its holder.
- Holders are told once (lms.updates.notices); completing is recorded once; both by unique
  constraints, so a double click or two runs at once never make two.
- An update is *outstanding* for someone who needs it, has not completed it, and is past the day
  it was due: the day they were told plus the update's days to complete (for someone not told
  yet, the update's own day plus those days).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import today
from lms.updates.models import GuidanceUpdatePage, UpdateCompletion, UpdateNotice


class NotAHolder(Exception):
    """Someone who does not need an update tried to complete it."""


def live_updates():
    """Published updates open to every signed-in holder: an update an administrator put behind a
    view restriction (a password, a group) is told to nobody, asks nothing and names nothing."""
    return GuidanceUpdatePage.objects.live().public().filter(first_published_at__isnull=False)


def page_path(update: GuidanceUpdatePage) -> str:
    """The update's address on this site ("/updates/<slug>/"), for links in emails and banners."""
    parts = update.get_url_parts()
    return parts[2] if parts else "/updates/"


def module_ids_of(update: GuidanceUpdatePage) -> set[int]:
    return {module.pk for module in update.modules.all()}


def needing_certificates(update: GuidanceUpdatePage, day: datetime.date):
    """The certificates that make their holders need `update` on `day`."""
    return Certificate.objects.current_on(day).filter(
        module__in=module_ids_of(update), issued_on__lt=update.update_day,
    )


def people_needing(update: GuidanceUpdatePage, day: datetime.date):
    """Active accounts that need `update` on `day` (see the module's docstring)."""
    if update.update_day is None:
        return User.objects.none()
    held = needing_certificates(update, day).filter(user=OuterRef("pk"))
    return User.objects.filter(Exists(held), is_active=True)


def needs(user, update: GuidanceUpdatePage, day: datetime.date) -> bool:
    return people_needing(update, day).filter(pk=user.pk).exists()


def due_on(update: GuidanceUpdatePage, notice: UpdateNotice | None) -> datetime.date:
    """The last day to complete `update` before it is outstanding."""
    if notice is not None:
        return notice.due_on
    return update.update_day + datetime.timedelta(days=update.days_to_complete)


@dataclass(frozen=True)
class Pending:
    """An update someone needs and has not completed, with the day it is due."""

    update: GuidanceUpdatePage
    due_on: datetime.date
    outstanding: bool


def pending_for(user, day: datetime.date | None = None) -> list[Pending]:
    """The updates `user` needs on `day` and has not completed, oldest first: four queries
    whatever the number of updates or certificates."""
    day = day or today()
    held = list(Certificate.objects.current_on(day).filter(user=user).values_list("module_id", "issued_on"))
    if not held:
        return []
    updates = list(
        live_updates().filter(modules__in={module_id for module_id, _ in held})
        .exclude(completions__user=user).distinct().order_by("first_published_at", "pk")
        .prefetch_related("modules")
    )
    notices = {notice.update_id: notice for notice in UpdateNotice.objects.filter(user=user, update__in=updates)}
    pending = []
    for update in updates:
        modules = module_ids_of(update)
        if any(module_id in modules and issued_on < update.update_day for module_id, issued_on in held):
            due = due_on(update, notices.get(update.pk))
            pending.append(Pending(update=update, due_on=due, outstanding=day > due))
    return pending


def complete_update(
    user, update: GuidanceUpdatePage, day: datetime.date | None = None,
) -> tuple[UpdateCompletion, bool]:
    """Record that `user` completed `update`; returns (completion, created). Completing again (a
    double click, a second tab) returns the first record. Raises NotAHolder for anyone who does
    not need the update and has not completed it already."""
    day = day or today()
    existing = UpdateCompletion.objects.filter(user=user, update=update).first()
    if existing is not None:
        return existing, False
    if not needs(user, update, day):
        raise NotAHolder(
            "You do not need to complete this update: it is for people whose certificate for its module was "
            "issued before it was published."
        )
    try:
        with transaction.atomic():
            return UpdateCompletion.objects.create(user=user, update=update), True
    except IntegrityError:  # the same person's other click, a moment ago
        return UpdateCompletion.objects.get(user=user, update=update), False


# A certificate's history ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IncludedUpdate:
    day: datetime.date
    title: str


def included_updates(certificates) -> dict[int, list[IncludedUpdate]]:
    """For each certificate (by id), the live updates it includes, oldest first: those older than
    the certificate (folded into the lessons it was issued on), and those its holder completed
    while it was in force. Revoked certificates include nothing. Four queries at most."""
    certificates = [c for c in certificates if c.module_id and c.revoked_at is None]
    if not certificates:
        return {}
    updates = list(
        live_updates().filter(modules__in={c.module_id for c in certificates}).distinct()
        .order_by("first_published_at", "pk").prefetch_related("modules")
    )
    if not updates:
        return {}
    completed = {
        (update_id, user_id): timezone.localdate(completed_at)
        for update_id, user_id, completed_at in UpdateCompletion.objects.filter(
            update__in=updates, user__in={c.user_id for c in certificates},
        ).values_list("update_id", "user_id", "completed_at")
    }
    renewed = dict(
        Certificate.objects.filter(replaces__in=certificates).values_list("replaces_id", "issued_on")
    )
    found: dict[int, list[IncludedUpdate]] = {}
    for certificate in certificates:
        for update in updates:
            if certificate.module_id not in module_ids_of(update):
                continue
            completed_on = completed.get((update.pk, certificate.user_id))
            if update.update_day <= certificate.issued_on or (
                completed_on is not None and _in_force(certificate, completed_on, renewed)
            ):
                found.setdefault(certificate.pk, []).append(IncludedUpdate(update.update_day, update.title))
    return found


def _in_force(certificate: Certificate, day: datetime.date, renewed: dict[int, datetime.date]) -> bool:
    """Whether `certificate` was the one in force on `day`: issued, not expired, not yet renewed."""
    replaced_on = renewed.get(certificate.pk)
    return certificate.issued_on <= day <= certificate.expires_on and (replaced_on is None or day < replaced_on)
