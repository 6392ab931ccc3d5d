"""Staff powers need a session that passed the second factor, on every path (issue 8, items 1 and 2).

A "password-only" session is what any route that skipped allauth's second step would leave:
`force_login` makes exactly that (signed in, no second-factor record in the session).
"""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import new_code
from lms.demo.two_factor import set_up_recovery_codes, set_up_totp
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, sign_in_with_mfa
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def someone_elses_certificate():
    holder = LearnerFactory(full_name="Someone Else")
    return Certificate.objects.create(
        user=holder, code=new_code(), holder_name=holder.full_name, module_title="Post-separation abuse",
        level="Awareness", cpd_minutes=45, issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2099, 1, 1),
    )


def staff(role=Role.COORDINATOR, *, totp=True, **fields):
    user = LearnerFactory(roles=[role] if role else [], **fields)
    if totp:
        set_up_totp(user, TOTP_SECRET)
        set_up_recovery_codes(user)
    return user


# Item 1: Wagtail's own log-in view signed staff in with a password alone.

def test_wagtails_front_end_login_redirects_to_allauth_keeping_next(client):
    response = client.get("/_util/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_posting_a_password_to_wagtails_login_view_signs_nobody_in(client):
    coordinator = staff()
    for _ in range(3):
        response = client.post("/_util/login/", {"username": coordinator.email, "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_a_password_only_session_cannot_read_recovery_codes_even_after_reauthenticating(client):
    coordinator = staff()
    client.force_login(coordinator)
    # Re-entering the password is not a second factor.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    for path in ("/accounts/2fa/recovery-codes/", "/accounts/2fa/recovery-codes/download/",
                 "/accounts/2fa/recovery-codes/generate/", "/accounts/2fa/totp/deactivate/", "/accounts/2fa/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/2fa/reauthenticate/"), path
    codes = Authenticator.objects.get(user=coordinator, type="recovery_codes").wrap().get_unused_codes()
    page = client.get("/accounts/2fa/reauthenticate/?next=/admin/", follow=True).content.decode()
    assert not any(code in page for code in codes)
    # The admin still asks for the code.
    assert client.get("/admin/")["Location"].startswith("/accounts/2fa/reauthenticate/")


def test_after_a_real_second_factor_the_two_factor_pages_and_the_admin_open(client):
    coordinator = staff()
    sign_in_with_mfa(client, coordinator)
    assert client.get("/accounts/2fa/").status_code == 200
    response = client.get("/accounts/2fa/recovery-codes/")
    # allauth may still ask to confirm identity by its own rules, but we no longer hold it back.
    assert not response.get("Location", "").startswith("/accounts/2fa/reauthenticate/")
    assert client.get("/admin/").status_code == 200


# Item 2: staff powers outside /admin/ skipped the second factor.

@pytest.mark.parametrize("totp", [True, False], ids=["stopped-at-code-prompt", "no-authenticator-yet"])
def test_a_coordinator_without_the_second_factor_cannot_download_others_certificates(client, totp):
    certificate = someone_elses_certificate()
    client.force_login(staff(totp=totp))
    response = client.get(f"/my-learning/certificates/{certificate.code}/pdf/")
    assert response.status_code == 404


def test_the_same_coordinator_after_the_second_factor_can(client):
    certificate = someone_elses_certificate()
    coordinator = staff()
    sign_in_with_mfa(client, coordinator)
    response = client.get(f"/my-learning/certificates/{certificate.code}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_password_only_superuser_holds_no_power_and_keeps_the_flag_when_saved(client):
    from tests.factories import profile_form_data

    admin = staff(None, is_superuser=True, is_staff=True)
    certificate = someone_elses_certificate()
    client.force_login(admin)
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    assert client.get("/admin/")["Location"].startswith("/accounts/2fa/reauthenticate/")
    # Saving their own profile during that request never writes the lowered flags.
    client.post("/profile/", profile_form_data())
    admin = User.objects.get(pk=admin.pk)
    assert admin.is_superuser and admin.is_staff
    assert admin.job_role == "Housing officer"


def test_staff_keep_their_learner_abilities_before_the_second_factor(client):
    coordinator = staff()
    client.force_login(coordinator)
    assert client.get("/my-learning/").status_code == 200
    assert client.get("/profile/").status_code == 200


def test_staff_role_granted_mid_session_needs_the_second_factor():
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    assert client.get("/admin/").status_code == 403  # a learner: no staff pages at all
    learner.groups.add(Group.objects.get(name=Role.COORDINATOR))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


# Found by the attacker's review: with a password alone, a staff account that had no
# authenticator yet could set up one of the attacker's own and hold every staff power.

def test_a_password_alone_cannot_set_up_a_staff_authenticator(client):
    coordinator = staff(totp=False)
    client.force_login(coordinator)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/staff-enrolment/")
    response = client.post("/accounts/2fa/totp/activate/", {"code": "123456"})
    assert response["Location"].startswith("/accounts/staff-enrolment/")
    assert not Authenticator.objects.filter(user=coordinator).exists()
    assert client.get("/admin/").status_code == 302


def test_the_emailed_link_allows_setting_up_and_only_for_its_own_account():
    import re

    from django.core import mail

    coordinator = staff(totp=False)
    client = Client()
    client.force_login(coordinator)
    page = client.post("/accounts/staff-enrolment/", {"next": "/accounts/2fa/totp/activate/"})
    assert "Check your email" in page.content.decode()
    assert mail.outbox[-1].to == [coordinator.email]
    link = re.search(r"https?://\S+/accounts/staff-enrolment/\S+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1]

    # Someone else signed in cannot use it.
    other = Client()
    other.force_login(staff(totp=False))
    assert other.get(path).status_code == 400
    assert other.get("/accounts/2fa/totp/activate/")["Location"].startswith("/accounts/staff-enrolment/")
    # A tampered link is refused too.
    assert client.get(path.replace("/staff-enrolment/", "/staff-enrolment/x")).status_code == 400

    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    response = client.get("/accounts/2fa/totp/activate/")
    assert not response.get("Location", "").startswith("/accounts/staff-enrolment/")


def test_enrolment_links_are_not_sent_without_limit(client):
    from django.core import mail

    client.force_login(staff(totp=False))
    for _ in range(5):
        client.post("/accounts/staff-enrolment/")
    assert len(mail.outbox) == 3


def test_responses_that_stop_a_signed_in_person_are_not_stored_either(client):
    client.force_login(LearnerFactory())
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    client.force_login(staff())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
