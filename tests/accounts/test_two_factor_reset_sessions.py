"""A two-factor reset ends every session of the person reset, and a deleted authenticator never
counts as a passed second factor (security review, finding F3).

A reset is for a lost phone or a compromised account: whoever holds an open session of that
account must not keep staff powers until it expires.
"""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client, RequestFactory

from lms.accounts.models import User
from lms.accounts.services import reset_two_factor
from lms.accounts.staff_mfa import TOTP_SET_UP_SESSION_KEY, session_passed_mfa
from lms.demo.two_factor import set_up_recovery_codes, set_up_totp, totp_code
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, sign_in_with_mfa
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-test-password"


def coordinator_with_totp():
    user = LearnerFactory(roles=[Role.COORDINATOR])
    set_up_totp(user, TOTP_SECRET)
    set_up_recovery_codes(user)
    return user


def administrator():
    return LearnerFactory(is_superuser=True, is_staff=True)


def sign_in_with_recovery_code(client, user):
    """A second session of the same person: a TOTP code is accepted once only, so use a recovery code."""
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    code = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()[0]
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302


def signed_out(client) -> bool:
    return "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # allauth sends authenticator_added on commit
def test_a_session_that_set_up_totp_is_signed_out_when_two_factor_is_reset():
    coordinator = LearnerFactory(roles=[Role.COORDINATOR])
    c = Client()
    c.force_login(coordinator)
    c.post("/accounts/staff-enrolment/", {"next": "/accounts/2fa/totp/activate/"})
    link = re.search(r"https?://\S+/accounts/staff-enrolment/\S+", mail.outbox[-1].body).group(0)
    c.get(link.split("testserver", 1)[-1])
    c.post("/accounts/reauthenticate/", {"password": PASSWORD})
    c.get("/accounts/2fa/totp/activate/")
    c.post("/accounts/2fa/totp/activate/", {"code": totp_code(c.session["mfa.totp.secret"], at=time.time())})
    # The session's marker names the authenticator just set up, not only the person.
    totp = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.TOTP)
    assert c.session.get(TOTP_SET_UP_SESSION_KEY) == totp.pk
    assert c.get("/admin/certificates/").status_code == 200

    assert reset_two_factor(coordinator, by=administrator(), reason="phone stolen")
    assert not Authenticator.objects.filter(user=coordinator).exists()
    response = c.get("/admin/certificates/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert signed_out(c)


def test_every_session_signed_in_with_a_code_is_signed_out_when_two_factor_is_reset():
    coordinator = coordinator_with_totp()
    phone, laptop = Client(), Client()
    sign_in_with_mfa(phone, coordinator)
    sign_in_with_recovery_code(laptop, coordinator)
    assert laptop.get("/admin/certificates/").status_code == 200
    assert reset_two_factor(coordinator, by=administrator(), reason="stolen")
    for c in (phone, laptop):
        response = c.get("/admin/certificates/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert signed_out(c)


def test_the_administrator_who_resets_stays_signed_in_with_their_powers():
    coordinator = coordinator_with_totp()
    person = Client()
    sign_in_with_mfa(person, coordinator)
    admin = administrator()
    set_up_totp(admin, TOTP_SECRET)
    admin_client = Client()
    sign_in_with_mfa(admin_client, admin)
    response = admin_client.post(f"/admin/users/reset-two-factor/{coordinator.pk}/", {"reason": "Lost phone"})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=coordinator).exists()
    assert admin_client.get("/admin/certificates/").status_code == 200
    assert admin_client.get("/admin/users/").status_code == 200
    assert signed_out(person) is False  # not yet looked at: the next request signs them out
    assert person.get("/admin/")["Location"].startswith("/accounts/login/")
    assert signed_out(person)


def test_after_a_reset_signing_in_again_sends_the_person_to_set_up_two_factor():
    coordinator = coordinator_with_totp()
    c = Client()
    sign_in_with_mfa(c, coordinator)
    reset_two_factor(coordinator, by=administrator(), reason="Lost phone")
    assert c.get("/admin/")["Location"].startswith("/accounts/login/")
    # No authenticator now: the password alone signs in, without staff powers.
    response = c.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    assert response.status_code == 302 and not response["Location"].startswith("/accounts/2fa/")
    assert c.get("/admin/certificates/")["Location"].startswith("/accounts/2fa/totp/activate/")
    # Setting it up needs the emailed link (lms.accounts.staff_enrolment).
    assert c.get("/accounts/2fa/totp/activate/")["Location"].startswith("/accounts/staff-enrolment/")


def test_a_reset_is_not_undone_by_saving_a_copy_of_the_account_loaded_before_it():
    coordinator = coordinator_with_totp()
    c = Client()
    sign_in_with_mfa(c, coordinator)
    stale = User.objects.get(pk=coordinator.pk)  # e.g. loaded by a request of that very session
    reset_two_factor(coordinator, by=administrator(), reason="Compromised")
    stale.job_role = "Changed in a request that started before the reset"
    stale.save()
    assert c.get("/admin/")["Location"].startswith("/accounts/login/")
    assert User.objects.get(pk=coordinator.pk).job_role == stale.job_role


def test_a_person_never_reset_keeps_djangos_session_hash_so_no_one_is_signed_out_by_the_upgrade():
    from django.utils.crypto import salted_hmac

    user = LearnerFactory()
    django_hash = salted_hmac(
        "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", user.password, algorithm="sha256"
    ).hexdigest()
    assert user.get_session_auth_hash() == django_hash
    reset_two_factor(user, by=administrator(), reason="no authenticator: nothing happens")
    user.refresh_from_db()
    assert user.get_session_auth_hash() == django_hash


def test_a_password_change_keeps_the_current_session_and_signs_out_the_others():
    coordinator = coordinator_with_totp()
    c, other = Client(), Client()
    sign_in_with_mfa(c, coordinator)
    sign_in_with_recovery_code(other, coordinator)
    response = c.post("/accounts/password/change/", {
        "oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    })
    assert response.status_code == 302
    assert c.get("/admin/certificates/").status_code == 200
    assert other.get("/admin/")["Location"].startswith("/accounts/login/")


def test_a_password_change_after_a_reset_keeps_the_current_session():
    learner = LearnerFactory()
    learner.set_password(PASSWORD)
    learner.save()
    Authenticator.objects.create(user=learner, type=Authenticator.Type.RECOVERY_CODES, data={})
    reset_two_factor(learner, by=administrator(), reason="Asked for it")
    c = Client()
    assert c.post("/accounts/login/", {"login": learner.email, "password": PASSWORD}).status_code == 302
    response = c.post("/accounts/password/change/", {
        "oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    })
    assert response.status_code == 302
    assert not signed_out(c)
    assert c.get("/profile/").status_code == 200


# The marker a TOTP set-up leaves in the session names the authenticator, which must still exist
# and belong to the person: a deleted authenticator never counts.

def request_with_session(user, session):
    request = RequestFactory().get("/admin/")
    request.user = user
    request.session = session
    return request


class FakeSession(dict):
    pass


def test_the_totp_set_up_marker_counts_only_for_an_existing_authenticator_of_that_person():
    coordinator = coordinator_with_totp()
    totp = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.TOTP)
    someone_else = coordinator_with_totp()
    theirs = Authenticator.objects.get(user=someone_else, type=Authenticator.Type.TOTP)

    assert session_passed_mfa(request_with_session(coordinator, FakeSession({TOTP_SET_UP_SESSION_KEY: totp.pk})))
    for marker in (theirs.pk, str(coordinator.pk), str(totp.pk), None, "x"):
        session = FakeSession({TOTP_SET_UP_SESSION_KEY: marker})
        assert not session_passed_mfa(request_with_session(coordinator, session)), marker
    assert not session_passed_mfa(request_with_session(AnonymousUser(), FakeSession()))

    totp.delete()
    session = FakeSession({TOTP_SET_UP_SESSION_KEY: totp.pk})
    assert not session_passed_mfa(request_with_session(coordinator, session))


def test_a_session_signed_in_with_a_code_loses_staff_powers_when_that_authenticator_is_deleted():
    coordinator = coordinator_with_totp()
    c = Client()
    sign_in_with_mfa(c, coordinator)
    assert c.get("/admin/certificates/").status_code == 200
    # Deleted without a reset (the person's own page, or the database): no sign-out, but the
    # code it passed no longer counts.
    Authenticator.objects.filter(user=coordinator).delete()
    assert c.get("/admin/certificates/")["Location"].startswith("/accounts/2fa/totp/activate/")
