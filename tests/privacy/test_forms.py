"""Property-based tests of "Delete my account" and the download button with inputs Hypothesis
makes up: never a server error, and nothing is erased unless the password is right and the
consequences confirmed."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lms.privacy.models import DataExport
from tests.factories import LearnerFactory
from tests.privacy.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


@pytest.fixture
def person(db):
    return LearnerFactory(full_name="Fuzz Person")


@FUZZ
@given(password=st.one_of(TEXT, st.just(PASSWORD)), understood=st.one_of(TEXT, st.just("on")),
       extra=st.dictionaries(st.sampled_from(["next", "password2", "user"]), TEXT, max_size=2))
def test_delete_account_form_takes_any_input_and_erases_only_when_confirmed(person, password, understood, extra):
    client = Client()
    client.force_login(person)
    response = client.post("/profile/data/delete/", {"password": password, "understood": understood, **extra})
    event(f"answered {response.status_code}")
    assert response.status_code < 500
    person.refresh_from_db()
    # As a checkbox reads a post: absent, empty or "false" is unticked.
    confirmed = password == PASSWORD and understood.lower() not in ("", "false")
    assert (response.status_code == 302) == confirmed
    assert person.is_active != confirmed
    if confirmed:  # one erasure per example: a fresh person for the next
        person.email, person.full_name, person.is_active = "fuzz@example.org", "Fuzz Person", True
        person.set_password(PASSWORD)
        person.save()


@FUZZ
@given(data=st.dictionaries(TEXT, TEXT, max_size=3))
def test_the_download_button_takes_any_input(person, data):
    client = Client()
    client.force_login(person)
    response = client.post("/profile/data/downloads/", data)
    assert response.status_code == 302
    assert DataExport.objects.filter(user=person).in_progress().count() == 1
