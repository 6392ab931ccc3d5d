from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import RevisionsCompareView, SnippetViewSet, SnippetViewSetGroup

from content import review_views
from content.admin_choosers import PermissionCheckedSnippetChooserViewSet
from content.models import LearningPath, Sector, SupportService, Topic


class SectorViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Sector
    icon = "group"
    menu_label = "Sectors"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TopicViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SupportServiceRevisionsCompareView(RevisionsCompareView):
    """Wagtail's comparison, answering 404 (not a server error) for a non-numeric id."""

    def get_object(self, queryset=None):
        if not str(self.pk).isdigit():
            raise Http404
        return super().get_object(queryset)


class SupportServiceViewSet(SnippetViewSet):
    """Support services go live through the "Content review" workflow (see content.workflows)."""

    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    revisions_compare_view_class = SupportServiceRevisionsCompareView
    model = SupportService
    icon = "site"
    menu_label = "Support services"
    list_display = ["name", "phone", "hours", "who_for"]
    list_filter = ["hours"]
    search_fields = ["name", "who_for", "description"]
    list_export = ["name", "phone", "text_or_web_contact", "hours", "languages", "who_for"]


class LearningPathViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
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


@hooks.register("register_admin_urls")
def register_panel_review_urls():
    # Each view checks that the user may decide the panel's current step of that page.
    return [
        path("review/<int:page_id>/", review_views.review, name="content_review"),
        path("review/<int:page_id>/preview/", review_views.preview, name="content_review_preview"),
        path("review/<int:page_id>/compare/", review_views.PanelCompareView.as_view(), name="content_review_compare"),
        path(
            "review/support-service/<int:service_id>/", review_views.review_support_service,
            name="content_review_support_service",
        ),
    ]


def review_url(obj) -> str:
    """Where a panel member reviews `obj`: a page's review screen, or a support service's."""
    if isinstance(obj, SupportService):
        return reverse("content_review_support_service", args=[obj.pk])
    return reverse("content_review", args=[obj.pk])


@hooks.register("before_edit_snippet")
def send_panel_reviewers_to_the_service_review_screen(request, instance):
    """Panel members review a support service on its review screen, never in the edit form."""
    user = request.user
    if not isinstance(instance, SupportService) or user.is_superuser:
        return None
    if user.has_perm("content.change_supportservice"):
        return None
    try:
        review_views.panel_review_for(user, instance)
    except PermissionDenied:
        return None  # not the panel's step: Wagtail's own checks (and the step's lock) apply
    return redirect("content_review_support_service", instance.pk)


@hooks.register("before_edit_page")
def send_panel_reviewers_to_their_review_screen(request, page):
    """Panel members reach the editor only through the workflow: show them the review screen."""
    if review_views.is_panel_reviewer_only(request.user, page):
        return redirect("content_review", page.pk)
    return None


class PanelReviewsPanel(Component):
    """The dashboard's "awaiting your review" list for panel members: each leads to its review screen."""

    name = "workflow_objects_to_moderate"
    template_name = "content/admin/panel_reviews_panel.html"
    order = 220

    def __init__(self, states):
        self.states = states

    def get_context_data(self, parent_context):
        return {"states": self.states}


@hooks.register("construct_homepage_panels")
def show_panel_members_their_reviews(request, panels):
    from wagtail.models import TaskState

    from content.models import CoProductionReviewTask

    user = request.user
    panel_tasks = [t for t in CoProductionReviewTask.objects.filter(active=True) if t._user_in_groups(user)]
    if user.is_superuser or not panel_tasks:
        return
    states = (
        TaskState.objects.filter(task__in=panel_tasks, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("revision", "workflow_state__requested_by").order_by("started_at")
    )
    items = []
    for state in states:
        obj = state.revision.content_object
        title = obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else f"Support service: {obj}"
        items.append({"title": title, "url": review_url(obj), "task_state": state})
    panels[:] = [p for p in panels if getattr(p, "name", "") != "workflow_objects_to_moderate"]
    panels.append(PanelReviewsPanel(items))
