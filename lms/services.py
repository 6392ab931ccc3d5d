"""Workflows over people and organisations. Views call these inside a transaction."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from wagtail.log_actions import log

from content.models import Sector
from lms.models import District, Organisation, User


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
        .filter(lower_name=name.lower())
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
    """Save the profile a learner completes after sign-up and can change later."""
    user.full_name = full_name
    user.job_role = job_role
    user.sector = sector
    user.district = district
    user.organisation = organisation
    user.save(update_fields=["full_name", "job_role", "sector", "district", "organisation"])
    log(user, "lms.profile.update", user=user)
    return user


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

    Its members and leads move to `into`; the source stays, marked as merged, so that history
    and any later record pointing at it can be followed to where it went.
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
    into.leads.add(*source.leads.all())
    source.leads.clear()
    source.merged_from.update(merged_into=into)
    source.status = Organisation.Status.MERGED
    source.merged_into = into
    source.save(update_fields=["status", "merged_into"])
    log(source, "lms.organisation.merge", user=by, data={"into": into.pk, "into_name": into.name})
    log(into, "lms.organisation.absorb", user=by, data={"from": source.pk, "from_name": source.name})
    return into
