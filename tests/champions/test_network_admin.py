"""The coordinators' network screens in the Wagtail admin: scheduling a session (with its checks),
cancelling one (booked champions emailed; a booked session never deleted), bookings and
attendance, and the briefings report with its CSV. Editors are turned away."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.models import NetworkSession, SessionBooking
from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.champions.factories import BriefingFactory, ChampionFactory, NetworkSessionFactory, SessionBookingFactory
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/network/sessions/"
REPORT = "/admin/network/briefings/"


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def local(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def session_form(**overrides) -> dict:
    starts = local(30, 10)
    data = {
        "topic": "Network update: tech-facilitated abuse",
        "description": "Updates from the partnership, then peer support.",
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "place": "Hertford Theatre, The Wash, Hertford",
        "online_link": "",
        "capacity": "25",
    }
    data.update(overrides)
    return data


def test_a_coordinator_schedules_a_session_and_sees_it_listed(coordinator):
    response = coordinator.post(f"{INDEX}new/", session_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    session = NetworkSession.objects.get()
    assert session.topic == "Network update: tech-facilitated abuse"
    assert timezone.localtime(session.starts_at).hour == 10
    assert session.capacity == 25
    page = coordinator.get(INDEX).content.decode()
    assert "Network update: tech-facilitated abuse" in page
    assert "0 of 25" in page


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"ends_at": local(30, 9).strftime("%Y-%m-%d %H:%M")}, "ends_at", "The session must end after it starts."),
    ({"place": "", "online_link": ""}, "place", "Give the place, the online link, or both."),
    ({"online_link": "not a link at all"}, "online_link", "Enter the meeting link as a web address"),
    ({"capacity": "0"}, "capacity", "A session needs at least one place."),
    ({"topic": "=cmd|' /C calc'!A0"}, "topic", "Start the topic with a letter or number."),
])
def test_a_session_that_does_not_add_up_is_refused_with_a_message(coordinator, overrides, field, message):
    response = coordinator.post(f"{INDEX}new/", session_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not NetworkSession.objects.exists()


def test_capacity_cannot_drop_below_the_places_already_booked(coordinator):
    session = NetworkSessionFactory(capacity=5, place="Room 1", online_link="")
    for _ in range(3):
        SessionBookingFactory(session=session)
    SessionBookingFactory(session=session, cancelled_at=timezone.now())  # a cancelled place does not count
    data = session_form(topic=session.topic, capacity="2")
    response = coordinator.post(f"{INDEX}edit/{session.pk}/", data)
    assert response.status_code == 200
    assert "3 champions have already booked, so there must be at least 3 places." in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 5
    assert coordinator.post(f"{INDEX}edit/{session.pk}/", session_form(capacity="3")).status_code == 302
    session.refresh_from_db()
    assert session.capacity == 3


def test_cancelling_a_session_asks_first_then_emails_each_booked_champion(
    coordinator, django_capture_on_commit_callbacks,
):
    session = NetworkSessionFactory(topic="Summer network meeting")
    booked = [SessionBookingFactory(session=session) for _ in range(2)]
    gave_up = SessionBookingFactory(session=session, cancelled_at=timezone.now())
    page = coordinator.get(f"{INDEX}cancel/{session.pk}/").content.decode()
    assert "Are you sure you want to cancel “Summer network meeting”?" in page
    assert "2 champions booked a place" in page
    session.refresh_from_db()
    assert session.cancelled_at is None  # asking changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(f"{INDEX}cancel/{session.pk}/", {"reason": "The venue is closed."}, follow=True)
    assert "is cancelled. The 2 champions who booked will be emailed." in response.content.decode()
    session.refresh_from_db()
    assert session.cancelled_at is not None
    assert sorted(email.to[0] for email in mail.outbox) == sorted(b.champion.user.email for b in booked)
    assert gave_up.champion.user.email not in [email.to[0] for email in mail.outbox]
    assert all("The venue is closed." in email.body and "Summer network meeting" in email.body
               for email in mail.outbox)
    assert all(len(email.to) == 1 and not email.cc and not email.bcc for email in mail.outbox)
    assert ModelLogEntry.objects.filter(action="champions.session.cancel", object_id=str(session.pk)).count() == 1
    # Twice is refused, and nobody is emailed again.
    with django_capture_on_commit_callbacks(execute=True):
        again = coordinator.post(f"{INDEX}cancel/{session.pk}/", {"reason": ""}, follow=True)
    assert "already cancelled" in again.content.decode()
    assert len(mail.outbox) == 2


def test_a_session_with_bookings_is_never_deleted():
    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    session = NetworkSessionFactory()
    SessionBookingFactory(session=session)
    response = client.post(f"{INDEX}delete/{session.pk}/")
    assert response["Location"] == f"{INDEX}cancel/{session.pk}/"
    assert NetworkSession.objects.filter(pk=session.pk).exists()
    unbooked = NetworkSessionFactory()
    assert client.post(f"{INDEX}delete/{unbooked.pk}/").status_code == 302
    assert not NetworkSession.objects.filter(pk=unbooked.pk).exists()


def test_a_coordinator_cannot_delete_a_session(coordinator):
    session = NetworkSessionFactory()
    response = coordinator.post(f"{INDEX}delete/{session.pk}/")
    assert response["Location"] == "/admin/"
    assert NetworkSession.objects.filter(pk=session.pk).exists()


def test_a_coordinator_records_attendance_in_one_post(coordinator):
    began = timezone.now() - datetime.timedelta(days=2)
    session = NetworkSessionFactory(starts_at=began, ends_at=began + datetime.timedelta(hours=2))
    came = SessionBookingFactory(session=session, champion=ChampionFactory(user=LearnerFactory(full_name="Cleo Came")))
    missed = SessionBookingFactory(
        session=session, champion=ChampionFactory(user=LearnerFactory(full_name="Max Missed")))
    other_session = SessionBookingFactory()
    page = coordinator.get(f"{INDEX}attendance/{session.pk}/").content.decode()
    assert "Cleo Came" in page and "Max Missed" in page
    assert came.champion.user.email not in page and missed.champion.user.email not in page
    response = coordinator.post(
        f"{INDEX}attendance/{session.pk}/", {"attended": [str(came.pk), str(other_session.pk), "junk", "9" * 30]},
        follow=True,
    )
    assert "1 of 2 champions who booked came" in response.content.decode()
    assert SessionBooking.objects.get(pk=came.pk).attended is True
    assert SessionBooking.objects.get(pk=missed.pk).attended is False
    assert SessionBooking.objects.get(pk=other_session.pk).attended is None
    # Corrected later: both came.
    coordinator.post(f"{INDEX}attendance/{session.pk}/", {"attended": [str(came.pk), str(missed.pk)]})
    assert SessionBooking.objects.get(pk=missed.pk).attended is True


def test_attendance_waits_for_the_session_to_start(coordinator):
    booking = SessionBookingFactory()
    page = coordinator.get(f"{INDEX}attendance/{booking.session.pk}/").content.decode()
    assert "You can record who came once the session has started." in page
    assert 'name="attended"' not in page
    coordinator.post(f"{INDEX}attendance/{booking.session.pk}/", {"attended": [str(booking.pk)]})
    assert SessionBooking.objects.get(pk=booking.pk).attended is None


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.REVIEWER])
def test_other_staff_are_turned_away(role):
    client = staff_client(role)
    session = NetworkSessionFactory()
    booking = SessionBookingFactory(session=session)
    for path in (INDEX, f"{INDEX}new/", f"{INDEX}edit/{session.pk}/", f"{INDEX}cancel/{session.pk}/",
                 f"{INDEX}attendance/{session.pk}/", REPORT):
        assert client.get(path)["Location"] == "/admin/", path
    client.post(f"{INDEX}new/", session_form())
    client.post(f"{INDEX}cancel/{session.pk}/", {"reason": ""})
    client.post(f"{INDEX}attendance/{session.pk}/", {"attended": [str(booking.pk)]})
    assert NetworkSession.objects.count() == 1
    session.refresh_from_db()
    assert session.cancelled_at is None
    assert SessionBooking.objects.get(pk=booking.pk).attended is None


def test_the_session_list_costs_the_same_queries_with_many_sessions(coordinator):
    for _ in range(2):
        SessionBookingFactory()
    coordinator.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        coordinator.get(INDEX)
    for _ in range(20):
        session = NetworkSessionFactory()
        SessionBookingFactory(session=session)
        SessionBookingFactory(session=session)
    with CaptureQueriesContext(connection) as many:
        page = coordinator.get(INDEX).content.decode()
    assert page.count(" of 30") == 20 and "2 of 30" in page  # a full page of 20, with places counted
    assert len(many) <= len(few)


def test_the_upcoming_and_past_filter(coordinator):
    NetworkSessionFactory(topic="Coming soon")
    began = timezone.now() - datetime.timedelta(days=40)
    NetworkSessionFactory(topic="Long gone", starts_at=began, ends_at=began + datetime.timedelta(hours=2))
    upcoming = coordinator.get(f"{INDEX}?when=upcoming").content.decode()
    past = coordinator.get(f"{INDEX}?when=past").content.decode()
    assert "Coming soon" in upcoming and "Long gone" not in upcoming
    assert "Long gone" in past and "Coming soon" not in past


def test_the_briefings_report_totals_and_csv(coordinator):
    school = OrganisationFactory(name="=Oakfield Primary School")
    ana = ChampionFactory(user=LearnerFactory(full_name="Ana Adeyemi"))
    BriefingFactory(champion=ana, people_count=12, organisation=school, given_on=datetime.date(2026, 3, 2))
    BriefingFactory(champion=ana, people_count=3, given_on=datetime.date(2025, 3, 2))
    page = coordinator.get(REPORT).content.decode()
    assert "2 briefings, 15 people briefed" in page
    assert "Ana Adeyemi" in page and ana.user.email not in page
    page = coordinator.get(f"{REPORT}?since=2026-01-01&until=2026-12-31").content.decode()
    assert "1 briefing, 12 people briefed" in page
    response = coordinator.get(f"{REPORT}?since=2026-01-01&until=2026-12-31&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == ["Grouping", "Name", "Briefings", "People briefed"]
    assert rows[1][0] == "All briefings" and rows[1][2:] == ["1", "12"]
    assert ["Champion", f"Ana Adeyemi ({ana.organisation.name})", "1", "12"] in rows
    assert "By form of VAWG" in page and "vawg" not in page
    assert ["Organisation briefed", "'=Oakfield Primary School", "1", "12"] in rows  # never run as a formula


def test_a_bad_date_range_gets_a_message_and_no_figures(coordinator):
    BriefingFactory()
    page = coordinator.get(f"{REPORT}?since=2026-05-01&until=2026-04-01").content.decode()
    assert "The last day must be on or after the first day." in page
    assert "people briefed</h2>" not in page
    page = coordinator.get(f"{REPORT}?since=not-a-date&export=csv").content.decode()
    assert "Enter the first day as a date" in page


def test_the_briefings_report_costs_the_same_queries_however_many_briefings(coordinator):
    BriefingFactory()
    coordinator.get(REPORT)
    with CaptureQueriesContext(connection) as few:
        coordinator.get(REPORT)
    for _ in range(25):
        BriefingFactory(champion=ChampionFactory(), organisation=OrganisationFactory())
    with CaptureQueriesContext(connection) as many:
        coordinator.get(REPORT)
    assert len(many) <= len(few)


def test_a_session_that_has_taken_place_cannot_be_cancelled(coordinator, django_capture_on_commit_callbacks):
    began = timezone.now() - datetime.timedelta(days=3)
    session = NetworkSessionFactory(topic="Winter meeting", starts_at=began,
                                    ends_at=began + datetime.timedelta(hours=2))
    SessionBookingFactory(session=session)
    page = coordinator.get(f"{INDEX}cancel/{session.pk}/").content.decode()
    assert "has already taken place" in page and 'name="reason"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(f"{INDEX}cancel/{session.pk}/", {"reason": ""}, follow=True)
    assert "cannot be cancelled" in response.content.decode()
    session.refresh_from_db()
    assert session.cancelled_at is None
    assert mail.outbox == []


@pytest.mark.parametrize("query", [
    "?ordering=booked", "?ordering=-booked", "?ordering=-starts_at", "?ordering=junk", "?when=junk",
    "?q=%00%ff", "?p=99999999999", "?when=cancelled&q=x",
])
def test_the_session_list_answers_any_query_string(coordinator, query):
    SessionBookingFactory()
    assert coordinator.get(f"{INDEX}{query}").status_code == 200


@pytest.mark.parametrize("query", ["?since=2026-13-45", "?until=x&export=csv", "?export=xlsx", "?since=%00",
                                   "?since=9999-12-31&until=9999-12-31&export=csv"])
def test_the_briefings_report_answers_any_query_string(coordinator, query):
    BriefingFactory()
    assert coordinator.get(f"{REPORT}{query}").status_code == 200


def test_changing_a_sessions_time_or_place_emails_those_booked_and_nothing_else_does(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    """From the role review: a moved session told nobody, and calendar files never update."""
    coordinator.post(f"{INDEX}new/", session_form())
    session = NetworkSession.objects.get()
    booked = SessionBookingFactory(session=session).champion
    SessionBookingFactory(session=session, cancelled_at=timezone.now())  # gave their place up: not told
    edit = f"{INDEX}edit/{session.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(edit, session_form(description="A clearer description."))
    assert mailoutbox == []  # the description is not the time or place
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(edit, session_form(place="Stevenage Gordon Craig Theatre"), follow=True)
    assert "will be emailed the new time or place" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[booked.user.email]]
    assert "Stevenage Gordon Craig Theatre" in mailoutbox[0].body and "Your place is kept" in mailoutbox[0].body
