"""The profile a learner completes after sign-up: what it accepts, what it refuses."""

import pytest

from content.models import Sector
from lms.accounts.models import District
from lms.organisations.models import Membership, Organisation
from tests.factories import LearnerFactory, OrganisationFactory, profile_form_data

pytestmark = pytest.mark.django_db


def valid_post(**overrides):
    return profile_form_data(**overrides)


def test_profile_needs_sign_in(client):
    response = client.get("/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_profile_page_lists_sectors_districts_and_known_organisations(client, new_user):
    OrganisationFactory(name="Hertfordshire Example Trust")
    OrganisationFactory(name="Awaiting Check Ltd", status=Organisation.Status.PENDING)
    client.force_login(new_user)
    body = client.get("/profile/").content.decode()
    assert "Complete your profile" in body
    for sector in Sector.objects.all():
        assert sector.name.replace("'", "&#x27;") in body
    for district in District.objects.all():
        assert district.name in body
    assert '<option value="Hertfordshire Example Trust">' in body
    assert "Awaiting Check Ltd" not in body  # only confirmed organisations are offered


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"full_name": ""}, "Enter your full name"),
        ({"full_name": "   "}, "Enter your full name"),
        ({"full_name": "R2-D2"}, "can only include letters"),
        ({"full_name": "<script>"}, "can only include letters"),
        ({"full_name": "x" * 151}, "150 characters or fewer"),
        ({"job_role": ""}, "Enter your job title or role"),
        ({"job_role": "1234"}, "Enter your job title or role"),
        ({"sector": ""}, "Select the sector you work in"),
        ({"sector": "999999"}, "Select the sector you work in"),
        ({"sector": "housing"}, "Select the sector you work in"),
        ({"district": ""}, "Select the district you mainly work in"),
        ({"district": "-1"}, "Select the district you mainly work in"),
        ({"organisation_name": ""}, "Enter the name of your organisation"),
        ({"organisation_name": "!!"}, "Enter the name of your organisation"),
        ({"organisation_kind": ""}, "is not in our list yet"),
        ({"organisation_kind": "spaceship"}, "Select a type of organisation"),
        ({"organisation_name": "=HYPERLINK(\"http://x\")"}, "must start with a letter or number"),
        ({"job_role": "+Nurse"}, "must start with a letter or number"),
    ],
)
def test_bad_profile_posts_show_a_message_and_change_nothing(client, new_user, overrides, message):
    client.force_login(new_user)
    response = client.post("/profile/", valid_post(**overrides))
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert "<title>Error: " in body
    new_user.refresh_from_db()
    assert not new_user.has_complete_profile
    assert new_user.full_name == ""
    assert not Organisation.objects.filter(name="Demo Homes").exists()
    assert not Membership.objects.filter(user=new_user).exists()


def test_names_in_any_script_are_kept_exactly(client, new_user):
    client.force_login(new_user)
    for name in ["Łucja Nowak-O'Brien", "Ayşe Yılmaz", "Nguyễn Thị Hương", "Seán Ó Súilleabháin"]:
        client.post("/profile/", valid_post(full_name=f"  {name}  "))
        new_user.refresh_from_db()
        assert new_user.full_name == name


def test_naming_a_new_organisation_creates_one_pending_record(client, new_user):
    client.force_login(new_user)
    response = client.post("/profile/", valid_post(organisation_name="  Demo   Homes "))
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Demo Homes")
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.proposed_by == new_user
    assert organisation.sector.slug == "housing"
    new_user.refresh_from_db()
    assert new_user.organisation == organisation
    # Naming it asks to join it; nobody there sees this person until the request is confirmed.
    assert Membership.objects.get(user=new_user).status == Membership.Status.REQUESTED

    # A retry, or a colleague typing the same name differently, reuses the pending record.
    client.post("/profile/", valid_post(organisation_name="demo homes", organisation_kind=""))
    assert Organisation.objects.filter(name__iexact="demo homes").count() == 1
    assert Membership.objects.filter(user=new_user).count() == 1


def test_picking_a_listed_organisation_links_to_it_whatever_the_case(client, new_user):
    listed = OrganisationFactory(name="St Albans Example School")
    client.force_login(new_user)
    client.post("/profile/", valid_post(organisation_name="st albans example school", organisation_kind=""))
    new_user.refresh_from_db()
    assert new_user.organisation == listed
    assert Organisation.objects.count() == 1
    assert Membership.objects.get(user=new_user).organisation == listed


def test_profile_redirects_only_to_this_site(client, new_user):
    client.force_login(new_user)
    response = client.post("/profile/?next=https://evil.example/", {**valid_post(), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_profile_change_is_logged(client, learner):
    from wagtail.models import ModelLogEntry

    client.force_login(learner)
    client.post("/profile/", valid_post(organisation_name=learner.organisation.name))
    assert ModelLogEntry.objects.filter(action="lms.profile.update", object_id=str(learner.pk)).exists()


def test_incomplete_profile_is_asked_for_before_other_pages(client, new_user):
    client.force_login(new_user)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/profile/?next=%2F"
    # Safety pages stay open whatever the state of the profile.
    assert client.get("/quick-exit/").status_code == 200
    assert client.get("/online-safety/").status_code == 200


def test_one_person_cannot_flood_coordinators_with_new_organisations(client, new_user):
    client.force_login(new_user)
    for number in range(3):
        client.post("/profile/", valid_post(organisation_name=f"New Group {number}"))
    response = client.post("/profile/", valid_post(organisation_name="New Group 3"))
    assert "already suggested several organisations" in response.content.decode()
    assert Organisation.objects.filter(proposed_by=new_user).count() == 3


def test_the_profile_links_to_password_email_and_two_factor_settings(client):
    client.force_login(LearnerFactory())
    html = client.get("/profile/").content.decode()
    for href in ("/accounts/password/change/", "/accounts/email/", "/accounts/2fa/"):
        assert f'href="{href}"' in html, href
