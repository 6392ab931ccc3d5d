"""Lighthouse: the learner's pages on a phone and on a desktop, served as in production.

Run: `make lighthouse` (or `.venv/bin/python bench/lighthouse.py`). Needs `npm ci` (Lighthouse is
pinned in package.json) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium). Not part of
`make test`: it takes a few minutes and its scores depend on the machine.

In a temporary folder it makes a SQLite database with the demo (seed_demo, run with the
development settings: production refuses demo data), collects the static files with the
production settings, and serves the site with gunicorn and the production settings on 127.0.0.1
(SECURE_SSL_REDIRECT and HSTS off, as there is no HTTPS on this address). learner@example.org is
signed in by a session made in the same database with Django's test client; its cookie goes to
Lighthouse as an extra header for the lesson and /my-learning/ (the home page, the catalogue and
the module are audited signed out). The lesson is the first one of the first module in the
catalogue that the learner may start, past its content warning and self-assessment; "lesson-full"
is the first lesson with both GOV.UK's details (a case scenario or a video) and sections, the most
CSS a lesson links.

Prints, per page and preset (mobile, desktop): the four category scores, Largest Contentful Paint,
Cumulative Layout Shift, the bytes transferred and the CSS the page loads (before compression).
Exits 1 when a budget is missed: mobile performance at least 98; accessibility, best practices and
SEO 100; CLS 0; CSS under 30 KiB. /my-learning/ is kept out of search engines on purpose
(robots.txt), so its "is crawlable" audit is left out, and the output says so.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from production import ROOT, environments, gunicorn, manage

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

MOBILE_PERFORMANCE = 98
CSS_BUDGET = 30 * 1024

# Run inside the site (manage.py shell, production settings): the learner ready to read a lesson,
# and a session for them. Prints what the audits need as JSON.
PREPARE = """
import json
from django.conf import settings
from django.test import Client
from content.models import LessonPage, ModuleIndexPage, TrainingModulePage
from lms.accounts.models import User
from lms.learning.progress import acknowledge_warning
from lms.learning.quizzes import record_confidence

learner = User.objects.get(email="learner@example.org")
catalogue = ModuleIndexPage.objects.live().get()
for module in TrainingModulePage.objects.live().child_of(catalogue).order_by("path"):
    lesson = LessonPage.objects.live().child_of(module).order_by("path").first()
    try:
        acknowledge_warning(learner, lesson)
    except Exception:
        continue
    record_confidence(learner, module, "before", None)
    break
# The heaviest kind of lesson: one with a block shown in GOV.UK's details (a case scenario's
# answer, a video's transcript) and sections.
full = None
for candidate in LessonPage.objects.live().order_by("path"):
    kinds = {block.block_type for block in candidate.body}
    if "accordion" in kinds and kinds & {"case_scenario", "video"}:
        try:
            acknowledge_warning(learner, candidate)
            record_confidence(learner, candidate.module, "before", None)
        except Exception:
            continue
        full = candidate
        break
client = Client()
client.force_login(learner)
print(json.dumps({
    "catalogue": catalogue.url, "module": module.url, "lesson": lesson.url,
    "full_lesson": full.url if full else None,
    "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
}))
"""


def run_lighthouse(url: str, preset: str, report: Path, cookie: str | None, skip_crawlable: bool) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        "--disable-full-page-screenshot",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    if skip_crawlable:
        command.append("--skip-audits=is-crawlable")
    result = subprocess.run(  # noqa: S603 - Lighthouse from node_modules with our arguments
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=False,
    )
    if not report.exists():
        return {"runtimeError": {"message": f"{result.stdout}\n{result.stderr}"}}
    return json.loads(report.read_text())


def audit(url: str, preset: str, folder: Path, cookie: str | None, skip_crawlable: bool) -> dict:
    # Lighthouse now and then fails to record Chromium's trace (NO_NAVSTART): that run is repeated,
    # up to twice; a run that completes counts, whatever its scores.
    for _attempt in range(3):
        report = folder / f"{preset}-{len(list(folder.iterdir()))}.json"
        data = run_lighthouse(url, preset, report, cookie, skip_crawlable)
        if not data.get("runtimeError"):
            break
        print(f"    Lighthouse could not finish ({data['runtimeError'].get('code', 'error')}); running it again")
    else:
        sys.exit(f"Lighthouse could not audit {url} ({preset}): {data['runtimeError']}")
    requests = data["audits"]["network-requests"]["details"]["items"]
    below = [
        f"{ref['id']} ({category})"
        for category in CATEGORIES[1:]
        for ref in data["categories"][category]["auditRefs"]
        if ref["weight"] and (data["audits"][ref["id"]].get("score") is not None)
        and data["audits"][ref["id"]]["score"] < 1
    ]
    return {
        "scores": {category: round(data["categories"][category]["score"] * 100) for category in CATEGORIES},
        "lcp": data["audits"]["largest-contentful-paint"]["numericValue"],
        "cls": data["audits"]["cumulative-layout-shift"]["numericValue"],
        "bytes": data["audits"]["total-byte-weight"]["numericValue"],
        "css": sum(item.get("resourceSize", 0) for item in requests if item.get("resourceType") == "Stylesheet"),
        "requests": len(requests),
        "failing": below,
    }


def budget_misses(page: str, preset: str, result: dict) -> list[str]:
    misses = []
    scores = result["scores"]
    if preset == "mobile" and scores["performance"] < MOBILE_PERFORMANCE:
        misses.append(f"performance {scores['performance']} < {MOBILE_PERFORMANCE}")
    misses += [f"{category} {scores[category]} < 100" for category in CATEGORIES[1:] if scores[category] < 100]
    if round(result["cls"], 3) > 0:
        misses.append(f"CLS {result['cls']:.3f} > 0")
    if result["css"] >= CSS_BUDGET:
        misses.append(f"CSS {result['css'] / 1024:.1f} KiB >= {CSS_BUDGET / 1024:.0f} KiB")
    return [f"{page} ({preset}): {miss}" for miss in misses]


def audit_pages(base: str, site: dict, reports: Path) -> list[tuple[str, str, dict]]:
    """Each page on the mobile and desktop presets: (page, preset, result)."""
    pages = [
        ("home", "/", False),
        ("catalogue", site["catalogue"], False),
        ("module", site["module"], False),
        ("lesson", site["lesson"], True),
        ("my-learning", "/my-learning/", True),
    ]
    if site["full_lesson"]:
        pages.insert(4, ("lesson-full", site["full_lesson"], True))
    results = []
    for name, path, signed_in in pages:
        for preset in ("mobile", "desktop"):
            print(f"  auditing {name} ({preset}): {path}", flush=True)
            result = audit(base + path, preset, reports, site["cookie"] if signed_in else None,
                           skip_crawlable=path == "/my-learning/")
            results.append((name, preset, result))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, reports)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"No Lighthouse at {LIGHTHOUSE}: run `npm ci` (or `make assets`).")
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).exists()):
        sys.exit(f"No Chromium at {CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.")

    folder = Path(tempfile.mkdtemp(prefix="vawg-lighthouse-"))
    reports = folder / "reports"
    reports.mkdir()
    # No HTTPS on 127.0.0.1 and no proxy in front: the HTTPS-only settings are off.
    development, production = environments(
        folder, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0", TRUSTED_PROXY_COUNT="0",
    )
    try:
        print("Preparing a demo site with production settings…", flush=True)
        manage(development, "migrate", "--no-input", "--verbosity", "0")
        manage(development, "seed_demo", "--verbosity", "0")
        manage(production, "collectstatic", "--no-input", "--verbosity", "0")
        site = json.loads(manage(production, "shell", "-c", PREPARE).strip().splitlines()[-1])
        with gunicorn(production) as base:
            results = audit_pages(base, site, reports)
    finally:
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print("Lighthouse 12 (simulated throttling on mobile), production settings, gunicorn on 127.0.0.1")
    print(f"{'page':12} {'preset':8} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'LCP ms':>7} {'CLS':>6} "
          f"{'bytes':>10} {'CSS':>9} {'requests':>8}")
    misses = []
    for name, preset, result in results:
        s = result["scores"]
        print(f"{name:12} {preset:8} {s['performance']:4d} {s['accessibility']:4d} {s['best-practices']:4d} "
              f"{s['seo']:4d} {result['lcp']:7.0f} {result['cls']:6.3f} {result['bytes'] / 1024:6.1f} KiB "
              f"{result['css'] / 1024:5.1f} KiB {result['requests']:8d}")
        if result["failing"]:
            print(f"{'':22}below 100 because of: {', '.join(result['failing'])}")
        misses += budget_misses(name, preset, result)
    print()
    print("bytes: transferred (compressed); CSS: stylesheets the page loads, before compression.")
    print("/my-learning/ is disallowed in robots.txt on purpose (personal pages): its SEO score leaves out "
          "the 'is crawlable' audit.")
    print(f"Budgets: mobile performance >= {MOBILE_PERFORMANCE}; accessibility, best practices, SEO 100; "
          f"CLS 0; CSS < {CSS_BUDGET // 1024} KiB.")
    if misses:
        print("Budgets missed:\n  " + "\n  ".join(misses))
        return 1
    print("All budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
