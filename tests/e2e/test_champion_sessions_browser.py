"""Network sessions and briefings in a real browser: a champion books a place, sees the online
link and the calendar file, records a briefing after a mistake, and every page passes axe-core's
WCAG 2.2 AA checks with the site's Content-Security-Policy in force.
"""

import pytest

from tests.champions.factories import ChampionFactory, NetworkSessionFactory
from tests.e2e.conftest import axe_violations, sign_in
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_champion_books_a_session_and_records_a_briefing(live_server, page):
    from playwright.sync_api import expect

    champion = ChampionFactory(user=LearnerFactory(full_name="Priya Champion"))
    NetworkSessionFactory(topic="Network update: stalking", online_link="https://meet.example.org/room-42",
                          place="", capacity=2)
    sign_in(page, live_server.url, champion.user)

    page.goto(f"{live_server.url}/champions/sessions/")
    expect(page.get_by_role("heading", name="Network sessions", level=1)).to_be_visible()
    expect(page.get_by_text("2 places left of 2.")).to_be_visible()
    expect(page.get_by_role("link", name="join the session online")).to_have_count(0)
    assert axe_violations(page) == []

    page.get_by_role("button", name="Book a place at Network update: stalking").click()
    expect(page.get_by_text("You have a place at “Network update: stalking”")).to_be_visible()
    expect(page.get_by_role("link", name="join the session online")).to_have_attribute(
        "href", "https://meet.example.org/room-42")
    expect(page.get_by_role("link", name="Add “Network update: stalking” to your calendar (calendar file)")) \
        .to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Record the briefings you have given").click()
    expect(page.get_by_role("heading", name="Your briefings", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Day", exact=True).fill("31")
    page.get_by_label("Month", exact=True).fill("2")
    page.get_by_label("Year", exact=True).fill("2026")
    page.get_by_label("Who was it for?").fill("Reception staff")
    page.get_by_label("How many people did you brief?").fill("9")
    page.get_by_label("In which district did you give it?").select_option(label="Watford")
    page.get_by_label("Domestic abuse", exact=True).check()
    page.get_by_role("button", name="Record briefing").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="The date the briefing was given must be a real date.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Day", exact=True).fill("27")
    page.get_by_role("button", name="Record briefing").click()
    expect(page.get_by_text("Your briefing for Reception staff (9 people) is recorded.")).to_be_visible()
    expect(page.get_by_role("heading", name="Reception staff, 27 February 2026")).to_be_visible()

    page.get_by_role("link", name="Remove the briefing for Reception staff on 27 February 2026").click()
    expect(page.get_by_role("heading", name="Remove your briefing for Reception staff?")).to_be_visible()
    assert axe_violations(page) == []
