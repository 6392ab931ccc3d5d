"""Network sessions and the cascade log: booking and cancelling a place, a coordinator cancelling
a session or recording who came, the calendar file of a booked session, and the briefings
champions give, with their totals for the coordinators' report.

Each function that writes locks the row it counts on (the session for a booking, the champion
for a briefing), so two clicks at once, or two champions taking the last place, change things
once. Views call them inside `transaction.atomic`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from champions.models import Briefing, Champion, NetworkSession, SessionBooking
from champions.services import ChampionError
from content.models import Topic
from lms.accounts.models import District, User
from lms.organisations.models import Organisation

# A briefing the same as one recorded this long ago or less is the same briefing sent twice.
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=1)
EARLIEST_BRIEFING = datetime.date(2020, 1, 1)
MOST_PEOPLE_AT_A_BRIEFING = 1000


class NetworkError(ChampionError):
    """A booking, cancellation or record the session or the champion does not allow. The message
    is written for the person who asked, and nothing was changed."""


# Sessions ----------------------------------------------------------------------------------


def active_bookings(queryset: QuerySet | None = None) -> QuerySet:
    """Bookings that hold a place: not cancelled by the champion."""
    return (SessionBooking.objects.all() if queryset is None else queryset).filter(cancelled_at__isnull=True)


def with_booked_count(queryset: QuerySet | None = None) -> QuerySet:
    """Sessions annotated with `booked`, the places taken: one query whatever the number."""
    queryset = NetworkSession.objects.all() if queryset is None else queryset
    return queryset.annotate(booked=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True)))


def with_booking_of(queryset: QuerySet, champion: Champion) -> QuerySet:
    """Sessions annotated with `is_booked`: whether `champion` holds a place at each."""
    return queryset.annotate(is_booked=Exists(
        active_bookings().filter(session=OuterRef("pk"), champion=champion)
    ))


def booking_problem(champion: Champion) -> str | None:
    """Why `champion` may not book a place just now, in words for them; None if they may."""
    if champion.status in Champion.HOLD_ROLE:
        return None
    if champion.status in Champion.WAITING:
        return ("You can book network sessions once a coordinator has approved your application. "
                f"Your application is “{champion.get_status_display().lower()}”.")
    if champion.status == Champion.Status.LAPSED:
        return ("Your champion role has lapsed because your pathway training is no longer valid. "
                "Renew it on Your learning, and you can book sessions again.")
    status = champion.get_status_display().lower()
    return f"Only approved champions can book network sessions. Your record is “{status}”."


def book(session: NetworkSession, champion: Champion, *, now: datetime.datetime | None = None) -> SessionBooking:
    """Give `champion` a place at `session`. Booking again is harmless (the same place comes back);
    a place cancelled earlier is taken up again. Refused, with NetworkError, when the champion may
    not book, the session is cancelled or has started, or every place is taken.

    The session's row is locked while the places are counted, so two champions can never both
    take the last place."""
    now = now or timezone.now()
    problem = booking_problem(champion)
    if problem:
        raise NetworkError(problem)
    session = NetworkSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise NetworkError(f"“{session.topic}” has been cancelled, so it cannot be booked.")
    if session.starts_at <= now:
        raise NetworkError(f"“{session.topic}” has already started, so it can no longer be booked.")
    booking = SessionBooking.objects.filter(session=session, champion=champion).first()
    if booking is not None and booking.cancelled_at is None:
        return booking
    taken = active_bookings().filter(session=session).count()
    if taken >= session.capacity:
        raise NetworkError(f"Every place at “{session.topic}” is taken. Nothing was booked.")
    if booking is None:
        return SessionBooking.objects.create(session=session, champion=champion, booked_at=now)
    booking.cancelled_at = None
    booking.booked_at = now
    booking.attended = None
    booking.save(update_fields=["cancelled_at", "booked_at", "attended"])
    return booking


def cancel(session: NetworkSession, champion: Champion, *,
           now: datetime.datetime | None = None) -> SessionBooking | None:
    """Give up `champion`'s place at `session`, which frees it for someone else. Returns the
    booking, or None if they held no place (cancelling twice changes nothing). A place at a
    session that has started cannot be given up: attendance is recorded against it."""
    now = now or timezone.now()
    session = NetworkSession.objects.select_for_update().get(pk=session.pk)
    booking = active_bookings().filter(session=session, champion=champion).first()
    if booking is None:
        return None
    if session.starts_at <= now and session.cancelled_at is None:
        raise NetworkError(f"“{session.topic}” has already started, so your place can no longer be cancelled.")
    booking.cancelled_at = now
    booking.save(update_fields=["cancelled_at"])
    return booking


def cancel_session(session: NetworkSession, *, by: User, reason: str = "") -> NetworkSession:
    """A coordinator calls a session off. It stays on record (with its bookings), booked champions
    are each emailed once the change is saved, and it can no longer be booked."""
    session = NetworkSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise NetworkError(f"“{session.topic}” was already cancelled. Nothing was changed.")
    if session.ends_at <= timezone.now():
        raise NetworkError(f"“{session.topic}” has already taken place, so it cannot be cancelled. "
                           "Record who came instead.")
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at"])
    log(session, "champions.session.cancel", user=by, data={"reason": reason.strip()})
    champion_ids = list(active_bookings().filter(session=session).values_list("champion_id", flat=True))
    transaction.on_commit(lambda: _email_cancellation(session.pk, champion_ids, reason.strip()))
    return session


# What booked champions are told about when a coordinator edits a session.
CHANGES_TOLD = ("starts_at", "ends_at", "place", "online_link")


def when_and_where(session: NetworkSession) -> dict:
    return {name: getattr(session, name) for name in CHANGES_TOLD}


def tell_booked_champions_of_changes(session: NetworkSession, before: dict) -> int:
    """After a coordinator's edit: if the time or place changed, email each champion holding a
    place (once the edit is saved), so their calendars and plans follow. Returns how many."""
    if session.cancelled_at is not None or when_and_where(session) == before:
        return 0
    champion_ids = list(active_bookings().filter(session=session).values_list("champion_id", flat=True))
    if champion_ids:
        transaction.on_commit(lambda: _email_change(session.pk, champion_ids))
    return len(champion_ids)


def _email_change(session_pk: int, champion_ids: list[int]) -> None:
    session = NetworkSession.objects.get(pk=session_pk)
    sessions_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("champion_sessions")
    for champion in Champion.objects.filter(pk__in=champion_ids).select_related("user"):
        context = {"session": session, "user": champion.user, "email": champion.user.email,
                   "sessions_url": sessions_url}
        send_mail(
            subject=render_to_string("champions/email/session_changed_subject.txt", context).strip(),
            message=render_to_string("champions/email/session_changed_message.txt", context),
            from_email=None, recipient_list=[champion.user.email],
        )


def _email_cancellation(session_pk: int, champion_ids: list[int], reason: str) -> None:
    session = NetworkSession.objects.get(pk=session_pk)
    sessions_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("champion_sessions")
    for champion in Champion.objects.filter(pk__in=champion_ids).select_related("user"):
        context = {"session": session, "user": champion.user, "email": champion.user.email, "reason": reason,
                   "sessions_url": sessions_url}
        send_mail(
            subject=render_to_string("champions/email/session_cancelled_subject.txt", context).strip(),
            message=render_to_string("champions/email/session_cancelled_message.txt", context),
            from_email=None, recipient_list=[champion.user.email],
        )


def record_attendance(session: NetworkSession, attended_booking_ids: Iterable[int], *, by: User,
                      now: datetime.datetime | None = None) -> int:
    """Who came: every place held at `session` is marked attended if its id is in
    `attended_booking_ids`, and not attended otherwise. Ids of other sessions' bookings are
    ignored. Returns how many attended. Refused before the session starts."""
    now = now or timezone.now()
    session = NetworkSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise NetworkError(f"“{session.topic}” was cancelled, so there is no attendance to record.")
    if session.starts_at > now:
        raise NetworkError("You can record attendance once the session has started. Nothing was saved.")
    held = active_bookings().filter(session=session)
    attended = set(attended_booking_ids)
    came = held.filter(pk__in=attended).update(attended=True)
    held.exclude(pk__in=attended).update(attended=False)
    log(session, "champions.session.attendance", user=by, data={"attended": came, "booked": held.count()})
    return came


def sessions_attended(champion: Champion) -> QuerySet:
    """The sessions a coordinator recorded `champion` as attending, latest first."""
    return NetworkSession.objects.filter(
        bookings__champion=champion, bookings__attended=True, bookings__cancelled_at__isnull=True,
    ).order_by("-starts_at")


# The calendar file -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _ical_text(value: str) -> str:
    """TEXT as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ical_time(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines of at most 75 octets (RFC 5545 3.1): longer ones go on with CRLF and a space,
    never splitting a character's UTF-8 bytes."""
    parts, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += character
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def calendar_file(session: NetworkSession, *, now: datetime.datetime | None = None) -> str:
    """An iCalendar (RFC 5545) file with one event: the session, in UTC, with its place or its
    online link. Only for a champion who booked it (the link is theirs to see)."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "vawg-training.local"
    description = session.description.strip()
    if session.online_link:
        description = f"{description}\n\nJoin online: {session.online_link}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Hertfordshire VAWG Partnership//Champions network sessions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:network-session-{session.pk}@{host}",
        f"DTSTAMP:{_ical_time(now or timezone.now())}",
        f"DTSTART:{_ical_time(session.starts_at)}",
        f"DTEND:{_ical_time(session.ends_at)}",
        f"SUMMARY:{_ical_text('VAWG champions network: ' + session.topic)}",
        f"LOCATION:{_ical_text(session.place or 'Online')}",
    ]
    if session.online_link:
        lines.append(f"URL:{_CONTROL.sub('', session.online_link)}")
    if description:
        lines.append(f"DESCRIPTION:{_ical_text(description)}")
    lines += [
        f"STATUS:{'CANCELLED' if session.cancelled_at else 'CONFIRMED'}",
        f"SEQUENCE:{1 if session.cancelled_at else 0}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


# The cascade log ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BriefingDetails:
    """What a champion says about a briefing they gave. No names of the people briefed."""

    given_on: datetime.date
    audience: str
    people_count: int
    district: District
    topics: tuple[Topic, ...]
    organisation: Organisation | None = None


def briefing_problem(details: BriefingDetails, today: datetime.date | None = None) -> str | None:
    today = today or timezone.localdate()
    if details.given_on > today:
        return "The date the briefing was given must be today or in the past."
    if details.given_on < EARLIEST_BRIEFING:
        return f"The date the briefing was given must be on or after {EARLIEST_BRIEFING:%-d %B %Y}."
    if not 1 <= details.people_count <= MOST_PEOPLE_AT_A_BRIEFING:
        return f"The number of people briefed must be between 1 and {MOST_PEOPLE_AT_A_BRIEFING}."
    if not details.audience.strip():
        return "Say who the briefing was for."
    if not details.topics:
        return "Select at least one form of VAWG the briefing covered."
    return None


def record_briefing(champion: Champion, details: BriefingDetails) -> tuple[Briefing, bool]:
    """Add a briefing to `champion`'s cascade log. Returns it and whether it is new: the same
    briefing sent again within a minute (a double click, a resent form) is the one already made.
    The champion's row is locked, so two copies arriving at once make one."""
    problem = briefing_problem(details)
    if problem:
        raise NetworkError(problem)
    Champion.objects.select_for_update().filter(pk=champion.pk).first()
    topic_ids = sorted({topic.pk for topic in details.topics})
    audience = " ".join(details.audience.split())
    recent = Briefing.objects.filter(
        champion=champion, given_on=details.given_on, audience=audience, people_count=details.people_count,
        organisation=details.organisation, district=details.district,
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).prefetch_related("topics")
    for briefing in recent:
        if sorted(topic.pk for topic in briefing.topics.all()) == topic_ids:
            return briefing, False
    briefing = Briefing.objects.create(
        champion=champion, given_on=details.given_on, audience=audience, people_count=details.people_count,
        organisation=details.organisation, district=details.district,
    )
    briefing.topics.set(topic_ids)
    return briefing, True


def delete_briefing(champion: Champion, briefing_id: int) -> bool:
    """Remove one of `champion`'s own briefings; False if there is no such briefing of theirs."""
    deleted, _ = Briefing.objects.filter(champion=champion, pk=briefing_id).delete()
    return bool(deleted)


@dataclass(frozen=True)
class Total:
    """One line of the report: who or what, how many briefings, how many people they reached."""

    label: str
    briefings: int
    people: int
    key: object = None


@dataclass
class BriefingTotals:
    """Briefings and people briefed overall and by champion, organisation, district and form of
    VAWG. A briefing covering two forms of VAWG counts under each, so those lines add up to more
    than the total."""

    briefings: int = 0
    people: int = 0
    by_champion: list[Total] = field(default_factory=list)
    by_organisation: list[Total] = field(default_factory=list)
    by_district: list[Total] = field(default_factory=list)
    by_topic: list[Total] = field(default_factory=list)

    def sections(self) -> list[tuple[str, str, list[Total]]]:
        """(column heading, section heading, totals) for each grouping."""
        return [
            ("Champion", "By champion", self.by_champion),
            ("Organisation briefed", "By organisation briefed", self.by_organisation),
            ("District", "By district", self.by_district),
            ("Form of VAWG", "By form of VAWG", self.by_topic),
        ]


NOT_GIVEN = "Not given"


def _totals(queryset, key: str, label: str) -> list[Total]:
    rows = (
        queryset.order_by().values(key, label)
        .annotate(briefings=Count("pk", distinct=True), people=Sum("people_count"))
        .order_by("-people", label)
    )
    return [Total(label=row[label] or NOT_GIVEN, briefings=row["briefings"], people=row["people"] or 0,
                  key=row[key]) for row in rows]


def briefing_totals(briefings: QuerySet | None = None, *, since: datetime.date | None = None,
                    until: datetime.date | None = None, champion: Champion | None = None) -> BriefingTotals:
    """Totals of `briefings` (all, by default) given between `since` and `until` (inclusive),
    counted in the database: six queries whatever the number of briefings."""
    queryset = Briefing.objects.all() if briefings is None else briefings
    if since:
        queryset = queryset.filter(given_on__gte=since)
    if until:
        queryset = queryset.filter(given_on__lte=until)
    if champion is not None:
        queryset = queryset.filter(champion=champion)
    overall = queryset.order_by().aggregate(briefings=Count("pk"), people=Sum("people_count"))
    by_topic = (
        Briefing.topics.through.objects.filter(briefing__in=queryset.order_by().values("pk"))
        .values("topic_id", "topic__name")
        .annotate(briefings=Count("briefing_id", distinct=True), people=Sum("briefing__people_count"))
        .order_by("-people", "topic__name")
    )
    organisations = dict(
        Champion.objects.filter(pk__in=queryset.order_by().values("champion_id"))
        .values_list("pk", "organisation__name")
    )
    return BriefingTotals(
        briefings=overall["briefings"] or 0,
        people=overall["people"] or 0,
        # Named with their organisation: two champions can share a name.
        by_champion=[
            Total(label=f"{total.label} ({organisations[total.key]})" if organisations.get(total.key) else total.label,
                  briefings=total.briefings, people=total.people, key=total.key)
            for total in _totals(queryset, "champion_id", "champion__user__full_name")
        ],
        by_organisation=_totals(queryset, "organisation_id", "organisation__name"),
        by_district=_totals(queryset, "district_id", "district__name"),
        by_topic=[Total(label=row["topic__name"], briefings=row["briefings"], people=row["people"] or 0,
                        key=row["topic_id"]) for row in by_topic],
    )
