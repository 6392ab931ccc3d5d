"""The browser fixtures of tests/e2e (Debian's Chromium, the site's CSP recorded, requests to
other hosts stopped), for the feedback journey in a browser (test_feedback_browser.py)."""

from tests.e2e.conftest import (  # noqa: F401  (fixtures)
    browser_context_args,
    browser_type_launch_args,
    context,
    offsite_requests,
)
