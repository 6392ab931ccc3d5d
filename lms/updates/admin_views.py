"""The coordinators' take-up report for guidance updates (Reports → Guidance updates), for people
holding `updates.view_update_take_up`: coordinators (lms.site.roles) and administrators."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.certificates.services import today
from lms.updates.take_up import take_up

TAKE_UP_PERMISSION = "updates.view_update_take_up"


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

    def get_context_data(self, **kwargs):
        day = today()
        return super().get_context_data(day=day, lines=take_up(day), **kwargs)
