"""Who may use the organisation leads' area (/organisations/): the site's `organisation_lead`
rule, and, for a page of one organisation, that the person leads that organisation."""

from __future__ import annotations

from functools import wraps

from django.shortcuts import get_object_or_404

from lms.organisations.models import Organisation
from lms.organisations.permissions import organisation_lead


def led_organisations(user):
    """The organisations `user` leads: where every query of the leads' area starts, so that a
    forgotten filter shows nothing rather than someone else's organisation."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(leads=user).select_related("district")


def lead_of_organisation(view):
    """Signed in and leading at least one organisation (anyone else is refused, 403); the
    organisation in the address must be one of theirs, or it is "not found" (404), so a lead never
    learns whether another organisation's plan exists. The view is given `organisation`."""

    @wraps(view)
    def check(request, organisation_id: int, *args, **kwargs):
        organisation = get_object_or_404(led_organisations(request.user), pk=organisation_id)
        return view(request, *args, organisation=organisation, **kwargs)

    return organisation_lead(check)
