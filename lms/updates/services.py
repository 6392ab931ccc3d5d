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
from django.db.models import BooleanField, DateField, DateTimeField, Exists, OuterRef, Value
from django.utils import timezone

from content.models import CompiledQuery, row_datetime
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import today
from lms.site.shared_cache import SharedCache
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

    update: LiveUpdate
    due_on: datetime.date
    outstanding: bool
    module_titles: tuple[str, ...]  # of the update's modules, those it is needed for (a certificate held)


@dataclass(frozen=True)
class LiveUpdate:
    """What My learning and certificates' histories show of a live update open to every holder."""

    pk: int
    title: str
    update_day: datetime.date
    days_to_complete: int
    url: str  # page_path
    module_ids: frozenset[int]
    modules: tuple[tuple[int, str], ...]  # (id, title), in the catalogue's order


# Every learner's Your learning and every certificate's history read the live updates and their
# modules, which change only when an editor publishes, unpublishes, moves or deletes a page
# (an update, a module whose title it shows, or a page above either), restricts a page's view or
# changes the site: they are read from the cache, which lms.updates.apps empties on each of
# those. Who needs, was told of or completed an update is read afresh every time; only the
# updates themselves are cached.
LIVE_UPDATES = SharedCache("updates:live-updates:2")  # a new name whenever LiveUpdate changes shape


def live_update_index() -> dict[int, LiveUpdate]:
    """The live updates open to every signed-in holder (as `live_updates`), oldest first, by id:
    from the cache when it can (no query)."""
    return LIVE_UPDATES.get(_read_live_update_index)


def forget_live_update_index() -> None:
    LIVE_UPDATES.forget()


def _read_live_update_index() -> dict[int, LiveUpdate]:
    through = GuidanceUpdatePage.modules.through
    modules: dict[int, list[tuple[int, str]]] = {}
    for update_id, module_id, title in through.objects.order_by("trainingmodulepage__path").values_list(
        "guidanceupdatepage_id", "trainingmodulepage_id", "trainingmodulepage__title",
    ):
        modules.setdefault(update_id, []).append((module_id, title))
    return {
        update.pk: LiveUpdate(
            pk=update.pk, title=update.title, update_day=update.update_day,
            days_to_complete=update.days_to_complete, url=page_path(update),
            module_ids=frozenset(module_id for module_id, _ in modules.get(update.pk, ())),
            modules=tuple(modules.get(update.pk, ())),
        )
        for update in live_updates().order_by("first_published_at", "pk")
    }


def _updates_naming(module_ids) -> list[LiveUpdate]:
    """The live updates that name any of `module_ids`, oldest first."""
    module_ids = {pk for pk in module_ids if pk is not None}
    return [update for update in live_update_index().values() if update.module_ids & module_ids]


# A person's notices of updates (with the day each is due) and completions, as rows (update id,
# due on or None, whether a completion, completed at or None): SQL compiled once a process
# (content.models.CompiledQuery; compiling the union cost more than the database's answer), read
# afresh every time. A person has at most one notice and one completion an update, so the rows
# are few.
_UPDATE_RECORDS = CompiledQuery(None, lambda user_id, _context: (
    UpdateNotice.objects.filter(user_id=user_id).values_list(
        "update_id", "due_on", Value(False, output_field=BooleanField()), Value(None, output_field=DateTimeField()),
    ).union(UpdateCompletion.objects.filter(user_id=user_id).values_list(
        "update_id", Value(None, output_field=DateField()), Value(True, output_field=BooleanField()), "completed_at",
    ), all=True)
), marker=CompiledQuery.ID, values=True)
_DATE = DateField()


def pending_for(user, day: datetime.date | None = None, held=None) -> list[Pending]:
    """The updates `user` needs on `day` and has not completed, oldest first. `held`: the
    (module id, issued on) of the certificates they hold current on `day`, when the caller has
    them already (My learning does). At most one query (their notices and completions) beside
    the cached updates and, without `held`, their certificates."""
    day = day or today()
    if held is None:
        held = list(Certificate.objects.current_on(day).filter(user=user).values_list("module_id", "issued_on"))
    # For each update, the modules it is needed for: held with a certificate from before it.
    needed_for = {
        update.pk: {module_id for module_id, issued_on in held
                    if module_id in update.module_ids and issued_on < update.update_day}
        for update in _updates_naming(module_id for module_id, _ in held)
    }
    candidates = [update for update in live_update_index().values() if needed_for.get(update.pk)]
    if not candidates:
        return []
    ids = {update.pk for update in candidates}
    notice_due_on: dict[int, datetime.date] = {}
    completed: set[int] = set()
    for update_id, due, is_completion, _completed_at in _UPDATE_RECORDS(user.pk):
        if update_id not in ids:
            continue
        if is_completion:
            completed.add(update_id)
        else:
            notice_due_on[update_id] = _DATE.to_python(due)  # as the driver gives it: a string on SQLite
    pending = []
    for update in candidates:
        if update.pk in completed:
            continue
        due = notice_due_on.get(update.pk) or update.update_day + datetime.timedelta(days=update.days_to_complete)
        titles = tuple(title for module_id, title in update.modules if module_id in needed_for[update.pk])
        pending.append(Pending(update=update, due_on=due, outstanding=day > due, module_titles=titles))
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
    while it was in force. Revoked certificates include nothing. Two queries at most beside the
    cached updates (live_update_index); one when the certificates come with `renewed_on`
    (lms.dashboard.learner_certificates); none when no update names their modules."""
    certificates = [c for c in certificates if c.module_id and c.revoked_at is None]
    if not certificates:
        return {}
    updates = {  # oldest first
        update.pk: (update.update_day, update.title, update.module_ids)
        for update in _updates_naming({c.module_id for c in certificates})
    }
    if not updates:
        return {}
    holders = {c.user_id for c in certificates}
    if len(holders) == 1:  # one person's (their Your learning, a verify page): the compiled query
        (holder,) = holders
        completed = {
            (update_id, holder): timezone.localdate(row_datetime(completed_at))
            for update_id, _due, is_completion, completed_at in _UPDATE_RECORDS(holder)
            if is_completion and update_id in updates
        }
    else:
        completed = {
            (update_id, user_id): timezone.localdate(completed_at)
            for update_id, user_id, completed_at in UpdateCompletion.objects.filter(
                update__in=list(updates), user__in=holders,
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
