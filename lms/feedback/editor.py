"""Lesson feedback beside the lesson in the page editor: a "Learner feedback" tab.

content sits below lms and names nothing of it, and Wagtail 8 has no hook for adding a panel
or side panel to a page type's editor. So this app, when it starts, adds its own tab to
LessonPage's editor: the tabs Wagtail would build from the page's panels, then this one. The
tab is read-only (no form field) and shown only to people who may read the panel's feedback
(editors, moderators, the panel, administrators), for a lesson that exists.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import ObjectList, Panel, TabbedInterface

from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.permissions import may_read_panel_feedback
from lms.feedback.summary import lesson_counts

LATEST = 5


class LessonFeedbackPanel(Panel):
    """Released feedback on this lesson: counts of each answer and the latest comments, masked."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "feedback/admin/editor_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and may_read_panel_feedback(self.request.user))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            counts = lesson_counts(lesson_id=self.instance.pk)
            context.update(
                counts=counts[0] if counts else None,
                latest=list(
                    LessonFeedback.objects.for_panel().filter(lesson_id=self.instance.pk).exclude(masked_comment="")
                    .order_by("-updated_at", "-id")[:LATEST]
                ),
                considered=FeedbackStatus.CONSIDERED,
                panel_url=reverse("feedback_panel") + f"?module={self.instance.get_parent().pk}&show=all",
            )
            return context


def add_feedback_tab_to_lesson_editor() -> None:
    from content.models import LessonPage

    if getattr(LessonPage, "_feedback_tab_added", False):
        return
    if hasattr(LessonPage, "edit_handler"):
        tabs = list(LessonPage.edit_handler.children)
    else:
        tabs = [
            ObjectList(panels, heading=heading)
            for panels, heading in (
                (LessonPage.content_panels, "Content"), (LessonPage.promote_panels, "Promote"),
                (LessonPage.settings_panels, "Settings"),
            )
            if panels
        ]
    form_class = getattr(LessonPage, "base_form_class", None)
    LessonPage.edit_handler = TabbedInterface(
        [*tabs, ObjectList([LessonFeedbackPanel(heading="Learner feedback")], heading="Learner feedback")],
        **({"base_form_class": form_class} if form_class else {}),
    )
    LessonPage._feedback_tab_added = True
