"""The retention rules, applied daily by `manage.py apply_retention`. Each rule says how long a
kind of record is kept and what happens then; running twice on one day changes nothing more.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from champions.models import Champion, StatusChange
from lms.accounts.models import User
from lms.privacy.erasure import ERASED_DOMAIN, erase_account
from lms.privacy.export import remove_expired_data_exports
from lms.privacy.models import InactivityWarning

# An account nobody has signed in to for this long (counted from its last sign-in, or from
# sign-up if it never signed in) is erased as if its owner had asked (lms.privacy.erasure).
INACTIVE_ACCOUNT_ERASED_AFTER = datetime.timedelta(days=3 * 365)
# Its owner is emailed this long before, once; signing in again keeps the account, and the
# warning is sent afresh if it falls idle again. An account is never erased less than this long
# after its warning, even if the rule was late to see it.
INACTIVE_ACCOUNT_WARNING_BEFORE = datetime.timedelta(days=30)
# A champion record that lapsed or was withdrawn this long ago loses what its owner wrote and
# their line manager's details; its tier, organisation, sector, districts and dates stay for the
# network's figures. The account itself follows the rule above.
CHAMPION_ANONYMISED_AFTER = datetime.timedelta(days=2 * 365)
ENDED_CHAMPION_STATUSES = (Champion.Status.LAPSED, Champion.Status.WITHDRAWN)
# Data downloads are deleted 24 hours after they are ready (DataExport.KEPT_FOR).

INACTIVITY_REASON = "no sign-in for three years"
CHAMPION_REASON = "Details removed two years after the record ended (retention rule)."


@dataclass
class RetentionResult:
    warned: list[int] = field(default_factory=list)
    erased: list[int] = field(default_factory=list)
    champions_anonymised: list[int] = field(default_factory=list)
    downloads_deleted: int = 0


def _last_active():
    return Coalesce("last_login", "date_joined")


def _accounts_subject_to_erasure():
    """Accounts the inactivity rule applies to: not already erased, not an administrator (the
    site must keep someone who can run it)."""
    return User.objects.exclude(email__endswith="@" + ERASED_DOMAIN).exclude(is_superuser=True)


def _has_current_warning(user: User) -> bool:
    warning = getattr(user, "inactivity_warning", None)
    return warning is not None and warning.last_login_when_sent == user.last_login


def apply_retention(now: datetime.datetime | None = None, dry_run: bool = False) -> RetentionResult:
    """Apply every retention rule as of `now`; with dry_run, only say what would be done."""
    now = now or timezone.now()
    result = RetentionResult()
    accounts = _accounts_subject_to_erasure().annotate(last_active=_last_active()).select_related(
        "inactivity_warning"
    )
    warn_from = now - (INACTIVE_ACCOUNT_ERASED_AFTER - INACTIVE_ACCOUNT_WARNING_BEFORE)
    for user in accounts.filter(last_active__lte=warn_from).order_by("pk"):
        if not _has_current_warning(user):
            result.warned.append(user.pk)
            if not dry_run:
                _warn(user, now)
            continue
        due = max(user.last_active + INACTIVE_ACCOUNT_ERASED_AFTER,
                  user.inactivity_warning.sent_at + INACTIVE_ACCOUNT_WARNING_BEFORE)
        if due <= now:
            result.erased.append(user.pk)
            if not dry_run:
                erase_account(user, reason=INACTIVITY_REASON)

    ended = Champion.objects.filter(
        status__in=ENDED_CHAMPION_STATUSES, status_changed_at__lte=now - CHAMPION_ANONYMISED_AFTER,
    ).exclude(statement="", availability="", line_manager_name="", line_manager_email="", manager_agreement_note="")
    for champion in ended.order_by("pk"):
        result.champions_anonymised.append(champion.pk)
        if not dry_run:
            anonymise_champion(champion)
    result.downloads_deleted = remove_expired_data_exports(now=now, dry_run=dry_run)
    return result


def anonymise_champion(champion: Champion) -> None:
    """Remove what a lapsed or withdrawn champion wrote and their line manager's details."""
    Champion.objects.filter(pk=champion.pk).update(
        statement="", availability="", line_manager_name="", line_manager_email="", manager_agreement_note="",
    )
    StatusChange.objects.filter(champion=champion).exclude(reason="").update(reason="")


def _warn(user: User, now: datetime.datetime) -> None:
    erase_on = max(user.last_active + INACTIVE_ACCOUNT_ERASED_AFTER, now + INACTIVE_ACCOUNT_WARNING_BEFORE)
    context = {
        "user": user, "erase_on": timezone.localtime(erase_on).date(),
        "sign_in_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_login"),
        "privacy_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("privacy_notice"),
    }
    send_mail(
        "Your training account will be deleted unless you sign in",
        render_to_string("privacy/email/inactivity_warning.txt", context),
        None, [user.email],
    )
    InactivityWarning.objects.update_or_create(
        user=user, defaults={"sent_at": now, "last_login_when_sent": user.last_login},
    )



