"""Who may read a learner's record in the admin, and who may erase an account from it.

Reading: whoever may see every learner's certificates (coordinators and administrators), as for
the reports (lms.reports.permissions): the record shows the same people's training, one at a
time. Editors, moderators and reviewers do not hold that trust. Like every staff permission, it
holds only in a session that passed the second factor (lms.accounts.staff_mfa).

Erasing: requests to erase arrive at the coordinators' mailbox (TRAINING_CONTACT_EMAIL), so a
coordinator may erase a learner's account, with a reason, after typing the person's email; the
entry in the history names them and keeps the reason. An account that holds a staff role (or is
an administrator) is erased only by an administrator, so that no coordinator can remove a
colleague or an administrator. Nobody erases their own account here: they use "Delete my
account", which asks for their password.
"""

from __future__ import annotations

from lms.accounts.staff_mfa import holds_staff_role
from lms.privacy.erasure import is_erased

RECORDS_PERMISSION = "certificates.view_certificate"


def may_read_learner_records(user) -> bool:
    return user.is_authenticated and user.has_perm(RECORDS_PERMISSION)


def erasure_refusal(user, person) -> str | None:
    """Why `user` may not erase `person`'s account from the record, in words; None if they may.

    The last administrator is refused later, by erase_account itself (ErasureRefused)."""
    if not may_read_learner_records(user):
        return "You do not have permission to erase accounts."
    if is_erased(person):
        return "This account has already been erased. There is nothing more to do."
    if person.pk == user.pk:
        return "This is your own account. To delete it, use “Delete my account” on your Your data page."
    if holds_staff_role(person) and not user.is_superuser:
        return ("This account holds a staff role, so only an administrator can erase it. "
                "Ask an administrator, giving them the reason.")
    return None


def may_erase(user, person) -> bool:
    return erasure_refusal(user, person) is None
