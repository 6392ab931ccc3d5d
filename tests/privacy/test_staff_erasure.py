"""Erasing someone's account from their learner record: a coordinator (a learner's account) or an
administrator (anyone's but their own), with a reason and the person's email typed; nothing of
the person remains, the history names who did it and why, and a second submission erases once."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import ModelLogEntry

from lms.demo.two_factor import set_up_totp
from lms.privacy.erasure import ACCOUNT_ERASED, ErasureRefused, erase_account, is_erased
from lms.privacy.learner_record import RECORD_VIEWED
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import LearnerFactory
from tests.privacy.test_erasure import rows_mentioning

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(db):
    return staff_client(Role.COORDINATOR)


def erase(client, person, reason="Asked by email on 2 December", email=None):
    return client.post(f"/admin/people/{person.pk}/erase/", {
        "reason": reason, "email": person.email if email is None else email,
    })


def test_the_confirmation_says_what_goes_and_what_stays(two_people, coordinator_client):
    page = coordinator_client.get(f"/admin/people/{two_people.alice.pk}/erase/").content.decode()
    for text in ("What goes", "What stays", "1 certificate", "stop leading 1 organisation", "champion record",
                 "anonymous totals", "cannot be undone", "Reason", "Their email address"):
        assert text in page, text


def test_a_coordinator_erases_a_learner_and_nothing_of_them_remains(
    two_people, coordinator_client, django_capture_on_commit_callbacks,
):
    alice, bob = two_people.alice, two_people.bob
    coordinator_client.post("/admin/people/", {"query": "quennell"})
    coordinator_client.get(f"/admin/people/{alice.pk}/")  # a view of her record is logged, with her name
    with django_capture_on_commit_callbacks(execute=True):
        response = erase(coordinator_client, alice,
                         reason="Ms Quennell asked by email (alice.quennell@example.org) on 2 December")
    assert response.status_code == 302 and response["Location"] == "/admin/people/"
    for trace in (alice.email, alice.full_name, "Quennell"):
        assert rows_mentioning(trace) == [], trace
    assert rows_mentioning(bob.full_name)
    alice.refresh_from_db()
    assert is_erased(alice) and not alice.is_active
    entry = ModelLogEntry.objects.get(action=ACCOUNT_ERASED)
    assert entry.user == coordinator_client.user
    assert entry.data == {"reason": "Ms [name removed] asked by email ([name removed]) on 2 December"}
    assert entry.message == "Account erased: Ms [name removed] asked by email ([name removed]) on 2 December"
    page = coordinator_client.get("/admin/people/").content.decode()
    assert "The account is erased" in page and "quennell" not in page.lower()


def test_a_second_submission_erases_once_and_says_so(two_people, coordinator_client):
    alice = two_people.alice
    email = alice.email
    assert erase(coordinator_client, alice).status_code == 302
    again = coordinator_client.post(f"/admin/people/{alice.pk}/erase/", {"reason": "Again", "email": email})
    assert again.status_code == 302 and again["Location"] == "/admin/people/"
    assert "already been erased" in [str(m) for m in get_messages(again.wsgi_request)][-1]
    assert ModelLogEntry.objects.filter(action=ACCOUNT_ERASED).count() == 1


@pytest.mark.parametrize(("reason", "email", "message"), [
    ("", None, "Enter the reason for erasing this account"),
    ("  ...  ", None, "Enter the reason for erasing this account"),
    ("Asked by email", "", "Type the person’s email address to confirm"),
    ("Asked by email", "bartholomew.oyelaran@example.org", "That is not this person’s email address"),
])
def test_no_reason_or_the_wrong_email_erases_nothing(two_people, coordinator_client, reason, email, message):
    alice = two_people.alice
    response = erase(coordinator_client, alice, reason=reason, email=email)
    assert response.status_code == 400
    assert message in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and not is_erased(alice)
    assert not ModelLogEntry.objects.filter(action=ACCOUNT_ERASED).exists()


def test_the_email_is_matched_whatever_its_case(two_people, coordinator_client):
    assert erase(coordinator_client, two_people.alice, email=two_people.alice.email.upper()).status_code == 302


def test_nobody_erases_their_own_account_here(coordinator_client):
    me = coordinator_client.user
    page = coordinator_client.get(f"/admin/people/{me.pk}/erase/").content.decode()
    assert "This is your own account" in page and "Delete my account" in page
    assert erase(coordinator_client, me).status_code == 400
    me.refresh_from_db()
    assert me.is_active and not is_erased(me)


def test_a_coordinator_cannot_erase_a_staff_account_but_an_administrator_can(db, coordinator_client):
    editor = LearnerFactory(roles=[Role.EDITOR])
    record = coordinator_client.get(f"/admin/people/{editor.pk}/").content.decode()
    assert "only an administrator can erase it" in record and f"/admin/people/{editor.pk}/erase/" not in record
    response = erase(coordinator_client, editor)
    assert response.status_code == 400 and "only an administrator can erase it" in response.content.decode()
    editor.refresh_from_db()
    assert not is_erased(editor)

    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    admin_client = Client()
    sign_in_with_mfa(admin_client, administrator)
    assert erase(admin_client, editor).status_code == 302
    editor.refresh_from_db()
    assert is_erased(editor)
    assert ModelLogEntry.objects.get(action=ACCOUNT_ERASED).user == administrator


def test_the_last_administrator_cannot_be_erased_by_anyone(db):
    only = LearnerFactory(is_superuser=True, is_staff=True, full_name="Only Administrator")
    with pytest.raises(ErasureRefused, match="Only Administrator is the only administrator"):
        erase_account(only, reason="test", by=LearnerFactory(roles=[Role.COORDINATOR]))
    only.refresh_from_db()
    assert only.is_active and not is_erased(only)


def test_opening_the_confirmation_is_logged_as_a_view_of_their_record(two_people, coordinator_client):
    alice = two_people.alice
    assert coordinator_client.get(f"/admin/people/{alice.pk}/erase/").status_code == 200
    entry = ModelLogEntry.objects.get(action=RECORD_VIEWED, object_id=str(alice.pk))
    assert entry.user == coordinator_client.user


def test_the_confirmation_shown_again_after_a_refused_post_is_logged_as_a_view_too(two_people, coordinator_client):
    alice = two_people.alice
    response = coordinator_client.post(f"/admin/people/{alice.pk}/erase/", {})
    assert response.status_code == 400 and alice.email in response.content.decode()
    assert ModelLogEntry.objects.filter(action=RECORD_VIEWED, object_id=str(alice.pk)).count() == 1
