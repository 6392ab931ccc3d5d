"""Use in work after three months (the follow-up's report): counts and shares of the answers with
response rates per module and sector, "Fewer than 5 people" for small groups, what happened only
masked and without names, for coordinators and administrators only; and a lead never sees any
follow-up answer, on their training report or any other page of theirs."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.test import Client
from django.urls import get_resolver

from lms.followup.models import FollowUp
from lms.followup.services import answer_follow_up
from lms.reports.figures import Filters, use_in_work_figures
from lms.site.roles import Role
from tests.conftest import administrator_client, staff_client
from tests.factories import LearnerFactory, OrganisationFactory, SectorFactory, confirmed_member, make_module
from tests.followup.factories import FollowUpFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/follow-up/"
SENT = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
SECRET_STORY = "I spoke to Priya Kaur at 07700 900123 and she went to the refuge on Tuesday"


def answered(follow_up: FollowUp, used: str, story: str = "", ratings=(4, 4)) -> FollowUp:
    return answer_follow_up(follow_up, ratings=list(ratings), used_in_work=used, what_happened=story)


def crowd(module, count: int, *, sector=None, organisation=None, used=("several",), story: str = ""):
    """`count` people invited on SENT to follow `module` up; each answers in turn with `used`."""
    follow_ups = []
    with time_machine.travel(SENT, tick=False):
        for _ in range(count):
            person = LearnerFactory(sector=sector, organisation=organisation)
            follow_ups.append(FollowUpFactory(user=person, module=module, completed_on=datetime.date(2025, 12, 10)))
        for number, follow_up in enumerate(follow_ups):
            answered(follow_up, used[number % len(used)], story)
    return follow_ups


@pytest.fixture
def module():
    return make_module("use-in-work", lessons=1, title="Responding well", learning_outcomes="Listen\nRefer")


def test_figures_count_answers_and_response_rates_per_module_and_sector(module):
    health = SectorFactory(name="Health")
    crowd(module, 4, sector=health, used=("never", "once", "several", "several"))
    with time_machine.travel(SENT, tick=False):
        FollowUpFactory(module=module, user=LearnerFactory(sector=health))  # sent, not answered
        FollowUpFactory(module=module, user=LearnerFactory(sector=health), status="declined", responded_at=SENT)
    report = use_in_work_figures(Filters(), "sector")
    line = report.lines[0]
    assert line.label == "Health"
    assert (line.invitations.invited, line.invitations.answered, line.invitations.declined) == (6, 4, 1)
    assert line.invitations.response_rate == 67
    assert line.used == {"never": 1, "once": 1, "several": 2}
    assert line.too_few  # four answers
    assert report.accounts == []  # fewer than five answers: nothing of what they wrote
    crowd(module, 1, sector=health, used=("once",), story="It helped me ask directly.")
    report = use_in_work_figures(Filters(), "module")
    assert report.lines[0].label == "Responding well" and not report.lines[0].too_few
    assert report.lines[0].share("several") == 40
    assert [one["what_happened_masked"] for one in report.accounts] == ["It helped me ask directly."]


def test_the_report_costs_the_same_queries_with_more_data(module, django_assert_num_queries):
    crowd(module, 5, story="It helped.")
    with django_assert_num_queries(3):
        use_in_work_figures(Filters(), "organisation")
    crowd(make_module("another", lessons=1), 12, story="Again.")
    with django_assert_num_queries(3):
        use_in_work_figures(Filters(), "organisation")


def test_coordinators_see_masked_accounts_without_names(module):
    people = crowd(module, 5, used=("several",), story=SECRET_STORY)
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"group_by": "module"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "What happened, in learners' words" in page
    assert "went to the refuge" in page
    for detail in ("Priya", "Kaur", "07700 900123"):
        assert detail not in page
    for person in people:
        assert person.user.full_name not in page and person.user.email not in page
    assert ('<tr><th scope="row">Responding well</th><td>5</td><td>5</td><td>0</td><td>100</td><td>0</td><td>0</td>'
            '<td>0</td><td>0</td><td>5</td><td>100</td></tr>') in page


def test_fewer_than_five_answers_show_no_counts_shares_or_accounts(module):
    organisation = OrganisationFactory(name="Small Charity")
    crowd(module, 4, organisation=organisation, story=SECRET_STORY)
    client = staff_client(Role.COORDINATOR)
    query = {"group_by": "organisation", "organisation": organisation.pk}
    page = client.get(URL, query).content.decode()
    assert "went to the refuge" not in page
    assert "Fewer than 5 people answered for these filters" in page
    assert ('<tr><th scope="row">Small Charity</th><td>4</td><td>4</td><td>0</td><td>100</td>'
            + "<td>Fewer than 5 people</td>" * 6 + "</tr>") in page
    rows = list(csv.reader(io.StringIO(client.get(URL, {**query, "export": "csv"}).content.decode().lstrip("\ufeff"))))
    assert ["Small Charity", "4", "4", "0", "100", *["Fewer than 5 people"] * 6] in rows
    assert not any("refuge" in cell for row in rows for cell in row)


def test_downloads_are_the_table_without_what_people_wrote(module):
    crowd(module, 5, story=SECRET_STORY)
    response = administrator_client().get(URL, {"group_by": "sector", "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="follow-up-sector.xlsx"'
    assert b"refuge" not in response.content


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.REVIEWER])
def test_other_staff_are_turned_away(module, role):
    crowd(module, 5, story=SECRET_STORY)
    response = staff_client(role).get(URL)
    assert response.status_code in (302, 403)
    assert "refuge" not in response.content.decode()


# Leads never see follow-up answers ---------------------------------------------------------------

LEAD_ROUTE = re.compile(r"^(organisations/|profile/|my-learning/$)")


def lead_paths(organisation) -> list[str]:
    """Every page a lead has of their own (their organisations' area, their profile and learning),
    with the organisation's id where a route takes one and GET-able without further ids."""
    paths = []

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern, route)
            elif LEAD_ROUTE.match(route):
                route = route.replace("<id:organisation_id>", str(organisation.pk))
                if "<" not in route:
                    paths.append("/" + route)

    walk(get_resolver())
    return paths


def test_a_lead_never_sees_follow_up_answers_on_any_page_of_theirs(module):
    organisation = OrganisationFactory(name="Demo Primary")
    people = crowd(module, 6, organisation=organisation, used=("never",), story=SECRET_STORY)
    for follow_up in people:
        confirmed_member(follow_up.user, organisation)
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    client = Client()
    client.force_login(lead)
    paths = lead_paths(organisation)
    assert f"/organisations/{organisation.pk}/training/" in paths
    assert f"/organisations/{organisation.pk}/training.csv" in paths
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        body = response.content.decode("utf-8", "replace") if response["Content-Type"].startswith(("text", "app")) \
            else ""
        for shown in ("refuge", "[name removed]", "Several times", "Used in work", "three months", "Three months",
                      "follow-up answer", "Use in work"):
            assert shown not in body, (path, shown)
    assert client.get(URL).status_code in (302, 403)
