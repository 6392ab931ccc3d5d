"""Rich text in GOV.UK's own classes.

The editor's rich text has no classes: its paragraphs, lists, headings and links are given
GOV.UK's (body text, bullet and numbered lists, medium and small headings, links) as it is
shown, so they look like the rest of the page with no stylesheet of their own.
"""

import re

from django.utils.safestring import SafeString, mark_safe

CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "a": "govuk-link",
}

_OPENING_TAG = re.compile(r"<(p|ul|ol|h2|h3|a)(?=[\s>])([^>]*)>")


def _with_class(match: re.Match) -> str:
    name, attributes = match.groups()
    if re.search(r"\sclass\s*=", attributes):
        return match.group(0)
    return f'<{name} class="{CLASSES[name]}"{attributes}>'


def with_govuk_classes(html: str) -> SafeString:
    """`html` (rendered rich text, already safe) with GOV.UK's class on each paragraph, list,
    heading and link that has no class of its own."""
    return mark_safe(_OPENING_TAG.sub(_with_class, str(html)))  # noqa: S308 - adds fixed class names to safe HTML
