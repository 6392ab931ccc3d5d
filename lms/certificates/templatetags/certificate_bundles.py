"""Filters for the certificates app's own templates."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def clock_time(value) -> str:
    """A time as GOV.UK writes it, in the site's time zone: 9:05am, 3:17pm, midday, midnight."""
    local = timezone.localtime(value)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    return f"{local.hour % 12 or 12}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"
