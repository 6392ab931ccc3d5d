"""The cascade log: a champion records the briefings they gave, sees their totals and removes
their own; a double submit records one; totals per champion, organisation, district and form of
VAWG add up in the database."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from champions.models import Briefing, Champion
from champions.network import briefing_totals
from content.models import Topic
from lms.accounts.models import District
from tests.champions.factories import BriefingFactory, ChampionFactory
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

BRIEFINGS = "/champions/me/briefings/"


def client_of(champion: Champion) -> Client:
    client = Client()
    client.force_login(champion.user)
    return client


def form_data(**overrides) -> dict:
    day = timezone.localdate() - datetime.timedelta(days=3)
    data = {
        "given_day": str(day.day), "given_month": str(day.month), "given_year": str(day.year),
        "audience": "Ward nurses on the night shift", "people_count": "14", "organisation": "",
        "district": str(District.objects.get(slug="stevenage").pk),
        "topics": [str(Topic.objects.get(slug=slug).pk) for slug in ("domestic-abuse", "stalking-harassment")],
    }
    data.update(overrides)
    return data


def test_a_champion_records_a_briefing_and_sees_it_with_their_totals():
    champion = ChampionFactory()
    client = client_of(champion)
    response = client.post(BRIEFINGS, form_data(), follow=True)
    page = response.content.decode()
    assert "Your briefing for Ward nurses on the night shift (14 people) is recorded." in page
    briefing = Briefing.objects.get(champion=champion)
    assert briefing.people_count == 14
    assert briefing.district.slug == "stevenage"
    assert {topic.slug for topic in briefing.topics.all()} == {"domestic-abuse", "stalking-harassment"}
    so_far = page.split("So far")[1].split("Record a briefing")[0]
    assert "Briefings given" in so_far and ">1<" in so_far
    assert "People briefed" in so_far and ">14<" in so_far
    assert "Ward nurses on the night shift" in page.split("Briefings you recorded")[1]


def test_a_double_submit_records_one_briefing():
    champion = ChampionFactory()
    client = client_of(champion)
    client.post(BRIEFINGS, form_data())
    second = client.post(BRIEFINGS, form_data(), follow=True).content.decode()
    assert "That briefing was already recorded, so it was not added again." in second
    assert Briefing.objects.filter(champion=champion).count() == 1


def test_the_same_briefing_a_few_minutes_later_is_a_second_briefing():
    champion = ChampionFactory()
    client = client_of(champion)
    client.post(BRIEFINGS, form_data())
    Briefing.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    client.post(BRIEFINGS, form_data())
    assert Briefing.objects.filter(champion=champion).count() == 2


@pytest.mark.parametrize(("overrides", "message"), [
    ({"given_year": str(timezone.localdate().year + 1)}, "must be today or in the past"),
    ({"given_day": "1", "given_month": "6", "given_year": "2019"}, "must be on or after 1 January 2020"),
    ({"given_day": "31", "given_month": "2", "given_year": "2026"}, "must be a real date"),
    ({"given_day": "", "given_month": "", "given_year": ""}, "Enter the date you gave the briefing."),
    ({"given_month": ""}, "must include a month"),
    ({"given_day": "eleventh"}, "give the day as a number"),
    ({"people_count": "0"}, "must be at least 1"),
    ({"people_count": "1001"}, "must be 1000 or fewer"),
    ({"people_count": "lots"}, "as a number"),
    ({"audience": "   "}, "Say who the briefing was for."),
    ({"audience": "=HYPERLINK(1)"}, "Start with a letter or a number."),
    ({"topics": []}, "Select at least one form of VAWG"),
    ({"district": ""}, "Choose the district you gave the briefing in."),
    ({"organisation": "999999999"}, "Choose the organisation from the list."),
])
def test_bad_input_is_refused_with_a_message_and_nothing_is_recorded(overrides, message):
    champion = ChampionFactory()
    response = client_of(champion).post(BRIEFINGS, form_data(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not Briefing.objects.exists()


def test_an_organisation_can_be_named_from_the_confirmed_ones():
    champion = ChampionFactory()
    school = OrganisationFactory(name="Oakfield Primary School")
    client_of(champion).post(BRIEFINGS, form_data(organisation=str(school.pk)))
    assert Briefing.objects.get().organisation == school


def test_a_champion_removes_their_own_briefing_after_checking():
    champion = ChampionFactory()
    briefing = BriefingFactory(champion=champion, audience="Year 10 tutors")
    client = client_of(champion)
    page = client.get(f"{BRIEFINGS}{briefing.pk}/delete/").content.decode()
    assert "Remove your briefing for Year 10 tutors?" in page
    assert Briefing.objects.filter(pk=briefing.pk).exists()  # asking changes nothing
    page = client.post(f"{BRIEFINGS}{briefing.pk}/delete/", follow=True).content.decode()
    assert "is removed" in page
    assert not Briefing.objects.filter(pk=briefing.pk).exists()


def test_someone_elses_briefing_is_not_found_and_stays():
    mine, theirs = ChampionFactory(), ChampionFactory()
    briefing = BriefingFactory(champion=theirs)
    client = client_of(mine)
    assert client.get(f"{BRIEFINGS}{briefing.pk}/delete/").status_code == 404
    assert client.post(f"{BRIEFINGS}{briefing.pk}/delete/").status_code == 404
    assert Briefing.objects.filter(pk=briefing.pk).exists()
    assert "Ward nurses" not in client.get(BRIEFINGS).content.decode()


def test_a_person_without_a_champion_record_cannot_log_briefings():
    client = Client()
    client.force_login(LearnerFactory())
    assert client.get(BRIEFINGS).status_code == 403
    assert client.post(BRIEFINGS, form_data()).status_code == 403
    assert not Briefing.objects.exists()


def test_totals_per_champion_organisation_district_and_form_of_vawg():
    ana = ChampionFactory(user=LearnerFactory(full_name="Ana Adeyemi"))
    ben = ChampionFactory(user=LearnerFactory(full_name="Ben Brooks"))
    school = OrganisationFactory(name="Oakfield Primary School")
    watford, stevenage = District.objects.get(slug="watford"), District.objects.get(slug="stevenage")
    abuse, stalking = Topic.objects.get(slug="domestic-abuse"), Topic.objects.get(slug="stalking-harassment")
    BriefingFactory(champion=ana, people_count=10, organisation=school, district=watford, topics=[abuse])
    BriefingFactory(champion=ana, people_count=5, organisation=None, district=stevenage, topics=[abuse, stalking])
    BriefingFactory(champion=ben, people_count=20, organisation=school, district=watford, topics=[stalking])

    totals = briefing_totals()
    assert (totals.briefings, totals.people) == (3, 35)
    # Each champion with their organisation: two champions can share a name.
    assert [(t.label, t.briefings, t.people) for t in totals.by_champion] == [
        (f"Ben Brooks ({ben.organisation.name})", 1, 20), (f"Ana Adeyemi ({ana.organisation.name})", 2, 15)]
    assert [(t.label, t.briefings, t.people) for t in totals.by_organisation] == [
        ("Oakfield Primary School", 2, 30), ("Not given", 1, 5)]
    assert [(t.label, t.briefings, t.people) for t in totals.by_district] == [
        ("Watford", 2, 30), ("Stevenage", 1, 5)]
    # A briefing on two forms of VAWG counts under each.
    assert {(t.label, t.briefings, t.people) for t in totals.by_topic} == {
        (abuse.name, 2, 15), (stalking.name, 2, 25)}


def test_totals_for_a_date_range_include_both_ends():
    champion = ChampionFactory()
    for day, people in ((datetime.date(2026, 1, 31), 1), (datetime.date(2026, 2, 1), 2),
                        (datetime.date(2026, 2, 28), 4), (datetime.date(2026, 3, 1), 8)):
        BriefingFactory(champion=champion, given_on=day, people_count=people)
    totals = briefing_totals(since=datetime.date(2026, 2, 1), until=datetime.date(2026, 2, 28))
    assert (totals.briefings, totals.people) == (2, 6)


def test_totals_cost_the_same_queries_however_many_briefings():
    champion = ChampionFactory()
    BriefingFactory(champion=champion)
    with CaptureQueriesContext(connection) as few:
        briefing_totals()
    for _ in range(30):
        BriefingFactory(champion=ChampionFactory(), organisation=OrganisationFactory())
    with CaptureQueriesContext(connection) as many:
        briefing_totals()
    assert len(many) == len(few)


def test_the_briefings_page_costs_the_same_queries_with_many_briefings(django_assert_max_num_queries):
    champion = ChampionFactory()
    client = client_of(champion)
    BriefingFactory(champion=champion)
    client.get(BRIEFINGS)
    with CaptureQueriesContext(connection) as few:
        client.get(BRIEFINGS)
    for _ in range(30):
        BriefingFactory(champion=champion, organisation=OrganisationFactory())
    with django_assert_max_num_queries(len(few)):
        assert client.get(BRIEFINGS).status_code == 200


@pytest.mark.parametrize("number", ["junk", "0", "-1", "99999999999999999999", "%00"])
def test_the_briefings_page_answers_any_page_number(number):
    champion = ChampionFactory()
    BriefingFactory(champion=champion, audience="Year 10 tutors")
    response = client_of(champion).get(f"{BRIEFINGS}?page={number}")
    assert response.status_code == 200
    assert "Year 10 tutors" in response.content.decode()


@pytest.mark.parametrize("field", ["topics", "district", "organisation"])
def test_a_briefing_with_an_id_no_database_holds_is_refused_not_a_server_error(field):
    champion = ChampionFactory()
    client = Client()
    client.force_login(champion.user)
    value = ["9" * 30] if field == "topics" else "9" * 30
    response = client.post(BRIEFINGS, form_data(**{field: value}))
    assert response.status_code == 200 and not Briefing.objects.exists()
