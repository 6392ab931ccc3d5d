"""allauth's forms say what is wrong in the site's words, GOV.UK style: "Enter your email
address", not "This field is required."; "The code is not right", not "Incorrect code."."""

import pytest
from django.test import Client

from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

LIBRARY_WORDING = ("This field is required", "Incorrect code", "Incorrect password", "Please type")


def errors(response) -> str:
    html = response.content.decode()
    for phrase in LIBRARY_WORDING:
        assert phrase not in html, phrase
    return html


def test_an_empty_password_reset_asks_for_the_email_address(client):
    html = errors(client.post("/accounts/password/reset/", {"email": ""}))
    assert "Enter your email address" in html


def test_a_wrong_password_on_sign_in_says_what_to_check(client):
    learner = LearnerFactory()
    html = errors(client.post("/accounts/login/", {"login": learner.email, "password": "not-the-password"}))
    assert "The email address or password is not right" in html


def test_changing_a_password_with_nothing_typed_says_what_to_enter(client):
    client.force_login(LearnerFactory())
    html = errors(client.post("/accounts/password/change/", {"oldpassword": "", "password1": "", "password2": ""}))
    assert "Enter your current password" in html and "Enter a new password" in html


def test_a_wrong_or_missing_code_says_what_to_do():
    coordinator = LearnerFactory(roles=[Role.COORDINATOR])
    set_up_totp(coordinator, TOTP_SECRET)
    client = Client()
    assert client.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD}).status_code == 302
    assert "Enter the 6-digit code from your authenticator app" in errors(
        client.post("/accounts/2fa/authenticate/", {"code": ""})
    )
    assert "The code is not right" in errors(client.post("/accounts/2fa/authenticate/", {"code": "000000"}))
