"""A champion's own pages: changing their profile, previewing it as each audience, pausing,
resuming and stepping down (each checked on a page first), and who may use these pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from champions.models import Champion, Language
from content.models import Topic
from lms.accounts.models import District
from lms.site.roles import Role
from tests.champions.factories import BriefingFactory, ChampionFactory, make_champion, professional
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db
S = Champion.Status
V = Champion.Visibility


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def profile_data(**overrides) -> dict:
    data = {
        "districts": [District.objects.get(slug="dacorum").pk, District.objects.get(slug="st-albans").pk],
        "specialisms": [Topic.objects.get(slug="coercive-control").pk],
        "languages": [Language.objects.first().pk],
        "availability": "Tuesdays and Thursdays",
        "statement": "I work on a busy ward and can point colleagues to the right service.",
        "visibility": V.CHAMPIONS,
    }
    data.update(overrides)
    return data


def test_a_person_without_a_champion_record_is_refused_every_own_page():
    client = signed_in(LearnerFactory())
    for path in ("/champions/me/", "/champions/me/preview/", "/champions/me/pause/", "/champions/me/resume/",
                 "/champions/me/withdraw/", "/champions/me/blocks/"):
        assert client.get(path).status_code == 403, path
    assert client.post("/champions/me/", profile_data()).status_code == 403


def test_a_champion_changes_their_profile_and_the_directory_shows_it():
    champion = ChampionFactory(user=LearnerFactory(full_name="Priya Patel"), visibility=V.COORDINATORS)
    client = signed_in(champion.user)

    page = client.get("/champions/me/").content.decode()
    response = client.post("/champions/me/", profile_data())

    assert "Your champion profile" in page and champion.user.email in page  # their own page only
    assert response.status_code == 302 and response["Location"] == "/champions/me/"
    champion.refresh_from_db()
    assert champion.visibility == V.CHAMPIONS
    assert champion.availability == "Tuesdays and Thursdays"
    assert sorted(d.slug for d in champion.districts.all()) == ["dacorum", "st-albans"]
    assert [t.slug for t in champion.specialisms.all()] == ["coercive-control"]
    assert champion.status == S.ACTIVE  # a profile change is not a change of status
    # Now listed to champions: another champion finds them; a learner still does not.
    other = ChampionFactory().user
    assert "Priya Patel" in signed_in(other).get("/champions/", {"q": "priya"}).content.decode()
    assert "Priya Patel" not in signed_in(professional()).get("/champions/", {"q": "priya"}).content.decode()


def test_a_refused_profile_change_says_why_and_changes_nothing():
    champion = ChampionFactory(availability="Weekdays")
    response = signed_in(champion.user).post("/champions/me/", profile_data(
        districts=[], availability="", visibility="everyone",
    ))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select at least one district you cover" in html
    assert "Say when people can expect an answer" in html
    assert "Choose who can see your profile from the list" in html
    champion.refresh_from_db()
    assert champion.availability == "Weekdays" and champion.districts.count() == 1


@pytest.mark.parametrize("visibility, sees", [
    (V.COORDINATORS, {"coordinators"}),
    (V.CHAMPIONS, {"coordinators", "champions"}),
    (V.PROFESSIONALS, {"coordinators", "champions", "professionals"}),
])
def test_the_preview_shows_the_profile_to_exactly_the_audiences_that_see_it(visibility, sees):
    champion = ChampionFactory(user=LearnerFactory(full_name="Priya Patel"), visibility=visibility)
    BriefingFactory(champion=champion, audience="Ward nurses")
    client = signed_in(champion.user)
    for audience in ("coordinators", "champions", "professionals"):
        html = client.get("/champions/me/preview/", {"as": audience}).content.decode()
        if audience in sees:
            assert "Priya Patel</h2>" in html and "This audience cannot see your profile" not in html
            # Coordinators also see the briefings; nobody else does.
            assert ("Ward nurses" in html) == (audience == "coordinators")
        else:
            assert "This audience cannot see your profile" in html and "Priya Patel</h2>" not in html
        assert champion.user.email not in html


def test_the_preview_of_a_paused_profile_says_nobody_sees_it():
    champion = ChampionFactory(status=S.PAUSED)
    html = signed_in(champion.user).get("/champions/me/preview/", {"as": "coordinators"}).content.decode()
    assert "No one sees your profile in the directory at the moment" in html
    assert "“paused”" in html


def test_pausing_is_checked_first_then_hides_the_profile_and_resuming_brings_it_back():
    champion = make_champion(LearnerFactory(full_name="Priya Patel"))
    client = signed_in(champion.user)

    check = client.get("/champions/me/pause/")
    assert "Pause your profile?" in check.content.decode()
    assert Champion.objects.get(pk=champion.pk).status == S.ACTIVE  # looking changes nothing

    client.post("/champions/me/pause/")
    champion.refresh_from_db()
    assert champion.status == S.PAUSED
    assert champion.history.first().by == champion.user
    assert champion.user.groups.filter(name=Role.CHAMPION).exists()  # still a champion
    assert "Priya Patel" not in signed_in(professional()).get("/champions/").content.decode()
    assert client.get("/champions/me/pause/").status_code == 302  # nothing more to pause

    assert "Put your profile back in the directory?" in client.get("/champions/me/resume/").content.decode()
    client.post("/champions/me/resume/")
    champion.refresh_from_db()
    assert champion.status == S.ACTIVE  # their pathway certificate is still valid
    assert "Priya Patel" in signed_in(professional()).get("/champions/").content.decode()


def test_stepping_down_removes_the_role_and_the_profile():
    champion = ChampionFactory(user=LearnerFactory(full_name="Priya Patel"))
    client = signed_in(champion.user)
    assert "Step down as a champion?" in client.get("/champions/me/withdraw/").content.decode()

    client.post("/champions/me/withdraw/")

    champion.refresh_from_db()
    assert champion.status == S.WITHDRAWN
    assert not champion.user.groups.filter(name=Group.objects.get(name=Role.CHAMPION).name).exists()
    assert "Priya Patel" not in signed_in(professional()).get("/champions/").content.decode()
    # Withdrawn: the form is gone and a stray post changes nothing.
    page = signed_in(champion.user).get("/champions/me/").content.decode()
    assert 'name="availability"' not in page
    signed_in(champion.user).post("/champions/me/", profile_data())
    champion.refresh_from_db()
    assert champion.visibility == V.PROFESSIONALS


def test_an_illegal_change_is_refused_with_a_message():
    champion = ChampionFactory(status=S.WITHDRAWN)
    client = signed_in(champion.user)
    response = client.post("/champions/me/pause/", follow=True)
    champion.refresh_from_db()
    assert champion.status == S.WITHDRAWN
    assert "cannot become “paused”. Nothing was changed." in response.content.decode()


@pytest.mark.parametrize(("status", "linked"), [
    (Champion.Status.ACTIVE, True), (Champion.Status.PAUSED, True), (Champion.Status.APPLIED, False),
])
def test_a_champions_own_page_leads_to_sessions_and_briefings(status, linked):
    """The network's sessions and the cascade log were found nowhere from the champion's pages."""
    champion = ChampionFactory(status=status)
    page = signed_in(champion.user).get("/champions/me/").content.decode()
    assert ('href="/champions/sessions/"' in page) is linked
    assert ('href="/champions/me/briefings/"' in page) is linked


def test_coordinators_notes_are_not_shown_to_the_champion():
    """A withdrawal reason or an agreement note is for coordinators (attacker review)."""
    from champions.services import approve, record_manager_agreement

    champion = ChampionFactory(status=Champion.Status.APPLIED, visibility=V.COORDINATORS)
    coordinator = LearnerFactory(full_name="Cora Coordinator")
    record_manager_agreement(champion, by=coordinator, note="PRIVATE: phoned the ward manager")
    approve(champion, by=coordinator, reason="INTERNAL: checked with HR")
    client = signed_in(champion.user)
    for path in ("/champions/me/", "/champions/me/preview/?as=coordinators", "/champions/me/preview/"):
        page = client.get(path).content.decode()
        assert "PRIVATE:" not in page and "INTERNAL:" not in page, path
    page = client.get("/champions/me/").content.decode()
    assert "Cora Coordinator" in page  # who made each change is still said


@pytest.mark.parametrize("field", ["districts", "specialisms", "languages"])
@pytest.mark.parametrize("value", ["9" * 30, str(-(2**63) - 1)])
def test_ids_no_database_holds_are_a_form_error_not_a_server_error(field, value):
    champion = ChampionFactory()
    response = signed_in(champion.user).post("/champions/me/", profile_data(**{field: [value]}))
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
