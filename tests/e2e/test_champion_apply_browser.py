"""Applying to be a champion in a real browser, by keyboard alone, and the line manager agreeing
through the emailed link without an account; axe-core scans every page on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from champions.models import Champion, ChampionTier
from tests.e2e.conftest import axe_violations, sign_in, sign_out
from tests.factories import CertificateFactory, LearnerFactory, confirmed_member, make_module

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def focus_and_press(page, locator, key: str) -> None:
    """Move the keyboard's focus to a control and press a key on it, as Tab then the key would."""
    locator.focus()
    expect(locator).to_be_focused()
    page.keyboard.press(key)


def tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus (failing if it never gets it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("Tab never reached the control")


def test_a_learner_applies_and_their_line_manager_agrees_by_keyboard(live_server, page, offsite_requests):
    base = live_server.url
    modules = [make_module("recognising-abuse", lessons=1, title="Recognising abuse"),
               make_module("responding-safely", lessons=1, title="Responding safely")]
    ChampionTier.objects.get(slug="community").pathway_modules.set(modules)
    learner = LearnerFactory(full_name="Priya Shah", job_role="Ward sister")
    confirmed_member(learner)
    for module in modules:
        CertificateFactory(user=learner, module=module)

    sign_in(page, base, learner)
    page.goto(f"{base}/my-learning/")
    expect(page.get_by_role("heading", name="Becoming a champion")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Community champion"))).to_contain_text("Pathway complete")
    apply_link = page.get_by_role("button", name="Apply to be a champion")
    tab_to(page, apply_link)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to be a champion")
    assert axe_violations(page) == []

    # The only tier they can apply for, and their only organisation, are already chosen; Watford
    # (from their profile) is ticked. Untick it to see the error first.
    focus_and_press(page, page.get_by_label("Watford"), "Space")
    page.get_by_label("When can people expect to hear back from you?").focus()
    page.keyboard.type("Weekdays, within two working days")
    page.get_by_label("About you as a champion").focus()
    page.keyboard.type("I want colleagues on the ward to know where to turn.")
    page.get_by_label("Your line manager’s full name").focus()
    page.keyboard.type("Morgan Reed")
    page.get_by_label("Your line manager’s email address").focus()
    page.keyboard.type("morgan.reed@example.org")
    send = page.get_by_role("button", name="Send application")
    tab_to(page, send, limit=10)
    page.keyboard.press("Enter")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose at least one district you cover")
    expect(page).to_have_title(re.compile("^Error:"))
    assert axe_violations(page) == []
    assert not Champion.objects.exists()

    # The error summary's link takes the keyboard to the first district.
    focus_and_press(page, summary.get_by_role("link", name="Choose at least one district you cover"), "Enter")
    expect(page.locator("#id_districts_0")).to_be_focused()
    focus_and_press(page, page.get_by_label("Watford"), "Space")
    focus_and_press(page, page.get_by_label("Stevenage"), "Space")
    # What they typed is still there.
    expect(page.get_by_label("Your line manager’s full name")).to_have_value("Morgan Reed")
    tab_to(page, page.get_by_role("button", name="Send application"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Application sent")
    expect(page.get_by_text("We have emailed your line manager, Morgan Reed")).to_be_visible()
    assert axe_violations(page) == []
    champion = Champion.objects.get(user=learner)
    assert champion.status == Champion.Status.APPLIED
    assert sorted(d.slug for d in champion.districts.all()) == ["stevenage", "watford"]

    # The manager has no account: sign out and open the emailed link.
    [message] = mail.outbox
    assert message.to == ["morgan.reed@example.org"]
    path = re.search(r"/champions/agreement/[^/\s]+/", message.body).group(0)
    sign_out(page, base)
    page.goto(f"{base}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Do you agree to Priya Shah’s time as a champion?"
    )
    expect(page.get_by_text(ChampionTier.objects.get(slug="community").time_commitment)).to_be_visible()
    assert learner.email not in page.content()
    assert axe_violations(page) == []
    tab_to(page, page.get_by_role("button", name="I agree to this time"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert axe_violations(page) == []
    champion.refresh_from_db()
    assert champion.status == Champion.Status.MANAGER_AGREED

    # The link has done its work.
    page.goto(f"{base}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    assert offsite_requests == []
