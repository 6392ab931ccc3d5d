from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import RevisionsCompareView, SnippetViewSet, SnippetViewSetGroup

from content import review_views
from content.admin_choosers import PermissionCheckedSnippetChooserViewSet
from content.models import LearningPath, Sector, SupportService, Topic, is_restricted


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
def send_reviewers_to_the_service_review_screen(request, instance):
    """Panel members review a support service on its review screen, never in the edit form; so
    do moderators at their step, where the edit form is locked for them."""
    if not isinstance(instance, SupportService):
        return None
    user = request.user
    if review_views.reviews_rather_than_edits(user, instance, may_edit=user.has_perm("content.change_supportservice")):
        return redirect("content_review_support_service", instance.pk)
    return None  # not their step: Wagtail's own checks (and the step's lock) apply


@hooks.register("before_edit_page")
def send_reviewers_to_their_review_screen(request, page):
    """Panel members reach the editor only through the workflow, and moderators find it locked at
    their step: both get the review screen, where they read, compare and decide."""
    if review_views.reviews_page_rather_than_edits(request.user, page):
        return redirect("content_review", page.pk)
    return None


# The dashboard: each role sees what it acts on, asked by permission, each panel in a fixed
# number of queries. Content's panels take orders 200–240: after the coordinator's (the apps
# above content use orders below 200) and before Wagtail's own that remain (250 and later).


def _titles(states) -> dict[tuple[int, str], str]:
    """Each object's current title (a page's draft title, a service's name), by (content type id,
    object id): one query per kind of object, whatever the number of states."""
    wanted = {_page_type().pk: [], _service_type().pk: []}
    for state in states:
        wanted.get(state.base_content_type_id, []).append(state.object_id)
    titles = {}
    if wanted[_page_type().pk]:
        for pk, title in Page.objects.filter(pk__in=wanted[_page_type().pk]).values_list("pk", "draft_title"):
            titles[(_page_type().pk, str(pk))] = title
    if wanted[_service_type().pk]:
        for pk, name in SupportService.objects.filter(pk__in=wanted[_service_type().pk]).values_list("pk", "name"):
            titles[(_service_type().pk, str(pk))] = name
    return titles


def _page_type():
    return ContentType.objects.get_for_model(Page)  # cached for the life of the process


def _service_type():
    return ContentType.objects.get_for_model(SupportService)


def _is_page(state) -> bool:
    return state.base_content_type_id == _page_type().pk


class PanelReviewsPanel(Component):
    """For members of the co-production panel: what waits for their review, each item leading to
    its read-only review screen (never to the editor)."""

    name = "content_panel_reviews"
    template_name = "content/admin/panel_reviews_panel.html"
    order = 200

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


def panel_reviews_for(user) -> list[dict]:
    """Pages and support services waiting at a panel step that `user` may decide, oldest first."""
    from wagtail.models import TaskState

    from content.models import CoProductionReviewTask

    states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            # Who may decide a panel step is the task's own rule (its groups), as Wagtail asks it.
            task__in=CoProductionReviewTask.objects.filter(active=True, groups__in=user.groups.all()),
        )
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    workflow_states = [state.workflow_state for state in states]
    titles = _titles(workflow_states)
    items = []
    for state, workflow_state in zip(states, workflow_states, strict=True):
        key = (workflow_state.base_content_type_id, workflow_state.object_id)
        if key not in titles:
            continue  # its object was deleted
        is_page = _is_page(workflow_state)
        items.append({
            "title": titles[key],
            "kind": "Page" if is_page else "Support service",
            "url": reverse("content_review" if is_page else "content_review_support_service",
                           args=[workflow_state.object_id]),
            "requested_by": workflow_state.requested_by,
            "waiting_since": state.started_at,
        })
    return items


def is_panel_member(user) -> bool:
    from content.models import CoProductionReviewTask

    return CoProductionReviewTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


class InReviewPanel(Component):
    """For authors: every page (and support service) they may edit that is in the review
    workflow, with the step it is at and whether changes were asked for."""

    name = "content_in_review"
    template_name = "content/admin/in_review_panel.html"
    order = 210

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


def in_review_for(user) -> list[dict]:
    """Objects in an active workflow (waiting at a step, or sent back for changes) that `user`
    may edit, most recently moved first."""
    from django.db.models import Exists, IntegerField, OuterRef, Q
    from django.db.models.functions import Cast
    from wagtail.models import WorkflowState
    from wagtail.permission_policies.pages import PagePermissionPolicy

    editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    on_editable_page = Exists(
        editable_pages.filter(pk=Cast(OuterRef("object_id"), output_field=IntegerField()))
    )
    wanted = Q(base_content_type=_page_type()) & on_editable_page
    if user.has_perm("content.change_supportservice"):
        wanted |= Q(base_content_type=_service_type())
    states = list(
        WorkflowState.objects.active().filter(wanted)
        .select_related("current_task_state__task", "requested_by")
        .order_by("-current_task_state__started_at", "-pk")
    )
    titles = _titles(states)
    items = []
    for state in states:
        key = (state.base_content_type_id, state.object_id)
        task_state = state.current_task_state
        if key not in titles or task_state is None:
            continue
        is_page = _is_page(state)
        items.append({
            "title": titles[key],
            "kind": "Page" if is_page else "Support service",
            "url": reverse("wagtailadmin_pages:edit", args=[state.object_id]) if is_page
            else reverse(SupportService.snippet_viewset.get_url_name("edit"), args=[state.object_id]),
            "step": task_state.task.name,
            "changes_requested": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
            "comment": task_state.comment if state.status == WorkflowState.STATUS_NEEDS_CHANGES else "",
            "requested_by": state.requested_by,
            "yours": state.requested_by_id == user.pk,
            "since": task_state.finished_at or task_state.started_at,
        })
    return items


class DraftsPanel(Component):
    """For authors: pages they changed last that are not live, or whose changes are not live yet,
    and that are not in review (those are in the panel above)."""

    name = "content_your_drafts"
    template_name = "content/admin/drafts_panel.html"
    order = 240
    LIMIT = 10

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages, "limit": self.LIMIT}


def drafts_of(user, limit: int = DraftsPanel.LIMIT) -> list:
    """The pages whose newest revision `user` saved, not live or with unpublished changes, and in
    no active workflow; most recently changed first."""
    from django.db.models import CharField, Exists, OuterRef, Q
    from django.db.models.functions import Cast
    from wagtail.models import WorkflowState

    in_workflow = Exists(
        WorkflowState.objects.active().filter(
            base_content_type=_page_type(), object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )
    return list(
        Page.objects.filter(latest_revision__user=user, depth__gt=1)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(in_workflow)
        .only("pk", "draft_title", "title", "live", "has_unpublished_changes", "latest_revision_created_at")
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )


@hooks.register("construct_homepage_panels")
def show_each_role_its_content_work(request, panels):
    """Authors (who may add pages) get pages in review and their drafts, in place of Wagtail's
    "your pages in a workflow" and "recent edits"; panel members get what waits for the panel."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    user = request.user
    if PagePermissionPolicy().user_has_permission(user, "add"):
        panels[:] = [p for p in panels if getattr(p, "name", "") not in {
            "user_objects_in_workflow_moderation", "recent_edits",
        }]
        panels.append(InReviewPanel(in_review_for(user)))
        panels.append(DraftsPanel(drafts_of(user)))
    # Administrators decide any step from Wagtail's own "awaiting your review" panel.
    if not user.is_superuser and is_panel_member(user):
        # Wagtail's panel would send panel members to the editor: theirs leads to the review screens.
        panels[:] = [p for p in panels if getattr(p, "name", "") != "workflow_objects_to_moderate"]
        panels.append(PanelReviewsPanel(panel_reviews_for(user)))


@hooks.register("before_serve_page")
def refuse_signed_in_people_a_group_restriction_keeps_out(page, request, serve_args, serve_kwargs):
    """A signed-in person outside the groups a page is restricted to gets "not found". Wagtail
    would send them to sign in, and signing in sends a signed-in person straight back: the
    browser gave up after too many redirects (and the page's existence was told)."""
    if not request.user.is_authenticated or not is_restricted(page, request):  # no query unless it is
        return None
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.GROUPS and not restriction.accept_request(request):
            raise Http404
    return None
