"""The network's rules: who may apply for which tier, the application and the line manager's
agreement, every change of a champion's status (allowed, dated, by whom, why, logged), and the
daily review that marks refreshers due and lapses champions whose training ran out.

Views and the admin call these inside a transaction; each function locks the champion's row,
so a double click or two coordinators at once change a status once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from champions.models import Champion, ChampionTier, StatusChange
from content.models import TrainingModulePage, is_listed, page_url_request, page_urls
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role
from lms.site.shared_cache import SharedCache

S = Champion.Status

# From each status, the statuses it may move to. Anything else is refused with a message.
TRANSITIONS: dict[str, set[str]] = {
    S.APPLIED: {S.MANAGER_AGREED, S.DECLINED, S.WITHDRAWN},
    S.MANAGER_AGREED: {S.ACTIVE, S.DECLINED, S.WITHDRAWN},
    S.ACTIVE: {S.REFRESHER_DUE, S.PAUSED, S.WITHDRAWN},
    S.REFRESHER_DUE: {S.ACTIVE, S.LAPSED, S.PAUSED, S.WITHDRAWN},
    S.PAUSED: {S.ACTIVE, S.REFRESHER_DUE, S.LAPSED, S.WITHDRAWN},
    S.LAPSED: {S.ACTIVE, S.WITHDRAWN},
    S.DECLINED: {S.APPLIED},
    S.WITHDRAWN: {S.APPLIED},
}

AGREEMENT_SALT = "champions.manager-agreement"


class ChampionError(Exception):
    """A change the champion's status, or the applicant's training, does not allow. The message is
    written for the person who asked for it."""


# Every change of a champion's status is also an entry in Wagtail's history, for the audit trail.
STATUS_ACTION = "champions.status"


def today() -> datetime.date:
    return timezone.localdate()


# Eligibility -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TierProgress:
    """How far a person is from one tier: the pathway modules they hold a valid certificate for,
    and those they still need."""

    tier: ChampionTier
    held: tuple[TrainingModulePage, ...]
    missing: tuple[TrainingModulePage, ...]

    @property
    def eligible(self) -> bool:
        return bool(self.held) and not self.missing


def valid_certificate_modules(user: User, day: datetime.date | None = None) -> set[int]:
    """Ids of the modules for which `user` holds a certificate in force on `day`."""
    return set(
        Certificate.objects.current_on(day or today()).filter(user=user, module__isnull=False)
        .values_list("module_id", flat=True)
    )


def tiers_with_pathways():
    return ChampionTier.objects.prefetch_related("pathway_modules").order_by("sort_order", "name")


# Every learner's Your learning shows the tiers and their pathway modules, which change when a
# coordinator edits a tier or an editor publishes, moves or deletes a page: the page reads them
# from the cache, which champions.apps empties on those (a tier saved or deleted, its modules
# changed, any page saved, moved or deleted). Applying reads the tiers afresh
# (tiers_with_pathways): the cache only ever decides what is shown.
TIERS = SharedCache("champions:tiers-with-pathways")


def cached_tiers_with_pathways() -> list[ChampionTier]:
    """tiers_with_pathways() as a list, from the cache when it can (no query)."""
    return TIERS.get(lambda: list(tiers_with_pathways()))


def forget_cached_tiers() -> None:
    TIERS.forget()


def tier_progress(user: User | None, day: datetime.date | None = None, tiers=None, *,
                  held_ids: set[int] | None = None) -> list[TierProgress]:
    """For each tier (in order), what `user` holds and lacks: the modules of their certificates
    valid on `day`, or `held_ids` when the caller has them already. Two queries whatever the numbers
    (one with `held_ids`)."""
    if held_ids is None:
        held_ids = valid_certificate_modules(user, day)
    result = []
    for tier in tiers if tiers is not None else tiers_with_pathways():
        modules = sorted(tier.pathway_modules.all(), key=lambda m: m.title)
        result.append(TierProgress(
            tier=tier,
            held=tuple(m for m in modules if m.pk in held_ids),
            missing=tuple(m for m in modules if m.pk not in held_ids),
        ))
    return result


def missing_module_urls(progress: list[TierProgress], request) -> dict[int, str]:
    """The addresses of the modules still needed on each tier's pathway that learners may open
    (content.models.is_listed: live, not taken down with a page above, not restricted), by module
    id, resolved together: champions/apply/_progress.html links those and names the others."""
    modules = [module for item in progress for module in item.missing if is_listed(module)]
    return page_urls(modules, page_url_request(request))


def is_eligible(user: User, tier: ChampionTier, day: datetime.date | None = None) -> bool:
    return tier_progress(user, day, tiers=[tier])[0].eligible


def has_verified_email(user: User) -> bool:
    return user.is_authenticated and EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists()


def confirmed_organisations(user: User):
    """The organisations a person may be a champion in: where their membership is confirmed."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.CONFIRMED,
    ).exclude(status=Organisation.Status.MERGED)


def application_problem(user: User) -> str | None:
    """Why `user` cannot apply at all just now, in words for them; None if they can."""
    if not has_verified_email(user):
        return "Confirm your email address before you apply to be a champion."
    existing = Champion.objects.filter(user=user).first()
    if existing is not None and existing.status not in (S.DECLINED, S.WITHDRAWN):
        return f"You have already applied: your application is “{existing.get_status_display().lower()}”."
    if not confirmed_organisations(user).exists():
        return ("A champion is a contact point in their organisation, so your organisation must first confirm "
                "that you work or volunteer there. Name it on your profile and ask a lead there to confirm you.")
    if not any(progress.eligible for progress in tier_progress(user)):
        return "You can apply once you hold valid certificates for every module of a champion tier's pathway."
    return None


# Status changes ----------------------------------------------------------------------------


def _locked(champion: Champion) -> Champion:
    return Champion.objects.select_for_update().select_related("user", "tier", "organisation").get(pk=champion.pk)


def _champion_group() -> Group:
    return Group.objects.get_or_create(name=Role.CHAMPION)[0]


def move(champion: Champion, to: str, *, by: User | None, reason: str = "", when=None) -> Champion:
    """Change a champion's status if the rules allow, with its dated, attributed history entry,
    and the Champion role given or taken away to match. Raises ChampionError otherwise."""
    champion = _locked(champion)
    if to not in TRANSITIONS.get(champion.status, set()):
        raise ChampionError(
            f"{champion.user} is “{champion.get_status_display().lower()}”, so they cannot become "
            f"“{S(to).label.lower()}”. Nothing was changed."
        )
    when = when or timezone.now()
    from_status = champion.status
    StatusChange.objects.create(
        champion=champion, from_status=from_status, to_status=to, at=when, by=by, reason=reason.strip(),
    )
    log(champion, STATUS_ACTION, user=by, data={"from": from_status, "to": to, "reason": reason.strip()})
    champion.status = to
    champion.status_changed_at = when
    fields = ["status", "status_changed_at"]
    if to == S.ACTIVE:
        champion.refresher_due_on = None
        fields.append("refresher_due_on")
        if from_status == S.MANAGER_AGREED:  # an approval (not a renewal or a resume): dated anew
            champion.approved_at = when
            fields.append("approved_at")
    champion.save(update_fields=fields)
    if to in (S.WITHDRAWN, S.LAPSED):
        # Their places at sessions still to come go to others (and the joining links with them).
        champion.bookings.filter(cancelled_at__isnull=True, session__starts_at__gt=when).update(cancelled_at=when)
    group = _champion_group()
    if to in Champion.HOLD_ROLE:
        champion.user.groups.add(group)
    else:
        champion.user.groups.remove(group)
    return champion


# The application -------------------------------------------------------------------------


@dataclass(frozen=True)
class Application:
    tier: ChampionTier
    organisation: Organisation
    sector: object
    districts: list
    specialisms: list
    languages: list
    availability: str
    statement: str
    line_manager_name: str
    line_manager_email: str
    visibility: str = Champion.Visibility.COORDINATORS


def apply(user: User, application: Application, *, request=None) -> Champion:
    """Record an application (or a new one, after a decline or withdrawal) and email the line
    manager a link to agree. Checked again here, whatever the form allowed."""
    # One application at a time per person: two first applications at once would otherwise both
    # pass the checks below and meet the one-record-per-person rule in the database.
    User.objects.select_for_update().filter(pk=user.pk).first()
    problem = application_problem(user)
    if problem:
        raise ChampionError(problem)
    if not is_eligible(user, application.tier):
        raise ChampionError(
            f"You do not yet hold valid certificates for every module of the {application.tier.name} pathway."
        )
    if not confirmed_organisations(user).filter(pk=application.organisation.pk).exists():
        raise ChampionError("Choose an organisation that has confirmed you work or volunteer there.")
    if application.line_manager_email.strip().lower() == user.email.lower():
        raise ChampionError("Give your line manager’s email address, not your own.")

    champion = Champion.objects.select_for_update().filter(user=user).first()
    if champion is not None and timezone.now() - champion.applied_at < datetime.timedelta(days=1):
        # Each application emails the named line manager: not a way to send mail to anyone, often.
        raise ChampionError("You applied less than a day ago. You can apply again tomorrow.")
    fields = dict(
        tier=application.tier, organisation=application.organisation, sector=application.sector,
        availability=application.availability.strip(), statement=application.statement.strip(),
        line_manager_name=application.line_manager_name.strip(),
        line_manager_email=application.line_manager_email.strip(), visibility=application.visibility,
        manager_agreed_at=None, manager_agreement_recorded_by=None, manager_agreement_note="",
        applied_at=timezone.now(), approved_at=None,
    )
    if champion is None:
        champion = Champion(user=user, status=S.APPLIED, **fields)
        champion.save()
        StatusChange.objects.create(champion=champion, from_status="", to_status=S.APPLIED, by=user)
        log(champion, STATUS_ACTION, user=user, data={"from": "", "to": S.APPLIED, "reason": ""})
    else:
        for name, value in fields.items():
            setattr(champion, name, value)
        champion.application_number += 1
        champion.save()
        move(champion, S.APPLIED, by=user, reason="Applied again.")
        champion.refresh_from_db()
    champion.districts.set(application.districts)
    champion.specialisms.set(application.specialisms)
    champion.languages.set(application.languages)
    transaction.on_commit(lambda: _email_line_manager(champion.pk))
    return champion


def agreement_token(champion: Champion) -> str:
    return signing.dumps({"c": champion.pk, "n": champion.application_number}, salt=AGREEMENT_SALT, compress=True)


def champion_for_agreement_token(token: str) -> Champion | None:
    """The application a line manager's link is for, while it still waits for them; else None."""
    try:
        data = signing.loads(
            token, salt=AGREEMENT_SALT, max_age=datetime.timedelta(days=settings.CHAMPION_AGREEMENT_LINK_DAYS),
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    # Signed by us, but checked all the same: only small positive integers reach the database.
    if not isinstance(data, dict) or not all(
        type(data.get(key)) is int and 0 < data[key] < 2**31 for key in ("c", "n")
    ):
        return None
    champion = Champion.objects.select_related("user", "tier", "organisation").filter(pk=data["c"]).first()
    if champion is None or champion.application_number != data["n"]:
        return None
    return champion


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email_line_manager(champion_pk: int) -> None:
    champion = Champion.objects.select_related("user", "tier", "organisation").get(pk=champion_pk)
    context = {
        "champion": champion,
        "link": _absolute(reverse("champion_agreement", args=[agreement_token(champion)])),
        "days": settings.CHAMPION_AGREEMENT_LINK_DAYS,
    }
    send_mail(
        subject=render_to_string("champions/email/manager_agreement_subject.txt", context).strip(),
        message=render_to_string("champions/email/manager_agreement_message.txt", context),
        from_email=None, recipient_list=[champion.line_manager_email],
    )


def resend_agreement_link(champion: Champion, *, by: User) -> Champion:
    """Email the line manager a fresh link (the first may have expired or gone astray), at most
    once a day. `by` is the applicant or a coordinator. Raises ChampionError otherwise."""
    champion = _locked(champion)
    if champion.status != S.APPLIED:
        raise ChampionError("This application is no longer waiting for the line manager, so there is no link to send.")
    if timezone.now() - _link_last_sent(champion) < datetime.timedelta(days=1):
        raise ChampionError(
            "The link was sent less than a day ago. Ask your line manager to check their junk mail, or wait a day."
        )
    StatusChange.objects.create(
        champion=champion, from_status=S.APPLIED, to_status=S.APPLIED, by=by,
        reason=f"Link sent again to {champion.line_manager_name}.",
    )
    transaction.on_commit(lambda: _email_line_manager(champion.pk))
    return champion


def agreement_link_expired(champion: Champion) -> bool:
    """Whether the newest link the line manager was sent no longer works (so it should be sent again)."""
    if champion.status != S.APPLIED:
        return False
    return timezone.now() - _link_last_sent(champion) > datetime.timedelta(days=settings.CHAMPION_AGREEMENT_LINK_DAYS)


def _link_last_sent(champion: Champion) -> datetime.datetime:
    """When the line manager was last sent a link: the newest entry into "applied" (applying, or
    the link sent again, which is logged as applied → applied), or the application itself."""
    newest = champion.history.filter(to_status=S.APPLIED).values_list("at", flat=True).first()
    return max(filter(None, [newest, champion.applied_at]))


def record_manager_agreement(champion: Champion, *, by: User | None = None, note: str = "") -> Champion:
    """The line manager agrees to the time (through their link, `by` None), or a coordinator records
    that they did (`by` the coordinator, with a note saying how they know)."""
    champion = _locked(champion)
    if champion.status != S.APPLIED:
        raise ChampionError(
            f"This application is “{champion.get_status_display().lower()}”, so there is no agreement to record."
        )
    note = note.strip()
    if by is not None and not note:
        raise ChampionError("Say how you know the line manager agrees (for example, their email of 3 March).")
    champion.manager_agreed_at = timezone.now()
    champion.manager_agreement_recorded_by = by
    champion.manager_agreement_note = note
    champion.save(update_fields=["manager_agreed_at", "manager_agreement_recorded_by", "manager_agreement_note"])
    reason = note or f"{champion.line_manager_name} agreed through the emailed link."
    return move(champion, S.MANAGER_AGREED, by=by, reason=reason)


def record_manager_refusal(champion: Champion, *, reason: str) -> Champion:
    """The line manager says, through their link, that they do not agree: the application is
    declined. Locked and checked like an agreement, so two answers at once give one."""
    champion = _locked(champion)
    if champion.status != S.APPLIED:
        raise ChampionError(
            f"This application is “{champion.get_status_display().lower()}”, so there is nothing to refuse."
        )
    return move(champion, S.DECLINED, by=None, reason=reason)


def _email_applicant(champion: Champion, template: str, **extra) -> None:
    context = {"champion": champion, "user": champion.user, "email": champion.user.email, **extra}
    send_mail(
        subject=render_to_string(f"champions/email/{template}_subject.txt", context).strip(),
        message=render_to_string(f"champions/email/{template}_message.txt", context),
        from_email=None, recipient_list=[champion.user.email],
    )


def approve(champion: Champion, *, by: User, reason: str = "") -> Champion:
    """A coordinator approves: the champion is active, holds the Champion role and is emailed."""
    champion = move(champion, S.ACTIVE, by=by, reason=reason or "Approved.")
    transaction.on_commit(lambda: _email_applicant(
        champion, "approved", profile_url=_absolute(reverse("champion_my_profile")),
    ))
    return champion


def decline(champion: Champion, *, by: User, reason: str) -> Champion:
    """A coordinator declines, with a reason the applicant is sent."""
    if not reason.strip():
        raise ChampionError("Give the reason: it is sent to the applicant.")
    champion = move(champion, S.DECLINED, by=by, reason=reason)
    transaction.on_commit(lambda: _email_applicant(champion, "declined", reason=reason.strip()))
    return champion


def pause(champion: Champion, *, by: User, reason: str = "") -> Champion:
    """Hidden from the directory for a while (leave, workload): not lapsed, and the role stays."""
    return move(champion, S.PAUSED, by=by, reason=reason or "Paused.")


def resume(champion: Champion, *, by: User) -> Champion:
    """Back from a pause: active if their pathway training is still valid, otherwise refresher due."""
    champion = _locked(champion)
    if champion.status != S.PAUSED:
        raise ChampionError("Only a paused champion can resume. Nothing was changed.")
    # The daily review notes the day their training ran out during a pause (and clears it if they
    # renew meanwhile); a pause never hides an expired pathway.
    if champion.refresher_due_on is None and is_eligible(champion.user, champion.tier):
        return move(champion, S.ACTIVE, by=by, reason="Resumed.")
    champion = move(champion, S.REFRESHER_DUE, by=by, reason="Resumed; pathway training has expired.")
    champion.refresher_due_on = champion.refresher_due_on or today()
    champion.save(update_fields=["refresher_due_on"])
    return champion


def withdraw(champion: Champion, *, by: User, reason: str = "") -> Champion:
    """The champion steps down (or a coordinator records that they left): hidden, role removed,
    future session places given up. When a coordinator does it, the champion is emailed."""
    champion = move(champion, S.WITHDRAWN, by=by, reason=reason or "Withdrawn.")
    if by is not None and by.pk != champion.user_id:
        transaction.on_commit(lambda: _email_applicant(champion, "withdrawn"))
    return champion


# The daily review --------------------------------------------------------------------------


@dataclass
class ReviewResult:
    refresher_due: int = 0
    lapsed: int = 0
    restored: int = 0


def review_champion(champion: Champion, day: datetime.date, grace_days: int) -> str | None:
    """Bring one champion's status in line with their certificates on `day`. Returns the status it
    moved to, or None if nothing changed: calling it again the same day changes nothing."""
    eligible = is_eligible(champion.user, champion.tier, day)
    when = timezone.now()
    if champion.status in (S.ACTIVE, S.PAUSED) and not eligible and champion.refresher_due_on is None:
        # A paused champion keeps their pause; the day is noted so that they lapse on time.
        if champion.status == S.ACTIVE:
            champion = move(champion, S.REFRESHER_DUE, by=None, when=when,
                            reason="A certificate on their pathway is no longer valid.")
        champion.refresher_due_on = day
        champion.save(update_fields=["refresher_due_on"])
        if champion.status == S.REFRESHER_DUE:
            missing = [module.title for module in tier_progress(champion.user, day, tiers=[champion.tier])[0].missing]
            transaction.on_commit(lambda: _email_applicant(
                champion, "refresher_due", lapses_on=champion.lapses_on(grace_days), missing=missing,
                learning_url=_absolute(reverse("my_learning")),
            ))
            return S.REFRESHER_DUE
        return None
    if champion.status in (S.REFRESHER_DUE, S.PAUSED) and not eligible and champion.refresher_due_on \
            and day >= champion.lapses_on(grace_days):
        move(champion, S.LAPSED, by=None, when=when,
             reason=f"Pathway training not renewed within {grace_days} days.")
        transaction.on_commit(lambda: _email_applicant(
            champion, "lapsed", learning_url=_absolute(reverse("my_learning")),
        ))
        return S.LAPSED
    if eligible and (champion.status in (S.REFRESHER_DUE, S.LAPSED)
                     or (champion.status == S.PAUSED and champion.refresher_due_on)):
        if champion.status == S.PAUSED:
            champion.refresher_due_on = None
            champion.save(update_fields=["refresher_due_on"])
            return None
        move(champion, S.ACTIVE, by=None, when=when, reason="Pathway training renewed.")
        return S.ACTIVE
    return None


def review_pathways(day: datetime.date | None = None) -> ReviewResult:
    """Every approved champion against their certificates on `day`: refresher due, lapsed, or
    restored. Idempotent: a second run the same day finds nothing to change."""
    day = day or today()
    grace = settings.CHAMPION_LAPSE_GRACE_DAYS
    result = ReviewResult()
    ids = Champion.objects.filter(
        status__in=[S.ACTIVE, S.REFRESHER_DUE, S.PAUSED, S.LAPSED],
    ).values_list("pk", flat=True)
    for pk in ids:
        with transaction.atomic():
            champion = _locked(Champion(pk=pk))
            moved = review_champion(champion, day, grace)
        if moved == S.REFRESHER_DUE:
            result.refresher_due += 1
        elif moved == S.LAPSED:
            result.lapsed += 1
        elif moved == S.ACTIVE:
            result.restored += 1
    return result


def restore_if_renewed(user_id: int) -> None:
    """A new certificate may renew a champion at once, without waiting for the daily review."""
    with transaction.atomic():
        champion = Champion.objects.select_for_update().filter(
            user_id=user_id, status__in=[S.REFRESHER_DUE, S.LAPSED, S.PAUSED],
        ).first()
        if champion is not None:
            review_champion(_locked(champion), today(), settings.CHAMPION_LAPSE_GRACE_DAYS)
