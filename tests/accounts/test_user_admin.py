"""The admin's Users screens: one name (the one on certificates), the columns and filters an
administrator works with, and resetting someone's two-factor authentication."""

import re
import threading

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from lms.accounts.models import User
from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def administrator_client():
    administrator = LearnerFactory(is_superuser=True, is_staff=True, full_name="Ada Administrator")
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    client.user = administrator
    return client


@pytest.fixture
def admin_client():
    return administrator_client()


def edit_data(person, **changes):
    data = {
        "full_name": person.full_name, "email": person.email, "is_active": "on" if person.is_active else "",
        "groups": [g.pk for g in person.groups.all()],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


# The form -------------------------------------------------------------------------------------

def test_the_edit_form_asks_for_the_full_name_and_no_first_or_last_name(admin_client):
    person = LearnerFactory(full_name="Łucja Nowak")
    page = admin_client.get(f"/admin/users/edit/{person.pk}/").content.decode()
    assert 'name="full_name"' in page
    assert "Łucja Nowak" in page
    assert 'name="first_name"' not in page and 'name="last_name"' not in page
    assert 'name="password1"' not in page


def test_deactivating_a_leaver_saves_without_first_or_last_name(admin_client):
    person = LearnerFactory(roles=[Role.COORDINATOR])
    response = admin_client.post(f"/admin/users/edit/{person.pk}/", edit_data(person, is_active=""))
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert not person.is_active
    assert person.first_name == "" and person.last_name == ""


def test_changing_a_role_saves_and_the_certificate_name_can_be_edited(admin_client):
    person = LearnerFactory(full_name="Jon Smith")
    editor_group = Group.objects.get(name=Role.EDITOR)
    data = edit_data(person, full_name="  Jón  Smith-Ó'Brien ", groups=[editor_group.pk])
    response = admin_client.post(f"/admin/users/edit/{person.pk}/", data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Jón Smith-Ó'Brien"
    assert list(person.groups.values_list("name", flat=True)) == [Role.EDITOR]


@pytest.mark.parametrize("name, message", [
    ("R2-D2", "A name can only include letters"),
    ("Ann\u202eEvil", "Use letters, numbers, spaces and punctuation only"),
])
def test_a_name_is_checked_as_on_the_profile(admin_client, name, message):
    person = LearnerFactory(full_name="Ann Jones")
    response = admin_client.post(f"/admin/users/edit/{person.pk}/", edit_data(person, full_name=name))
    assert response.status_code == 200
    assert message in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Ann Jones"


def test_an_email_another_account_uses_is_refused_whatever_its_case(admin_client):
    LearnerFactory(email="taken@example.org")
    person = LearnerFactory()
    response = admin_client.post(f"/admin/users/edit/{person.pk}/", edit_data(person, email="Taken@Example.org"))
    assert "Another account already uses this email address." in response.content.decode()


def test_an_administrator_adds_an_account_with_a_name_and_email_only(admin_client):
    reviewer = Group.objects.get(name=Role.REVIEWER)
    response = admin_client.post("/admin/users/new/", {
        "full_name": "Priya Shah", "email": "Priya.Shah@example.org", "groups": [reviewer.pk],
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="priya.shah@example.org")
    assert person.full_name == "Priya Shah"
    assert not person.has_usable_password()
    assert person.emailaddress_set.get().email == "priya.shah@example.org"


# The list -------------------------------------------------------------------------------------

def make_people():
    organisation = OrganisationFactory(name="Watford Housing Trust")
    with_two_factor = LearnerFactory(full_name="Tess Factor", roles=[Role.COORDINATOR], organisation=organisation)
    set_up_totp(with_two_factor, TOTP_SECRET)
    without = LearnerFactory(full_name="Noah Second", roles=[Role.EDITOR])
    inactive = LearnerFactory(full_name="Liv Leaver", is_active=False)
    return organisation, with_two_factor, without, inactive


def listed(client, query=""):
    page = client.get(f"/admin/users/{query}").content.decode()
    return page, {name for name in ("Tess Factor", "Noah Second", "Liv Leaver") if name in page}


def column_headings(page: str) -> list[str]:
    table = page[page.index('<table class="listing'):]
    head = table[:table.index("</thead>")]
    cells = re.findall(r"<th[^>]*>(.*?)</th>", head, re.DOTALL)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_the_list_shows_name_email_roles_organisation_last_sign_in_and_two_factor(admin_client):
    make_people()
    page, names = listed(admin_client)
    assert names == {"Tess Factor", "Noah Second", "Liv Leaver"}
    headings = column_headings(page)
    for heading in ("Full name", "Email", "Roles", "Organisation", "Last signed in", "Two-factor", "Active"):
        assert any(h.startswith(heading) for h in headings), (heading, headings)
    assert "Watford Housing Trust" in page
    assert Role.COORDINATOR in page


@pytest.mark.parametrize("query, expected", [
    ("?two_factor=true", {"Tess Factor"}),
    ("?two_factor=false", {"Noah Second", "Liv Leaver"}),
    ("?is_active=false", {"Liv Leaver"}),
    ("?organisation={organisation}", {"Tess Factor"}),
    ("?group={editor}", {"Noah Second"}),
    ("?q=noah", {"Noah Second"}),
])
def test_the_filters_find_the_right_people(admin_client, query, expected):
    organisation, *_ = make_people()
    query = query.format(organisation=organisation.pk, editor=Group.objects.get(name=Role.EDITOR).pk)
    _, names = listed(admin_client, query)
    assert names == expected


def test_the_list_costs_the_same_queries_for_three_people_or_thirty(admin_client):
    make_people()
    admin_client.get("/admin/users/")
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/admin/users/")
    for number in range(27):
        person = LearnerFactory(roles=[Role.EDITOR, Role.CHAMPION], organisation=OrganisationFactory())
        if number % 2:
            set_up_totp(person, TOTP_SECRET)
    with CaptureQueriesContext(connection) as many:
        page = admin_client.get("/admin/users/").content.decode()
    assert len(set(re.findall(r"person\d+@example\.org", page))) >= 20  # a full page of people
    assert len(many) <= len(few) + 1, [q["sql"] for q in many.captured_queries]
    assert len(many) <= 15


# Resetting two-factor ---------------------------------------------------------------------------

@pytest.fixture
def lost_phone():
    person = LearnerFactory(full_name="Cora Ordinator", roles=[Role.COORDINATOR])
    set_up_totp(person, TOTP_SECRET)
    Authenticator.objects.create(user=person, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00" * 20})
    return person


def reset_url(person):
    return f"/admin/users/reset-two-factor/{person.pk}/"


def test_the_reset_needs_a_reason(admin_client, lost_phone):
    response = admin_client.post(reset_url(lost_phone), {"reason": "   "})
    assert response.status_code == 200
    assert "Enter the reason for resetting their two-factor authentication" in response.content.decode()
    assert Authenticator.objects.filter(user=lost_phone).count() == 2
    assert mail.outbox == []


def test_only_an_administrator_may_reset_two_factor(lost_phone):
    coordinator = staff_client(Role.COORDINATOR)
    assert coordinator.get(reset_url(lost_phone)).status_code == 302
    response = coordinator.post(reset_url(lost_phone), {"reason": "Lost phone"})
    assert response["Location"] == "/admin/"
    assert Authenticator.objects.filter(user=lost_phone).count() == 2


def test_an_administrator_cannot_reset_their_own_two_factor_here(admin_client):
    response = admin_client.post(reset_url(admin_client.user), {"reason": "Lost phone"})
    assert response["Location"] == "/admin/"
    assert Authenticator.objects.filter(user=admin_client.user).exists()


def test_the_reset_deletes_the_authenticators_logs_once_and_emails_once(
    admin_client, lost_phone, django_capture_on_commit_callbacks,
):
    page = admin_client.get(reset_url(lost_phone)).content.decode()
    assert "Cora Ordinator" in page and 'name="reason"' in page
    with django_capture_on_commit_callbacks(execute=True):
        first = admin_client.post(reset_url(lost_phone), {"reason": "Lost their phone on holiday"}, follow=True)
        second = admin_client.post(reset_url(lost_phone), {"reason": "Lost their phone on holiday"}, follow=True)
    assert "Two-factor authentication is reset for Cora Ordinator" in first.content.decode()
    assert "nothing was changed" in second.content.decode()
    assert not Authenticator.objects.filter(user=lost_phone).exists()
    entries = ModelLogEntry.objects.filter(action="lms.two_factor.reset", object_id=str(lost_phone.pk))
    assert entries.count() == 1
    assert entries.get().user == admin_client.user
    assert entries.get().data["reason"] == "Lost their phone on holiday"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [lost_phone.email]
    assert email.subject == "[Herts Partnership Training] Your two-factor authentication has been reset"
    assert "Hello Cora Ordinator," in email.body
    assert "set up two-factor authentication again" in email.body
    assert "Lost their phone" not in email.body
    history = admin_client.get(f"/admin/users/history/{lost_phone.pk}/").content.decode()
    assert "Two-factor authentication reset: Lost their phone on holiday" in history


@pytest.mark.skipif(connection.vendor == "sqlite", reason="the in-memory SQLite test database is one connection")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_submissions_at_once_send_one_email_and_one_log_entry(lost_phone):
    from lms.accounts.services import reset_two_factor

    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    results = []

    def submit():
        try:
            results.append(reset_two_factor(User.objects.get(pk=lost_phone.pk), by=administrator, reason="Lost phone"))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    assert ModelLogEntry.objects.filter(action="lms.two_factor.reset").count() == 1
    assert len(mail.outbox) == 1


def test_after_a_reset_the_person_must_set_up_two_factor_again(admin_client, lost_phone):
    admin_client.post(reset_url(lost_phone), {"reason": "Lost their phone"})
    person = Client()
    response = person.post("/accounts/login/", {"login": lost_phone.email, "password": PASSWORD})
    assert response.status_code == 302
    assert not response["Location"].startswith("/accounts/2fa/authenticate/")  # no code to give any more
    response = person.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    response = person.get(response["Location"])
    assert response["Location"].startswith("/accounts/staff-enrolment/")  # set-up needs the emailed link


def test_a_person_without_two_factor_has_nothing_to_reset(admin_client):
    person = UserFactory()
    page = admin_client.get(reset_url(person)).content.decode()
    assert "two-factor authentication is not set up" in page
    assert 'name="reason"' not in page
