"""Wagtail hooks of the application part of the champions network (imported by wagtail_hooks.py):
the learner's pathway on My learning, through lms's `my_learning_panels` hook."""

from django.conf import settings
from django.template.loader import render_to_string
from wagtail import hooks

from champions.models import Champion
from champions.services import (
    TierProgress,
    application_problem,
    cached_tiers_with_pathways,
    confirmed_organisations,
    missing_module_urls,
    tier_progress,
)
from content.models import CompiledQuery
from lms.dashboard import current_certificates


def _tier_progress(request, tiers) -> list[TierProgress]:
    """champions.services.tier_progress for the learner, from the certificates My learning has
    fetched already (lms.dashboard.current_certificates): no query."""
    held_ids = {c.module_id for c in current_certificates(request) if c.module_id is not None}
    return tier_progress(request.user, held_ids=held_ids, tiers=tiers)


# The learner's champion record, its SQL compiled once a process (content.models.CompiledQuery:
# compiling cost more than the database's answer); read afresh every time.
_CHAMPION_OF = CompiledQuery(
    Champion, lambda user_id, _context: Champion.objects.filter(user_id=user_id).order_by("pk")[:1],
    marker=CompiledQuery.ID,
)


def _champion_of(user, tiers) -> Champion | None:
    """The user's champion record (if any), its tier one of `tiers` when it is there."""
    found = _CHAMPION_OF(user.pk)
    if not found:
        return None
    champion = found[0]
    tier = next((tier for tier in tiers if tier.pk == champion.tier_id), None)
    if tier is not None:
        champion.tier = tier
    return champion


@hooks.register("my_learning_panels")
def champion_pathway_panel(request):
    """How far the learner is from each tier (modules held, modules still needed), whether they can
    apply, or where their application or place stands. A constant number of queries: the learner's
    champion record and (only for someone who could apply) the checks an application makes; the
    tiers come from the cache (champions.services.cached_tiers_with_pathways), the certificates
    from the page."""
    user = request.user
    tiers = cached_tiers_with_pathways()
    progress = _tier_progress(request, tiers)
    champion = _champion_of(user, tiers)
    if champion is None and not any(item.held or item.missing for item in progress):
        return None  # no tier has a pathway yet: nothing to show or aim for
    reapply = champion is not None and champion.status in (Champion.Status.DECLINED, Champion.Status.WITHDRAWN)
    problem = None
    if (champion is None or reapply) and any(item.eligible for item in progress):
        problem = application_problem(user)
    return render_to_string("champions/apply/pathway_panel.html", {
        "progress": progress,
        "module_urls": missing_module_urls(progress, request),
        "champion": champion,
        "reapply": reapply,
        "can_apply": (champion is None or reapply) and any(item.eligible for item in progress) and not problem,
        "problem": problem,
        "has_organisation": problem is None or confirmed_organisations(user).exists(),
        "lapses_on": champion.lapses_on(settings.CHAMPION_LAPSE_GRACE_DAYS) if champion else None,
    }, request=request)
