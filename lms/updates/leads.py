"""Guidance updates in an organisation lead's training report: for each live update, which of the
organisation's confirmed members need it and have not completed it, outstanding ones marked.

The member ids come from the report (`confirmed_members_of_organisations_led_by`), so a lead sees
nobody but their own confirmed staff. Six queries however many members or updates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.updates.models import GuidanceUpdatePage, UpdateCompletion, UpdateNotice
from lms.updates.services import due_on, live_updates, module_ids_of


@dataclass
class NotDone:
    full_name: str
    email: str
    due_on: datetime.date
    outstanding: bool

    @property
    def name(self) -> str:
        return self.full_name or self.email

    @property
    def label(self) -> str:
        if self.outstanding:
            return f"Outstanding: due by {self.due_on:%-d %B %Y}"
        return f"To complete by {self.due_on:%-d %B %Y}"


@dataclass
class UpdateLine:
    update: GuidanceUpdatePage
    not_done: list[NotDone] = field(default_factory=list)
    total: int = 0  # everyone not done; `not_done` may hold only the first of them

    @property
    def more(self) -> int:
        return self.total - len(self.not_done)


def updates_not_done(member_ids, day: datetime.date, *, names_shown: int | None = None) -> list[UpdateLine]:
    """Each live update that any of `member_ids` (a query of user ids) needs on `day`, newest
    first, with the members who need it and have not completed it, outstanding ones first, then by
    name: all of them, or the first `names_shown` with the total (an update all of them completed
    is left out). The ids stay a subquery: a big employer's 2,000 members are never sent back to
    the database as a list."""
    held = list(
        Certificate.objects.current_on(day)
        .filter(user__in=member_ids, user__is_active=True, module__isnull=False)
        .order_by().values_list("user_id", "module_id", "issued_on")
    )
    if not held:
        return []
    updates = list(
        live_updates().filter(modules__in={module_id for _, module_id, _ in held}).distinct()
        .order_by("-first_published_at", "-pk").prefetch_related("modules")
    )
    if not updates:
        return []
    completed = set(UpdateCompletion.objects.filter(update__in=updates, user__in=member_ids)
                    .values_list("update_id", "user_id"))
    needing = {}
    for update in updates:
        modules = module_ids_of(update)
        needing[update.pk] = {
            user_id for user_id, module_id, issued_on in held
            if module_id in modules and issued_on < update.update_day and (update.pk, user_id) not in completed
        }
    if not any(needing.values()):
        return []
    notices = {(update_id, user_id): due for update_id, user_id, due in
               UpdateNotice.objects.filter(update__in=updates, user__in=member_ids)
               .values_list("update_id", "user_id", "due_on")}
    names = {pk: (full_name, email) for pk, full_name, email in
             User.objects.filter(pk__in=member_ids).values_list("pk", "full_name", "email")}
    lines = []
    for update in updates:
        not_done = []
        for user_id in needing[update.pk]:
            due = notices.get((update.pk, user_id)) or due_on(update, None)
            full_name, email = names[user_id]
            not_done.append(NotDone(full_name=full_name, email=email, due_on=due, outstanding=day > due))
        if not_done:
            not_done.sort(key=lambda line: (not line.outstanding, line.name.lower(), line.email))
            lines.append(UpdateLine(update=update, not_done=not_done[:names_shown], total=len(not_done)))
    return lines
