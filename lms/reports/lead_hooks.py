"""The ways to a lead's training reports from the leads' area: a link on each organisation's card
at /organisations/ and a section on the members page. Registered as Wagtail hooks that the
lower apps call, so that they never import this one. Also the audit trail's wording of a change
of an organisation's expected modules."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from lms.reports.lead import EXPECTED_MODULES_ACTION


@hooks.register("organisation_lead_card_links")
def training_report_link(request, organisation):
    """(text, address) for the organisation's card: no query."""
    return ("Training report", reverse("lead_training_report", args=[organisation.pk]))


@hooks.register("organisation_lead_page_panels")
def training_reports_on_members_page(request):
    """A link to each led organisation's training report (one query; nothing for anyone else)."""
    organisations = list(request.user.led_organisations.order_by("name").values_list("pk", "name")[:50])
    if not organisations:
        return None
    return render_to_string("reports/lead/members_panel.html", {"organisations": organisations}, request=request)


class ExpectedModulesFormatter(LogFormatter):
    label = "Expected modules changed"

    def format_message(self, log_entry):
        titles = log_entry.data.get("expected_modules") or []
        if titles:
            return f"Expected modules set to: {', '.join(titles)}"
        return "Expected modules cleared: the sector’s learning path applies"


@hooks.register("register_log_actions")
def register_expected_modules_action(actions):
    actions.register_action(EXPECTED_MODULES_ACTION)(ExpectedModulesFormatter)

