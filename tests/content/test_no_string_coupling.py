"""content sits below lms: its templates and code reach the learning engine only through
content.learning (whose dataclasses carry the URLs), never by lms URL names or template tags.
Only lms.site, the bottom layer (the govuk tags, the shared cache), is below content."""

import re
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[2] / "content"

# URL names lms defines (lms.site's quick_exit and online_safety are the bottom layer, usable by all).
LMS_URL_NAMES = {
    "lesson_complete", "warning_acknowledge", "my_learning", "profile", "quiz", "quiz_start", "attempt",
    "attempt_check", "attempt_result", "confidence", "certificate_pdf", "verify", "verify_code",
    "organisation_members", "staff_certificates_zip",
}
URL_TAG = re.compile(r"""{%\s*url\s+['"]([\w:-]+)['"]""")
REVERSE = re.compile(r"""(?:reverse|redirect|resolve_url|reverse_lazy)\(\s*['"]([\w:-]+)['"]""")
LOAD_TAG = re.compile(r"{%\s*load\s+([^%]+)%}")
# Wagtail's and Django's, lms.site's govuk (the bottom layer) and content's own.
ALLOWED_LIBRARIES = {"wagtailcore_tags", "wagtailimages_tags", "wagtailadmin_tags", "static", "i18n", "govuk"} | {
    path.stem for path in (CONTENT / "templatetags").glob("*.py") if path.stem != "__init__"
}


def problems_in(path: Path, text: str) -> list[str]:
    found = []
    for name in URL_TAG.findall(text) + REVERSE.findall(text):
        if name.split(":")[-1] in LMS_URL_NAMES:
            found.append(f"{path}: lms URL name {name!r}")
    for libraries in LOAD_TAG.findall(text):
        for library in libraries.split():
            if library != "from" and library not in ALLOWED_LIBRARIES:
                found.append(f"{path}: template tag library {library!r}")
    if "/accounts/login/" in text:
        found.append(f"{path}: hard-coded /accounts/login/ (use settings.LOGIN_URL or the interface)")
    if re.search(r"^\s*(from|import)\s+lms\b(?!\.site\b)", text, re.MULTILINE):
        found.append(f"{path}: imports lms (other than lms.site, the bottom layer)")
    return found


def content_files():
    yield from sorted((CONTENT / "templates").rglob("*.html"))
    yield from sorted(CONTENT.glob("*.py"))


def test_content_names_no_lms_url_tag_library_or_login_path():
    problems = [p for path in content_files() for p in problems_in(path.relative_to(CONTENT.parent), path.read_text())]
    assert problems == []


def test_the_scan_catches_what_the_content_templates_used_to_contain():
    # Lines from content's templates and models before the interface carried the URLs.
    old = {
        "lesson_page.html": """<form method="post" action="{% url 'lesson_complete' page.pk %}">""",
        "content_warning.html": """<form action="{% url 'warning_acknowledge' page.pk %}">""",
        "lesson_unavailable.html": """<a class="govuk-link" href="{% url 'my_learning' %}">your learning</a>""",
        "home_page.html": """<a href="{% url 'profile' %}">Your profile</a>""",
        "models.py": """return redirect(f"/accounts/login/?{urlencode({'next': request.get_full_path()})}")""",
        "tags.html": """{% load wagtailcore_tags learning_tags %}""",
    }
    for name, text in old.items():
        assert problems_in(Path(name), text), name
    assert problems_in(Path("x.html"), """{% url 'quick_exit' %} {% url 'account_login' %} {% load govuk %}""") == []
    assert problems_in(Path("x.py"), "from lms.learning.access import catalogue\n")
    assert problems_in(Path("x.py"), "import lms.site_extra\n")
    assert problems_in(Path("x.py"), "from lms.site.shared_cache import SharedCache\n") == []
