"""`{{ value|govuk_richtext }}`: Wagtail's `richtext` filter, in GOV.UK's classes (content.rich_text)."""

from django import template
from wagtail.templatetags.wagtailcore_tags import richtext

from content.rich_text import with_govuk_classes

register = template.Library()


@register.filter
def govuk_richtext(value):
    return with_govuk_classes(richtext(value))
