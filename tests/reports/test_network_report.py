"""The champions network report: champions by district, language, tier and sector with their
briefings and sessions attended, worked out by hand; filters; two queries at any size; the page."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from champions.models import Champion, ChampionTier
from lms.reports.figures import Filters, network_figures
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import (
    BriefingFactory,
    ChampionFactory,
    LanguageFactory,
    NetworkSessionFactory,
    SessionBookingFactory,
)
from tests.reports.fixtures import at, training_world

pytestmark = pytest.mark.django_db

MARCH = Filters(since=datetime.date(2026, 3, 1), until=datetime.date(2026, 3, 31))


def network_world():
    world = training_world()
    polish = LanguageFactory(name="Polish")
    c1 = ChampionFactory(user=world.l1, sector=world.health, districts=[world.watford, world.dacorum],
                         languages=[polish], tier=ChampionTier.objects.get(slug="community"))
    c2 = ChampionFactory(user=world.l3, sector=world.housing, districts=[world.watford],
                         tier=ChampionTier.objects.get(slug="lead"), status=Champion.Status.REFRESHER_DUE)
    lapsed = ChampionFactory(user=world.l2, sector=world.health, status=Champion.Status.LAPSED)
    for champion, day, people in ((c1, "2026-03-05", 10), (c1, "2026-03-20", 5), (c2, "2026-03-10", 7),
                                  (c2, "2026-01-10", 100), (lapsed, "2026-03-05", 50)):
        BriefingFactory(champion=champion, given_on=datetime.date.fromisoformat(day), people_count=people)
    s1 = NetworkSessionFactory(starts_at=at("2026-03-15"))
    s2 = NetworkSessionFactory(starts_at=at("2026-03-25"))
    cancelled = NetworkSessionFactory(starts_at=at("2026-03-26"), cancelled_at=timezone.now())
    april = NetworkSessionFactory(starts_at=at("2026-04-10"))
    for session, champion, attended in ((s1, c1, True), (s1, c2, False), (s2, c2, True), (cancelled, c1, True),
                                        (april, c1, True), (s1, lapsed, True)):
        SessionBookingFactory(session=session, champion=champion, attended=attended)
    return world


def counts(line) -> tuple:
    return (line.label, line.champions, line.briefings, line.people_briefed, line.sessions_attended)


def test_network_by_district_counts_a_champion_under_each_district_they_cover():
    world = network_world()
    figures = network_figures(MARCH, "district")
    assert [counts(line) for line in figures.lines] == [
        (world.dacorum.name, 1, 2, 15, 1),
        (world.watford.name, 2, 3, 22, 2),
    ]
    # The lapsed champion, January's briefing, the cancelled and April's sessions are left out.
    assert counts(figures.total) == ("In all", 2, 3, 22, 2)


def test_network_by_language_tier_and_sector():
    network_world()
    assert [counts(line) for line in network_figures(MARCH, "language").lines] == [
        ("Polish", 1, 2, 15, 1), ("Not given", 1, 1, 7, 1),
    ]
    assert [counts(line) for line in network_figures(MARCH, "tier").lines] == [
        ("Community champion", 1, 2, 15, 1), ("Lead champion", 1, 1, 7, 1),
    ]
    assert [counts(line) for line in network_figures(Filters(), "sector").lines] == [
        ("Health", 1, 2, 15, 2), ("Housing", 1, 2, 107, 1),
    ]


def test_filters_narrow_the_network():
    world = network_world()
    assert counts(network_figures(Filters(sector=world.housing), "tier").total) == ("In all", 1, 2, 107, 1)
    assert counts(network_figures(Filters(district=world.dacorum), "tier").total) == ("In all", 1, 2, 15, 2)
    assert counts(network_figures(Filters(organisation=world.org_2), "tier").total) == ("In all", 1, 2, 107, 1)


@pytest.mark.parametrize("group_by", ["district", "sector", "specialism", "language", "tier", "organisation"])
def test_the_network_report_costs_two_queries_at_any_size(django_assert_num_queries, group_by):
    network_world()
    with django_assert_num_queries(2):
        network_figures(MARCH, group_by)
    for champion in ChampionFactory.create_batch(15):
        BriefingFactory(champion=champion, given_on=datetime.date(2026, 3, 2), people_count=1)
    with django_assert_num_queries(2):
        figures = network_figures(MARCH, group_by)
    assert figures.total.champions == 17
    assert figures.total.people_briefed == 37


def test_coordinator_reads_the_network_report_without_a_module_filter():
    network_world()
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/reports/network/", {"group_by": "district", "since": "2026-03-01"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Champions by district covered" in page
    assert 'name="module"' not in page
    assert "Champions network: From 1 March 2026 to today</caption>" in page
    response = client.get("/admin/reports/network/", {"group_by": "language", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")


def test_a_network_download_names_its_filters_but_never_a_module():
    world = network_world()
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/reports/network/", {
        "group_by": "tier", "district": world.watford.pk, "module": world.module_a.pk, "export": "csv",
    })
    assert response["Content-Disposition"] == f'attachment; filename="network-tier-{world.watford.slug}.csv"'
    title = response.content.decode("utf-8").lstrip("\ufeff").splitlines()[0]
    assert title == f"Champions network,District: {world.watford.name}; From the start to today"
