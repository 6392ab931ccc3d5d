"""What browsers and search engines ask every site for: /robots.txt keeps personal pages, the
certificate look-ups and the staff areas out of search engines and leaves the training open;
/favicon.ico is the site's icon."""

import pytest
from django.contrib.staticfiles import finders

from lms.site.permissions import access_rule_of
from lms.site.views import ROBOTS_DISALLOW
from tests.site.test_permissions import our_patterns

pytestmark = pytest.mark.django_db


def disallowed(robots: str) -> list[str]:
    return [line.removeprefix("Disallow: ") for line in robots.splitlines() if line.startswith("Disallow: ")]


def is_disallowed(path: str, rules: list[str]) -> bool:
    return any(path.startswith(rule) for rule in rules)


def test_robots_txt_is_plain_text_for_every_crawler(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines()[0] == "User-agent: *"
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.parametrize("path", [
    "/verify/", "/verify/ABCD-EFGH-JKLM-NPQR/", "/my-learning/", "/my-learning/attempts/1/", "/profile/",
    "/accounts/login/", "/organisations/", "/organisations/members/", "/champions/", "/champions/apply/",
    "/admin/", "/search/?q=abuse",
])
def test_personal_pages_certificate_checks_and_staff_areas_are_kept_out_of_search_engines(client, path):
    assert is_disallowed(path, disallowed(client.get("/robots.txt").content.decode()))


@pytest.mark.parametrize("path", ["/", "/modules/", "/modules/some-module/", "/modules/some-module/a-lesson/",
                                  "/support/", "/quick-exit/", "/online-safety/"])
def test_the_training_and_support_pages_stay_open_to_search_engines(client, path):
    assert not is_disallowed(path, disallowed(client.get("/robots.txt").content.decode()))


def test_every_address_of_ours_not_open_to_everyone_is_disallowed():
    """A new page for signed-in people (or staff) must be added to ROBOTS_DISALLOW."""
    missing = []
    for route, view in our_patterns():
        path = "/" + route.replace("^", "")
        if access_rule_of(view) != "public" and not is_disallowed(path, list(ROBOTS_DISALLOW)):
            missing.append(path)
    assert missing == []


def test_favicon_ico_leads_to_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert "max-age=86400" in response["Cache-Control"]
    location = response["Location"]
    assert location.startswith("/static/images/favicon") and location.endswith(".ico")
    with open(finders.find("images/favicon.ico"), "rb") as icon:
        data = icon.read()
    assert data[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert 0 < len(data) < 10_000
