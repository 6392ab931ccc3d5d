"""The champions directory in a browser: filter, open a profile and write to a champion with the
keyboard alone; every page passes axe and fits a 390px phone without scrolling sideways.
Screenshots go to test-artifacts/."""

from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from champions.models import Champion, RelayMessage
from lms.accounts.models import District
from tests.champions.factories import ChampionFactory
from tests.e2e.conftest import axe_violations, sign_in
from tests.factories import LearnerFactory, OrganisationFactory, professional

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}


def tab_to(page, locator, presses: int = 80) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user would (fails if it never does)."""
    for _ in range(presses):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never took the focus")


def make_network():
    dacorum = District.objects.get(slug="dacorum")
    wanted = ChampionFactory(
        user=LearnerFactory(full_name="Zofia Łukasik", job_role="Ward sister",
                            organisation=OrganisationFactory(name="West Herts Hospitals")),
        districts=[dacorum], visibility=Champion.Visibility.PROFESSIONALS,
    )
    ChampionFactory(user=LearnerFactory(full_name="Zofia Other"), visibility=Champion.Visibility.PROFESSIONALS)
    ChampionFactory(user=LearnerFactory(full_name="Hidden Coordinatorsonly"),
                    visibility=Champion.Visibility.COORDINATORS)
    return wanted


def test_a_professional_finds_a_champion_and_writes_to_them_with_the_keyboard_alone(live_server, page):
    wanted = make_network()
    sender = professional(full_name="Sasha Sender")
    sign_in(page, live_server.url, sender)

    # The header's Champions link leads to the directory.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Champions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a champion")
    expect(page.locator("#result-count")).to_have_text("2 champions")
    assert axe_violations(page) == []

    tab_to(page, page.get_by_label("Name, job or organisation"))
    page.keyboard.type("zofia")
    tab_to(page, page.get_by_label("District covered"))
    page.keyboard.type("Dacorum")
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_have_text("1 champion matches your search")
    expect(page.get_by_label("District covered")).to_have_value(str(District.objects.get(slug="dacorum").pk))

    tab_to(page, page.get_by_role("link", name="Zofia Łukasik"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zofia Łukasik")
    expect(page.get_by_text("West Herts Hospitals")).to_be_visible()
    assert wanted.user.email not in page.content()
    assert axe_violations(page) == []

    tab_to(page, page.get_by_role("button", name="Contact this champion"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to Zofia Łukasik")
    expect(page.get_by_label("Email address for the reply")).to_have_value(sender.email)
    assert wanted.user.email not in page.content()
    assert axe_violations(page) == []

    # Sending without the confirmation: the error summary, and nothing sent.
    tab_to(page, page.get_by_label("Your message"))
    page.keyboard.type("Could we talk about referral routes for a colleague's team?")
    tab_to(page, page.get_by_role("button", name="Send message"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(
        "Confirm that your message does not name or describe anyone at risk")
    assert RelayMessage.objects.count() == 0
    assert axe_violations(page) == []

    tab_to(page, page.get_by_label("I have not included names or details of anyone at risk"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Send message"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your message has been sent to Zofia Łukasik")).to_be_visible()
    assert RelayMessage.objects.filter(champion=wanted).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [wanted.user.email]
    assert "referral routes" in mail.outbox[0].body


def test_the_directory_profile_and_relay_pages_fit_a_phone(live_server, page):
    wanted = make_network()
    for number in range(22):  # two pages of results, so the pagination shows too
        ChampionFactory(user=LearnerFactory(full_name=f"Alexandra Montgomery-Smythe {number}"))
    sign_in(page, live_server.url, professional())
    page.set_viewport_size(PHONE)
    ARTIFACTS.mkdir(exist_ok=True)

    for path, heading, name in (
        ("/champions/", "Find a champion", "champions-directory"),
        (f"/champions/{wanted.pk}/", "Zofia Łukasik", "champions-profile"),
        (f"/champions/{wanted.pk}/contact/", "Write to Zofia Łukasik", "champions-relay"),
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth"), path
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/champions/")
    expect(page.get_by_role("navigation", name="Pages of results")).to_be_visible()


def test_a_champion_previews_their_profile_and_pauses_it(live_server, page):
    champion = ChampionFactory(user=LearnerFactory(full_name="Priya Patel"), visibility=Champion.Visibility.CHAMPIONS)
    sign_in(page, live_server.url, champion.user)
    page.goto(f"{live_server.url}/champions/me/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your champion profile")
    assert axe_violations(page) == []

    # The preview opens on the audience she chose; a wider one cannot see her.
    page.get_by_role("link", name="See your profile as each audience sees it").click()
    expect(page.get_by_role("heading", name="Priya Patel", exact=True)).to_be_visible()
    page.get_by_role("link", name="Confirmed professionals").click()
    expect(page.get_by_text("This audience cannot see your profile")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/champions/me/pause/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pause your profile?")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Pause my profile").click()
    expect(page.get_by_text("Your profile is paused")).to_be_visible()
    champion.refresh_from_db()
    assert champion.status == Champion.Status.PAUSED
