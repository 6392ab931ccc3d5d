from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.models import LearningPath, Sector, SupportService, Topic


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    menu_label = "Sectors"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SupportServiceViewSet(SnippetViewSet):
    model = SupportService
    icon = "site"
    menu_label = "Support services"
    list_display = ["name", "phone", "hours", "who_for"]
    list_filter = ["hours"]
    search_fields = ["name", "who_for", "description"]
    list_export = ["name", "phone", "text_or_web_contact", "hours", "languages", "who_for"]


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = "Learning paths"
    list_display = ["sector", "intro"]
    list_filter = ["sector"]
    search_fields = ["intro"]


class TrainingSnippets(SnippetViewSetGroup):
    menu_label = "Training setup"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (SectorViewSet, TopicViewSet, SupportServiceViewSet, LearningPathViewSet)


register_snippet(TrainingSnippets)


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    """History lines that name the revision the co-production panel approved."""

    @actions.register_action("content.review.panel_approved")
    class PanelApproved(LogFormatter):
        label = "Approved by the co-production panel"

        def format_message(self, log_entry):
            return f"The co-production panel approved revision {log_entry.data.get('revision_id')}"

    @actions.register_action("content.review.published_approved")
    class PublishedApproved(LogFormatter):
        label = "Published the panel-approved revision"

        def format_message(self, log_entry):
            return (
                f"Published revision {log_entry.data.get('revision_id')}, "
                "the one the co-production panel approved"
            )

    @actions.register_action("content.review.publish_refused")
    class PublishRefused(LogFormatter):
        label = "Not published: changed after the panel's approval"

        def format_message(self, log_entry):
            approved = log_entry.data.get("approved_revision_id")
            return (
                f"Not published: revision {log_entry.data.get('revision_id')} is not the one the "
                f"co-production panel approved ({approved or 'none'}). Submit it for review again."
            )

    @actions.register_action("content.review.returned_to_panel")
    class ReturnedToPanel(LogFormatter):
        label = "Sent back to the co-production panel"

        def format_message(self, log_entry):
            return f"Revision {log_entry.data.get('revision_id')} sent back to the co-production panel"

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")
