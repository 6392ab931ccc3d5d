"""The way into the organisation leads' area (/organisations/), registered through
champions/wagtail_hooks.py: a section on My learning and one on the members page, for leads only."""

from django.template.loader import render_to_string
from wagtail import hooks

from lms.dashboard import led_organisations


def _lead_panel(request, *, on: str, organisations=None):
    if organisations is None:
        organisations = list(request.user.led_organisations.order_by("name").values_list("name", flat=True)[:50])
    if not organisations:
        return None
    return render_to_string("champions/whiteribbon/lead/way_in_panel.html", {
        "organisations": organisations, "on": on,
    })  # nothing in it needs the context processors, which would run again


@hooks.register("my_learning_panels")
def organisations_area_on_my_learning(request):
    """A lead's way to their organisations and White Ribbon plans (nothing for others), from the
    organisations My learning lists already (lms.dashboard.led_organisations): no query of its own."""
    names = [organisation.name for organisation in led_organisations(request)[:50]]
    return _lead_panel(request, on="my_learning", organisations=names)


@hooks.register("organisation_lead_page_panels")
def organisations_area_on_members_page(request):
    return _lead_panel(request, on="members")
