"""Use in work after three months (the follow-up's report): counts and shares of the answers with
response rates per module and sector, "Fewer than 5 people" for small groups, what happened only
as a moderator released it (masked, without names, without module or answer, not in time order,
only when 5 or more are released), for coordinators and administrators only; and a lead never
sees any follow-up answer, on their training report or any other page of theirs."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.test import Client
from django.urls import get_resolver
from django.utils import timezone

from lms.accounts.models import User
from lms.followup.models import AccountStatus, FollowUp
from lms.followup.screening import release
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


def release_all(follow_ups) -> None:
    """A moderator releases each account as the masking left it."""
    moderator = User.objects.filter(groups__name=Role.MODERATOR).first() or LearnerFactory(roles=[Role.MODERATOR])
    for follow_up in follow_ups:
        follow_up.refresh_from_db()
        if follow_up.account_status == AccountStatus.WAITING:
            release(follow_up, moderator, follow_up.what_happened_masked)


def crowd(module, count: int, *, sector=None, organisation=None, used=("several",), story: str = "",
          released: bool = True):
    """`count` people invited on SENT to follow `module` up; each answers in turn with `used`,
    and a moderator releases what they wrote (unless `released` is False)."""
    follow_ups = []
    with time_machine.travel(SENT, tick=False):
        for _ in range(count):
            person = LearnerFactory(sector=sector, organisation=organisation)
            follow_ups.append(FollowUpFactory(user=person, module=module, completed_on=datetime.date(2025, 12, 10)))
        for number, follow_up in enumerate(follow_ups):
            answered(follow_up, used[number % len(used)], story)
    if released:
        release_all(follow_ups)
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
    assert line.invitations.response_rate == 67  # sent in March: the unanswered one has long closed
    assert line.used == {"never": 1, "once": 1, "several": 2}
    assert line.too_few  # four answers
    assert report.accounts == []
    crowd(module, 1, sector=health, used=("once",))
    report = use_in_work_figures(Filters(), "module")
    assert report.lines[0].label == "Responding well" and not report.lines[0].too_few
    assert report.lines[0].share("several") == 40


def test_the_report_costs_the_same_queries_with_more_data(module, django_assert_num_queries):
    crowd(module, 5, story="It helped.")
    with django_assert_num_queries(3):
        use_in_work_figures(Filters(), "organisation")
    crowd(make_module("another", lessons=1), 12, story="Again.")
    with django_assert_num_queries(3):
        use_in_work_figures(Filters(), "organisation")


def test_coordinators_see_released_accounts_without_names_modules_or_answers(module):
    people = crowd(module, 5, used=("several",), story=SECRET_STORY)
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"group_by": "module"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "What happened, in learners' words" in page
    assert "A content moderator then read each account" in page
    assert "went to the refuge" in page
    section = page[page.index('id="what-happened"'):]
    for heading in ("Responding well", "Used in work", "Several times", "several times"):
        assert heading not in section, heading
    for detail in ("Priya", "Kaur", "07700 900123"):
        assert detail not in page
    for person in people:
        assert person.user.full_name not in page and person.user.email not in page
    assert ('<tr><th scope="row">Responding well</th><td>5</td><td>5</td><td>0</td><td>0</td><td>100</td>'
            '<td>0</td><td>0</td><td>0</td><td>0</td><td>5</td><td>100</td></tr>') in page


def test_fewer_than_five_answers_show_no_counts_shares_or_accounts(module):
    organisation = OrganisationFactory(name="Small Charity")
    crowd(module, 4, organisation=organisation, story=SECRET_STORY)
    client = staff_client(Role.COORDINATOR)
    query = {"group_by": "organisation", "organisation": organisation.pk}
    page = client.get(URL, query).content.decode()
    assert "went to the refuge" not in page
    assert "Fewer than 5 accounts have been released for these filters" in page
    assert ('<tr><th scope="row">Small Charity</th><td>4</td><td>4</td><td>0</td><td>0</td><td>100</td>'
            + "<td>Fewer than 5 people</td>" * 6 + "</tr>") in page
    rows = list(csv.reader(io.StringIO(client.get(URL, {**query, "export": "csv"}).content.decode().lstrip("\ufeff"))))
    assert ["Small Charity", "4", "4", "0", "0", "100", *["Fewer than 5 people"] * 6] in rows
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


# Only what a moderator released -------------------------------------------------------------------

def test_nothing_unreleased_reaches_the_report_or_its_downloads(module):
    crowd(module, 6, story="Released account about a referral.")
    waiting = crowd(module, 3, story="Waiting account naming 12 Orchard Road.", released=False)
    withheld = crowd(module, 2, story="Withheld account naming the Larkspur Centre.", released=False)
    moderator = LearnerFactory(roles=[Role.MODERATOR])
    from lms.followup.screening import withhold

    for follow_up in withheld:
        follow_up.refresh_from_db()
        withhold(follow_up, moderator, "Names a place")
    figures = use_in_work_figures(Filters(), "module")
    assert figures.released_accounts == 6
    assert set(figures.accounts) == {"Released account about a referral."}
    client = staff_client(Role.COORDINATOR)
    for query in ({"group_by": "module"}, {"group_by": "module", "export": "csv"},
                  {"group_by": "sector", "export": "xlsx"}):
        body = client.get(URL, query).content
        assert b"Orchard Road" not in body and b"Larkspur" not in body, query
    assert all(one.account_status == AccountStatus.WAITING for one in FollowUp.objects.filter(
        pk__in=[one.pk for one in waiting]))


def test_accounts_are_listed_by_their_text_not_by_time(module):
    stories = ["Zoe's team now asks privately.", "A referral was made.", "Mostly listening.",
               "Being direct helped.", "Colleagues use the examples."]
    for story in stories:  # answered in this order, one after another
        crowd(module, 1, story=story)
    assert use_in_work_figures(Filters(), "module").accounts == sorted(
        FollowUp.objects.released_accounts().values_list("what_happened_masked", flat=True))
    page = staff_client(Role.COORDINATOR).get(URL, {"group_by": "module"}).content.decode()
    positions = [page.index(story.replace("'", "&#x27;")) for story in sorted(
        FollowUp.objects.released_accounts().values_list("what_happened_masked", flat=True))]
    assert positions == sorted(positions)


def test_fewer_than_five_released_accounts_are_not_shown_even_with_many_answers(module):
    crowd(module, 4, story="Released but too few.")
    crowd(module, 6, story="Still waiting for a moderator.", released=False)
    figures = use_in_work_figures(Filters(), "module")
    assert figures.accounts == [] and figures.accounts_too_few
    page = staff_client(Role.COORDINATOR).get(URL, {"group_by": "module"}).content.decode()
    assert "Fewer than 5 accounts have been released for these filters" in page
    assert "Released but too few" not in page and "Still waiting" not in page


def test_a_follow_up_still_open_is_not_counted_against_the_response_rate(module):
    """Sent 10 days ago and unanswered: it may yet be answered, so the rate is of the others."""
    crowd(module, 2, used=("once", "once"))
    with time_machine.travel(timezone.now() - datetime.timedelta(days=10), tick=False):
        FollowUpFactory(module=module)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40), tick=False):
        FollowUpFactory(module=module)  # closed unanswered
    total = use_in_work_figures(Filters(), "module").total.invitations
    assert (total.invited, total.answered, total.awaiting) == (4, 2, 1)
    assert total.response_rate == 67  # 2 answered of the 3 no longer open


def test_the_accounts_listed_do_not_change_with_the_dates_chosen(module):
    """Moving the end date by a day must not add or drop one account (that would point to who
    answered that day): the accounts are of every period."""
    crowd(module, 5, story="It helped me listen.")
    with time_machine.travel(SENT + datetime.timedelta(days=30), tick=False):
        late = FollowUpFactory(module=module)
        answered(late, "once", "A later account.")
    release_all([late])
    before_it = Filters(until=(SENT + datetime.timedelta(days=1)).date())
    with_it = Filters(until=(SENT + datetime.timedelta(days=31)).date())
    assert use_in_work_figures(before_it, "module").accounts == use_in_work_figures(with_it, "module").accounts
    assert "A later account." in use_in_work_figures(before_it, "module").accounts
