"""Every public page: quick exit, skip links, security headers, nothing from other origins."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/accounts/signup/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/confirm-email/",
    "/quick-exit/",
    "/online-safety/",
]


class PageAudit(HTMLParser):
    """Collects what a page would load, link to and run."""

    def __init__(self):
        super().__init__()
        self.loads, self.links, self.inline_scripts, self.style_attrs, self.style_tags = [], [], 0, 0, 0
        self.ids, self._in_script = set(), False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "style" in attrs:
            self.style_attrs += 1
        if tag == "style":
            self.style_tags += 1
        if tag == "script":
            if attrs.get("src"):
                self.loads.append(attrs["src"])
            elif attrs.get("type") not in ("application/json",):
                self._in_script = True
        if tag in ("img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            self.loads.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.loads.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs.get("class", "")))
        if any(name.startswith("on") for name in attrs):
            self.inline_scripts += 1

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def audit(html: str) -> PageAudit:
    parser = PageAudit()
    parser.feed(html)
    return parser


def is_same_origin(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//") or url.startswith("data:")


@pytest.fixture(params=["anonymous", "signed_in"])
def visitor(request, client, learner):
    if request.param == "signed_in":
        client.force_login(learner)
    return client


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_quick_exit_and_skip_links(client, path):
    response = client.get(path)
    assert response.status_code == 200
    page = audit(response.content.decode())
    exits = [href for href, css in page.links if "govuk-exit-this-page__button" in css]
    assert exits == [settings.QUICK_EXIT_URL]
    skip_targets = [href for href, css in page.links if "govuk-skip-link" in css]
    assert skip_targets[:2] == ["#main-content", "#exit-this-page"]
    assert {"main-content", "exit-this-page"} <= page.ids


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_loads_nothing_from_other_origins_and_runs_no_inline_code(visitor, path):
    response = visitor.get(path, follow=True)
    assert response.status_code == 200
    page = audit(response.content.decode())
    assert page.loads, "every page loads at least its stylesheet"
    assert [url for url in page.loads if not is_same_origin(url)] == []
    assert page.inline_scripts == 0
    assert page.style_attrs == 0
    assert page.style_tags == 0
    # The only link off the site is the quick exit itself.
    external = [href for href, _ in page.links if re.match(r"^(https?:)?//", href)]
    assert set(external) <= {settings.QUICK_EXIT_URL}


def test_signed_in_pages_have_quick_exit_too(client, learner):
    client.force_login(learner)
    for path in ["/", "/profile/", "/accounts/logout/", "/accounts/password/change/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "govuk-exit-this-page__button" in response.content.decode(), path


def test_not_found_page_is_friendly_and_keeps_quick_exit(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "govuk-exit-this-page__button" in body


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/quick-exit/", "/healthz", "/no-such-page/"])
def test_security_headers_are_sent(client, path):
    response = client.get(path)
    csp = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert not any("unsafe-inline" in sources for sources in csp.values())
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_quick_exit_page_explains_history_is_not_erased(client):
    body = client.get("/quick-exit/").content.decode()
    assert "Shift" in body
    assert "does not delete your browsing history" in body
    assert 'href="/online-safety/"' in body


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_unavailable_when_the_database_fails(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_admin_pages_load_nothing_from_other_origins(client, coordinator):
    from tests.conftest import sign_in_with_mfa

    sign_in_with_mfa(client, coordinator)
    for path in ["/admin/", "/admin/organisations/"]:
        page = audit(client.get(path).content.decode())
        assert [url for url in page.loads if not is_same_origin(url)] == [], path


def test_csrf_failure_page_keeps_quick_exit(learner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    response = strict.post("/profile/", {})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Your form could not be sent" in body
    assert "govuk-exit-this-page__button" in body


def _frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    return next(d.strip() for d in policy.split(";") if d.strip().startswith("frame-ancestors"))


def test_editor_previews_a_module_and_a_lesson_framed_by_the_admin_only():
    from content.models import LessonPage
    from lms.site.roles import Role
    from tests.conftest import staff_client
    from tests.content.test_editorial import module_form
    from tests.factories import make_module

    editor = staff_client(Role.EDITOR)
    module = make_module("preview-module", lessons=1)
    prerequisite = make_module("first-module", lessons=0)
    module.prerequisites.set([prerequisite])
    module.save_revision().publish()
    url = f"/admin/pages/{module.pk}/edit/preview/"
    form = {**module_form(), "title": "Previewed module title", "prerequisites": [prerequisite.pk]}
    response = editor.post(url, form)
    assert response.json()["is_valid"], response.content[:1000]
    response = editor.get(url)
    assert response.status_code == 200
    assert "Previewed module title" in response.content.decode()
    assert _frame_ancestors(response) == "frame-ancestors 'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"], "a preview gets the public page policy"

    lesson = LessonPage.objects.child_of(module).get()
    response = editor.get(f"/admin/pages/{lesson.pk}/revisions/{lesson.get_latest_revision().pk}/view/")
    assert response.status_code == 200
    assert "Shared text of lesson 1." in response.content.decode()
    response = editor.get(f"/admin/pages/{module.pk}/revisions/{module.get_latest_revision().pk}/view/")
    assert response.status_code == 200
    assert "First-module" in response.content.decode() or "First module" in response.content.decode()


def test_public_pages_still_cannot_be_framed(client):
    assert _frame_ancestors(client.get("/")) == "frame-ancestors 'none'"
