"""Lesson feedback in a real browser, keyboard and screen reader checks by axe-core: the section
at the end of a lesson, the form with and without errors (on a phone's width), the thank-you
state; then the moderator's queue and the panel's page in the admin."""

import pytest
from playwright.sync_api import expect

from lms.demo.two_factor import set_up_totp
from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.e2e.conftest import RECORD_CSP_VIOLATIONS, axe_violations, sign_in
from tests.e2e.test_whiteribbon_admin import page_violations as admin_violations
from tests.factories import LearnerFactory, make_module

# Without Chromium or axe-core these skip with the reason, except under CI=true, where the run
# fails (tests/e2e/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.e2e]


def test_a_learner_gives_feedback_by_keyboard_and_it_reaches_the_panel_masked(live_server, browser, page,
                                                                               offsite_requests):
    module = make_module("feedback-in-browser", lessons=1, title="Feedback in browser")
    lesson = module.lessons().get()
    sign_in(page, live_server.url, LearnerFactory())
    page.set_viewport_size({"width": 412, "height": 900})  # a phone, once signed in
    page.goto(f"{live_server.url}{lesson.url}")
    section = page.locator("#lesson-feedback")
    expect(section).to_contain_text("Your feedback on this lesson")
    assert axe_violations(page) == []

    section.get_by_role("button", name="Give feedback").click()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select whether the lesson was clear")
    assert axe_violations(page) == []

    page.get_by_role("group", name="Was this lesson clear?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was this lesson useful for your work?").get_by_label("Partly").check()
    page.get_by_label("Anything else").fill("Mr Tom Jones (tom@example.org, 01923 222333) found it useful.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#lesson-feedback")).to_contain_text("You gave feedback on this lesson.")
    assert axe_violations(page) == []
    assert offsite_requests == []

    feedback = LessonFeedback.objects.get()
    assert feedback.masked_comment == "[name removed] ([email removed], [phone removed]) found it useful."

    moderator = LearnerFactory(roles=[Role.MODERATOR])
    set_up_totp(moderator, TOTP_SECRET)
    context = browser.new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(moderator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    page.goto(f"{live_server.url}/admin/feedback/screening/")
    expect(page.locator("main")).to_contain_text("[email removed]")
    expect(page.locator("main")).not_to_contain_text("tom@example.org")
    assert admin_violations(page) == []  # less the admin's brand link, as in tests/e2e
    page.get_by_role("button", name="Release feedback on Lesson 1").click()
    expect(page.locator("main")).to_contain_text("No feedback is waiting to be screened.")
    page.goto(f"{live_server.url}/admin/feedback/")
    expect(page.locator("main")).to_contain_text("[name removed] ([email removed], [phone removed]) found it useful.")
    assert admin_violations(page) == []  # less the admin's brand link, as in tests/e2e
    page.goto("about:blank")
    context.close()
    assert LessonFeedback.objects.get().status == FeedbackStatus.RELEASED
