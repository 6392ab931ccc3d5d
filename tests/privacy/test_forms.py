"""Property-based tests of "Delete my account", the download button, the learner records'
search and the staff's erasure form, with inputs Hypothesis makes up: never a server error, and
nothing is erased unless the password (or, for staff, the person's email and a reason) confirms."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lms.privacy.erasure import is_erased
from lms.privacy.models import DataExport
from lms.site.roles import Role
from tests.conftest import staff_client
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


@pytest.fixture
def coordinator_client(db):
    return staff_client(Role.COORDINATOR)


@FUZZ
@given(query=st.one_of(TEXT, st.just("Fuzz Person"), st.just("fuzz")),
       action=st.one_of(st.just("search"), st.just("clear"), TEXT))
def test_the_people_search_takes_any_input(person, coordinator_client, query, action):
    response = coordinator_client.post("/admin/people/", {"query": query, "action": action})
    event(f"answered {response.status_code}")
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert response["Location"] == "/admin/people/"
        page = coordinator_client.get("/admin/people/").content.decode()
        assert coordinator_client.get("/admin/people/").status_code == 200
        if action != "clear" and query.strip().lower() in ("fuzz", "fuzz person"):
            assert f"/admin/people/{person.pk}/" in page
    else:
        assert "There is a problem" in response.content.decode()


@FUZZ
@given(reason=st.one_of(TEXT, st.just("Asked by email"), st.just("Asked by email\r\non 2 December")),
       email=st.one_of(TEXT, st.just("fuzz@example.org"), st.just("FUZZ@example.org ")),
       extra=st.dictionaries(st.sampled_from(["by", "person", "next"]), TEXT, max_size=2))
def test_the_staff_erasure_form_takes_any_input_and_erases_only_when_confirmed(
    person, coordinator_client, reason, email, extra,
):
    person.email = "fuzz@example.org"
    person.save()
    response = coordinator_client.post(f"/admin/people/{person.pk}/erase/", {"reason": reason, "email": email, **extra})
    event(f"answered {response.status_code}")
    assert response.status_code < 500
    person.refresh_from_db()
    # Whitespace of any kind (line breaks too) is only spacing; other invisible characters are refused.
    confirmed = (email.strip().casefold() == "fuzz@example.org" and any(c.isalnum() for c in reason)
                 and not any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn") and not c.isspace()
                             and c not in "\u200c\u200d" for c in reason))
    assert (response.status_code == 302) == confirmed
    assert is_erased(person) == confirmed
    if confirmed:  # one erasure per example: a fresh person for the next
        person.email, person.full_name, person.is_active = "fuzz@example.org", "Fuzz Person", True
        person.save()
