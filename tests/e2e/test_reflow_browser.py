"""Reflow on a phone (WCAG 1.4.10): at 390 CSS pixels wide the page itself never scrolls sideways.

A learner's certificates are one summary card each, their learning path a GOV.UK task list,
a lead's members one card each. Screenshots of both pages at 390px go to test-artifacts/.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from content.models import LearningPath
from tests.e2e.conftest import axe_violations, sign_in
from tests.factories import (
    CertificateFactory,
    LearnerFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    MembershipFactory,
    OrganisationFactory,
    TrainingModulePageFactory,
    confirmed_member,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
LONG_TITLE = "Recognising and responding to coercive control, stalking and harassment"


def page_scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


# Signed in at desktop width: on a phone the menu is behind its button. The pages are then
# looked at on a 390px phone.


def test_your_learning_with_a_certificate_and_a_learning_path_fits_a_phone(live_server, page):
    learner = LearnerFactory(full_name="Rhiannon Featherstonehaugh-Whitfield")
    module = TrainingModulePageFactory(title=LONG_TITLE, slug="reflow-module")
    CertificateFactory(user=learner, module=module)
    path = LearningPath.objects.filter(sector=learner.sector).first() or LearningPathFactory(
        sector=learner.sector, items=None)
    LearningPathItemFactory(path=path, module=module)

    sign_in(page, live_server.url, learner)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/my-learning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your learning")
    card = page.locator(".govuk-summary-card", has_text=LONG_TITLE)
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name=f"Download PDF for {LONG_TITLE}")).to_be_visible()
    path_list = page.get_by_role("list", name="Modules in your learning path, in order")
    expect(path_list).to_be_visible()
    # Each module's status is whole on screen (it was clipped inside a scrolling table).
    status = path_list.locator(".govuk-task-list__item", has_text=LONG_TITLE).locator(".govuk-tag")
    expect(status).to_have_text("Not started")  # a certificate alone (no enrolment here) is not progress
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reflow-my-learning-390.png"), full_page=True)
    assert not page_scrolls_sideways(page)
    assert axe_violations(page) == []


def test_the_members_page_with_requests_and_members_fits_a_phone(live_server, page):
    lead = LearnerFactory(full_name="Morgan Lead")
    organisation = OrganisationFactory(name="Hertfordshire Community Housing Association", leads=[lead])
    confirmed_member(lead, organisation)
    for number in range(2):
        confirmed_member(LearnerFactory(
            full_name=f"Alexandra Montgomery-Smythe {number}",
            email=f"alexandra.montgomery-smythe.{number}@a-long-organisation-domain.example.org",
        ), organisation)
        MembershipFactory(organisation=organisation, user=LearnerFactory(
            full_name=f"Christopher Worthington-Blake {number}",
            email=f"christopher.worthington-blake.{number}@another-long-domain.example.org",
            organisation=organisation,
        ))

    sign_in(page, live_server.url, lead)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/organisations/members/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Members of your organisation")
    expect(page.get_by_role("heading", name="Requests to join (2)")).to_be_visible()
    expect(page.get_by_role("heading", name="Confirmed members (3)")).to_be_visible()
    expect(page.get_by_role("heading", name="Alexandra Montgomery-Smythe 1")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "reflow-members-390.png"), full_page=True)
    assert not page_scrolls_sideways(page)
    # Cards, not tables: nothing on the page scrolls inside itself either.
    assert page.locator(".app-table-scroll, table").count() == 0
    assert axe_violations(page) == []

    # Removing someone is checked on a page of its own before anything changes.
    page.get_by_role("link", name="Remove Alexandra Montgomery-Smythe 0 from").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Remove Alexandra Montgomery-Smythe 0 from {organisation.name}?"
    )
    assert not page_scrolls_sideways(page)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Remove Alexandra Montgomery-Smythe 0").click()
    expect(page.get_by_role("alert").or_(page.locator(".govuk-notification-banner"))).to_contain_text(
        "Alexandra Montgomery-Smythe 0 is no longer a member"
    )
    expect(page.get_by_role("heading", name="Confirmed members (2)")).to_be_visible()
