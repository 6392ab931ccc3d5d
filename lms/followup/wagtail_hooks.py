"""Where the follow-up shows itself on lower apps' pages: a banner on My learning for each
follow-up waiting for an answer, a link on the profile page to the follow-up setting, and the
moderators' screening of accounts in the admin (its pages, a menu item and a dashboard panel only
they see)."""

from django.db.models import F
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from content.models import CompiledQuery
from lms.dashboard import MY_LEARNING_NOTICES_HOOK
from lms.followup.admin_views import ScreeningView, ScreenView, WithholdView
from lms.followup.invitations import follow_up_url
from lms.followup.models import AccountStatus, FollowUp
from lms.followup.screening import may_screen
from lms.followup.services import closes_on, is_answerable
from lms.organisations.views import PROFILE_ACCOUNT_LINKS_HOOK

# The learner's open follow-ups (oldest first) with their module's title, as `answerable` reads
# them but for the closing day, which the banner checks (is_answerable): its SQL compiled once a
# process (content.models.CompiledQuery; compiling cost more than the database's answer), read
# afresh every time. A learner has at most one follow-up a module.
_OPEN_FOLLOW_UPS = CompiledQuery(FollowUp, lambda user_id, _context: (
    FollowUp.objects.filter(user_id=user_id, status=FollowUp.Status.OPEN)
    .annotate(module_title=F("module__title")).order_by("invited_at", "pk")
), marker=CompiledQuery.ID)


@hooks.register(MY_LEARNING_NOTICES_HOOK)
def follow_up_notice(request):
    """One banner a follow-up the learner can answer now, with its signed link (one query)."""
    day = timezone.localdate()
    follow_ups = [one for one in _OPEN_FOLLOW_UPS(request.user.pk) if is_answerable(one, day)]
    if not follow_ups:
        return None
    return render_to_string("followup/my_learning_notice.html", {
        "follow_ups": [{"follow_up": one, "module_title": one.module_title, "url": follow_up_url(one),
                        "closes_on": closes_on(one)} for one in follow_ups],
    })  # nothing in it needs the context processors, which would run again


@hooks.register(PROFILE_ACCOUNT_LINKS_HOOK)
def follow_up_setting_link(request):
    return [("Follow-up questions after training: stop or start them", reverse("follow_up_setting"))]


@hooks.register("register_admin_urls")
def register_screening_urls():
    return [
        path("follow-up/screening/", ScreeningView.as_view(), name="follow_up_screening"),
        path("follow-up/screening/<int:pk>/", ScreenView.as_view(), name="follow_up_screen"),
        path("follow-up/screening/<int:pk>/withhold/", WithholdView.as_view(), name="follow_up_withhold"),
    ]


class ScreeningMenuItem(MenuItem):
    def is_shown(self, request):
        return may_screen(request.user)


@hooks.register("register_admin_menu_item")
def register_screening_menu_item():
    return ScreeningMenuItem("Screen follow-ups", reverse("follow_up_screening"), icon_name="warning", order=252)


class AccountsWaitingPanel(Component):
    """The dashboard of moderators and administrators: how many follow-up accounts wait for
    screening, with a link to the queue (one query; nothing for anyone else)."""

    name = "follow_up_accounts_waiting"
    template_name = "followup/admin/dashboard_panel.html"
    order = 160  # beside the lesson feedback's panel

    def __init__(self, waiting: int):
        self.waiting = waiting

    def get_context_data(self, parent_context):
        return {"waiting": self.waiting, "url": reverse("follow_up_screening")}


@hooks.register("construct_homepage_panels")
def show_accounts_waiting(request, panels):
    if may_screen(request.user):
        panels.append(AccountsWaitingPanel(FollowUp.objects.filter(account_status=AccountStatus.WAITING).count()))
