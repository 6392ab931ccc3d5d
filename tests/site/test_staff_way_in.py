"""Staff find their way into the admin from the public site, and the admin carries the site's name.

Header: a signed-in account with a staff role (its second factor passed) has an "Admin" link in
the service navigation; learners do not. The site's name reads as words, not
"HertfordshireVAWGTraining". Admin: the sidebar logo, the page titles, the sign-in and the
dashboard name the site, never Wagtail.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

ADMIN_LINK = re.compile(r'<a class="govuk-service-navigation__link" href="/admin/"[^>]*>\s*Admin\s*</a>')


def header(html: str) -> str:
    start = html.index('<header class="govuk-template__header">')
    return html[start:html.index("</header>", start)]


def navigation(html: str) -> str:
    start = html.index('<ul class="govuk-service-navigation__list"')
    return html[start:html.index("</ul>", start)]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.COORDINATOR])
def test_staff_see_an_admin_link_in_the_header(role):
    client = staff_client(role)
    html = client.get("/support/").content.decode()
    assert ADMIN_LINK.search(navigation(html)), navigation(html)


def test_an_administrator_sees_the_admin_link():
    admin = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(admin, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, admin)
    assert ADMIN_LINK.search(navigation(client.get("/support/").content.decode()))


def test_learners_and_visitors_have_no_admin_link(client):
    assert "/admin/" not in header(client.get("/support/").content.decode())
    for roles in ([], [Role.CHAMPION], [Role.ORGANISATION_LEAD]):
        client.force_login(LearnerFactory(roles=roles))
        html = client.get("/support/").content.decode()
        assert "/admin/" not in header(html), roles
        assert "Sign out" in navigation(html)


def test_staff_whose_session_skipped_the_second_factor_get_no_admin_link(client, coordinator_without_mfa):
    # Their staff powers are withheld for the session, so nothing in the header offers them.
    client.force_login(coordinator_without_mfa)
    assert "/admin/" not in header(client.get("/support/").content.decode())


def test_the_admin_link_is_marked_current_inside_no_public_page():
    client = staff_client(Role.EDITOR)
    html = client.get("/support/").content.decode()
    assert 'href="/admin/" aria-current' not in html
    assert 'href="/support/" aria-current="page"' in html


def test_the_site_name_in_the_header_reads_as_separate_words(client):
    html = header(client.get("/support/").content.decode())
    link = re.search(r'<a href="/" class="govuk-header__homepage-link[^"]*">(.*?)</a>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", link).strip() == "Hertfordshire VAWG Training"
    # GOV.UK's homepage link pulls the words of its own text together (negative word-spacing,
    # meant for the whitespace around its logo) and resets it only for child elements: the name
    # must be in one, or it reads "HertfordshireVAWGTraining".
    assert re.fullmatch(r"\s*<span[^>]*>\s*Hertfordshire VAWG Training\s*</span>\s*", link), link


# The same, measured in a browser: the gap between the rendered words.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAS_CHROMIUM = bool(shutil.which(CHROMIUM) or Path(CHROMIUM).exists())

# The admin carries the site's name, not Wagtail's.


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_admin_pages_are_titled_with_the_site_name_and_never_wagtail():
    client = staff_client(Role.EDITOR)
    for path in ["/admin/", "/admin/pages/", "/admin/images/", "/admin/no-such-page/"]:
        html = client.get(path).content.decode()
        title = title_of(html)
        assert title.strip().endswith(f"- {settings.SITE_NAME}"), (path, title)
        assert "Wagtail" not in title, (path, title)


def test_the_admin_sidebar_shows_the_sites_mark_and_name_not_the_wagtail_bird():
    html = staff_client(Role.COORDINATOR).get("/admin/").content.decode()
    logo = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S).group(1)
    assert settings.SITE_NAME in logo
    assert 'src="/static/images/favicon.svg"' in logo
    assert "icon-wagtail" not in html, "Wagtail's bird is drawn when the logo block is empty"
    assert '<link rel="icon" href="/static/images/favicon.svg"' in html
    assert "wagtailadmin/images/favicon.ico" not in html
    assert '<link rel="stylesheet" href="/static/css/admin.css">' in html


def test_the_admin_dashboard_is_headed_with_the_site_name():
    html = staff_client(Role.REVIEWER).get("/admin/").content.decode()
    assert re.search(rf'<h1 class="w-h1 w-mt-0">\s*{settings.SITE_NAME}\s*</h1>', html)


def test_the_admin_not_found_page_names_the_site_not_wagtail():
    html = staff_client(Role.EDITOR).get("/admin/no-such-page/").content.decode()
    assert settings.SITE_NAME in html
    assert "Go to Wagtail admin" not in html and "icon-wagtail" not in html


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COORDINATOR])
def test_the_admin_sends_nobody_to_wagtails_own_site(role):
    """No "editor guide" in the account corner, no "What's new" or "Editor Guide" in the help menu."""
    html = staff_client(role).get("/admin/").content.decode()
    assert "wagtail.org" not in html and "editor guide" not in html.lower()
    assert "keyboard-shortcuts-trigger" in html  # the help menu keeps what stays on this site


def test_pages_that_send_people_to_the_coordinator_give_the_address_when_set(client, settings):
    settings.TRAINING_CONTACT_EMAIL = "vawg.training@herts.example.org"
    for path in ["/accounts/password/reset/", "/accounts/inactive/"]:
        html = client.get(path).content.decode()
        assert 'href="mailto:vawg.training@herts.example.org"' in html, path
    settings.TRAINING_CONTACT_EMAIL = ""
    html = client.get("/accounts/inactive/").content.decode()
    assert "the partnership’s training coordinator." in html and "mailto:" not in html


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.EDITOR, Role.COORDINATOR])
def test_every_admin_screen_has_exit_this_page_first(role):
    """The co-production panel (survivors among them) reads content in the admin."""
    client = staff_client(role)
    for path in ["/admin/", "/admin/no-such-page/"]:
        html = client.get(path).content.decode()
        body = html[html.index("<body"):]
        exit_link = f'<a class="site-admin-exit" href="{settings.QUICK_EXIT_URL}"'
        assert exit_link in body, path
        # Before the sidebar and the main content, so it is the first thing a keyboard reaches.
        assert body.index(exit_link) < body.index('id="main"'), path
