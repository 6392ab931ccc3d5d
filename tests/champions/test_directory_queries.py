"""The directory costs the same number of queries with 2,000 champions as with 20 (issue 11,
must show 4, first half): its lists come prefetched and its count is one COUNT."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from champions.models import Champion, ChampionTier, Language
from content.models import Sector, Topic
from lms.accounts.models import District, User
from lms.organisations.names import fold
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory, professional
from tests.conftest import staff_client
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def add_champions(count: int, start: int, organisation) -> None:
    """`count` active champions, made in bulk (save() is skipped, so search_text is filled here),
    each covering two districts with two specialisms and a language, half of them listed to everyone."""
    password = make_password(None)
    users = User.objects.bulk_create([
        User(email=f"bulk{start + n}@example.org", full_name=f"Bulk Person {start + n}", job_role="Nurse",
             password=password, organisation=organisation)
        for n in range(count)
    ])
    tiers, sectors = list(ChampionTier.objects.all()), list(Sector.objects.all())
    visibilities = [Champion.Visibility.PROFESSIONALS, Champion.Visibility.CHAMPIONS]
    champions = Champion.objects.bulk_create([
        Champion(
            user=user, tier=tiers[n % len(tiers)], organisation=organisation, sector=sectors[n % len(sectors)],
            availability="Weekdays", statement="I signpost.", visibility=visibilities[n % 2],
            line_manager_name="Morgan Manager", line_manager_email="manager@example.org",
            status=Champion.Status.ACTIVE if n % 7 else Champion.Status.REFRESHER_DUE,
            search_text=fold(f"{user.full_name} nurse {organisation.name}"),
        )
        for n, user in enumerate(users)
    ])
    districts, topics, languages = list(District.objects.all()), list(Topic.objects.all()), list(Language.objects.all())
    Champion.districts.through.objects.bulk_create([
        Champion.districts.through(champion=c, district=districts[(n + k) % len(districts)])
        for n, c in enumerate(champions) for k in range(2)
    ])
    Champion.specialisms.through.objects.bulk_create([
        Champion.specialisms.through(champion=c, topic=topics[(n + k) % len(topics)])
        for n, c in enumerate(champions) for k in range(2)
    ])
    Champion.languages.through.objects.bulk_create([
        Champion.languages.through(champion=c, language=languages[n % len(languages)]) for n, c in enumerate(champions)
    ])


def queries_for(client, path: str, params: dict) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("viewer", ["learner", "champion", "coordinator"])
def test_the_directory_costs_the_same_queries_with_2000_champions_as_with_20(viewer):
    organisation = OrganisationFactory(name="Hertfordshire Community Trust")
    if viewer == "coordinator":
        client = staff_client(Role.COORDINATOR)
    else:
        person = ChampionFactory().user if viewer == "champion" else professional()
        client = Client()
        client.force_login(person)
    watford = District.objects.get(slug="watford")
    searches = {
        "plain": {},
        "second page": {"page": 2},
        "filtered": {"district": watford.pk, "q": "bulk person", "organisation": organisation.pk},
        "every filter": {"district": watford.pk, "specialism": Topic.objects.first().pk,
                         "language": Language.objects.first().pk, "sector": Sector.objects.first().pk,
                         "tier": ChampionTier.objects.first().pk, "q": "nurse"},
    }

    add_champions(20, 0, organisation)
    queries_for(client, "/champions/", {})  # reads the filters' options into the cache
    small = {name: queries_for(client, "/champions/", params) for name, params in searches.items()}
    add_champions(1980, 20, organisation)
    large = {name: queries_for(client, "/champions/", params) for name, params in searches.items()}

    for name in searches:
        assert large[name][0] == small[name][0], (name, small[name][0], large[name][0])
    # The large run really listed many champions, on full pages.
    assert large["plain"][1].count('class="govuk-summary-card"') == 20
    assert "champions" in large["plain"][1] and "aria-label=\"Page 2\"" in large["plain"][1]


def test_a_profile_costs_the_same_queries_however_much_a_champion_has_done():
    from tests.champions.factories import BriefingFactory, SessionBookingFactory

    client = staff_client(Role.COORDINATOR)
    few, many = ChampionFactory(), ChampionFactory()
    BriefingFactory(champion=few)
    SessionBookingFactory(champion=few, attended=True)
    for _ in range(15):
        BriefingFactory(champion=many)
        SessionBookingFactory(champion=many, attended=True)
    assert queries_for(client, f"/champions/{few.pk}/", {})[0] == queries_for(client, f"/champions/{many.pk}/", {})[0]


def test_a_search_by_district_topic_and_name_reads_no_list_of_options_once_they_are_cached(
    django_assert_max_num_queries,
):
    """Seven queries: the session, the account and its confirmed address, the viewer's own
    champion record, the count, the page and the cards' lists. The filters' choices and the
    names on the cards come from the cache (champions.directory_filters)."""
    watford, topic = District.objects.get(slug="watford"), Topic.objects.first()
    found = ChampionFactory(user=professional(full_name="Efua Searched"), districts=[watford], specialisms=[topic])
    client = Client()
    client.force_login(ChampionFactory().user)
    search = {"district": watford.pk, "specialism": topic.pk, "q": "searched"}
    client.get("/champions/", search)

    with django_assert_max_num_queries(7) as captured:
        html = client.get("/champions/", search).content.decode()

    assert "Efua Searched" in html and f"/champions/{found.pk}/" in html
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("accounts_district", "content_topic", "content_sector", "champions_language",
                  "champions_championtier", "organisations_organisation"):
        assert f'"{table}"' not in tables, table
