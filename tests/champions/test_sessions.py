"""Network sessions on the public site: champions see upcoming sessions with the places left,
book and cancel (never beyond the capacity, never twice), download a calendar file for a session
they booked, and see the sessions a coordinator recorded them attending."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from champions.models import Champion, SessionBooking
from champions.network import NetworkError, book, calendar_file, cancel, record_attendance
from tests.champions.factories import ChampionFactory, NetworkSessionFactory, SessionBookingFactory
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

SESSIONS = "/champions/sessions/"


def client_of(champion: Champion) -> Client:
    client = Client()
    client.force_login(champion.user)
    return client


def book_url(session) -> str:
    return f"/champions/sessions/{session.pk}/book/"


def cancel_url(session) -> str:
    return f"/champions/sessions/{session.pk}/cancel/"


def calendar_url(session) -> str:
    return f"/champions/sessions/{session.pk}/calendar.ics"


def places_held(session) -> int:
    return SessionBooking.objects.filter(session=session, cancelled_at__isnull=True).count()


def unfold(text: str) -> dict[str, str]:
    """An iCalendar file's content lines, unfolded (RFC 5545 3.1), as name → value."""
    assert text.endswith("\r\n")
    raw = text[:-2].split("\r\n")
    lines: list[str] = []
    for line in raw:
        assert "\n" not in line and "\r" not in line
        assert len(line.encode("utf-8")) <= 75, line
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    fields = {}
    for line in lines:
        name, _, value = line.partition(":")
        fields.setdefault(name, value)
    fields["_order"] = ",".join(line.partition(":")[0] for line in lines)
    return fields


def test_a_champion_sees_upcoming_sessions_with_places_left_but_not_the_online_link():
    champion = ChampionFactory()
    session = NetworkSessionFactory(topic="Stalking: what has changed", capacity=3,
                                    online_link="https://meet.example.org/secret-room")
    SessionBookingFactory(session=session)
    NetworkSessionFactory(topic="Last year's session", starts_at=timezone.now() - datetime.timedelta(days=300),
                          ends_at=timezone.now() - datetime.timedelta(days=300, hours=-2))
    page = client_of(champion).get(SESSIONS).content.decode()
    assert "Stalking: what has changed" in page
    assert "2 places left of 3" in page
    assert "Last year&#x27;s session" not in page and "Last year's session" not in page
    assert "secret-room" not in page
    assert "you see the link once you have booked" in page
    assert f'action="{book_url(session)}"' in page


def test_booking_gives_a_place_shows_the_link_and_the_calendar_file():
    champion = ChampionFactory()
    session = NetworkSessionFactory(capacity=2, online_link="https://meet.example.org/secret-room")
    client = client_of(champion)
    response = client.post(book_url(session), follow=True)
    page = response.content.decode()
    assert "You have a place at" in page
    assert "https://meet.example.org/secret-room" in page
    assert calendar_url(session) in page
    assert "Cancel my place" in page
    assert "1 place left of 2" in page
    assert places_held(session) == 1


def test_booking_twice_keeps_one_place():
    champion = ChampionFactory()
    session = NetworkSessionFactory(capacity=5)
    client = client_of(champion)
    client.post(book_url(session))
    client.post(book_url(session))
    assert SessionBooking.objects.filter(session=session, champion=champion).count() == 1
    assert places_held(session) == 1


def test_a_full_session_refuses_another_booking_with_a_message():
    session = NetworkSessionFactory(capacity=1, topic="Small group")
    SessionBookingFactory(session=session)
    champion = ChampionFactory()
    page = client_of(champion).post(book_url(session), follow=True).content.decode()
    assert "Every place at “Small group” is taken. Nothing was booked." in page
    assert not SessionBooking.objects.filter(session=session, champion=champion).exists()
    assert "Full" in page


def test_a_cancelled_booking_frees_the_place_and_can_be_booked_again_on_the_same_row():
    session = NetworkSessionFactory(capacity=1)
    first, second = ChampionFactory(), ChampionFactory()
    client = client_of(first)
    client.post(book_url(session))
    assert client_of(second).post(book_url(session), follow=True).content.decode().count("is taken") == 1
    page = client.post(cancel_url(session), follow=True).content.decode()
    assert "You have cancelled your place" in page
    assert places_held(session) == 0
    client.post(book_url(session))
    booking = SessionBooking.objects.get(session=session, champion=first)
    assert booking.cancelled_at is None
    assert SessionBooking.objects.filter(session=session).count() == 1


def test_cancelling_without_a_place_changes_nothing():
    session = NetworkSessionFactory()
    page = client_of(ChampionFactory()).post(cancel_url(session), follow=True).content.decode()
    assert "there was nothing to cancel" in page
    assert not SessionBooking.objects.exists()


@pytest.mark.parametrize("status", [Champion.Status.APPLIED, Champion.Status.LAPSED, Champion.Status.WITHDRAWN])
def test_a_champion_not_holding_the_role_sees_why_and_cannot_book(status):
    champion = ChampionFactory(status=status)
    session = NetworkSessionFactory()
    client = client_of(champion)
    page = client.get(SESSIONS).content.decode()
    assert session.topic in page
    assert f'action="{book_url(session)}"' not in page
    assert "govuk-inset-text" in page
    response = client.post(book_url(session), follow=True)
    assert not SessionBooking.objects.exists()
    assert "There is a problem" in response.content.decode()


def test_a_paused_champion_may_book():
    champion = ChampionFactory(status=Champion.Status.PAUSED)
    session = NetworkSessionFactory()
    client_of(champion).post(book_url(session))
    assert places_held(session) == 1


def test_a_cancelled_or_started_session_cannot_be_booked():
    champion = ChampionFactory()
    called_off = NetworkSessionFactory(cancelled_at=timezone.now())
    started = NetworkSessionFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5),
                                    ends_at=timezone.now() + datetime.timedelta(hours=1))
    with pytest.raises(NetworkError, match="cancelled"):
        book(called_off, champion)
    with pytest.raises(NetworkError, match="already started"):
        book(started, champion)
    assert not SessionBooking.objects.exists()


def test_someone_without_a_champion_record_is_refused():
    client = Client()
    client.force_login(LearnerFactory())
    assert client.get(SESSIONS).status_code == 403
    assert client.post(book_url(NetworkSessionFactory())).status_code == 403
    assert not SessionBooking.objects.exists()


def test_booking_locks_the_session_row_while_counting_places(monkeypatch):
    """The count of places taken happens under the session's row lock (SELECT … FOR UPDATE)."""
    from champions.models import NetworkSession

    session = NetworkSessionFactory(capacity=1)
    calls = []
    original = NetworkSession.objects.select_for_update

    def spy(*args, **kwargs):
        calls.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(NetworkSession.objects, "select_for_update", spy)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        book(session, ChampionFactory())
    assert calls == [True]
    if connection.features.has_select_for_update:
        assert any("FOR UPDATE" in query["sql"] for query in queries.captured_queries)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="the in-memory SQLite test database is one connection")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_champions_at_once_cannot_both_take_the_last_place():
    session = NetworkSessionFactory(capacity=1)
    champions = [ChampionFactory(), ChampionFactory(), ChampionFactory()]
    results = []
    barrier = threading.Barrier(len(champions))

    def take(champion):
        try:
            barrier.wait()
            with transaction.atomic():
                book(session, champion)
            results.append("booked")
        except NetworkError:
            results.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(champion,)) for champion in champions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["booked", "full", "full"]
    assert places_held(session) == 1


def test_the_calendar_file_is_valid_icalendar_with_the_session_in_utc():
    champion = ChampionFactory()
    starts = timezone.make_aware(datetime.datetime(2026, 7, 1, 10, 0))  # 10:00 in London is 09:00 UTC
    session = NetworkSessionFactory(
        topic="Coercive control; updates, and a case discussion",
        description="Bring a question.\nWe finish with peer support, as always: a long line " + "é" * 60,
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        place="", online_link="https://meet.example.org/room?id=1,2",
    )
    SessionBookingFactory(session=session, champion=champion)
    response = client_of(champion).get(calendar_url(session))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="network-session-' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    fields = unfold(text)
    assert fields["_order"].startswith("BEGIN,VERSION,PRODID")
    assert fields["_order"].endswith("END,END")
    assert fields["BEGIN"] == "VCALENDAR"
    assert fields["VERSION"] == "2.0"
    assert fields["UID"] == f"network-session-{session.pk}@{fields['UID'].split('@')[1]}"
    assert fields["DTSTART"] == "20260701T090000Z"
    assert fields["DTEND"] == "20260701T110000Z"
    assert fields["DTSTAMP"].endswith("Z") and len(fields["DTSTAMP"]) == 16
    assert fields["SUMMARY"] == "VAWG champions network: Coercive control\\; updates\\, and a case discussion"
    assert fields["URL"] == "https://meet.example.org/room?id=1,2"
    assert fields["LOCATION"] == "Online"
    assert "Bring a question.\\nWe finish" in fields["DESCRIPTION"]
    assert "é" * 60 in fields["DESCRIPTION"]
    assert fields["STATUS"] == "CONFIRMED"
    assert text.count("BEGIN:VEVENT") == 1 and text.count("END:VEVENT") == 1


def test_the_calendar_file_gives_the_place_of_an_in_person_session():
    session = NetworkSessionFactory(place="Council offices, Room 2, Stevenage", online_link="")
    fields = unfold(calendar_file(session))
    assert fields["LOCATION"] == "Council offices\\, Room 2\\, Stevenage"
    assert "URL" not in fields


def test_the_calendar_file_is_only_for_a_champion_who_booked():
    session = NetworkSessionFactory()
    booked, other = ChampionFactory(), ChampionFactory()
    SessionBookingFactory(session=session, champion=booked)
    assert client_of(other).get(calendar_url(session)).status_code == 404
    client = client_of(booked)
    assert client.get(calendar_url(session)).status_code == 200
    client.post(cancel_url(session))
    assert client.get(calendar_url(session)).status_code == 404


def test_attendance_recorded_by_a_coordinator_shows_on_the_champions_page():
    champion = ChampionFactory()
    earlier = timezone.now() - datetime.timedelta(days=30)
    session = NetworkSessionFactory(topic="Spring network meeting", starts_at=earlier,
                                    ends_at=earlier + datetime.timedelta(hours=2))
    booking = SessionBookingFactory(session=session, champion=champion)
    absent = SessionBookingFactory(session=session)
    coordinator = LearnerFactory()
    assert record_attendance(session, {booking.pk}, by=coordinator) == 1
    booking.refresh_from_db()
    absent.refresh_from_db()
    assert (booking.attended, absent.attended) == (True, False)
    page = client_of(champion).get(SESSIONS).content.decode()
    attended = page.split("Sessions you attended")[1]
    assert "Spring network meeting" in attended
    other_page = client_of(absent.champion).get(SESSIONS).content.decode()
    assert "Spring network meeting" not in other_page.split("Sessions you attended")[1]


def test_attendance_cannot_be_recorded_before_the_session():
    booking = SessionBookingFactory()
    with pytest.raises(NetworkError, match="once the session has started"):
        record_attendance(booking.session, {booking.pk}, by=LearnerFactory())
    booking.refresh_from_db()
    assert booking.attended is None


def test_a_place_at_a_session_that_has_started_cannot_be_given_up():
    started = timezone.now() - datetime.timedelta(minutes=10)
    booking = SessionBookingFactory(session=NetworkSessionFactory(
        starts_at=started, ends_at=started + datetime.timedelta(hours=2)))
    with pytest.raises(NetworkError, match="already started"):
        cancel(booking.session, booking.champion)
    booking.refresh_from_db()
    assert booking.cancelled_at is None


def test_a_cancelled_session_shows_in_the_champions_bookings():
    champion = ChampionFactory()
    session = NetworkSessionFactory(topic="Autumn network meeting", cancelled_at=timezone.now())
    SessionBookingFactory(session=session, champion=champion)
    page = client_of(champion).get(SESSIONS).content.decode()
    bookings = page.split("Your bookings")[1].split("Upcoming sessions")[0]
    assert "Autumn network meeting" in bookings and "Cancelled" in bookings


def test_the_sessions_page_costs_the_same_queries_with_many_sessions(django_assert_max_num_queries):
    champion = ChampionFactory()
    client = client_of(champion)
    for _ in range(2):
        session = NetworkSessionFactory()
        SessionBookingFactory(session=session, champion=champion)
    client.get(SESSIONS)
    with CaptureQueriesContext(connection) as few:
        assert client.get(SESSIONS).status_code == 200
    for _ in range(25):
        session = NetworkSessionFactory()
        SessionBookingFactory(session=session, champion=champion)
        SessionBookingFactory(session=session)
    with django_assert_max_num_queries(len(few)):
        assert client.get(SESSIONS).status_code == 200
