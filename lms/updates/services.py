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
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from content.models import without_view_restrictions
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


def _live_update_modules(module_ids):
    """(update, module) rows of the through table for the live updates open to every holder
    (as `live_updates`: no view restriction on the update or above it) that name any of
    `module_ids`, oldest update first: one query, the view restrictions checked in it."""
    through = GuidanceUpdatePage.modules.through
    return without_view_restrictions(
        through.objects.filter(
            trainingmodulepage_id__in={pk for pk in module_ids if pk is not None},
            guidanceupdatepage__live=True, guidanceupdatepage__first_published_at__isnull=False,
        ),
        path="guidanceupdatepage__path",
    ).order_by("guidanceupdatepage__first_published_at", "guidanceupdatepage_id")


def pending_for(user, day: datetime.date | None = None, held=None) -> list[Pending]:
    """The updates `user` needs on `day` and has not completed, oldest first. `held`: the
    (module id, issued on) of the certificates they hold current on `day`, when the caller has
    them already (My learning does). One query (two more to show the updates, when any is
    pending) whatever the number of updates or certificates."""
    day = day or today()
    if held is None:
        held = list(Certificate.objects.current_on(day).filter(user=user).values_list("module_id", "issued_on"))
    if not held:
        return []
    told = UpdateNotice.objects.filter(user=user, update_id=OuterRef("guidanceupdatepage_id")).values("due_on")[:1]
    rows = _live_update_modules({module_id for module_id, _ in held}).exclude(
        Exists(UpdateCompletion.objects.filter(user=user, update_id=OuterRef("guidanceupdatepage_id"))),
    ).annotate(notice_due_on=Subquery(told)).values_list(
        "guidanceupdatepage_id", "trainingmodulepage_id", "guidanceupdatepage__first_published_at", "notice_due_on",
    )
    wanted: dict[int, datetime.date | None] = {}  # update id: the day their notice gave, if told
    for update_id, module_id, first_published_at, notice_due_on in rows:
        update_day = timezone.localdate(first_published_at)
        if update_id not in wanted and any(
            held_module == module_id and issued_on < update_day for held_module, issued_on in held
        ):
            wanted[update_id] = notice_due_on
    if not wanted:
        return []
    found = GuidanceUpdatePage.objects.filter(pk__in=wanted).prefetch_related("modules")
    updates = {update.pk: update for update in found}
    pending = []
    for update_id, notice_due_on in wanted.items():
        update = updates[update_id]
        due = notice_due_on if notice_due_on is not None else due_on(update, None)
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
    while it was in force. Revoked certificates include nothing. Three queries at most; two when
    the certificates come with `renewed_on` (lms.dashboard.learner_certificates)."""
    certificates = [c for c in certificates if c.module_id and c.revoked_at is None]
    if not certificates:
        return {}
    updates: dict[int, tuple[datetime.date, str, set[int]]] = {}  # oldest first
    for update_id, module_id, title, first_published_at in _live_update_modules(
        {c.module_id for c in certificates}
    ).values_list("guidanceupdatepage_id", "trainingmodulepage_id", "guidanceupdatepage__title",
                  "guidanceupdatepage__first_published_at"):
        updates.setdefault(update_id, (timezone.localdate(first_published_at), title, set()))[2].add(module_id)
    if not updates:
        return {}
    completed = {
        (update_id, user_id): timezone.localdate(completed_at)
        for update_id, user_id, completed_at in UpdateCompletion.objects.filter(
            update__in=list(updates), user__in={c.user_id for c in certificates},
        ).values_list("update_id", "user_id", "completed_at")
    }
    if all(hasattr(c, "renewed_on") for c in certificates):
        renewed = {c.pk: c.renewed_on for c in certificates if c.renewed_on is not None}
    else:
        renewed = dict(
            Certificate.objects.filter(replaces__in=certificates).values_list("replaces_id", "issued_on")
        )
    found: dict[int, list[IncludedUpdate]] = {}
    for certificate in certificates:
        for update_id, (update_day, title, modules) in updates.items():
            if certificate.module_id not in modules:
                continue
            completed_on = completed.get((update_id, certificate.user_id))
            if update_day <= certificate.issued_on or (
                completed_on is not None and _in_force(certificate, completed_on, renewed)
            ):
                found.setdefault(certificate.pk, []).append(IncludedUpdate(update_day, title))
    return found


def _in_force(certificate: Certificate, day: datetime.date, renewed: dict[int, datetime.date]) -> bool:
    """Whether `certificate` was the one in force on `day`: issued, not expired, not yet renewed."""
    replaced_on = renewed.get(certificate.pk)
    return certificate.issued_on <= day <= certificate.expires_on and (replaced_on is None or day < replaced_on)
