"""Sign-up, verification, sign-in and two-factor authentication, as a person meets them."""

import re
import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from lms.accounts.models import User
from tests.conftest import PASSWORD, sign_in_with_mfa, totp_code
from tests.factories import profile_form_data

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "correct-horse-battery-7"


def sign_up(client, email="new.person@example.org", password=NEW_PASSWORD, password2=None):
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": password, "password2": password2 or password},
    )


def confirmation_link() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", body)
    assert match, body
    return match.group(1)


def profile_post(**overrides):
    return profile_form_data(**{
        "full_name": "Nguyễn Thị Hương", "job_role": "Health visitor", "organisation_name": "Brand New Surgery",
        "organisation_kind": "health", **overrides,
    })


def test_sign_up_verify_complete_profile_then_home(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]

    # Before verifying, signing in only re-sends the link; no session is created.
    client.logout()
    response = client.post("/accounts/login/", {"login": "new.person@example.org", "password": NEW_PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = confirmation_link()
    page = client.get(link)
    assert page.status_code == 200
    assert b"Confirm" in page.content
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new.person@example.org").verified

    # Signed in now, but the profile comes first.
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/profile/?next=%2F"

    response = client.post("/profile/?next=/", {**profile_post(), "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert "Nguyễn Thị Hương" in home.content.decode()
    user = User.objects.get(email="new.person@example.org")
    assert user.has_complete_profile
    assert user.organisation.name == "Brand New Surgery"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, "valid email"),
        ({"email": "", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, "required"),
        ({"email": "a@example.org", "password1": NEW_PASSWORD, "password2": "something-else-9"}, "same password"),
        ({"email": "a@example.org", "password1": "short", "password2": "short"}, "at least 10 characters"),
        ({"email": "a@example.org", "password1": "12345678901", "password2": "12345678901"}, "entirely numeric"),
        ({"email": "a@example.org"}, "required"),
        ({}, "required"),
    ],
)
def test_malformed_sign_up_shows_a_message_and_creates_nothing(client, data, message):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert User.objects.count() == 0
    assert mail.outbox == []


def test_sign_up_with_an_existing_email_creates_no_second_account(client, learner):
    response = sign_up(client, email=learner.email.upper())
    # The page does not reveal that the address is taken; the owner gets an email instead.
    assert response.status_code == 302
    assert User.objects.filter(email__iexact=learner.email).count() == 1


def test_double_submitted_sign_up_creates_one_account(client):
    sign_up(client)
    client.logout()
    sign_up(client)
    assert User.objects.filter(email="new.person@example.org").count() == 1


def test_expired_verification_link_is_refused_and_verifies_nothing(client):
    sign_up(client)
    link = confirmation_link()
    four_days_later = time.time() + 4 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=four_days_later):
        page = client.get(link)
        response = client.post(link)
    assert "This link cannot be used" in page.content.decode()
    assert response.status_code in (200, 404)
    assert not EmailAddress.objects.get(email="new.person@example.org").verified


def test_tampered_verification_link_is_refused(client):
    sign_up(client)
    link = confirmation_link()
    bad = link[:-6] + "XXXXX/"
    page = client.get(bad)
    assert page.status_code == 200
    assert "This link cannot be used" in page.content.decode()
    client.post(bad)
    assert not EmailAddress.objects.get(email="new.person@example.org").verified


def test_reused_verification_link_changes_nothing(client):
    sign_up(client)
    link = confirmation_link()
    client.post(link)
    client.logout()
    user = User.objects.get(email="new.person@example.org")
    before = (user.last_login, EmailAddress.objects.filter(user=user).count())
    page = client.get(link)
    assert page.status_code == 200
    client.post(link)
    user.refresh_from_db()
    assert (user.last_login, EmailAddress.objects.filter(user=user).count()) == before
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_a_message(client, learner):
    response = client.post("/accounts/login/", {"login": learner.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_sign_in_asks_for_a_code_and_refuses_a_wrong_one(client, coordinator):
    response = client.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session

    wrong = "000000" if totp_code() != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_without_mfa_are_sent_to_set_it_up_before_the_admin(client, coordinator_without_mfa):
    client.force_login(coordinator_without_mfa)
    for path in ["/admin/", "/admin/pages/", "/admin/organisations/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/2fa/totp/activate/"), path


def test_staff_who_skipped_the_second_step_are_asked_for_a_code(client, coordinator):
    # A session that signed in without the code (any route that skipped it) cannot reach staff pages.
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/") or response["Location"].startswith(
        "/accounts/2fa/reauthenticate/"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # allauth announces the new authenticator on commit
def test_staff_setting_up_mfa_can_then_reach_the_admin(client, coordinator_without_mfa):
    client.post("/accounts/login/", {"login": coordinator_without_mfa.email, "password": PASSWORD})
    response = client.get("/admin/")
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=%2Fadmin%2F"
    # The password alone does not open the set-up page: a link goes to the account's email.
    response = client.get(response["Location"])
    assert response["Location"].startswith("/accounts/staff-enrolment/")
    client.post(response["Location"], {"next": "/accounts/2fa/totp/activate/?next=/admin/"})
    link = re.search(r"https?://\S+/accounts/staff-enrolment/\S+", mail.outbox[-1].body).group(0)
    response = client.get(link)
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=/admin/"
    # allauth asks for the password again before a new authenticator is added.
    response = client.get(response["Location"])
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(r'<code id="authenticator-secret">([A-Z2-7=]+)</code>', page.content.decode()).group(1)
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    # Typing the first code proved the new authenticator: no second code is asked for.
    assert client.get("/admin/").status_code == 200


def test_learners_cannot_reach_the_admin(client, learner):
    client.force_login(learner)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/pages")


def test_wagtail_login_form_is_replaced_by_the_two_step_sign_in(client, coordinator):
    response = client.post("/admin/login/", {"username": coordinator.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_full_mfa_sign_in_reaches_the_admin(client, editor):
    sign_in_with_mfa(client, editor)
    assert client.get("/admin/").status_code == 200


def test_repeated_failed_sign_ins_are_rate_limited(client, learner):
    for _ in range(6):
        client.post("/accounts/login/", {"login": learner.email, "password": "wrong-password"})
    response = client.post("/accounts/login/", {"login": learner.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_by_emailed_link(client, learner):
    response = client.post("/accounts/password/reset/", {"email": learner.email})
    assert response.status_code == 302
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "a-brand-new-password-42", "password2": "a-brand-new-password-42"},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("a-brand-new-password-42")




def test_staff_cannot_remove_their_only_authenticator(client, coordinator):
    from allauth.mfa.models import Authenticator

    sign_in_with_mfa(client, coordinator)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code in (200, 302, 403)
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()


def test_a_hand_made_group_with_admin_access_still_needs_mfa(client):
    from django.contrib.auth.models import Group, Permission

    from tests.factories import LearnerFactory

    group = Group.objects.create(name="Helpers made by hand")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = LearnerFactory()
    user.groups.add(group)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_an_over_long_email_is_refused_not_cut_short(client):
    response = sign_up(client, email="a" * 300 + "@example.org")
    assert response.status_code == 200
    assert User.objects.count() == 0
    assert mail.outbox == []


def test_sign_in_errors_say_which_field(client):
    body = client.post("/accounts/login/", {}).content.decode()
    assert "Enter your email address" in body
    assert "Enter your password" in body


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, learner):
    known = client.post("/accounts/password/reset/", {"email": learner.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
