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
    person: User
    due_on: datetime.date
    outstanding: bool

    @property
    def name(self) -> str:
        return self.person.full_name or self.person.email

    @property
    def label(self) -> str:
        if self.outstanding:
            return f"Outstanding: due by {self.due_on:%-d %B %Y}"
        return f"To complete by {self.due_on:%-d %B %Y}"


@dataclass
class UpdateLine:
    update: GuidanceUpdatePage
    not_done: list[NotDone] = field(default_factory=list)


def updates_not_done(member_ids, day: datetime.date) -> list[UpdateLine]:
    """Each live update that any of `member_ids` needs on `day`, newest first, with the members who
    need it and have not completed it (an update all of them completed is left out)."""
    held = list(
        Certificate.objects.current_on(day).filter(user__in=member_ids, module__isnull=False)
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
    user_ids = {user_id for user_id, _, _ in held}
    completed = set(UpdateCompletion.objects.filter(update__in=updates, user__in=user_ids)
                    .values_list("update_id", "user_id"))
    notices = {(n.update_id, n.user_id): n for n in UpdateNotice.objects.filter(update__in=updates, user__in=user_ids)}
    people = {
        person.pk: person for person in
        User.objects.filter(pk__in=user_ids, is_active=True).only("pk", "full_name", "email")
    }
    lines = []
    for update in updates:
        modules = module_ids_of(update)
        needing = {
            user_id for user_id, module_id, issued_on in held
            if module_id in modules and issued_on < update.update_day and user_id in people
        }
        not_done = []
        for user_id in needing - {user_id for update_id, user_id in completed if update_id == update.pk}:
            due = due_on(update, notices.get((update.pk, user_id)))
            not_done.append(NotDone(person=people[user_id], due_on=due, outstanding=day > due))
        if not_done:
            not_done.sort(key=lambda line: (not line.outstanding, line.name.lower(), line.person.email))
            lines.append(UpdateLine(update=update, not_done=not_done))
    return lines


