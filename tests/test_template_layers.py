"""Templates depend one way too: an app's templates load no template tags, name no URLs and
include no templates of an app above it (the same order as the import-linter contract).

import-linter sees Python imports only; `{% load %}`, `{% url %}` and `{% include %}` are string
references it cannot see, so this test reads them.
"""

import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parents[1]
LAYERS = next(
    c["layers"] for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    if c["id"] == "layers"
)  # highest first

LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"""{%\s*url\s+["']([\w:-]+)["']""")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def layer_of(module: str) -> int | None:
    """Index of the layer a dotted module belongs to (0 = highest), or None for third parties.
    Apps side by side in one layer ("lms.reports | lms.privacy") share its index."""
    for index, layer in enumerate(LAYERS):
        for name in layer.split(" | "):
            if module == name or module.startswith(name + "."):
                return index
    return None


def our_template_dirs() -> dict[str, Path]:
    """The templates folder of each app of ours, by app module."""
    found = {}
    for config in apps.get_app_configs():
        folder = Path(config.path) / "templates"
        if layer_of(config.name) is not None and folder.is_dir():
            found[config.name] = folder
    return found


def url_name_modules() -> dict[str, str]:
    """Each URL name (with namespace) to the module of its view."""
    names = {}

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                callback = pattern.callback
                view = getattr(callback, "view_class", None) or callback
                names.setdefault(namespace + pattern.name, view.__module__)

    walk(get_resolver().url_patterns)
    return names


def template_homes(template_dirs: dict[str, Path]) -> dict[str, str]:
    """Each template name found in our apps' folders to the app module it lives in."""
    homes = {}
    for app, folder in template_dirs.items():
        for path in folder.rglob("*"):
            if path.is_file():
                homes.setdefault(path.relative_to(folder).as_posix(), app)
    return homes


def violations(template_dirs: dict[str, Path]) -> list[str]:
    libraries = engines["django"].engine.libraries  # name -> dotted module path
    url_modules = url_name_modules()
    homes = template_homes({**our_template_dirs(), **template_dirs})
    found = []
    for app, folder in template_dirs.items():
        own = layer_of(app)
        for path in sorted(folder.rglob("*.html")) + sorted(folder.rglob("*.txt")):
            text = path.read_text()
            where = f"{app}: {path.relative_to(folder)}"
            for match in LOAD.finditer(text):
                for library in match.group(1).split():
                    module = libraries.get(library, "")
                    target = layer_of(module)
                    if target is not None and target < own:
                        found.append(f"{where} loads {library!r} from {module}")
            for match in URL.finditer(text):
                module = url_modules.get(match.group(1), "")
                target = layer_of(module)
                if target is not None and target < own:
                    found.append(f"{where} names the URL {match.group(1)!r} of {module}")
            for match in INCLUDE.finditer(text):
                home = homes.get(match.group(1))
                target = layer_of(home) if home else None
                if target is not None and target < own:
                    found.append(f"{where} includes {match.group(1)!r} of {home}")
    return found


def test_no_app_template_reaches_up_to_a_higher_app():
    dirs = our_template_dirs()
    assert {"content", "lms.site", "lms.accounts", "lms.organisations", "lms.learning", "lms.certificates"} <= set(dirs)
    assert violations(dirs) == []


@pytest.mark.parametrize("line, expected", [
    ("{% load certificate_bundles %}", "loads 'certificate_bundles' from lms.certificates"),
    ("{% url 'certificate_bundle' 1 %}", "names the URL 'certificate_bundle' of lms.certificates"),
    ('{% include "certificates/bundle_state.html" %}', "includes 'certificates/bundle_state.html' of lms.certificates"),
])
def test_a_lower_template_that_reaches_up_is_reported(tmp_path, line, expected):
    (tmp_path / "organisations").mkdir()
    (tmp_path / "organisations" / "wrong_way.html").write_text(f"<p>{line}</p>\n")
    found = violations({"lms.organisations": tmp_path})
    assert len(found) == 1 and found[0].startswith(f"lms.organisations: organisations/wrong_way.html {expected}"), found


def test_a_lower_template_may_use_the_site_layer_and_third_parties(tmp_path):
    (tmp_path / "page.html").write_text(
        "{% load govuk wagtailcore_tags %}{% url 'quick_exit' %}{% url 'account_login' %}"
        '{% include "site/quick_exit.html" %}'
    )
    assert violations({"lms.organisations": tmp_path}) == []
