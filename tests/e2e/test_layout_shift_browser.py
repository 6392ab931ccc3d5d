"""On a phone the page is drawn in its final layout: the menu is collapsed behind its "Menu"
button from the first paint where scripts run (it used to collapse only when GOV.UK's script ran,
pushing the page up by the height of the list), and open, with no button, where they do not.

The script is held back until the page has been painted, as on a slow connection, so the test
sees the layout before and after it runs: the content must not move, and the browser's own
layout-shift entries must add to 0 at Lighthouse's precision (three decimal places; the menu
collapsing late scored 0.15). Under load CI once measured 0.00001, from a paint part way through
the page; the entries' sources are printed when the check fails.
"""

import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import csp_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 412, "height": 915}

RECORD_LAYOUT_SHIFTS = """
window.__layoutShift = 0;
window.__shifts = [];
const rect = (r) => [r.x, r.y, r.width, r.height];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__layoutShift += entry.value;
    window.__shifts.push({value: entry.value, sources: (entry.sources || []).map((s) => ({
      node: s.node ? (s.node.outerHTML || s.node.nodeName).slice(0, 120) : null,
      before: rect(s.previousRect), after: rect(s.currentRect),
    }))});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Resolves once the page has been painted (an evaluated promise: the page's policy forbids the
# eval that wait_for_function polls with).
FIRST_PAINT = """() => new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    if (list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) {
      observer.disconnect();
      resolve(true);
    }
  }).observe({type: 'paint', buffered: true});
})"""


def menu(page):
    return page.locator(".govuk-service-navigation__list")


def test_the_menu_is_collapsed_from_the_first_paint_and_nothing_moves_when_the_script_runs(live_server, page):
    page.set_viewport_size(PHONE)
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    held = []
    page.route("**/static/js/site.js", lambda route: held.append(route))

    page.goto(f"{live_server.url}/", wait_until="commit")
    try:
        assert page.evaluate(FIRST_PAINT)
        # Painted, and the script not yet run: already the layout it will leave. (A busy browser
        # may paint before it reaches the script's tag: wait for the request, which is held.)
        deadline = time.monotonic() + 10
        while not held and time.monotonic() < deadline:
            page.wait_for_timeout(50)  # lets Playwright deliver the request to the route above
        assert held, "the page asked for its script"
        assert page.evaluate("!document.body.classList.contains('govuk-frontend-supported')")
        # Shown, though still hidden from assistive technology until the script makes it work.
        expect(page.locator(".govuk-service-navigation__toggle")).to_be_visible()
        expect(menu(page)).to_be_hidden()
        top_before = page.locator("#main-content").bounding_box()["y"]
    finally:
        for route in held:
            route.continue_()

    page.wait_for_load_state("load")
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    assert page.locator("#main-content").bounding_box()["y"] == top_before
    assert round(page.evaluate("window.__layoutShift"), 3) == 0, page.evaluate("JSON.stringify(window.__shifts)")
    assert csp_violations(page) == []

    # The button works: the menu opens, with every link.
    page.get_by_role("button", name="Menu").click()
    expect(menu(page).get_by_role("link", name="Training modules")).to_be_visible()


def test_without_javascript_the_menu_is_open_and_has_no_button(live_server, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/modules/")
    # No script to open it: the list is open from the start, and no button that would do nothing.
    expect(menu(page).get_by_role("link", name="Training modules")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    context.close()
