"""Reports in the Wagtail admin (loaded by Wagtail from this module): the coordinators' reports
under *Reports*, beside Wagtail's own and the champions' briefings, with links there to the
White Ribbon pipeline and target (built in champions/whiteribbon/admin.py, not again here)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.reports import lead_hooks  # noqa: F401  (the leads' area links and the audit trail's wording)
from lms.reports.admin import (
    CertificatesReportView,
    ConfidenceReportView,
    FollowUpReportView,
    NetworkReportView,
    TrainingReportView,
)
from lms.reports.permissions import may_read_reports

WHITE_RIBBON_PERMISSION = "champions.view_accreditationcycle"


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/training/", TrainingReportView.as_view(), name="reports_training"),
        path("reports/certificates/", CertificatesReportView.as_view(), name="reports_certificates"),
        path("reports/network/", NetworkReportView.as_view(), name="reports_network"),
        path("reports/confidence/", ConfidenceReportView.as_view(), name="reports_confidence"),
        path("reports/follow-up/", FollowUpReportView.as_view(), name="reports_follow_up"),
    ]


class CoordinatorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_reports(request.user)


class WhiteRibbonReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(WHITE_RIBBON_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_training_report_menu_item():
    return CoordinatorReportMenuItem("Training activity", reverse("reports_training"), icon_name="table", order=700)


@hooks.register("register_reports_menu_item")
def register_certificates_report_menu_item():
    return CoordinatorReportMenuItem("Certificates", reverse("reports_certificates"), icon_name="table", order=710)


@hooks.register("register_reports_menu_item")
def register_network_report_menu_item():
    return CoordinatorReportMenuItem("Champions network", reverse("reports_network"), icon_name="table", order=720)


@hooks.register("register_reports_menu_item")
def register_confidence_report_menu_item():
    return CoordinatorReportMenuItem("Confidence before and after", reverse("reports_confidence"), icon_name="table",
                                     order=705)


@hooks.register("register_reports_menu_item")
def register_follow_up_report_menu_item():
    return CoordinatorReportMenuItem("Use in work after three months", reverse("reports_follow_up"), icon_name="table",
                                     order=706)


@hooks.register("register_reports_menu_item")
def register_white_ribbon_pipeline_menu_item():
    return WhiteRibbonReportMenuItem("White Ribbon pipeline", reverse("whiteribbon_pipeline"), icon_name="pick",
                                     order=900)


@hooks.register("register_reports_menu_item")
def register_white_ribbon_target_menu_item():
    return WhiteRibbonReportMenuItem("White Ribbon target", reverse("whiteribbon_target"), icon_name="pick",
                                     order=910)
