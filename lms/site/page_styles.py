"""Which stylesheets a page links besides `css/site.css`, found from the page's own HTML.

`css/site.css` (GOV.UK Frontend's core, the page's frame and our own few styles) is on every page.
Everything else has a stylesheet of its own, listed in `frontend/stylesheets.json` and built by
`frontend/build.mjs`, which a page links only when its HTML uses one of the classes it styles:
GOV.UK components (`css/govuk/<name>.css`, for the classes `govuk-<name>…`), parts split off them
by class (a summary card's rules, beside the summary list's) and our own (`css/lesson.css` for the
`lesson-` classes). So a lesson does not download the directory's pagination, nor the catalogue
the accordion, and no template has to say which stylesheets it needs, or can forget one.
"""

import json
import re
from functools import cache

from django.conf import settings

STYLESHEETS_FILE = settings.BASE_DIR / "frontend" / "stylesheets.json"

_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')


@cache
def stylesheets() -> tuple[tuple[str, re.Pattern], ...]:
    """Each stylesheet's static path and the class names that need it, in the order they load:
    GOV.UK's components (each part after its component), then our own, which may override them."""
    config = json.loads(STYLESHEETS_FILE.read_text(encoding="utf-8"))
    found = []
    for name in config["govuk"]:
        found.append((f"css/govuk/{name}.css", re.compile(rf"^govuk-{re.escape(name)}(?:__|--|$)")))
        found += [
            (f"css/govuk/{part}.css", re.compile(rule["classes"]))
            for part, rule in config["parts"].items()
            if rule["of"] == name
        ]
    found += [(f"css/{name}.css", re.compile(classes)) for name, classes in config["own"].items()]
    return tuple(found)


def classes_in(html: str) -> set[str]:
    """Every class name the HTML's elements carry."""
    return {name for attribute in _CLASS_ATTRIBUTE.findall(html) for name in attribute.split()}


def stylesheet_paths(html: str) -> list[str]:
    """The static paths of the stylesheets `html` needs besides css/site.css, in loading order."""
    names = classes_in(html)
    return [path for path, pattern in stylesheets() if any(pattern.search(name) for name in names)]
