"""The front end as built by `make assets` (frontend/build.mjs into static_build/): what each page
links, that it is enough to style the page, that it stays small, and that the script starts every
GOV.UK component the templates use, from one file."""

import json
import re
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

from content.demo.load import load_demo_content
from content.models import LessonPage, ModuleIndexPage, TrainingModulePage
from lms.learning.progress import ProgressError, acknowledge_warning
from lms.learning.quizzes import record_confidence
from lms.site.page_styles import classes_in, stylesheet_paths
from tests.factories import LearnerFactory

ROOT = Path(settings.BASE_DIR)
BUILT = ROOT / "static_build"
GOVUK = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
KIB = 1024
TEMPLATE_FOLDERS = ("templates", "lms", "content", "champions")

_CLASS_IN_CSS = re.compile(r"\.((?:\\.|[\w-])+)")
_LINKED = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)">')


@cache
def classes_styled_by(css_file: Path) -> frozenset[str]:
    """The class names a stylesheet's selectors mention."""
    return frozenset(name.replace("\\", "") for name in _CLASS_IN_CSS.findall(css_file.read_text()))


def linked_stylesheets(html: str) -> list[str]:
    return _LINKED.findall(html)


def css_bytes(html: str) -> int:
    return sum((BUILT / path).stat().st_size for path in linked_stylesheets(html))


def unstyled_govuk_classes(html: str) -> set[str]:
    """GOV.UK classes the page uses that GOV.UK styles but no stylesheet the page links does."""
    styled = set().union(*(classes_styled_by(BUILT / path) for path in linked_stylesheets(html)))
    govuk_styles = classes_styled_by(GOVUK / "govuk-frontend.min.css")
    return {name for name in classes_in(html) if name in govuk_styles and name not in styled}


def template_files():
    for folder in TEMPLATE_FOLDERS:
        yield from (path for path in (ROOT / folder).rglob("*.html") if "node_modules" not in path.parts)


@pytest.fixture
def demo_learner(db):
    """The demo modules, and a learner past the content warning and self-assessment of every
    module they may start."""
    load_demo_content()
    learner = LearnerFactory()
    for module in TrainingModulePage.objects.live():
        for lesson in LessonPage.objects.live().child_of(module):
            try:
                acknowledge_warning(learner, lesson)
            except ProgressError:  # a module with prerequisites: not open to them yet
                break
        else:
            record_confidence(learner, module, "before", None)
    return learner


def test_the_stylesheet_every_page_loads_is_a_fraction_of_gov_uk_frontend():
    site = (BUILT / "css" / "site.css").stat().st_size
    everything = (GOVUK / "govuk-frontend.min.css").stat().st_size
    assert site < 19.5 * KIB, f"css/site.css is {site / KIB:.1f} KiB"
    assert site < everything / 5


def test_every_custom_property_a_stylesheet_reads_is_set_and_the_scripts_breakpoints_stay():
    """The build writes GOV.UK's colours in where they are read and drops their settings from
    :root; nothing may be left reading one that is gone (it would fall back to nothing)."""
    sheets = [path.read_text() for path in BUILT.glob("css/**/*.css") if path.name != "admin.css"]
    set_anywhere = {name for css in sheets for name in re.findall(r"(--[\w-]+):", css)}
    read = {name for css in sheets for name in re.findall(r"var\((--[\w-]+)", css)}
    assert read and read <= set_anywhere, read - set_anywhere
    site = (BUILT / "css" / "site.css").read_text()
    root = re.search(r"(?<![\w-]):root\{([^}]*)\}", site).group(1)
    # GOV.UK's script reads these to know when the menu collapses.
    assert {"--govuk-breakpoint-tablet", "--govuk-breakpoint-desktop"} <= set(re.findall(r"(--[\w-]+):", root))
    # Focus is still GOV.UK's yellow with its dark underline, written as the colours themselves.
    assert re.search(r"\.govuk-link:focus\{[^}]*background-color:#fd0;box-shadow:0-2px #fd0,0 4px #0b0c0c", site)


def test_no_component_stylesheet_is_large_and_print_rules_are_not_sent():
    for path in BUILT.glob("css/*/*.css"):
        assert path.stat().st_size < 10 * KIB, path
        assert "@media print" not in path.read_text(), path


def test_learners_pages_link_only_the_stylesheets_they_use_and_stay_under_30_kib(client, demo_learner):
    client.force_login(demo_learner)
    module = TrainingModulePage.objects.live().order_by("path").first()
    pages = {"/": [], ModuleIndexPage.objects.get().url: [], module.url: [], "/my-learning/": [], "/profile/": []}
    for url in pages:
        html = client.get(url).content.decode()
        pages[url] = linked_stylesheets(html)
        assert css_bytes(html) < 30 * KIB, f"{url}: {css_bytes(html) / KIB:.1f} KiB of CSS"
    assert pages["/"] == ["css/site.css"]
    assert "css/govuk/details.css" not in pages[module.url]


def test_every_lesson_stays_under_30_kib_with_details_and_sections_too(client, demo_learner):
    """GOV.UK's details (a case scenario's answer, a video's transcript) are the largest component a
    lesson links; sections (once GOV.UK's accordion, 8.6 KiB) need no stylesheet of their own."""
    client.force_login(demo_learner)
    seen = set()
    for lesson in LessonPage.objects.live():
        response = client.get(lesson.url)
        if response.status_code == 403:  # a module whose prerequisites the learner has not done
            continue
        html = response.content.decode()
        if "lesson-prose" not in html:  # its content warning or self-assessment, not the lesson
            continue
        if "css/govuk/details.css" in linked_stylesheets(html):
            seen.add("details")
        if any(block.block_type == "accordion" for block in lesson.body):
            seen.add("sections")
        assert css_bytes(html) < 30 * KIB, f"{lesson.url}: {css_bytes(html) / KIB:.1f} KiB of CSS"
    assert seen == {"details", "sections"}


def test_every_gov_uk_class_on_a_page_is_styled_by_a_stylesheet_it_links(client, demo_learner):
    client.force_login(demo_learner)
    urls = ["/", "/modules/", "/my-learning/", "/profile/", "/support/", "/verify/", "/quick-exit/"]
    urls += [lesson.url for lesson in LessonPage.objects.live().order_by("path")]
    urls += [module.url for module in TrainingModulePage.objects.live()]
    details_seen = False
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code == 403:  # a module whose prerequisites the learner has not done
            continue
        assert response.status_code == 200, url
        checked += 1
        html = response.content.decode()
        details_seen |= "css/govuk/details.css" in html
        assert unstyled_govuk_classes(html) == set(), url
    assert details_seen and checked > 20
    client.logout()
    for url in ["/", "/accounts/login/", "/accounts/signup/", "/modules/"]:
        html = client.get(url).content.decode()
        assert unstyled_govuk_classes(html) == set(), url
    # A form with errors: the error summary, messages and fields in their error state.
    html = client.post("/accounts/login/", {"login": "x", "password": ""}).content.decode()
    assert "govuk-error-summary" in html
    assert unstyled_govuk_classes(html) == set()


def test_a_component_stylesheet_is_linked_after_the_site_one_and_in_gov_uk_order():
    html = '<div class="govuk-summary-card"><dl class="govuk-summary-list"></dl></div><p class="govuk-tag lesson-x">'
    assert stylesheet_paths(html) == [
        "css/govuk/summary-list.css", "css/govuk/summary-card.css", "css/govuk/tag.css", "css/lesson.css",
    ]
    assert stylesheet_paths('<p class="govuk-body govuk-!-margin-bottom-0">') == []


def test_every_gov_uk_component_the_templates_use_has_its_styles():
    components = {path.name for path in (GOVUK / "components").iterdir() if path.is_dir()}
    frame = set(re.findall(r"components/([\w-]+)", (ROOT / "frontend" / "scss" / "frame.scss").read_text()))
    config = json.loads((ROOT / "frontend" / "stylesheets.json").read_text())
    covered = frame | set(config["govuk"]) | set(config["parts"])
    used = set()
    for path in template_files():
        used |= {name for name in re.findall(r"govuk-([a-z-]+?)(?:__|--|[\s\"'{])", path.read_text())
                 if name in components}
    assert used - covered == set()


def test_the_script_starts_every_gov_uk_component_the_templates_use():
    source = (ROOT / "frontend" / "js" / "site.mjs").read_text()
    imported = set(re.search(r"import \{([^}]*)\} from \"govuk-frontend\"", source).group(1).replace(",", " ").split())
    modules = set()
    for folder in TEMPLATE_FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".html", ".py"} and "node_modules" not in path.parts:
                attributes = " ".join(re.findall(r'data-module="[^"]*"', path.read_text()))
                modules |= set(re.findall(r"govuk-([a-z-]+)", attributes))
    pascal = {"".join(part.capitalize() for part in name.split("-")) for name in modules}
    assert pascal <= imported
    assert "initAll" not in source  # only the components we use are started


@pytest.mark.django_db
def test_pages_load_one_script_with_no_imports_of_its_own(client):
    html = client.get("/").content.decode()
    assert re.findall(r'<script[^>]*src="/static/([^"]+)"', html) == ["js/site.js"]
    bundle = (BUILT / "js" / "site.js").read_text()
    assert not re.search(r"\bimport\s*[\w{*(\"']", bundle)
    assert "ServiceNavigation" in bundle or "govuk-service-navigation" in bundle


def test_no_page_nests_a_column_in_the_column_base_html_gives_it():
    """base.html puts a page's content in a two-thirds column (its `column` block): a page that
    wants another width changes the block, rather than opening a column inside that one (a form
    about 400 px wide on a desktop)."""
    nested = [
        path.relative_to(ROOT) for path in template_files()
        if '{% extends "base.html" %}' in (text := path.read_text())
        and "{% block column %}" not in text and "govuk-grid-column-" in text
    ]
    assert nested == []
