"""The coordinators' take-up report for guidance updates (Reports → Guidance updates), for people
holding `updates.view_update_take_up`: coordinators (lms.site.roles) and administrators."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.certificates.services import today
from lms.site.audit import log_export
from lms.site.tables import Table, csv_response, xlsx_response
from lms.updates.take_up import take_up

TAKE_UP_PERMISSION = "updates.view_update_take_up"
DOWNLOADS = ("csv", "xlsx")


def may_see_take_up(user) -> bool:
    return user.is_authenticated and user.has_perm(TAKE_UP_PERMISSION)


class TakeUpView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Guidance updates: take-up"
    template_name = "updates/admin/take_up.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_take_up(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("download")
        if file_format in DOWNLOADS:
            return self.download(file_format)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        day = today()
        downloads = [(kind, f"{reverse('updates_take_up')}?{urlencode({'download': kind})}") for kind in DOWNLOADS]
        return super().get_context_data(day=day, lines=take_up(day), downloads=downloads, **kwargs)

    def download(self, file_format: str):
        """The same table as a file, logged in the audit trail like every report's download."""
        day = today()
        lines = take_up(day)
        table = Table(
            title="Guidance updates: take-up", period=f"On {day:%-d %B %Y}",
            headings=["Update", "Date", "Holders told", "Completed", "Not yet due", "Outstanding",
                      "No longer need it", "Completed (%)"],
            rows=[[line.update.title, line.update.update_day, line.told, line.completed, line.not_yet_due,
                   line.outstanding, line.no_longer_needed, line.percent_complete] for line in lines],
            total=[],
        )
        log_export(self.request.user, what="Guidance updates take-up", file_format=file_format, rows=len(lines))
        name = f"guidance-update-take-up-{day:%Y-%m-%d}"
        return csv_response(table, name) if file_format == "csv" else xlsx_response(table, name)
