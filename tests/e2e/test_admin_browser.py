"""The Wagtail admin works under the site's Content-Security-Policy, behind two-factor sign-in."""

import re

import pytest
from playwright.sync_api import expect

from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, totp_code
from tests.e2e.conftest import csp_violations
from tests.factories import LearnerFactory, make_module

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_signs_in_with_a_code_and_the_page_editor_runs_without_csp_errors(live_server, page, offsite_requests):
    editor = LearnerFactory(roles=[Role.EDITOR])
    set_up_totp(editor, TOTP_SECRET)
    module = make_module("admin-check", lessons=1)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Email").fill(editor.email)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/content/lessonpage/{module.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("New: Lesson page")
    # The image chooser opens: it relies on the admin's own scripts.
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(module.title)
    page.get_by_role("button", name="Choose an image").first.click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert csp_violations(page) == []
    assert offsite_requests == []
