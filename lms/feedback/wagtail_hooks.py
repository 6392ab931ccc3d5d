"""Lesson feedback in Wagtail: the section at the end of each lesson, the admin's screening
queue and panel page (with their menu items), and what the log says of each decision."""

from django.db.models import Count, Q
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from content.models import LessonPage
from lms.feedback.admin_views import ConsiderView, PanelFeedbackView, ScreeningView, WithholdView
from lms.feedback.lesson_panel import LessonFeedbackSection
from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.permissions import may_mark_considered, may_read_panel_feedback, may_screen


@hooks.register("before_serve_page")
def offer_lesson_feedback(page, request, serve_args, serve_kwargs):
    """Every lesson served gets its feedback section, printed by lesson_page.html (lesson_panel.py)."""
    if isinstance(page, LessonPage):
        request.lesson_feedback = LessonFeedbackSection(request, page)


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("feedback/", PanelFeedbackView.as_view(), name="feedback_panel"),
        path("feedback/screening/", ScreeningView.as_view(), name="feedback_screening"),
        path("feedback/<int:pk>/consider/", ConsiderView.as_view(), name="feedback_consider"),
        path("feedback/<int:pk>/withhold/", WithholdView.as_view(), name="feedback_withhold"),
    ]


class PanelFeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_panel_feedback(request.user)


class ScreeningMenuItem(MenuItem):
    def is_shown(self, request):
        return may_screen(request.user)


@hooks.register("register_admin_menu_item")
def register_panel_feedback_menu_item():
    return PanelFeedbackMenuItem("Lesson feedback", reverse("feedback_panel"), icon_name="comment", order=250)


@hooks.register("register_admin_menu_item")
def register_screening_menu_item():
    return ScreeningMenuItem("Screen feedback", reverse("feedback_screening"), icon_name="warning", order=251)


def _lesson(log_entry) -> str:
    # Entries made before the lesson's title was logged name the feedback ("Feedback on “…”").
    return log_entry.data.get("lesson") or log_entry.label


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    """What the log says of each decision: on which lesson, and why or with what note; never the learner."""

    @actions.register_action("feedback.released")
    class Released(LogFormatter):
        label = "Feedback released to the panel"

        def format_message(self, log_entry):
            return f"Released feedback on {_lesson(log_entry)}"

    @actions.register_action("feedback.withheld")
    class Withheld(LogFormatter):
        label = "Feedback withheld from the panel"

        def format_message(self, log_entry):
            reason = log_entry.data.get("reason")
            return f"Withheld feedback on {_lesson(log_entry)}" + (f": {reason}" if reason else "")

    @actions.register_action("feedback.considered")
    class Considered(LogFormatter):
        label = "Feedback considered by the panel"

        def format_message(self, log_entry):
            note = log_entry.data.get("note")
            # Entries made before the note itself was logged kept only whether there was one.
            note = note if isinstance(note, str) and note else "(not recorded)" if note is True else "none"
            return f"Marked as considered: {_lesson(log_entry)}; note: {note}"



class FeedbackWaitingPanel(Component):
    """The dashboard: how many comments wait for a moderator's screening (moderators and
    administrators) and for the panel to consider (the panel and administrators), each a link."""

    name = "feedback_waiting"
    template_name = "feedback/admin/dashboard_panel.html"
    order = 150  # apps above content use orders below 200

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


@hooks.register("construct_homepage_panels")
def show_feedback_waiting(request, panels):
    user = request.user
    screen, consider = may_screen(user), may_mark_considered(user)
    if not (screen or consider):
        return
    counts = LessonFeedback.objects.aggregate(
        awaiting=Count("id", filter=Q(status=FeedbackStatus.AWAITING_SCREENING)),
        to_consider=Count("id", filter=Q(status=FeedbackStatus.RELEASED) & ~Q(masked_comment="")),
    )
    items = []
    if screen:
        items.append({"count": counts["awaiting"], "label": "awaiting screening",
                      "url": reverse("feedback_screening"), "action": "Screen them"})
    if consider:
        items.append({"count": counts["to_consider"], "label": "released for the panel to consider",
                      "url": reverse("feedback_panel"), "action": "Read them"})
    panels.append(FeedbackWaitingPanel(items))
