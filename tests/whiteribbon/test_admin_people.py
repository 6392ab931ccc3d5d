"""White Ribbon ambassadors and White Ribbon champions in the admin, and the White Ribbon menu:
always named with the prefix (never confused with the site's VAWG champions network), added once
however often the button is pressed, filtered, and shown only to coordinators and administrators."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import WhiteRibbonPerson
from lms.accounts.models import District
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory
from tests.whiteribbon.factories import WhiteRibbonPersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/white-ribbon/people/"
R = WhiteRibbonPerson.Role


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def person_form(organisation, **overrides) -> dict:
    data = {
        "role": R.AMBASSADOR, "name": "Marcus Lee", "organisation": organisation.pk, "job_title": "Depot manager",
        "email": "marcus.lee@example.org", "account_email": "", "induction_on": "2026-03-02", "ended_on": "",
    }
    data.update(overrides)
    return data


def text(response) -> str:
    return response.content.decode()


def test_a_coordinator_adds_a_white_ribbon_ambassador_once_however_often_they_click(coordinator):
    organisation = OrganisationFactory(name="Broxbourne Haulage")
    page = text(coordinator.get(f"{PEOPLE}new/"))
    assert "White Ribbon ambassador" in page and "White Ribbon champion" in page
    assert re.search(r">\s*Champion\s*<", page) is None  # never the bare word, which means the VAWG network
    response = coordinator.post(f"{PEOPLE}new/", person_form(organisation))
    assert response.status_code == 302
    person = WhiteRibbonPerson.objects.get()
    assert (person.role, person.name, person.organisation, person.induction_on) == (
        R.AMBASSADOR, "Marcus Lee", organisation, datetime.date(2026, 3, 2))
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(person.pk)).exists()
    response = coordinator.post(f"{PEOPLE}new/", person_form(organisation))
    assert response.status_code == 200
    assert "Marcus Lee is already listed as a White Ribbon ambassador of Broxbourne Haulage" in text(response)
    assert WhiteRibbonPerson.objects.count() == 1


def test_a_person_is_linked_to_their_account_here_by_its_email(coordinator):
    account = LearnerFactory(email="amira.khan@example.org")
    response = coordinator.post(f"{PEOPLE}new/", person_form(
        OrganisationFactory(), role=R.CHAMPION, name="Amira Khan", account_email="Amira.Khan@example.org"))
    assert response.status_code == 302
    assert WhiteRibbonPerson.objects.get().user == account


@pytest.mark.parametrize(("overrides", "message"), [
    ({"role": "champion of the vawg network"}, "Choose whether they are a White Ribbon ambassador or a White Ribbon "
                                              "champion."),
    ({"name": ""}, "Enter their name."),
    ({"name": "@SUM(A1)"}, "Start the name with a letter."),
    ({"account_email": "nobody@example.org"}, "No account here uses that email address."),
    ({"ended_on": "2026-01-01"}, "They cannot step down before their induction."),
    ({"induction_on": "2099-01-01"}, "The induction date cannot be in the future"),
    ({"organisation": "999999999999999999999"}, "Choose the organisation from the list."),
])
def test_a_person_that_does_not_add_up_is_refused_with_a_message(coordinator, overrides, message):
    data = person_form(OrganisationFactory())
    data.update(overrides)
    response = coordinator.post(f"{PEOPLE}new/", data)
    assert response.status_code == 200
    assert message in text(response)
    assert not WhiteRibbonPerson.objects.exists()


def test_the_list_filters_by_role_district_and_whether_they_are_current(coordinator):
    dacorum = District.objects.get(slug="dacorum")
    WhiteRibbonPersonFactory(name="Omar Ambassador", role=R.AMBASSADOR, organisation=OrganisationFactory(
        district=dacorum))
    WhiteRibbonPersonFactory(name="Jo Champion", role=R.CHAMPION)
    WhiteRibbonPersonFactory(name="Former Ambassador", role=R.AMBASSADOR,
                             ended_on=timezone.localdate() - datetime.timedelta(days=3))
    page = text(coordinator.get(PEOPLE))
    assert "White Ribbon ambassadors and champions" in page and "White Ribbon champion" in page
    page = text(coordinator.get(PEOPLE, {"role": R.CHAMPION}))
    assert "Jo Champion" in page and "Omar Ambassador" not in page
    page = text(coordinator.get(PEOPLE, {"district": dacorum.pk}))
    assert "Omar Ambassador" in page and "Jo Champion" not in page
    page = text(coordinator.get(PEOPLE, {"current": "false"}))
    assert "Former Ambassador" in page and "Omar Ambassador" not in page
    assert coordinator.get(PEOPLE, {"district": "x", "role": "\x00", "current": "maybe"}).status_code == 200


def sidebar_labels(client) -> str:
    page = text(client.get("/admin/"))
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    return json.dumps(json.loads(props.group(1))) if props else page


def test_the_white_ribbon_menu_is_for_coordinators_and_administrators_only():
    menu = sidebar_labels(staff_client(Role.COORDINATOR))
    for label in ("White Ribbon", "Pipeline", "Accreditation target", "Cycles", "Overdue actions", "Renewals due",
                  "Ambassadors and champions", "Target settings"):
        assert f'"{label}"' in menu, label
    assert "/admin/settings/champions/whiteribbonsettings/" in menu
    for role in (Role.EDITOR, Role.MODERATOR, Role.REVIEWER):
        menu = sidebar_labels(staff_client(role))
        assert '"White Ribbon"' not in menu and "/admin/white-ribbon/" not in menu, role
