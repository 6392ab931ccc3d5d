"""Property-based tests for the directory's filters, the relay form and a champion's profile form:
whatever is sent, no server error; a refused post writes (and sends) nothing."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from champions import relay
from champions.models import Champion, RelayMessage
from tests.champions.factories import ChampionFactory, professional
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=100, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)
FILTERS = ("q", "district", "sector", "specialism", "language", "tier", "organisation", "page")


@pytest.fixture
def champion():
    return ChampionFactory(user=LearnerFactory(full_name="Fuzz Champion"))


@pytest.fixture
def viewer():
    """One signed-in professional for every example of a test (they share its transaction)."""
    ChampionFactory(user=LearnerFactory(full_name="Zofia Łukasik"))
    return professional()


@FUZZ
@given(query=st.dictionaries(st.sampled_from(FILTERS + ("other", "as")), st.one_of(ID_OR_JUNK, TEXT), max_size=6))
def test_the_directory_answers_any_query_string(viewer, query):
    client = Client()
    client.force_login(viewer)
    response = client.get("/champions/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"\d+ champions?", html)


@FUZZ
@given(message=TEXT, reply_to=st.one_of(SHORT, st.emails().map(str)), tick=st.sampled_from(["", "on", "yes", "x"]),
       token=st.one_of(SHORT, st.just("valid")))
@example(message="Could we talk?", reply_to="me@example.org", tick="on", token="valid")  # one that is sent
def test_the_relay_form_with_any_input(champion, viewer, django_capture_on_commit_callbacks, message, reply_to, tick,
                                       token):
    sender = viewer
    client = Client()
    client.force_login(sender)
    before_log, before_mail = RelayMessage.objects.count(), len(mail.outbox)
    data = {"message": message, "reply_to": reply_to, "form_token": relay.form_token() if token == "valid" else token}
    if tick:
        data["no_personal_details"] = tick
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/champions/{champion.pk}/contact/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # refused (or the day's limit reached): nothing sent, nothing logged
        assert RelayMessage.objects.count() == before_log and len(mail.outbox) == before_mail
    else:
        assert RelayMessage.objects.count() == before_log + 1 and len(mail.outbox) == before_mail + 1
        assert message.strip() in mail.outbox[-1].body
        RelayMessage.objects.all().delete()  # keep the daily limit out of the way of later examples
    assert champion.user.email not in response.content.decode()


@FUZZ
@given(data=st.fixed_dictionaries({
    "districts": st.lists(ID_OR_JUNK, max_size=3),
    "specialisms": st.lists(ID_OR_JUNK, max_size=3),
    "languages": st.lists(ID_OR_JUNK, max_size=3),
    "availability": TEXT,
    "statement": TEXT,
    "visibility": st.one_of(SHORT, st.sampled_from(Champion.Visibility.values)),
}))
def test_the_profile_form_with_any_input(champion, data):
    client = Client()
    client.force_login(champion.user)
    champion.refresh_from_db()
    before = (champion.availability, champion.statement, champion.visibility,
              sorted(champion.districts.values_list("pk", flat=True)))
    response = client.post("/champions/me/", data)
    assert response.status_code in (200, 302)
    champion.refresh_from_db()
    after = (champion.availability, champion.statement, champion.visibility,
             sorted(champion.districts.values_list("pk", flat=True)))
    if response.status_code == 200:  # refused: the form again, with errors, and nothing changed
        assert "There is a problem" in response.content.decode()
        assert after == before
    else:
        assert champion.visibility == data["visibility"]
        assert champion.status == Champion.Status.ACTIVE
