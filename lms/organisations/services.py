"""Workflows over people and organisations. Views call these inside a transaction."""

from __future__ import annotations

import datetime
import re
from difflib import SequenceMatcher

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from content.models import Sector
from lms.accounts.models import District, User
from lms.organisations.models import Membership, MembershipError, Organisation
from lms.organisations.names import fold
from lms.site.roles import Role


class OrganisationError(Exception):
    """A change to an organisation that its current state does not allow."""


def normalise_organisation_name(name: str) -> str:
    """Trim and collapse white space, so "  St  Albans  Council " matches "St Albans Council"."""
    return re.sub(r"\s+", " ", name).strip()


def find_organisation(name: str) -> Organisation | None:
    """The confirmed or pending organisation with this name, ignoring case and spacing."""
    name = normalise_organisation_name(name)
    return (
        Organisation.objects.open()
        .annotate(lower_name=Lower("name"))
        # Lowered by the database, as the unique index lowers it: SQLite's lower() leaves
        # non-ASCII letters alone, so Python's str.lower() would disagree with the index.
        .filter(lower_name=Lower(Value(name)))
        .first()
    )


def find_or_propose_organisation(
    *, name: str, kind: str | None, sector: Sector | None, district: District | None,
    proposed_by: User,
) -> Organisation:
    """The organisation called `name`; a new pending one if no open organisation has that name.

    A pending organisation is usable at once by the person who named it, and waits for a
    coordinator to confirm it or merge it into an existing one. Two people naming the same new
    organisation at the same moment end up linked to one record.
    """
    existing = find_organisation(name)
    if existing is not None:
        return existing
    if not kind:
        raise OrganisationError("Say what type of organisation it is.")
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                name=normalise_organisation_name(name), kind=kind, sector=sector, district=district,
                status=Organisation.Status.PENDING, proposed_by=proposed_by,
            )
    except IntegrityError:
        # Someone else proposed the same name between our look-up and our insert.
        existing = find_organisation(name)
        if existing is None:
            raise
        return existing
    log(organisation, "lms.organisation.propose", user=proposed_by)
    return organisation


def update_profile(
    user: User, *, full_name: str, job_role: str, sector: Sector, district: District,
    organisation: Organisation,
) -> User:
    """Save the profile a learner completes after sign-up and can change later.

    Naming an organisation asks to join it (see `request_membership`); saving the same one again
    asks nothing new, so a double click or a retry makes no second request.
    """
    # Compare with what is stored, under a lock, not with a copy that a parallel save may have outdated.
    stored_organisation_id = User.objects.select_for_update().values_list("organisation_id", flat=True).get(pk=user.pk)
    changed = stored_organisation_id != organisation.pk
    user.full_name = full_name
    user.job_role = job_role
    user.sector = sector
    user.district = district
    user.organisation = organisation
    user.save(update_fields=["full_name", "job_role", "sector", "district", "organisation"])
    log(user, "lms.profile.update", user=user)
    if changed or not Membership.objects.filter(user=user, organisation=organisation).exists():
        request_membership(user, organisation)
    return user


def current_membership(user: User) -> Membership | None:
    """The person's open membership if they have one, else their latest with their named organisation."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.open().filter(user=user).select_related("organisation").first()
        or Membership.objects.filter(user=user, organisation_id=user.organisation_id)
        .select_related("organisation").first()
    )


def request_membership(user: User, organisation: Organisation) -> Membership:
    """Ask to join `organisation`; its leads see the person only once a lead or coordinator confirms.

    Asking again while a request or membership there is open returns it unchanged. Asking to join
    another organisation ends the open one first, as leaving it.
    """
    if organisation.status == Organisation.Status.MERGED:
        raise MembershipError(f"{organisation.name} is now part of another organisation. Choose that one.")
    user = User.objects.select_for_update().get(pk=user.pk)  # one request at a time per person
    current = Membership.objects.select_for_update().open().filter(user=user).first()
    if current is not None and current.organisation_id == organisation.pk:
        return current
    if current is not None:
        _end(current, by=user, how=Membership.Ending.LEFT)
    membership = Membership.objects.create(user=user, organisation=organisation)
    log(membership, "lms.membership.request", user=user, data={"organisation": organisation.name})
    recent = Membership.objects.filter(
        user=user, organisation=organisation, requested_at__gte=timezone.now() - datetime.timedelta(days=1),
    ).count()
    if recent == 1:  # asking, leaving and asking again tells the leads once a day, not each time
        transaction.on_commit(lambda: _email_leads_of_request(membership.pk))
    return membership


def _email_leads_of_request(membership_pk: int) -> None:
    """Tell an organisation's leads that someone asked to join, so requests do not wait unseen.
    The email names the person and the organisation, not what the training is about."""
    membership = Membership.objects.select_related("user", "organisation").get(pk=membership_pk)
    if membership.status != Membership.Status.REQUESTED:
        return
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("organisation_members")
    for lead in membership.organisation.leads.filter(is_active=True).exclude(pk=membership.user_id):
        context = {"membership": membership, "user": lead, "email": lead.email, "link": link}
        send_mail(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
            + render_to_string("organisations/email/request_subject.txt", context).strip(),
            message=render_to_string("organisations/email/request_message.txt", context),
            from_email=None, recipient_list=[lead.email],
        )


def _locked(membership: Membership) -> Membership:
    # Re-read under a row lock: two leads, or a lead and a coordinator, may decide at once.
    return Membership.objects.select_for_update().select_related("user", "organisation").get(pk=membership.pk)


def _end(membership: Membership, *, by: User, how: str) -> Membership:
    membership.check_can_become(Membership.Status.ENDED)
    membership.status = Membership.Status.ENDED
    membership.ending = how
    membership.ended_at = timezone.now()
    membership.ended_by = by
    membership.save(update_fields=["status", "ending", "ended_at", "ended_by"])
    action = "lms.membership.leave" if how == Membership.Ending.LEFT else "lms.membership.remove"
    log(membership, action, user=by, data={"organisation": membership.organisation.name})
    _stop_leading(membership, by=by)
    return membership


def _stop_leading(membership: Membership, *, by: User) -> None:
    """A lead sees every member's records because the organisation vouched for them: someone who
    is no longer a member (left, removed, declined) no longer leads it."""
    organisation, person = membership.organisation, membership.user
    if organisation.leads.filter(pk=person.pk).exists():
        organisation.leads.remove(person)
        _sync_lead_role(person)
        log(organisation, "lms.organisation.remove_lead", user=by,
            data={"lead": person.pk, "lead_email": person.email, "lead_name": person.full_name})


def _decide(membership: Membership, status: str, *, by: User) -> Membership:
    membership = _locked(membership)
    membership.check_can_become(status)
    if status == Membership.Status.CONFIRMED and not membership.user.is_active:
        raise MembershipError(f"{membership.user}’s account has been closed, so they cannot be confirmed.")
    membership.status = status
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    action = "lms.membership.confirm" if status == Membership.Status.CONFIRMED else "lms.membership.decline"
    log(membership, action, user=by, data={"organisation": membership.organisation.name})
    if status != Membership.Status.CONFIRMED:
        _stop_leading(membership, by=by)
    return membership


def confirm_membership(membership: Membership, *, by: User) -> Membership:
    """A lead of the organisation, or a coordinator, confirms the person works there.

    From then on the organisation's leads see the person's modules and certificates. The caller
    checks that `by` may decide for this organisation.
    """
    return _decide(membership, Membership.Status.CONFIRMED, by=by)


def decline_membership(membership: Membership, *, by: User) -> Membership:
    """A lead or coordinator says the person does not work there; the leads never see them."""
    return _decide(membership, Membership.Status.DECLINED, by=by)


def remove_member(membership: Membership, *, by: User) -> Membership:
    """A lead or coordinator ends a confirmed membership; the leads stop seeing the person at once."""
    membership = _locked(membership)
    if membership.status == Membership.Status.REQUESTED:
        raise MembershipError(f"{membership.user} has not been confirmed yet: decline the request instead.")
    if membership.user_id == by.pk:
        raise MembershipError(
            "You cannot remove yourself while you lead this organisation. To leave it, use “Leave this "
            "organisation” on your profile; a coordinator can change who leads it."
        )
    return _end(membership, by=by, how=Membership.Ending.REMOVED)


def leave_organisation(user: User) -> Membership:
    """The person ends their own open membership or request; the leads stop seeing them at once."""
    membership = Membership.objects.select_for_update().open().filter(user=user).first()
    if membership is None:
        raise MembershipError("You are not a member of an organisation, so there is nothing to leave.")
    return _end(_locked(membership), by=user, how=Membership.Ending.LEFT)


def ask_to_rejoin(user: User) -> Membership:
    """Ask again to join the organisation on the person's profile, after leaving, removal or a decline."""
    user = User.objects.select_related("organisation").get(pk=user.pk)
    if user.organisation is None:
        raise MembershipError("Add your organisation to your profile first.")
    current = Membership.objects.open().filter(user=user, organisation=user.organisation).first()
    if current is not None:
        raise MembershipError(
            f"You are already a member of {user.organisation}." if current.status == Membership.Status.CONFIRMED
            else f"You have already asked to join {user.organisation}."
        )
    return request_membership(user, user.organisation)


def confirm_organisation(organisation: Organisation, *, by: User) -> Organisation:
    """A coordinator accepts a proposed organisation into the list learners pick from."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.status != Organisation.Status.PENDING:
        raise OrganisationError(f"{organisation.name} is not awaiting confirmation.")
    organisation.status = Organisation.Status.CONFIRMED
    organisation.save(update_fields=["status"])
    log(organisation, "lms.organisation.confirm", user=by)
    return organisation


def merge_organisation(source: Organisation, *, into: Organisation, by: User) -> Organisation:
    """Fold a proposed (or duplicate) organisation into an existing one.

    Its members, their open memberships (confirmed stays confirmed) and its leads move to `into`;
    the source stays, marked as merged, so that history and any later record pointing at it can be
    followed to where it went.
    """
    source = Organisation.objects.select_for_update().get(pk=source.pk)
    into = Organisation.objects.select_for_update().get(pk=into.pk)
    if source.pk == into.pk:
        raise OrganisationError("An organisation cannot be merged into itself.")
    if source.status == Organisation.Status.MERGED:
        raise OrganisationError(f"{source.name} has already been merged.")
    if into.status != Organisation.Status.CONFIRMED:
        raise OrganisationError(f"{into.name} must be confirmed before others are merged into it.")
    source.members.update(organisation=into)
    # Open requests and memberships follow their people; ended ones stay as the history of `source`.
    source.memberships.open().update(organisation=into)
    into.leads.add(*source.leads.all())
    source.leads.clear()
    source.merged_from.update(merged_into=into)
    source.status = Organisation.Status.MERGED
    source.merged_into = into
    source.save(update_fields=["status", "merged_into"])
    log(source, "lms.organisation.merge", user=by, data={"into": into.pk, "into_name": into.name})
    log(into, "lms.organisation.absorb", user=by, data={"from": source.pk, "from_name": source.name})
    return into


# Words too common in organisations' names to suggest that two of them are the same one.
_COMMON_WORDS = frozenset({
    "the", "of", "and", "for", "in", "at", "a", "an", "on", "to", "ltd", "limited", "plc", "cic", "llp",
    "trust", "council", "group", "services", "service", "centre", "center", "uk",
})


def _words(folded: str) -> set[str]:
    return {word for word in re.findall(r"\w+", folded) if word not in _COMMON_WORDS and len(word) > 1}


def likely_duplicates(organisation: Organisation, *, limit: int = 5) -> list[Organisation]:
    """Listed organisations that are probably `organisation` under another spelling, likeliest first.

    Names are compared without accents, case or punctuation: sharing a distinctive word ("Oxhey
    Foodbank" and "Oxhey Community Foodbank") or reading nearly the same ("Watford Women's Centre"
    and "watford womens centre ltd") makes a candidate. A word is distinctive if few listed names
    use it: "Hertfordshire" in every other name says nothing. Two queries, whatever the number of
    organisations.
    """
    target = fold(organisation.name)
    candidates = [
        (pk, name, fold(name))
        for pk, name in Organisation.objects.listed().exclude(pk=organisation.pk).values_list("pk", "name")
    ]
    words_of = {pk: _words(folded) for pk, _, folded in candidates}
    uses = {}
    for words in words_of.values():
        for word in words:
            uses[word] = uses.get(word, 0) + 1
    too_common = max(2, len(candidates) // 4)
    target_words = {word for word in _words(target) if uses.get(word, 0) <= too_common}
    scored = []
    for pk, _, folded in candidates:
        words = {word for word in words_of[pk] if uses[word] <= too_common}
        shared = len(target_words & words) / max(len(target_words | words), 1)
        similar = SequenceMatcher(None, re.sub(r"\W", "", target), re.sub(r"\W", "", folded)).ratio()
        if shared > 0 or similar >= 0.75:
            scored.append((-max(shared, similar), folded, pk))
    ids = [pk for _, _, pk in sorted(scored)[:limit]]
    found = Organisation.objects.in_bulk(ids)
    return [found[pk] for pk in ids]


def search_organisations(query: str, *, exclude: Organisation | None = None, limit: int = 20) -> list[Organisation]:
    """Listed organisations whose name contains `query`, ignoring accents, case and spacing."""

    wanted = fold(query)
    if not wanted:
        return []
    candidates = Organisation.objects.listed()
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    ids = [pk for pk, name in candidates.values_list("pk", "name") if wanted in fold(name)][:limit]
    return list(Organisation.objects.filter(pk__in=ids).select_related("district", "sector"))


def lead_candidates(organisation: Organisation):
    """People who may be made a lead of `organisation`: active accounts with a verified email whose
    membership of it is confirmed. A lead sees every member's training records, so never a person
    the organisation has not vouched for."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return User.objects.filter(
        Exists(verified), is_active=True,
        memberships__organisation=organisation, memberships__status=Membership.Status.CONFIRMED,
    )


def _sync_lead_role(person: User) -> None:
    """The Organisation lead role is held exactly while the person leads an organisation."""
    group = Group.objects.get_or_create(name=Role.ORGANISATION_LEAD)[0]
    if person.led_organisations.exists():
        person.groups.add(group)
    else:
        person.groups.remove(group)


def add_lead(organisation: Organisation, person: User, *, by: User) -> bool:
    """Make `person` a lead of `organisation`, keeping its other leads, and give them the
    Organisation lead role. Returns False (and changes nothing) if they already lead it. Raises
    OrganisationError for someone who is not a confirmed member with a verified email. Logged."""
    if organisation.leads.filter(pk=person.pk).exists():
        return False
    if not lead_candidates(organisation).filter(pk=person.pk).exists():
        raise OrganisationError(
            f"{person.full_name or person.email} is not a confirmed member of {organisation.name} with a "
            "confirmed email address, so they cannot lead it. Confirm their membership first."
        )
    organisation.leads.add(person)
    _sync_lead_role(person)
    log(organisation, "lms.organisation.add_lead", user=by,
        data={"lead": person.pk, "lead_email": person.email, "lead_name": person.full_name})
    return True


def remove_lead(organisation: Organisation, person: User, *, by: User) -> bool:
    """Stop `person` leading `organisation`; its other leads stay. The Organisation lead role goes
    with their last organisation. Returns False if they did not lead it. Logged."""
    if not organisation.leads.filter(pk=person.pk).exists():
        return False
    organisation.leads.remove(person)
    _sync_lead_role(person)
    log(organisation, "lms.organisation.remove_lead", user=by,
        data={"lead": person.pk, "lead_email": person.email, "lead_name": person.full_name})
    return True
