"""A champion's network sessions (book, cancel, add to a calendar) and their cascade log (the
briefings they gave). Each view is the champion's own: `champion_self` hands it their record,
and it never reads or changes anyone else's."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.forms.network import BriefingForm
from champions.models import Briefing, NetworkSession
from champions.network import (
    NetworkError,
    active_bookings,
    book,
    booking_problem,
    briefing_totals,
    calendar_file,
    cancel,
    delete_briefing,
    record_briefing,
    with_booked_count,
    with_booking_of,
)
from champions.permissions import champion_self

BRIEFINGS_PER_PAGE = 25
PAST_SESSIONS_SHOWN = 20


@champion_self
@require_GET
def sessions(request, champion):
    """Upcoming sessions with the places left, the champion's own bookings, and the past
    sessions they attended. Four queries whatever the number of sessions."""
    now = timezone.now()
    upcoming = list(
        with_booking_of(with_booked_count(NetworkSession.objects.upcoming(now)), champion).order_by("starts_at")
    )
    cancelled = list(
        NetworkSession.objects.filter(
            starts_at__gte=now, cancelled_at__isnull=False,
            bookings__champion=champion, bookings__cancelled_at__isnull=True,
        ).order_by("starts_at")
    )
    attended = list(
        NetworkSession.objects.filter(
            starts_at__lt=now, bookings__champion=champion, bookings__attended=True,
            bookings__cancelled_at__isnull=True,
        ).order_by("-starts_at")[:PAST_SESSIONS_SHOWN]
    )
    for session in upcoming:
        session.when = when(session)
        session.places_left = max(session.capacity - session.booked, 0)
    return render(request, "champions/network/sessions.html", {
        "champion": champion,
        "booked": [session for session in upcoming if session.is_booked],
        "not_booked": [session for session in upcoming if not session.is_booked],
        "cancelled": cancelled,
        "attended": attended,
        "problem": booking_problem(champion),
    })


def _clock(moment) -> str:
    """GOV.UK's style for times: 10am, 2:30pm, midday."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def when(session: NetworkSession) -> str:
    """“Tuesday 3 March 2026, 10am to midday”, in the site's time zone."""
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    text = f"{starts:%A} {starts.day} {starts:%B %Y}, {_clock(starts)} to {_clock(ends)}"
    if ends.date() != starts.date():
        text += f" on {ends.day} {ends:%B}"
    return text


def _session_or_404(session_id: int) -> NetworkSession:
    return get_object_or_404(NetworkSession, pk=session_id)


@champion_self
@require_POST
def session_book(request, session_id: int, champion):
    session = _session_or_404(session_id)
    try:
        with transaction.atomic():
            book(session, champion)
    except NetworkError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"You have a place at “{session.topic}” on {timezone.localtime(session.starts_at):%-d %B %Y}. "
                     "You can add it to your calendar below.",
        )
    return redirect(reverse("champion_sessions") + f"#session-{session.pk}")


@champion_self
@require_POST
def session_cancel(request, session_id: int, champion):
    session = _session_or_404(session_id)
    try:
        with transaction.atomic():
            booking = cancel(session, champion)
    except NetworkError as error:
        messages.error(request, str(error))
    else:
        if booking is None:
            messages.info(request, f"You did not have a place at “{session.topic}”, so there was nothing to cancel.")
        else:
            messages.success(request, f"You have cancelled your place at “{session.topic}”. Someone else can take it.")
    return redirect("champion_sessions")


@champion_self
@require_GET
def session_calendar(request, session_id: int, champion):
    """The session as a calendar file, for the champion who booked it (it carries the online link)."""
    session = _session_or_404(session_id)
    if not active_bookings().filter(session=session, champion=champion).exists():
        raise Http404("No place booked at this session.")
    response = HttpResponse(calendar_file(session).encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="network-session-{session.pk}.ics"'
    return response


@champion_self
@require_http_methods(["GET", "POST"])
def briefings(request, champion):
    """The champion's cascade log: the briefings they gave, their totals, and a form to add one."""
    if request.method == "POST":
        form = BriefingForm(request.POST, champion=champion)
        if form.is_valid():
            try:
                with transaction.atomic():
                    briefing, created = record_briefing(champion, form.details())
            except NetworkError as error:
                form.add_error(None, str(error))
            else:
                if created:
                    messages.success(
                        request, f"Your briefing for {briefing.audience} ({briefing.people_count} "
                                 f"{'person' if briefing.people_count == 1 else 'people'}) is recorded.",
                    )
                else:
                    messages.info(request, "That briefing was already recorded, so it was not added again.")
                return redirect("champion_briefings")
    else:
        form = BriefingForm(champion=champion, initial={
            "organisation": champion.organisation_id,
            "district": champion.districts.values_list("pk", flat=True).first(),
        })
    page = Paginator(
        Briefing.objects.filter(champion=champion).select_related("organisation", "district")
        .prefetch_related("topics"), BRIEFINGS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(request, "champions/network/briefings.html", {
        "champion": champion,
        "form": form,
        "date_fields": [(form["given_day"], 2), (form["given_month"], 2), (form["given_year"], 4)],
        "page": page,
        "totals": briefing_totals(champion=champion),
    })


@champion_self
@require_http_methods(["GET", "POST"])
def briefing_delete(request, briefing_id: int, champion):
    """Check, then remove one of the champion's own briefings. Anyone else's is not found."""
    briefing = get_object_or_404(
        Briefing.objects.filter(champion=champion).select_related("district").prefetch_related("topics"),
        pk=briefing_id,
    )
    if request.method == "POST":
        with transaction.atomic():
            delete_briefing(champion, briefing.pk)
        messages.success(request, f"Your briefing for {briefing.audience} on {briefing.given_on:%-d %B %Y} is removed.")
        return redirect("champion_briefings")
    return render(request, "champions/network/briefing_delete.html", {"briefing": briefing})
