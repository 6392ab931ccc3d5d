"""Django's `{# … #}` comment must close on the line it opens: one that runs on to the next line is
not a comment at all, and its text is shown to whoever opens the page."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
OPEN_COMMENT = re.compile(r"{#(?![^\n]*#})")


def test_no_template_leaves_a_one_line_comment_open():
    templates = [
        path for folder in ("templates", "lms", "content", "champions") for path in (ROOT / folder).rglob("*.html")
    ]
    assert len(templates) > 100
    open_comments = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in templates
        for text in [path.read_text()]
        for match in OPEN_COMMENT.finditer(text)
    ]
    assert open_comments == []
