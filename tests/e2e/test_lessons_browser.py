"""Lessons in a real browser: tailored text by sector (with screenshots), progress, axe scans."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from content.models import LessonPage, Sector
from tests.e2e.conftest import RECORD_CSP_VIOLATIONS, axe_violations, sign_in, sign_out
from tests.factories import LearnerFactory, make_module, rich, variant

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_health_and_housing_learners_see_their_own_variant(live_server, browser, offsite_requests):
    warning = "This module mentions domestic abuse."
    module = make_module("tailored-in-browser", lessons=2, content_warning=warning, body=[
        rich("Shared: abuse often continues after separation."),
        variant(["health"], "For clinicians: ask about abuse only when the patient is alone."),
        variant(["housing"], "For housing officers: a move can be the most dangerous time."),
        {"type": "signpost", "value": {"service": _service().pk, "text": "Free, 24 hours."}},
    ])
    lesson_url = LessonPage.objects.child_of(module).first().url
    ARTIFACTS.mkdir(exist_ok=True)
    seen = {}
    for sector in ("health", "housing"):
        learner = LearnerFactory(sector=Sector.objects.get(slug=sector))
        context = browser.new_context()
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        sign_in(page, live_server.url, learner)
        page.goto(f"{live_server.url}{lesson_url}")
        expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
        assert axe_violations(page) == []
        page.get_by_role("button", name="Continue to the lesson").click()
        expect(page.locator("main")).to_contain_text("Shared: abuse often continues after separation.")
        page.screenshot(path=str(ARTIFACTS / f"lesson-{sector}.png"), full_page=True)
        seen[sector] = page.locator("main").inner_text()
        assert axe_violations(page) == []
        context.close()
    assert "ask about abuse only when the patient is alone" in seen["health"]
    assert "a move can be the most dangerous time" not in seen["health"]
    assert "a move can be the most dangerous time" in seen["housing"]
    assert "ask about abuse only when the patient is alone" not in seen["housing"]


def _service():
    from content.models import SupportService

    return SupportService.objects.get_or_create(
        slug="national-domestic-abuse-helpline",
        defaults={"name": "National Domestic Abuse Helpline", "phone": "0808 2000 247", "hours": "24 hours"},
    )[0]


def test_learner_marks_lessons_complete_and_resumes_from_the_dashboard(live_server, page, offsite_requests):
    module = make_module("resume-in-browser", lessons=3, title="Resume in browser")
    learner = LearnerFactory()
    sign_in(page, live_server.url, learner)
    page.goto(f"{live_server.url}{module.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Resume in browser")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Start module").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1")
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 2")
    sign_out(page, live_server.url)

    sign_in(page, live_server.url, learner)
    page.goto(f"{live_server.url}/my-learning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your learning")
    assert axe_violations(page) == []
    expect(page.locator("main")).to_contain_text("1 of 3 lessons complete")
    page.get_by_role("button", name="Continue: Lesson 2").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 2")
    page.goto(f"{live_server.url}/modules/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training modules")
    assert axe_violations(page) == []
    assert offsite_requests == []
