"""The lead's training report at the size of a big employer: each member's training 50 to a page
with GOV.UK pagination links, every summary figure still over all the confirmed members, the
first 50 names of "Not started" and of the certificates expiring soon with the totals, the
downloads with everyone, and the same number of queries however many members."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import new_code
from lms.learning.models import Enrolment
from lms.organisations.models import Membership
from lms.reports.lead import MEMBERS_PER_PAGE, NAMES_SHOWN
from lms.site.roles import Role
from tests.factories import LearnerFactory, OrganisationFactory, TrainingModulePageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _on_a_fixed_day():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def add_members(organisation, count: int, *, first: int = 1) -> list[User]:
    """Confirmed members "Person 001"… (name order is number order)."""
    people = User.objects.bulk_create([
        User(email=f"person{number:03d}@trust.example", full_name=f"Person {number:03d}", organisation=organisation)
        for number in range(first, first + count)
    ])
    Membership.objects.bulk_create([
        Membership(user=person, organisation=organisation, status=Membership.Status.CONFIRMED,
                   decided_at=timezone.now())
        for person in people
    ])
    return people


def certificate(person, module, *, expires_on: datetime.date) -> Certificate:
    return Certificate.objects.create(
        user=person, module=module, code=new_code(), holder_name=person.full_name, module_title=module.title,
        level="Awareness", cpd_minutes=45, issued_on=datetime.date(2025, 1, 1), expires_on=expires_on,
    )


class World:
    def __init__(self):
        self.organisation = OrganisationFactory(name="Big Trust")
        self.modules = [TrainingModulePageFactory(title="M1 Recognising abuse"),
                        TrainingModulePageFactory(title="M2 Responding")]
        self.organisation.expected_modules.set(self.modules)
        self.other_module = TrainingModulePageFactory(title="Not expected")
        lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD], full_name="Lee Lead", organisation=self.organisation)
        self.organisation.leads.add(lead)
        self.client = Client()
        self.client.force_login(lead)
        self.url = f"/organisations/{self.organisation.pk}/training/"

    def grow(self, count: int, *, first: int = 1) -> list[User]:
        """`count` more members; every one has started M1, every third completed M1 and M2 (and so
        has nothing left to start), and every fifth (the first, the sixth…) holds a certificate
        of another module, expiring in 20 days."""
        people = add_members(self.organisation, count, first=first)
        m1, m2 = self.modules
        enrolments = []
        for number, person in enumerate(people, start=first):
            done = number % 3 == 0
            enrolments.append(Enrolment(user=person, module=m1, completed_at=timezone.now() if done else None))
            if done:
                enrolments.append(Enrolment(user=person, module=m2, completed_at=timezone.now()))
            if number % 5 == 1:
                certificate(person, self.other_module, expires_on=TODAY + datetime.timedelta(days=20))
        Enrolment.objects.bulk_create(enrolments)
        return people


def card_titles(page: str) -> list[str]:
    return re.findall(r'<h3 class="govuk-summary-card__title">([^<]*)', page)


def members_on(page: str) -> list[str]:
    return [title for title in card_titles(page) if title.startswith("Person")]


def text_of(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_each_members_training_comes_50_to_a_page_and_every_figure_counts_everyone():
    world = World()
    world.grow(120)
    response = world.client.get(world.url)
    page = response.content.decode()
    assert members_on(page) == [f"Person {number:03d}" for number in range(1, MEMBERS_PER_PAGE + 1)]
    text = text_of(page)
    assert "Confirmed members 120" in text
    # 40 completed both; the other 80 are part-way through M1 and have not started M2.
    assert "M1 Recognising abuse Completed 40 In progress 80 Not started 0" in text
    assert "M2 Responding Completed 40 In progress 0 Not started 80" in text
    assert "Expiring within 60 days 24" in text
    assert "showing 1 to 50 of 120" in text
    assert '<nav class="govuk-pagination" aria-label="Pages of members’ training">' in page
    assert 'href="?page=2#members" rel="next"' in page and 'href="?page=3#members" aria-label="Page 3"' in page

    last = world.client.get(world.url, {"page": 3}).content.decode()
    assert members_on(last) == [f"Person {number:03d}" for number in range(101, 121)]
    assert "Confirmed members 120" in text_of(last)
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert members_on(world.client.get(world.url, {"page": "junk"}).content.decode())[0] == "Person 001"

    # "Not started" names the first 50 of the 80 who have not started M2, across all pages.
    not_started = text.split("Expected modules not started")[1].split("Guidance updates")[0]
    assert "80 members have not started one or more expected modules. The first 50" in text
    assert "Person 001 M2 Responding" in not_started and "Person 074 M2 Responding" in not_started
    assert "Person 076" not in not_started and "Person 003" not in not_started
    assert len(response.context["report"].not_started) == NAMES_SHOWN


def test_the_certificates_expiring_soon_show_the_soonest_50_and_say_how_many_there_are():
    world = World()
    people = add_members(world.organisation, 60)
    for days, person in enumerate(people, start=1):
        certificate(person, world.modules[0], expires_on=TODAY + datetime.timedelta(days=days))
    page = world.client.get(world.url).content.decode()
    assert ("The 50 that expire soonest of 60 (the same on every page of this report). "
            "The CSV and Excel downloads list them all.") in page
    expiring = text_of(page).split("Expires on")[1].split("Each person is emailed")[0]
    assert "Person 050" in expiring and "Person 051" not in expiring


def test_the_downloads_still_give_everyone():
    world = World()
    world.grow(120)
    rows = world.client.get(world.url.rstrip("/") + ".csv").content.decode("utf-8-sig").splitlines()
    members = [row for row in rows if row.startswith("Person ") and ("Completed" in row or "In progress" in row)]
    assert len({row.split(",")[0] for row in members}) == 120
    assert sum(1 for row in rows if row.startswith("Person ") and row.endswith(",M2 Responding")) == 80


def test_the_page_costs_the_same_queries_with_3_members_as_with_130(django_assert_num_queries):
    world = World()
    world.grow(3)
    world.client.get(world.url)  # the session and the site's caches, as on a running site
    with CaptureQueriesContext(connection) as small:
        assert world.client.get(world.url).status_code == 200
    world.grow(127, first=4)
    with django_assert_num_queries(len(small.captured_queries)):
        page = world.client.get(world.url).content.decode()
    assert len(members_on(page)) == MEMBERS_PER_PAGE
    with django_assert_num_queries(len(small.captured_queries)):
        world.client.get(world.url, {"page": 3})
