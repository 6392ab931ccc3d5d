"""The directory, profiles and the relay page show each viewer exactly the champions that
visibility allows them (issue 11, must show 2), and never a champion's email address."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from champions.models import Champion, Language
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.roles import Role
from tests.champions.factories import (
    BriefingFactory,
    ChampionFactory,
    SessionBookingFactory,
    StatusChangeFactory,
    professional,
)
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

V = Champion.Visibility
VIEWERS = ("anonymous", "unverified", "learner", "champion", "coordinator")
# Which of the three listed champions each viewer may see.
SEES = {
    "anonymous": set(),
    "unverified": set(),
    "learner": {V.PROFESSIONALS},
    "champion": {V.CHAMPIONS, V.PROFESSIONALS},
    "coordinator": {V.COORDINATORS, V.CHAMPIONS, V.PROFESSIONALS},
}
NAMES = {
    V.COORDINATORS: "Zofia Ćwik Coordinatorsonly",
    V.CHAMPIONS: "Zofia Łukasik Championsonly",
    V.PROFESSIONALS: "Zofia Nguyễn Everyone",
}


def champion_named(name: str, **fields) -> Champion:
    return ChampionFactory(user=LearnerFactory(full_name=name), **fields)


@pytest.fixture
def network():
    """One listed champion per visibility choice, and champions nobody sees in the directory."""
    listed = {visibility: champion_named(name, visibility=visibility) for visibility, name in NAMES.items()}
    hidden = [
        champion_named("Zofia Paused", visibility=V.PROFESSIONALS, status=Champion.Status.PAUSED),
        champion_named("Zofia Lapsed", visibility=V.PROFESSIONALS, status=Champion.Status.LAPSED),
        champion_named("Zofia Applied", visibility=V.PROFESSIONALS, status=Champion.Status.APPLIED),
    ]
    return listed, hidden


def viewer_client(kind: str) -> tuple[Client, object]:
    """A signed-in (or not) browser session for one kind of viewer, and who they are."""
    if kind == "coordinator":
        client = staff_client(Role.COORDINATOR)
        return client, client.user
    client = Client()
    if kind == "anonymous":
        return client, None
    if kind == "champion":
        # A champion whose own profile is for coordinators only: they still see it themselves.
        person = champion_named("Viewing Champion", visibility=V.COORDINATORS).user
    else:
        person = professional(full_name="Viewing Person")
    if kind == "unverified":
        EmailAddress.objects.filter(user=person).update(verified=False)
    client.force_login(person)
    return client, person


def names_listed(html: str) -> set[str]:
    return set(re.findall(r'class="govuk-summary-card__title"><a [^>]*>([^<]+)</a>', html))


def emails_of(champions) -> list[str]:
    return [champion.user.email for champion in champions]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_each_viewer_sees_exactly_the_champions_their_audience_allows(viewer, network):
    listed, hidden = network
    client, person = viewer_client(viewer)
    expected = {NAMES[visibility] for visibility in SEES[viewer]}
    if viewer == "champion":
        expected.add("Viewing Champion")
    every_email = emails_of([*listed.values(), *hidden])

    pages = {}
    response = client.get("/champions/")
    if viewer == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    elif viewer == "unverified":
        assert response.status_code == 302 and response["Location"] == "/accounts/email/"
    else:
        html = response.content.decode()
        pages["list"] = html
        assert names_listed(html) == expected
        assert f"{len(expected)} champion{'s' if len(expected) != 1 else ''}" in html
        # Search, accent-blind: "zofia" matches all; "lukasik" only the champions-only profile.
        html = client.get("/champions/", {"q": "ZOFIA"}).content.decode()
        pages["search"] = html
        assert names_listed(html) == expected - {"Viewing Champion"}
        html = client.get("/champions/", {"q": "lukasik"}).content.decode()
        assert names_listed(html) == expected & {NAMES[V.CHAMPIONS]}
        assert f"{len(expected & {NAMES[V.CHAMPIONS]})} champion" in html

    for visibility, champion in listed.items():
        for kind, path in (("profile", f"/champions/{champion.pk}/"), ("relay", f"/champions/{champion.pk}/contact/")):
            response = client.get(path)
            if viewer in ("anonymous", "unverified"):
                assert response.status_code == 302
            elif visibility in SEES[viewer]:
                assert response.status_code == 200, (viewer, visibility, kind)
                assert NAMES[visibility] in response.content.decode()
                pages[f"{kind} {visibility}"] = response.content.decode()
            else:
                assert response.status_code == 404, (viewer, visibility, kind)
    for champion in hidden:  # paused, lapsed, waiting: nobody, coordinators included
        assert client.get(f"/champions/{champion.pk}/").status_code in (302, 404)
        assert client.get(f"/champions/{champion.pk}/contact/").status_code in (302, 404)

    for name, html in pages.items():
        for email in every_email:
            assert email not in html, (viewer, name)


def test_coordinators_see_where_a_champion_stands_and_what_they_have_done(network):
    listed, _ = network
    champion = listed[V.COORDINATORS]
    StatusChangeFactory(champion=champion, reason="Approved after the March panel.")
    BriefingFactory(champion=champion, audience="Ward nurses", people_count=12)
    BriefingFactory(champion=champion, audience="Year 10 tutors", people_count=30)
    SessionBookingFactory(champion=champion, attended=True, session__topic="Network update: stalking")
    SessionBookingFactory(champion=champion, attended=False, session__topic="Missed session")

    html = staff_client(Role.COORDINATOR).get(f"/champions/{champion.pk}/").content.decode()

    assert "For coordinators" in html
    assert "Approved after the March panel." in html
    assert "Morgan Manager" in html  # the line manager
    assert "Network update: stalking" in html and "Missed session" not in html
    assert "2 briefings to 42 people in all." in html
    assert champion.user.email not in html and champion.line_manager_email not in html


def test_other_viewers_do_not_see_the_coordinators_section(network):
    listed, _ = network
    champion = listed[V.PROFESSIONALS]
    BriefingFactory(champion=champion, audience="Ward nurses")
    client = Client()
    client.force_login(professional())
    html = client.get(f"/champions/{champion.pk}/").content.decode()
    assert "Contact this champion" in html
    assert "For coordinators" not in html and "Ward nurses" not in html and "Morgan Manager" not in html


def test_filters_narrow_the_list_and_say_how_many():
    dacorum, stalking = District.objects.get(slug="dacorum"), Topic.objects.get(slug="stalking-harassment")
    polish = Language.objects.get_or_create(name="Polish")[0]
    housing = Sector.objects.get(slug="housing")
    organisation = OrganisationFactory(name="Dacorum Homes")
    match = ChampionFactory(
        user=LearnerFactory(full_name="Alex Match", organisation=organisation), districts=[dacorum],
        specialisms=[stalking], languages=[polish], sector=housing,
    )
    ChampionFactory(user=LearnerFactory(full_name="Bea Other"), districts=[dacorum])
    ChampionFactory(user=LearnerFactory(full_name="Cal Other"), specialisms=[stalking])
    client = Client()
    client.force_login(professional())

    html = client.get("/champions/", {
        "district": dacorum.pk, "specialism": stalking.pk, "language": polish.pk, "sector": housing.pk,
        "organisation": organisation.pk, "tier": match.tier.pk,
    }).content.decode()

    assert names_listed(html) == {"Alex Match"}
    assert "1 champion matches your search" in html
    assert "Clear filters" in html


def test_a_bad_filter_value_is_explained_and_the_others_still_apply():
    dacorum = District.objects.get(slug="dacorum")
    ChampionFactory(user=LearnerFactory(full_name="Alex Dacorum"), districts=[dacorum])
    ChampionFactory(user=LearnerFactory(full_name="Bea Watford"))
    client = Client()
    client.force_login(professional())

    response = client.get("/champions/", {"district": dacorum.pk, "specialism": "99999999999999999999",
                                          "language": "junk", "page": "-3"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem with the filters" in html
    assert "Choose a form of VAWG from the list" in html and "Choose a language from the list" in html
    assert names_listed(html) == {"Alex Dacorum"}


def test_twenty_five_champions_come_in_two_pages_with_govuk_pagination():
    for number in range(25):
        champion_named(f"Person {number:02d}")
    client = Client()
    client.force_login(professional())

    first = client.get("/champions/").content.decode()
    second = client.get("/champions/", {"page": 2}).content.decode()
    beyond = client.get("/champions/", {"page": 999}).content.decode()

    assert "25 champions" in first
    assert len(names_listed(first)) == 20 and len(names_listed(second)) == 5
    assert names_listed(first).isdisjoint(names_listed(second))
    assert 'aria-label="Page 2"' in first and 'rel="next"' in first
    assert 'rel="prev"' in second and 'aria-current="page"' in second
    assert names_listed(beyond) == names_listed(second)  # past the end: the last page


def test_a_champion_whose_refresher_is_due_is_listed_and_marked():
    champion_named("Rita Refresher", status=Champion.Status.REFRESHER_DUE)
    champion_named("Alan Active")
    client = Client()
    client.force_login(professional())
    html = client.get("/champions/").content.decode()
    assert names_listed(html) == {"Rita Refresher", "Alan Active"}
    card = html[html.index("Rita Refresher"):html.index("Alan Active")] if html.index("Rita Refresher") < \
        html.index("Alan Active") else html[html.index("Rita Refresher"):]
    assert "Refresher due" in card
    assert html.count("Refresher due") == 1


def test_signed_in_people_find_champions_in_the_header():
    client = Client()
    client.force_login(professional())
    html = client.get("/champions/").content.decode()
    assert re.search(r'href="/champions/" aria-current="page">\s*<strong[^>]*>Champions</strong>', html)
    assert "Champions</a>" not in Client().get("/verify/").content.decode()


def test_someone_no_organisation_has_confirmed_sees_no_champion_and_is_told_why(network):
    """A confirmed email address is not enough: "professionals" are people an organisation vouched for."""
    client = Client()
    client.force_login(LearnerFactory(full_name="Stranger With An Email"))  # names an organisation, unconfirmed
    html = client.get("/champions/").content.decode()
    assert names_listed(html) == set()
    assert "0 champions" in html and "once a lead there or a coordinator confirms you" in html
    listed = Champion.objects.filter(visibility=V.PROFESSIONALS, status=Champion.Status.ACTIVE).first()
    assert client.get(f"/champions/{listed.pk}/").status_code == 404
    assert client.get(f"/champions/{listed.pk}/contact/").status_code == 404
