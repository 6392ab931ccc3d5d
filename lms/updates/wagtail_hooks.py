"""How guidance updates plug into the pages below them (loaded by Wagtail from this module): the
banner on My learning, the lines on a certificate's history, and the coordinators' take-up report."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.certificates.history import CERTIFICATE_HISTORY_HOOK
from lms.dashboard import current_certificates
from lms.updates.admin_views import TakeUpView, may_see_take_up
from lms.updates.services import included_updates, pending_for


@hooks.register("my_learning_notices")  # lms.dashboard.MY_LEARNING_NOTICES_HOOK
def guidance_updates_banner(request):
    """The updates the learner needs to complete, outstanding ones marked; nothing when none."""
    # The certificates the page has fetched already (lms.dashboard), not a query of our own.
    held = [(c.module_id, c.issued_on) for c in current_certificates(request)]
    pending = pending_for(request.user, held=held)
    if not pending:
        return None
    items = [{"update": p.update, "due_on": p.due_on, "outstanding": p.outstanding, "url": p.update.url,
              "module_titles": p.module_titles}
             for p in pending]
    # Nothing in it needs the context processors, which would run again for this template.
    return render_to_string("updates/notice_banner.html", {"pending": items})


@hooks.register(CERTIFICATE_HISTORY_HOOK)
def updates_in_certificate_history(certificates):
    return included_updates(certificates)


@hooks.register("register_admin_urls")
def register_take_up_url():
    return [path("reports/guidance-updates/", TakeUpView.as_view(), name="updates_take_up")]


class TakeUpMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_take_up(request.user)


@hooks.register("register_reports_menu_item")
def register_take_up_menu_item():
    return TakeUpMenuItem("Guidance updates", reverse("updates_take_up"), icon_name="table", order=730)
