"""The staff-certificates zip panel that an organisation lead's members page shows.

A template tag rather than view context: the organisations app sits below certificates and
does not import it.
"""

from django import template
from django.utils import timezone

from lms.certificates.models import CertificateBundle

register = template.Library()


@register.inclusion_tag("certificates/staff_certificates_panel.html", takes_context=True)
def staff_certificates_panel(context):
    """The signed-in lead's latest zip (if any), its state, and the button to prepare one."""
    user = context["request"].user
    bundle = CertificateBundle.objects.for_user(user).first()
    return {
        "bundle": bundle,
        "lost_organisations": bundle.organisations_no_longer_led_by(user) if bundle else [],
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def clock_time(value) -> str:
    """A time as GOV.UK writes it, in the site's time zone: 9:05am, 3:17pm, midday, midnight."""
    local = timezone.localtime(value)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    return f"{local.hour % 12 or 12}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"
