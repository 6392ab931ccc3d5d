"""The organisation leads' area in a real browser: a lead finds their organisation from My
learning, opens its White Ribbon action plan, adds an action with the keyboard alone (after a
mistake in the date), records progress on it and sees it. Every page passes axe-core's WCAG 2.2
AA checks with the site's Content-Security-Policy in force, nothing is asked of another site, and
the plan fits a 390px phone without scrolling sideways. Screenshots of the plan at 1280 and 390
pixels wide go to test-artifacts/ and the temporary folder's shots/ (/tmp/shots/)."""

import datetime
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone

from champions.whiteribbon.models import ActionItem, ActionUpdate, Criterion, Focus
from lms.site.roles import Role
from tests.e2e.conftest import axe_violations, sign_in
from tests.factories import (
    ActionItemFactory,
    CertificateFactory,
    EvidenceFactory,
    LearnerFactory,
    OrganisationFactory,
    StageChangeFactory,
    WhiteRibbonPersonFactory,
    accredited_cycle,
    confirmed_member,
    make_module,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = [Path(tempfile.gettempdir()) / "shots", Path(__file__).resolve().parents[2] / "test-artifacts"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def make_plan():
    today = timezone.localdate()
    approved = today - datetime.timedelta(days=200)
    organisation = OrganisationFactory(name="Hatfield Housing Trust")
    lead = LearnerFactory(full_name="Lena Lead", roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    coordinator = LearnerFactory(full_name="Corinne Ordinator", roles=[Role.COORDINATOR])
    cycle = accredited_cycle(organisation, approved_on=approved, lead_contact_name="Sam Whitelead",
                             lead_contact_email="sam.whitelead@hatfield-housing.example.org",
                             steering_group="Ade Chair, chief executive\nBea Member, head of people and culture")
    StageChangeFactory(cycle=cycle, from_stage="", to_stage="interested", on=approved - datetime.timedelta(days=120),
                       by=coordinator, note="The chief executive signed the commitment letter.")
    StageChangeFactory(cycle=cycle, from_stage="submitted", to_stage="accredited", on=approved, by=coordinator,
                       note="Approved by White Ribbon UK's accreditation panel.")
    module = make_module("domestic-abuse-awareness", title="Domestic abuse awareness for housing staff")
    members = [LearnerFactory() for _ in range(5)]
    for member in members:
        confirmed_member(member, organisation)
    for member in members[:2]:
        CertificateFactory(user=member, module=module)
    trained = ActionItemFactory(
        cycle=cycle, year=1, criterion=Criterion.CHANGING_CULTURE, focus=Focus.TRAINING, module=module,
        title="Every housing officer completes the domestic abuse awareness module", owner="Head of housing",
        due_on=approved + datetime.timedelta(days=330), status="amber",
    )
    EvidenceFactory(item=trained, title="Training matrix, March")
    ActionItemFactory(
        cycle=cycle, year=1, criterion=Criterion.STRATEGIC_LEADERSHIP, focus=Focus.POLICIES,
        title="Board adopts a domestic abuse policy for staff", owner="Chief executive",
        due_on=today - datetime.timedelta(days=5), status="red",
    )
    WhiteRibbonPersonFactory(organisation=organisation, name="Tom Okafor", job_title="Caretaker")
    WhiteRibbonPersonFactory(organisation=organisation, name="Jess Patel", role="champion",
                             job_title="Tenancy sustainment officer")
    return organisation, lead, cycle, approved


def shoot(page, name: str) -> None:
    for folder in SHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / name), full_page=True)


def test_a_lead_keeps_their_white_ribbon_plan_up_to_date(live_server, page, offsite_requests):
    from playwright.sync_api import expect

    organisation, lead, cycle, approved = make_plan()
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server.url, lead)

    page.goto(f"{live_server.url}/my-learning/")
    page.get_by_role("link", name="Your organisations and their White Ribbon action plans").click()
    expect(page.get_by_role("heading", name="Your organisations", level=1)).to_be_visible()
    expect(page.get_by_text("2 actions, 1 overdue")).to_be_visible()
    assert axe_violations(page) == []
    shoot(page, "lead_home_1280.png")

    page.get_by_role("link", name="White Ribbon action plan of Hatfield Housing Trust").click()
    expect(page.get_by_role("heading", name="White Ribbon action plan", level=1)).to_be_visible()
    expect(page.get_by_text("1 action is overdue.")).to_be_visible()
    expect(page.get_by_text("2 of 5 confirmed members hold a current certificate for Domestic abuse awareness "
                            "for housing staff (40%)")).to_be_visible()
    assert axe_violations(page) == []
    shoot(page, "lead_plan_1280.png")
    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.get_by_role("heading", name="White Ribbon action plan", level=1)).to_be_visible()
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    shoot(page, "lead_plan_390.png")
    page.set_viewport_size(DESKTOP)

    # Adding an action, with the keyboard alone.
    page.get_by_role("link", name="Add an action").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Add an action", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Action", exact=True).focus()
    page.keyboard.type("Hold a White Ribbon Day stall in the reception")
    page.get_by_label("Raising Awareness").focus()
    page.keyboard.press("Space")
    page.get_by_label("The work of male ambassadors").focus()
    page.keyboard.press("Space")
    page.get_by_label("Year 1", exact=True).focus()
    page.keyboard.press("Space")
    due = approved + datetime.timedelta(days=250)
    page.get_by_label("Day", exact=True).focus()
    page.keyboard.type("31")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type(str(due.year))
    page.keyboard.press("Tab")
    page.keyboard.type("Tom Okafor, White Ribbon ambassador")
    page.get_by_role("button", name="Add the action").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="The due date must be a real date.")).to_be_visible()
    assert not ActionItem.objects.filter(title__startswith="Hold a White Ribbon Day").exists()
    assert axe_violations(page) == []
    shoot(page, "lead_add_action_error_1280.png")
    page.get_by_label("Day", exact=True).focus()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(str(due.day))
    page.get_by_label("Month", exact=True).focus()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(str(due.month))
    page.get_by_role("button", name="Add the action").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("“Hold a White Ribbon Day stall in the reception” is added to the plan for year 1."))\
        .to_be_visible()
    expect(page.get_by_role("heading", name="Hold a White Ribbon Day stall in the reception", level=1)).to_be_visible()
    assert axe_violations(page) == []

    # Recording progress on it.
    page.get_by_label("What has happened?").focus()
    page.keyboard.type("Stall booked for 25 November; posters ordered.")
    page.get_by_label("At risk").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Record progress").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your update is recorded. The action is now “At risk”.")).to_be_visible()
    expect(page.get_by_text("Stall booked for 25 November; posters ordered.")).to_be_visible()
    expect(page.get_by_text("Recorded by Lena Lead")).to_be_visible()
    assert axe_violations(page) == []
    shoot(page, "lead_item_1280.png")
    item = ActionItem.objects.get(title="Hold a White Ribbon Day stall in the reception")
    assert item.status == "amber" and item.due_on == due
    assert ActionUpdate.objects.get(item=item).by == lead

    page.get_by_role("link", name="Back to the action plan").click()
    expect(page.locator(".govuk-summary-card", has_text="Hold a White Ribbon Day stall in the reception")
           .get_by_text("At risk")).to_be_visible()
    assert offsite_requests == []
