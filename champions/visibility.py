"""Who sees which champion. One rule for every place a champion appears: directory lists,
counts, search results, profile pages, relay pages and exports all start from `visible_to`.

A champion chooses their audience (Champion.visibility): the partnership's coordinators only,
other champions as well, or every professional whose organisation has confirmed them (a
confirmed membership, not just a confirmed email address). Whatever they choose,
only listed champions (active, or with a refresher due) appear, and the champion always sees
their own profile. Coordinators see every listed champion.
"""

from __future__ import annotations

from django.db.models import Q

from champions.models import Champion
from lms.organisations.models import Membership

V = Champion.Visibility

# What each audience sees, widest last: an audience sees the profiles open to it and to wider ones.
AUDIENCES = (V.COORDINATORS, V.CHAMPIONS, V.PROFESSIONALS)
SEEN_BY = {
    V.COORDINATORS: (V.COORDINATORS, V.CHAMPIONS, V.PROFESSIONALS),
    V.CHAMPIONS: (V.CHAMPIONS, V.PROFESSIONALS),
    V.PROFESSIONALS: (V.PROFESSIONALS,),
}


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm("champions.view_champion"))


def audience_of(user, champion_status: str | None = None) -> str | None:
    """Which audience `user` belongs to (the widest view they have), or None for a visitor.

    `champion_status`, if the caller already has it ("" for someone with no champion record),
    saves a query.
    """
    if not user.is_authenticated:
        return None
    if is_coordinator(user):
        return V.COORDINATORS
    if champion_status is None:
        champion_status = Champion.objects.filter(user=user).values_list("status", flat=True).first()
    if champion_status in Champion.HOLD_ROLE:
        return V.CHAMPIONS
    # "Professionals" are people an organisation has vouched for, not merely anyone who confirmed
    # an email address: until then they see no champion at all.
    if not Membership.objects.filter(user=user, status=Membership.Status.CONFIRMED).exists():
        return None
    return V.PROFESSIONALS


def _listed(queryset=None):
    """Listed champions (see ChampionQuerySet.listed), within `queryset` if given."""
    return (Champion.objects.all() if queryset is None else queryset).listed()


def visible_for_audience(audience: str | None, queryset=None):
    """Listed champions that `audience` may see (none for a visitor)."""
    queryset = _listed(queryset)
    if audience is None:
        return queryset.none()
    return queryset.filter(visibility__in=SEEN_BY[audience])


def visible_to(user, queryset=None, audience: str | None = None):
    """Champions `user` may see: those open to their audience, and always themselves if listed."""
    audience = audience or audience_of(user)
    visible = visible_for_audience(audience, queryset)
    if audience is None or audience == V.COORDINATORS:
        return visible
    base = _listed(queryset)
    return base.filter(Q(visibility__in=SEEN_BY[audience]) | Q(user=user))
