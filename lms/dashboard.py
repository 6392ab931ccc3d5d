"""The learner's dashboard, My learning: the one page that draws on every part of lms at once."""

import json

from django.db.models import Count, DateField, OuterRef, Q, Subquery
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail import hooks

from content.models import (
    CompiledQuery,
    LearningPath,
    TrainingModulePage,
    page_url_request,
    page_urls,
    reference_data,
    without_view_restrictions,
)
from lms.certificates.history import history_of
from lms.certificates.models import Certificate, verify_url
from lms.certificates.services import state_label, today
from lms.learning.access import catalogue
from lms.learning.models import ConfidenceRating, mean_rating
from lms.organisations.models import Membership, Organisation
from lms.site.permissions import signed_in

# The page's queries of the learner's own rows, compiled to SQL once a process (content.models.
# CompiledQuery: compiling them cost several times what the database takes to answer), by the
# learner's id. They read live rows every time: nothing of them is cached.
# A module restricted since the learner started it leaves the page, as it leaves every listing.
_ENROLLED_MODULES = CompiledQuery(TrainingModulePage, lambda user_id, _context: (
    without_view_restrictions(TrainingModulePage.objects.live().filter(enrolments__user_id=user_id))
    .order_by("-enrolments__started_at")
), marker=CompiledQuery.ID)
_LED_ORGANISATIONS = CompiledQuery(Organisation, lambda user_id, _context: (
    Organisation.objects.filter(leads=user_id).annotate(
        # Membership.WAITING, through the organisation: a closed account's request waits for nobody.
        pending_count=Count("memberships", filter=Q(
            memberships__status=Membership.Status.REQUESTED, memberships__user__is_active=True)),
        member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.CONFIRMED)),
    ).order_by("name")
), marker=CompiledQuery.ID)
_LEARNER_CERTIFICATES = CompiledQuery(Certificate, lambda user_id, _context: (
    Certificate.objects.filter(user_id=user_id).annotate(renewed_on=Subquery(
        Certificate.objects.filter(replaces=OuterRef("pk")).values("issued_on")[:1]
    ))
), marker=CompiledQuery.ID)
# (module id, stage, ratings) of the learner's before and after ratings, a few a module.
_CONFIDENCE_RATINGS = CompiledQuery(None, lambda user_id, _context: (
    ConfidenceRating.objects.filter(
        user_id=user_id, skipped=False, stage__in=[ConfidenceRating.Stage.BEFORE, ConfidenceRating.Stage.AFTER],
    ).values_list("module_id", "stage", "ratings")
), marker=CompiledQuery.ID, values=True)
_DATE = DateField()


@signed_in
@require_GET
def my_learning(request):
    """The learner's dashboard: modules in progress (with where to resume), completed, their path."""
    user = request.user
    enrolled = _ENROLLED_MODULES(user.pk)
    # The sector from the cached reference data (content.models.reference_data), not a query.
    sector = next((s for s in reference_data(request)["sectors"] if s.pk == user.sector_id), None)
    path = sector_learning_path(sector)
    path_modules = path.modules() if path else []
    progress = catalogue(user, enrolled + path_modules).progress
    in_progress = [m for m in enrolled if progress[m.pk].is_in_progress]
    completed = [m for m in enrolled if progress[m.pk].is_completed]
    confidence = completed_confidence(user, completed)
    certificates = learner_certificates(request)
    history = history_of(certificates)
    return render(request, "lms/my_learning.html", {
        "in_progress": in_progress,
        "completed": completed,
        "confidence": confidence,
        "certificates": [
            {"certificate": c, "state": c.state_on(today()), "label": state_label(c.state_on(today())),
             "share_url": verify_url(c.code), "history": history.get(c.pk, [])}
            for c in certificates
        ],
        "progress": progress,
        "module_urls": page_urls(enrolled + path_modules, page_url_request(request)),  # resolved once
        "learning_path": path,
        "path_entries": path.entries(progress) if path else [],
        "led_organisations": led_organisations(request),
        "panels": my_learning_panels(request),
        "notices": my_learning_notices(request),
    })


def sector_learning_path(sector) -> LearningPath | None:
    """The learner's sector's path (LearningPath.for_sector: from the cache, no query), named as the
    reference data names the sector."""
    path = LearningPath.for_sector(sector)
    if path is not None:
        path.sector = sector
    return path


def completed_confidence(user, completed) -> dict[int, dict[str, float | None]]:
    """{module id: {stage: average}} of the before and after ratings of the `completed` modules,
    the only ones the page shows them for: no query when none is completed."""
    confidence: dict[int, dict[str, float | None]] = {}
    if not completed:
        return confidence
    completed_ids = {module.pk for module in completed}
    for module_id, stage, ratings in _CONFIDENCE_RATINGS(user.pk):
        if module_id in completed_ids:
            ratings = json.loads(ratings) if isinstance(ratings, str) else ratings  # as the driver gives it
            mean = mean_rating(ratings)  # as ConfidenceRating.average, without making the instances
            confidence.setdefault(module_id, {})[stage] = round(mean, 1) if mean is not None else None
    return confidence


def led_organisations(request) -> list:
    """The organisations the signed-in user leads, by name, each with `member_count` and
    `pending_count` (requests to join): one query, made once a request and shared with the
    champions network's way into the leads' area (champions.whiteribbon.hooks_lead)."""
    organisations = getattr(request, "_led_organisations", None)
    if organisations is None:
        organisations = _LED_ORGANISATIONS(request.user.pk)
        request._led_organisations = organisations
    return organisations


def learner_certificates(request) -> list[Certificate]:
    """The signed-in learner's certificates, newest first, each with `renewed_on` (the day the
    renewal that replaced it was issued, or None): one query, made once a request and shared
    by the page and its hooks (the champions pathway, the guidance updates), which would
    otherwise each ask again for the same certificates."""
    certificates = getattr(request, "_learner_certificates", None)
    if certificates is None:
        certificates = _LEARNER_CERTIFICATES(request.user.pk)
        for certificate in certificates:  # an annotation comes from raw() as the driver gives it
            certificate.renewed_on = _DATE.to_python(certificate.renewed_on)
        request._learner_certificates = certificates
    return certificates


def current_certificates(request, day=None) -> list[Certificate]:
    """Of `learner_certificates`, those in force on `day` (today by default), as
    Certificate.objects.current_on reads them: not revoked, not replaced by a renewal, not expired."""
    day = day or today()
    return [
        c for c in learner_certificates(request)
        if c.revoked_at is None and c.renewed_on is None and c.expires_on >= day
    ]


# Apps above this one (the champions network's pathway, for one) add a section to My learning by
# registering a function under this Wagtail hook: it takes the request and returns HTML (or None
# for nothing). This module never imports them. Each panel keeps to a constant number of queries.
MY_LEARNING_PANELS_HOOK = "my_learning_panels"


def my_learning_panels(request) -> list[str]:
    return [html for panel in hooks.get_hooks(MY_LEARNING_PANELS_HOOK) if (html := panel(request))]


# The same for what needs the learner's attention first (a guidance update to complete, a
# follow-up to answer): shown at the top of the page, above "In progress", as notification
# banners. Each function takes the request and returns HTML or None, in a constant number of queries.
MY_LEARNING_NOTICES_HOOK = "my_learning_notices"


def my_learning_notices(request) -> list[str]:
    return [html for notice in hooks.get_hooks(MY_LEARNING_NOTICES_HOOK) if (html := notice(request))]
