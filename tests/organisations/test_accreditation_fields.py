"""What White Ribbon accreditation needs to know about an organisation (issue 12): the new list of
types (and the migration that moves every organisation onto it), workforce size, a workforce that
is mostly men, partnership membership, a website, and a contact only coordinators see."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory, professional
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, confirmed_member

pytestmark = pytest.mark.django_db

kinds_migration = importlib.import_module("lms.organisations.migrations.0003_organisation_kinds_for_white_ribbon")
OLD_KINDS = ["nhs", "local_authority", "school", "police", "housing", "charity", "faith", "business", "other"]

CONTACT = {"contact_name": "Priya Contactperson", "contact_email": "priya.contact@example.org",
           "contact_phone": "+44 (0)1707 555-123"}


def edit_form_data(organisation: Organisation, **overrides) -> dict:
    """The edit form as a coordinator would send it, with `overrides`."""
    data = {
        "name": organisation.name, "kind": organisation.kind,
        "sector": organisation.sector_id or "", "district": organisation.district_id or "",
        "workforce_size": organisation.workforce_size, "website": organisation.website,
        "contact_name": organisation.contact_name, "contact_email": organisation.contact_email,
        "contact_phone": organisation.contact_phone,
    }
    if organisation.male_dominated_workforce:
        data["male_dominated_workforce"] = "on"
    if organisation.partnership_member:
        data["partnership_member"] = "on"
    data.update(overrides)
    return data


def saved(organisation: Organisation) -> tuple:
    organisation.refresh_from_db()
    return tuple(getattr(organisation, field) for field in (
        "name", "kind", "sector_id", "district_id", "workforce_size", "male_dominated_workforce",
        "partnership_member", "website", "contact_name", "contact_email", "contact_phone",
    ))


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


# The migration onto the new list of types.


@pytest.mark.parametrize(("old", "new"), [
    ("nhs", "health"), ("local_authority", "public_body"), ("school", "school"), ("police", "public_body"),
    ("housing", "housing"), ("charity", "vcfse"), ("faith", "faith"), ("business", "employer"), ("other", "other"),
])
def test_the_migration_moves_each_old_type_to_its_new_one(old, new):
    organisation = OrganisationFactory()
    untouched = OrganisationFactory(kind=Organisation.Kind.PHARMACY)
    Organisation.objects.filter(pk=organisation.pk).update(kind=old)
    kinds_migration.forwards(apps, None)
    organisation.refresh_from_db()
    untouched.refresh_from_db()
    assert organisation.kind == new
    assert organisation.get_kind_display() in Organisation.Kind.labels
    assert untouched.kind == Organisation.Kind.PHARMACY


def test_the_migration_covers_every_old_type_and_leaves_none_outside_the_new_list():
    assert set(kinds_migration.OLD_TO_NEW) == set(OLD_KINDS)
    assert set(kinds_migration.OLD_TO_NEW.values()) <= set(Organisation.Kind.values)
    organisation = OrganisationFactory()
    Organisation.objects.filter(pk=organisation.pk).update(kind="spaceship")
    kinds_migration.forwards(apps, None)
    organisation.refresh_from_db()
    assert organisation.kind == Organisation.Kind.OTHER


def test_undoing_the_migration_gives_every_new_type_an_old_one():
    assert set(kinds_migration.NEW_TO_OLD) == set(Organisation.Kind.values)
    assert set(kinds_migration.NEW_TO_OLD.values()) <= set(OLD_KINDS)
    made = {kind: OrganisationFactory(kind=kind) for kind in Organisation.Kind.values}
    kinds_migration.backwards(apps, None)
    for kind, organisation in made.items():
        organisation.refresh_from_db()
        assert organisation.kind == kinds_migration.NEW_TO_OLD[kind]
    # Forwards again: the types that were one before are one again.
    kinds_migration.forwards(apps, None)
    for kind in ("school", "housing", "faith", "other", "health", "employer", "vcfse", "public_body"):
        made[kind].refresh_from_db()
        assert made[kind].kind == kind


# The coordinator's edit form, organisation page and export.


def test_a_coordinator_saves_what_white_ribbon_needs_and_sees_it_on_the_organisation_page():
    organisation = OrganisationFactory(name="Hoddesdon Depot")
    coordinator = staff_client(Role.COORDINATOR)
    form = coordinator.get(f"/admin/organisations/edit/{organisation.pk}/").content.decode()
    for text in ("About the organisation", "Staff-only contact", "Only coordinators see these",
                 "Male-dominated workforce", "Member of the VAWG partnership", "Not known"):
        assert text in form, text

    response = coordinator.post(f"/admin/organisations/edit/{organisation.pk}/", edit_form_data(
        organisation, kind="employer", workforce_size="250-999", male_dominated_workforce="on",
        partnership_member="on", website="https://depot.example.org/",
        **{**CONTACT, "contact_name": "  Priya   Contactperson "},
    ))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.kind == Organisation.Kind.EMPLOYER
    assert organisation.workforce_size == "250-999"
    assert organisation.male_dominated_workforce and organisation.partnership_member
    assert organisation.website == "https://depot.example.org/"
    assert (organisation.contact_name, organisation.contact_email, organisation.contact_phone) == (
        CONTACT["contact_name"], CONTACT["contact_email"], CONTACT["contact_phone"])

    page = coordinator.get(f"/admin/organisations/inspect/{organisation.pk}/").content.decode()
    for text in ("Employer or business", "250 to 999", "https://depot.example.org/", "Staff-only contact",
                 *CONTACT.values()):
        assert text in page, text


def test_a_coordinator_adds_an_organisation_with_the_new_fields():
    coordinator = staff_client(Role.COORDINATOR)
    response = coordinator.post("/admin/organisations/new/", {
        "name": "Stevenage Pharmacy", "kind": "pharmacy", "sector": "", "district": "",
        "workforce_size": "1-9", "website": "", "contact_name": "", "contact_email": "", "contact_phone": "",
    })
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Stevenage Pharmacy")
    assert organisation.get_kind_display() == "Pharmacy"
    assert organisation.get_workforce_size_display() == "1 to 9 people"
    assert not organisation.male_dominated_workforce and not organisation.partnership_member


def test_the_export_holds_the_new_fields_in_words():
    OrganisationFactory(name="Mostly Men Ltd", kind="employer", workforce_size="1000+",
                        male_dominated_workforce=True, website="https://men.example.org", **CONTACT)
    response = staff_client(Role.COORDINATOR).get("/admin/organisations/", {"export": "csv"})
    heading, row = [line for line in body_of(response).splitlines() if line.startswith(("Name", "Mostly Men"))]
    for text in ("Type", "Workforce size", "Male-dominated workforce", "Member of the VAWG partnership",
                 "Website", "Contact name", "Contact email", "Contact phone"):
        assert text in heading, text
    for text in ("Employer or business", "\"1,000 or more\"", "Yes", "No", "https://men.example.org",
                 *CONTACT.values()):
        assert text in row, text


def test_the_list_filters_by_workforce_partnership_and_a_workforce_of_mostly_men():
    OrganisationFactory(name="Depot Of Men", male_dominated_workforce=True, workforce_size="50-249")
    OrganisationFactory(name="Partner Council", kind="public_body", partnership_member=True)
    coordinator = staff_client(Role.COORDINATOR)

    def listed(**query) -> set[str]:
        html = coordinator.get("/admin/organisations/", query).content.decode()
        return {name for name in ("Depot Of Men", "Partner Council") if name in html}

    assert listed() == {"Depot Of Men", "Partner Council"}
    assert listed(male_dominated_workforce="true") == {"Depot Of Men"}
    assert listed(partnership_member="true") == {"Partner Council"}
    assert listed(workforce_size="50-249") == {"Depot Of Men"}
    assert listed(kind="public_body") == {"Partner Council"}


@pytest.mark.parametrize(("overrides", "message"), [
    ({"contact_phone": "call reception"}, "Enter a phone number using only digits, spaces, +, brackets and hyphens"),
    ({"contact_phone": "01707 123456 ext. 4"}, "Enter a phone number using only digits"),
    ({"contact_phone": "=1+1"}, "Enter a phone number using only digits"),
    ({"contact_phone": "1" * 41}, "phone number must be 40 characters or fewer"),
    ({"contact_email": "priya at example"}, "Enter the contact&#x27;s email address in the right format"),
    ({"website": "not a website"}, "Enter the website&#x27;s full address, like https://www.example.org"),
    ({"website": "ftp://files.example.org"}, "Enter the website&#x27;s full address"),
    ({"website": "javascript:alert(1)"}, "Enter the website&#x27;s full address"),
    ({"workforce_size": "lots"}, "Choose the size of the workforce from the list"),
    ({"kind": "nhs"}, "Choose the type of organisation from the list"),
    ({"contact_name": "Priya\u202eevil"}, "Use letters, numbers, spaces and punctuation only"),
])
def test_a_bad_website_email_or_phone_gets_a_clear_message_and_changes_nothing(overrides, message):
    organisation = OrganisationFactory(name="Watford Youth Trust", **CONTACT)
    before = saved(organisation)
    coordinator = staff_client(Role.COORDINATOR)
    response = coordinator.post(f"/admin/organisations/edit/{organisation.pk}/", edit_form_data(
        organisation, male_dominated_workforce="on", **overrides,
    ))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert saved(organisation) == before


# Nobody but coordinators sees the contact.


def test_learners_leads_and_the_directory_never_see_the_staff_only_contact(client):
    organisation = OrganisationFactory(name="Hertsmere Homes", **CONTACT)
    lead = LearnerFactory(organisation=organisation)
    confirmed_member(lead, organisation)
    organisation.leads.add(lead)
    champion = ChampionFactory(user=LearnerFactory(full_name="Chidi Champion", organisation=organisation))
    confirmed_member(champion.user, organisation)
    learner = professional(organisation=organisation)

    client.force_login(learner)
    pages = {url: client.get(url) for url in ("/profile/", "/my-learning/", "/champions/")}
    client.force_login(lead)
    pages["/organisations/members/"] = client.get("/organisations/members/")
    for url, response in pages.items():
        assert response.status_code == 200, url
        html = response.content.decode()
        if url != "/my-learning/":
            assert "Hertsmere Homes" in html, url  # the organisation is named, its contact never
        for value in CONTACT.values():
            assert value not in html, (url, value)
        assert "Staff-only contact" not in html, url


# Whatever a coordinator types: no server error; a refused post changes nothing; a saved one
# holds only what the checks allow.

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
PHONE = st.one_of(TEXT, st.text(alphabet="0123456789 +()-", max_size=45))
WEBSITE = st.one_of(TEXT, st.sampled_from([
    "", "https://example.org", "http://example.org/path?x=1", "example.org", "ftp://example.org",
    "javascript:alert(1)", "https://", "https://exa mple.org",
]))
EMAIL = st.one_of(TEXT, st.sampled_from(["", "a@example.org", "a@b", "@example.org", "a@example..org"]))


@pytest.fixture
def editing():
    return staff_client(Role.COORDINATOR), OrganisationFactory(name="Fuzzed Organisation", **CONTACT)


@FUZZ
@given(
    kind=st.one_of(st.sampled_from(Organisation.Kind.values), TEXT),
    workforce_size=st.one_of(st.sampled_from(["", "1-9", "10-49", "50-249", "250-999", "1000+"]), TEXT),
    male_dominated_workforce=st.sampled_from(["", "on", "true", "false", "0"]),
    website=WEBSITE, contact_name=TEXT, contact_email=EMAIL, contact_phone=PHONE,
)
def test_the_edit_form_with_any_input(editing, **fields):
    coordinator, organisation = editing
    before = saved(organisation)
    response = coordinator.post(f"/admin/organisations/edit/{organisation.pk}/",
                                edit_form_data(organisation, **fields))
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert saved(organisation) == before
        return
    organisation.refresh_from_db()
    assert organisation.kind in Organisation.Kind.values
    assert organisation.workforce_size in ("", *Organisation.WorkforceSize.values)
    assert not organisation.website or organisation.website.startswith(("https://", "http://"))
    assert set(organisation.contact_phone) <= set("0123456789 +()-") and len(organisation.contact_phone) <= 40
    assert organisation.contact_name == " ".join(organisation.contact_name.split())
    # Put it back for the next example.
    Organisation.objects.filter(pk=organisation.pk).update(**dict(zip(
        ("name", "kind", "sector_id", "district_id", "workforce_size", "male_dominated_workforce",
         "partnership_member", "website", "contact_name", "contact_email", "contact_phone"), before, strict=True)))
