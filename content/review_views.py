"""The review screens of the "Content review" workflow, in the Wagtail admin.

Panel members hold no page permissions. While a page waits for the panel they may read it as
each sector's learners would, compare it with the last version the panel approved, and approve
or request changes with a comment; nothing else. Content moderators decide the next step on the
same screen: the editor is locked for them at that step (they may not change what the panel
read), so it had no way to approve. Every view checks that the user may act on the current step
of this page, the panel's or the moderator's (`review_step_for`).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.models import Page, TaskState

from content.models import CoProductionReviewTask, ModeratorApprovalTask, SupportService
from content.workflows import (
    decidable_step,
    last_panel_approved_revision,
    newest_revision,
    panel_approval,
    return_to_panel,
)

REVIEW_STEPS = (CoProductionReviewTask, ModeratorApprovalTask)


def review_step_for(user, obj) -> TaskState:
    """The step of the review workflow `user` may decide on for `obj` now, the panel's or the
    moderator's; PermissionDenied if there is none."""
    state = obj.current_workflow_state
    task_state = state.current_task_state if state and state.status == state.STATUS_IN_PROGRESS else None
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied
    task = task_state.task.specific
    if not isinstance(task, REVIEW_STEPS) or not task.get_actions(obj, user):
        raise PermissionDenied
    return task_state


def is_moderators_step(task_state) -> bool:
    return isinstance(task_state.task.specific, ModeratorApprovalTask)


def reviews_rather_than_edits(user, obj, *, may_edit: bool) -> bool:
    """Whether the editor should send `user` to the review screen for `obj`: a panel member who
    cannot otherwise edit it, or a moderator at their step, where the editor is locked for them.
    Administrators keep the editor (nothing is locked for them)."""
    if user.is_superuser:
        return False
    try:
        task_state = review_step_for(user, obj)
    except PermissionDenied:
        return False
    return is_moderators_step(task_state) or not may_edit


def reviews_page_rather_than_edits(user, page) -> bool:
    """`reviews_rather_than_edits` for a page, with the page permissions `user` holds."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return reviews_rather_than_edits(
        user, page, may_edit=PagePermissionPolicy().user_has_permission_for_instance(user, "change", page),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(widget=forms.RadioSelect)
    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when you request changes: say what should change and why.",
    )

    def __init__(self, *args, moderator: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        approve = "Approve and publish" if moderator else "Approve for the panel"
        self.fields["decision"].choices = [("approve", approve), ("reject", "Request changes")]
        if moderator:
            self.fields["comment"].help_text = (
                "Required when you request changes: say what should change and why. The editor makes the "
                "changes, and the panel reviews them again before they come back to you."
            )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("comment", "").strip():
            self.add_error("comment", "Say what should change, so the editor knows what to do.")
        return data


def decision_form(request, task_state) -> DecisionForm:
    return DecisionForm(request.POST or None, moderator=is_moderators_step(task_state))


def _decided(request, task_state, form, obj, subject: str):
    """Apply a valid posted decision to the current step and go back to the dashboard; None while
    there is no valid decision to apply (the screen is shown, with any errors)."""
    if request.method != "POST" or not form.is_valid():
        return None
    decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"].strip()
    moderator = is_moderators_step(task_state)
    here = request.path
    it = subject[0].upper() + subject[1:]  # the subject opening a sentence
    # The decision is on the revision the screen showed (its form says which): a form left open
    # while someone else decided, or the step moved on, decides nothing.
    if request.POST.get("revision") != str(task_state.revision_id):
        messages.warning(request, f"{it} changed while you were reading it. Read it again before you decide. "
                                  "Nothing was changed.")
        return redirect(here)
    with transaction.atomic():
        # One decision per step: a double click, or two people at once, wait here for the first,
        # then find the step decided (the task locks the step too, for Wagtail's own "Approve").
        locked = decidable_step(task_state)
        if locked is None:
            messages.info(request, f"{it} has already been decided. Nothing was changed.")
            return redirect("wagtailadmin_home")
        newest = newest_revision(obj)
        stale = not moderator and newest is not None and newest.pk != locked.revision_id
        if stale:
            # The step points at an older revision than the newest (Wagtail restarts a
            # resubmitted snippet's review from a cached copy): the panel reads the newest first.
            return_to_panel(locked.workflow_state, newest, request.user, reason="A newer version was submitted.")
        else:
            locked.task.specific.on_action(locked, request.user, decision, comment=comment)
    if stale:
        messages.warning(request, f"A newer version of {subject} was submitted. It is shown now: read it "
                                  "before you decide. Nothing was approved.")
        return redirect(here)
    if decision == "reject":
        messages.success(request, f"You asked for changes to {subject}.")
    elif not moderator:
        messages.success(request, f"You approved {subject} for the panel.")
    elif type(obj).objects.filter(pk=obj.pk, live=True, live_revision_id=task_state.revision_id).exists():
        messages.success(request, f"You approved {subject}. It is now live.")
    elif (scheduled := obj.revisions.filter(approved_go_live_at__isnull=False)
          .values_list("approved_go_live_at", flat=True).first()):
        messages.success(request, f"You approved {subject}. It goes live on "
                                  f"{timezone.localtime(scheduled):%-d %B %Y at %H:%M}, as its editor scheduled.")
    else:
        # Saved again since the panel approved it (ModeratorApprovalTask.on_action): back to the panel.
        messages.warning(request, f"{it} changed after the panel approved it, so it has gone back to the panel. "
                                  "Nothing was published.")
    return redirect("wagtailadmin_home")


def _panel_comment(task_state) -> str:
    """What the panel said when it approved what the moderator now decides on."""
    if not is_moderators_step(task_state):
        return ""
    approval = panel_approval(task_state.workflow_state)
    return approval.get_comment() if approval else ""


def review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    task_state = review_step_for(request.user, page)
    form = decision_form(request, task_state)
    decided = _decided(request, task_state, form, page, f"'{page.get_admin_display_title()}'")
    if decided is not None:
        return decided
    approved = last_panel_approved_revision(page)
    modes = page.preview_modes
    return TemplateResponse(request, "content/admin/review.html", {
        "page": page,
        "task_state": task_state,
        "moderator": is_moderators_step(task_state),
        "panel_comment": _panel_comment(task_state),
        "form": form,
        "previously_approved": approved if approved and approved.pk != task_state.revision_id else None,
        "live_revision": page.live_revision if page.live else None,
        "sector_modes": [
            {"label": label, "url": f"{reverse('content_review_preview', args=[page.pk])}?sector={mode}"}
            for mode, label in modes
        ],
        "compare_url": reverse("content_review_compare", args=[page.pk]),
    })


def review_support_service(request, service_id):
    """The panel's read-only review of a support service: the proposed version beside the live
    one (and the one the panel last approved, if that differs), then approve or request changes.

    Only someone who may decide the current step of this service (the panel's or the
    moderator's) gets in (`review_step_for`); nothing here edits the service.
    """
    service = get_object_or_404(SupportService, pk=service_id)
    task_state = review_step_for(request.user, service)
    form = decision_form(request, task_state)
    decided = _decided(request, task_state, form, service, f"the support service '{service}'")
    if decided is not None:
        return decided
    proposed = task_state.revision.as_object()
    live = SupportService.live_services().filter(pk=service.pk).first()  # the row holds the live version
    approved = last_panel_approved_revision(service)
    approved = approved.as_object() if approved and approved.pk != task_state.revision_id else None
    versions = [("Live now", live), ("Proposed", proposed)]
    if approved is not None:
        versions.insert(1, ("Last approved by the panel", approved))
    rows = []
    for name in SupportService.REVIEWED_FIELDS:
        values = [getattr(version, name) if version is not None else "" for _label, version in versions]
        rows.append({
            "label": SupportService._meta.get_field(name).verbose_name.capitalize(),
            "values": values,
            "changed": live is None or getattr(live, name) != getattr(proposed, name),
        })
    return TemplateResponse(request, "content/admin/support_service_review.html", {
        "service": service,
        "task_state": task_state,
        "moderator": is_moderators_step(task_state),
        "panel_comment": _panel_comment(task_state),
        "form": form,
        "proposed": proposed,
        "live": live,
        "headings": [label for label, _version in versions],
        "rows": rows,
    })


def preview(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    task_state = review_step_for(request.user, page)
    wanted = request.GET.get("sector", "")
    mode = wanted if wanted in {mode for mode, _label in page.preview_modes} else page.default_preview_mode
    return task_state.revision.as_object().make_preview_request(request, mode)


class PanelCompareView(RevisionsCompareView):
    """The submitted revision against the last one the panel approved (or the live page)."""

    model = Page
    page_title = "Compare with the version the panel last approved"

    def setup(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id).specific
        self.task_state = review_step_for(request.user, page)
        approved = last_panel_approved_revision(page)
        if approved and approved.pk != self.task_state.revision_id:
            before = approved.pk
        elif page.live:
            before = "live"
        else:
            before = "earliest"
        super().setup(request, page_id, before, self.task_state.revision_id, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(Page, pk=self.pk).specific

    def get_edit_handler(self):
        return self.object.get_edit_handler()

    def get_page_subtitle(self):
        return self.object.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [{"url": reverse("content_review", args=[self.object.pk]), "label": "Review"},
                {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]

    @property
    def header_buttons(self):
        return []
