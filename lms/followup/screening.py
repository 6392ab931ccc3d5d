"""A moderator's screening of what learners wrote in their follow-up, before the training team
reads it: who may screen, releasing (with the moderator's edits) and withholding with a reason.

The masking (lms.feedback.screening) catches emails, phone numbers and names that look like
names, but not an address, a name in lower case or a single first name, so nothing a learner
wrote reaches a report until a person has read it. The moderator reads the masked text only:
never the text as written nor who wrote it.

Each function runs inside the caller's transaction on a row the caller locked, and returns the
follow-up it changed. A move the rules refuse (models.ACCOUNT_TRANSITIONS) raises ScreeningError
with words for the moderator. Nothing goes to the admin's log: its entries would carry the
follow-up's title, which names the learner; the row keeps who decided and when.
"""

from __future__ import annotations

from django.utils import timezone

from lms.followup.models import SCREEN_PERMISSION, AccountStatus, FollowUp


class ScreeningError(Exception):
    """A screening decision the rules refuse, in words for the moderator."""


def may_screen(user) -> bool:
    """Content moderators and administrators, with staff powers in this request: a session
    without its second factor holds no `wagtailadmin.access_admin` (lms.accounts.staff_mfa)."""
    return bool(
        user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and user.has_perm(SCREEN_PERMISSION)
    )


def awaiting(status: str = AccountStatus.WAITING):
    """Accounts with `status`, oldest answer first (released ones: the latest released first):
    only what the screening page shows, never who wrote it."""
    order = ("-screened_at", "-pk") if status == AccountStatus.RELEASED else ("responded_at", "pk")
    return (
        FollowUp.objects.filter(account_status=status)
        .select_related("screened_by")
        .only("pk", "what_happened_masked", "account_status", "responded_at", "screened_at", "withheld_reason",
              "screened_by__email", "screened_by__full_name")
        .order_by(*order)
    )


def _refuse_unless(follow_up: FollowUp, status: str) -> None:
    if not follow_up.account_may_become(status):
        raise ScreeningError(
            f"This account is “{follow_up.get_account_status_display().lower()}” and cannot be "
            f"{dict(AccountStatus.choices)[status].lower()} now."
        )


def release(follow_up: FollowUp, by, text: str) -> FollowUp:
    """Release the account to the training team as `text`: the masked text, with whatever the
    moderator removed from it (an address, a name the masking missed)."""
    _refuse_unless(follow_up, AccountStatus.RELEASED)
    text = text.strip()
    if not text:
        raise ScreeningError("An empty account cannot be released: withhold it instead.")
    follow_up.what_happened_masked = text
    follow_up.account_status = AccountStatus.RELEASED
    follow_up.screened_by, follow_up.screened_at = by, timezone.now()
    follow_up.withheld_reason = ""
    follow_up.save(update_fields=["what_happened_masked", "account_status", "screened_by", "screened_at",
                                  "withheld_reason"])
    return follow_up


def withhold(follow_up: FollowUp, by, reason: str) -> FollowUp:
    """Keep the account from the training team, saying why (it identifies someone, or is
    abusive): the reason is kept for other moderators."""
    _refuse_unless(follow_up, AccountStatus.WITHHELD)
    reason = " ".join(reason.split())
    if not reason:
        raise ScreeningError("Say why the account is withheld.")
    follow_up.account_status = AccountStatus.WITHHELD
    follow_up.screened_by, follow_up.screened_at = by, timezone.now()
    follow_up.withheld_reason = reason
    follow_up.save(update_fields=["account_status", "screened_by", "screened_at", "withheld_reason"])
    return follow_up
