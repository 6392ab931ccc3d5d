"""Browser tests in Debian's headless Chromium, driven by Playwright.

Playwright's own browser download cannot work here, so the tests launch Chromium by path
(CHROMIUM_PATH, default /usr/bin/chromium). Without it they skip with a reason, except under
CI=true, where each of them fails with that reason: a skipped check proves nothing.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# alongside it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Under CI a missing browser fails each browser test with the reason. (A UsageError at collection
# would stop a serial run, but under pytest-xdist it is raised in a worker and ends the run with an
# internal error that hides the reason.)
BROWSER_MISSING = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
    missing = []
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        missing.append(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)")
    if not AXE.exists():
        missing.append(f"no axe-core at {AXE} (npm ci)")
    if not missing:
        return
    reason = "; ".join(missing)
    under_ci = os.environ.get("CI", "").lower() == "true"
    for item in items:
        if "e2e" not in item.keywords:
            continue
        if under_ci:
            item.stash[BROWSER_MISSING] = f"Browser tests cannot run under CI: {reason}"
        else:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if reason := item.stash.get(BROWSER_MISSING, None):
        pytest.fail(reason, pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    # The site's real Content-Security-Policy stays on: a blocked script or style would show.
    return {**browser_context_args, "locale": "en-GB"}


RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def context(context):
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context
    # Before the test database is flushed: let the requests a page started finish (a chooser's
    # modal, the page editor's session pings) and leave the page, so that none reaches the live
    # server while the flush holds the tables (SQLite answers "database table is locked").
    for open_page in context.pages:
        open_page.wait_for_load_state("networkidle")
        open_page.goto("about:blank")


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture
def offsite_requests(context):
    """Every request the pages try to make to a host other than this machine, stopped and listed."""
    attempted = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>")

    context.route("**/*", guard)
    return attempted


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core's WCAG 2.x A and AA rules on the page; return the serious and critical ones.

    Also fails if the page has broken its own Content-Security-Policy. axe-core is evaluated
    through the browser's debugging protocol, which the policy does not govern, so the page is
    checked with its real policy in force.
    """
    # The caller has already waited for the page it means (its heading or URL); this waits for
    # that page's stylesheets and scripts too, so axe never measures a half-styled page.
    page.wait_for_load_state("load")
    page.wait_for_function("document.readyState === 'complete'")
    assert csp_violations(page) == []
    page.evaluate("() => {" + AXE.read_text() + "\n}")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def sign_in(page, base: str, user, password: str = PASSWORD):
    """Sign in through the form and wait until the site shows the person as signed in."""
    from playwright.sync_api import expect

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign out")).to_be_visible()


def sign_out(page, base: str):
    """Sign out through the confirmation form and wait until the site shows it."""
    from playwright.sync_api import expect

    page.goto(f"{base}/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="Sign in", exact=True)).to_be_visible()
