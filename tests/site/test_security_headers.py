"""The Content-Security-Policy (django-csp) is strict on the site, looser only where Wagtail's
admin needs it; every response says no page may use the camera, microphone or location."""

import pytest

from tests.conftest import sign_in_with_mfa

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    """The policy as {directive: sources}; the order of directives in the header means nothing."""
    policy = response["Content-Security-Policy"]
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {name: sources for name, sources in parts}


STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "frame-src": "'self'",
}


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/verify/", "/healthz", "/no-such-page/"])
def test_public_pages_load_nothing_from_elsewhere_and_run_no_inline_script(client, path):
    response = client.get(path)
    assert directives(response) == STRICT
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), interest-cohort=()"


def test_the_admin_allows_its_own_inline_scripts_and_styles_and_frames_only_itself(client, coordinator):
    sign_in_with_mfa(client, coordinator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert directives(response) == {
        **STRICT,
        "script-src": "'self' 'unsafe-inline'",
        "style-src": "'self' 'unsafe-inline'",
        "frame-ancestors": "'self'",
    }
    assert "Permissions-Policy" in response


def test_a_visitor_sent_away_from_the_admin_gets_the_admin_policy_still_without_other_origins(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert directives(response)["default-src"] == "'self'"
    assert directives(response)["frame-ancestors"] == "'self'"
