"""Property-based tests of the network's forms and endpoints, with inputs Hypothesis makes up:
booking and cancelling (any session id, any junk in the post), the briefing form, the admin's
session form and the attendance post. Whatever is sent: no server error, and a refused post
writes nothing; booking never goes beyond the capacity."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.models import Briefing, NetworkSession, SessionBooking
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory, NetworkSessionFactory, SessionBookingFactory
from tests.conftest import staff_client

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBER_OR_JUNK = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63).map(str), st.integers(min_value=0, max_value=3000).map(str),
    SHORT,
)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)
# Strings Python calls digits that int() refuses, or that are too long for an id.
DIGIT_LOOKALIKES = ["²", "٣", "1" * 12, " 1", "1\n"]
DATETIME_TEXT = st.one_of(
    SHORT,
    st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31))
    .map(lambda moment: moment.strftime("%Y-%m-%d %H:%M")),
)


@pytest.fixture
def coordinator():
    """One coordinator's signed-in admin session for every input of a test."""
    return staff_client(Role.COORDINATOR)


def assert_no_server_error(response) -> None:
    assert response.status_code < 500
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@FUZZ
@given(session_id=st.integers(min_value=0, max_value=10**12), junk=st.dictionaries(SHORT, TEXT, max_size=3),
       action=st.sampled_from(["book", "cancel", "calendar.ics"]))
def test_booking_endpoints_with_any_id_and_junk(session_id, junk, action):
    champion = ChampionFactory()
    client = Client()
    client.force_login(champion.user)
    path = f"/champions/sessions/{session_id}/{action}" + ("" if action.endswith(".ics") else "/")
    response = client.get(path, junk) if action.endswith(".ics") else client.post(path, junk)
    assert_no_server_error(response)
    assert not SessionBooking.objects.filter(champion=champion).exists()


@FUZZ
@given(capacity=st.integers(min_value=1, max_value=4), clicks=st.lists(st.sampled_from(["book", "cancel"]),
                                                                      min_size=1, max_size=8),
       people=st.integers(min_value=1, max_value=5))
def test_any_sequence_of_bookings_and_cancellations_never_exceeds_the_capacity(capacity, clicks, people):
    session = NetworkSessionFactory(capacity=capacity)
    champions = [ChampionFactory() for _ in range(people)]
    clients = []
    for champion in champions:
        client = Client()
        client.force_login(champion.user)
        clients.append(client)
    for index, click in enumerate(clicks):
        response = clients[index % people].post(f"/champions/sessions/{session.pk}/{click}/")
        assert_no_server_error(response)
        held = SessionBooking.objects.filter(session=session, cancelled_at__isnull=True).count()
        assert held <= capacity
    assert SessionBooking.objects.filter(session=session).count() <= people


@FUZZ
@given(data=st.fixed_dictionaries({
    "given_day": NUMBER_OR_JUNK, "given_month": NUMBER_OR_JUNK, "given_year": NUMBER_OR_JUNK,
    "audience": TEXT, "people_count": NUMBER_OR_JUNK, "organisation": ID_OR_JUNK, "district": ID_OR_JUNK,
    "topics": st.lists(ID_OR_JUNK, max_size=4),
}))
def test_briefing_form_with_any_input(data):
    champion = ChampionFactory()
    client = Client()
    client.force_login(champion.user)
    response = client.post("/champions/me/briefings/", data)
    assert_no_server_error(response)
    if response.status_code == 200:  # refused: the form again, with its errors
        assert "There is a problem" in response.content.decode()
        assert not Briefing.objects.filter(champion=champion).exists()
    else:
        briefing = Briefing.objects.get(champion=champion)
        assert 1 <= briefing.people_count <= 1000
        assert datetime.date(2020, 1, 1) <= briefing.given_on <= timezone.localdate()
        assert briefing.topics.exists()


@FUZZ
@given(field=st.sampled_from(["given_day", "given_month", "given_year", "audience", "people_count",
                              "organisation", "district", "topics"]), value=TEXT)
def test_briefing_form_one_bad_field_in_an_otherwise_valid_post(field, value):
    from content.models import Topic
    from lms.accounts.models import District

    champion = ChampionFactory()
    client = Client()
    client.force_login(champion.user)
    data = {
        "given_day": "2", "given_month": "3", "given_year": "2026", "audience": "Ward nurses",
        "people_count": "12", "organisation": "", "district": str(District.objects.first().pk),
        "topics": [str(Topic.objects.first().pk)], field: value,
    }
    response = client.post("/champions/me/briefings/", data)
    assert_no_server_error(response)
    if response.status_code == 200:
        assert not Briefing.objects.filter(champion=champion).exists()


@FUZZ
@given(data=st.fixed_dictionaries({
    "topic": TEXT, "description": TEXT, "starts_at": DATETIME_TEXT, "ends_at": DATETIME_TEXT,
    "place": TEXT, "online_link": st.one_of(TEXT, st.just("https://meet.example.org/a")),
    "capacity": NUMBER_OR_JUNK,
}))
def test_admin_session_form_with_any_input(coordinator, data):
    client = coordinator
    before = NetworkSession.objects.count()
    response = client.post("/admin/network/sessions/new/", data)
    assert_no_server_error(response)
    if response.status_code == 200:
        assert NetworkSession.objects.count() == before
    else:
        session = NetworkSession.objects.latest("pk")
        assert session.ends_at > session.starts_at
        assert session.place or session.online_link
        assert session.capacity >= 1


@FUZZ
@given(attended=st.lists(st.one_of(ID_OR_JUNK, st.sampled_from(DIGIT_LOOKALIKES)), max_size=5),
       junk=st.dictionaries(SHORT, TEXT, max_size=2))
def test_attendance_post_with_any_input(coordinator, attended, junk):
    client = coordinator
    began = timezone.now() - datetime.timedelta(days=1)
    session = NetworkSessionFactory(starts_at=began, ends_at=began + datetime.timedelta(hours=2))
    booking = SessionBookingFactory(session=session)
    elsewhere = SessionBookingFactory()
    response = client.post(f"/admin/network/sessions/attendance/{session.pk}/", {**junk, "attended": attended})
    assert_no_server_error(response)
    booking.refresh_from_db()
    assert booking.attended is (str(booking.pk) in attended)
    elsewhere.refresh_from_db()
    assert elsewhere.attended is None
