"""A new learner's journey in a real browser, keyboard use, quick exit, and axe-core scans."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from lms.accounts.models import User
from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct-horse-battery-7"


def test_sign_up_verify_and_complete_profile_in_the_browser(live_server, page, offsite_requests):
    base = live_server.url
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Create an account").first.click()
    expect(page).to_have_title(re.compile("Create an account"))
    assert axe_violations(page) == []

    # A first attempt with mismatched passwords gets an error summary, and nothing is created.
    page.get_by_label("Email").fill("browser.learner@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm your password").fill("not-the-same-password")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == []
    assert not User.objects.filter(email="browser.learner@example.org").exists()

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm your password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_role("button", name="Confirm")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()

    # Confirming signs the learner in and asks for the profile before anything else.
    expect(page).to_have_url(re.compile(r"/profile/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Complete your profile")
    assert axe_violations(page) == []
    page.get_by_label("Full name").fill("Ayşe Yılmaz")
    page.get_by_label("Job title or role").fill("School nurse")
    page.get_by_label("Education and early years").check()
    page.get_by_label("Organisation", exact=True).fill("Browser Test Academy")
    page.get_by_label("If your organisation is not in the list, what type is it?").select_option("school")
    page.get_by_label("Which district do you mainly work in?").select_option(label="Stevenage")
    page.get_by_role("button", name="Save profile").click()

    # Then on to where signing in leads: Your learning.
    expect(page).to_have_url(f"{base}/my-learning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your learning")
    assert axe_violations(page) == []
    assert User.objects.get(email="browser.learner@example.org").has_complete_profile
    assert offsite_requests == []


def test_sign_in_and_profile_pages_pass_axe(live_server, page, learner, offsite_requests):
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert axe_violations(page) == []
    sign_in(page, live_server.url, learner)
    page.goto(f"{live_server.url}/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/quick-exit/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []
    assert offsite_requests == []


def test_keyboard_user_reaches_skip_links_first(live_server, page):
    page.goto(f"{live_server.url}/accounts/login/")
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to Exit this page"
    page.keyboard.press("Enter")
    assert "Exit this page" in page.evaluate("document.activeElement.textContent")
    assert page.evaluate("document.activeElement.tagName") == "A"


def test_pressing_shift_three_times_leaves_the_site(live_server, page, offsite_requests, settings):
    page.goto(f"{live_server.url}/online-safety/")
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(settings.QUICK_EXIT_URL)
    # The browser was sent to the neutral site (stopped here by the guard, never reaching it).
    assert offsite_requests == [settings.QUICK_EXIT_URL]


def test_exit_button_works_without_javascript(live_server, browser, settings):
    context = browser.new_context(java_script_enabled=False)
    stopped = []
    context.route("https://**", lambda route: (stopped.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    href = page.get_by_role("button", name="Emergency Exit this page").get_attribute("href")
    assert href == settings.QUICK_EXIT_URL
    context.close()
