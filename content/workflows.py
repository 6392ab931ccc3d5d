"""The content review workflow: what goes live is exactly what the co-production panel approved.

The "Content review" workflow has two steps: the survivor co-production panel reviews, then a
content moderator approves, and that approval publishes. Rules kept here:

- Any change saved while a page is in the workflow sends it back to the panel
  (`return_to_panel`, run for every saved revision by `content.apps`).
- The moderator's step is locked: to change anything a moderator requests changes, and the
  resubmitted page starts again with the panel (`ModeratorApprovalTask.start`).
- Publishing takes the revision the panel approved, never simply the latest, and refuses if
  anything newer was saved (`publish_after_review`).

The same workflow covers support services (snippets), so nothing here assumes a page: the
object under review is `workflow_state.content_object`, made specific when it is a page
(`specific_object`).
"""

from django.utils import timezone

# Wagtail imports this module while `wagtail.models` loads (WAGTAIL_FINISH_WORKFLOW_ACTION), so
# Wagtail's models are imported inside the functions.


def specific_object(obj):
    """A page's specific instance; any other object (a snippet) as it is."""
    return getattr(obj, "specific", obj)


def panel_task(workflow):
    from content.models import CoProductionReviewTask

    return CoProductionReviewTask.objects.filter(workflow_tasks__workflow=workflow, active=True).first()


def panel_approval(workflow_state):
    """The panel's most recent approval (a TaskState) in this run of the workflow, or None."""
    from wagtail.models import TaskState

    from content.models import CoProductionReviewTask

    return (
        TaskState.objects.filter(
            workflow_state=workflow_state, status=TaskState.STATUS_APPROVED,
            task__in=CoProductionReviewTask.objects.all(),
        )
        .select_related("revision").order_by("-finished_at", "-id").first()
    )


def newest_revision(obj):
    """The newest revision saved, read from the revisions themselves rather than the
    `latest_revision` pointer, which a revision saved by other means would not move."""
    return obj.revisions.order_by("-created_at", "-id").first()


def panel_approved_latest(workflow_state) -> bool:
    """Whether the panel approved the object's newest revision, and nothing was saved since."""
    approval = panel_approval(workflow_state)
    if approval is None:
        return False
    latest = newest_revision(workflow_state.content_object)
    return approval.revision_id == latest.pk and latest.created_at <= approval.finished_at


def last_panel_approved_revision(page):
    """The last revision of `page` the panel approved, in any run of the workflow, or None."""
    from wagtail.models import TaskState

    from content.models import CoProductionReviewTask

    approval = (
        TaskState.objects.for_instance(page)
        .filter(status=TaskState.STATUS_APPROVED, task__in=CoProductionReviewTask.objects.all())
        .select_related("revision").order_by("-finished_at", "-id").first()
    )
    return approval.revision if approval else None


def decidable_step(task_state):
    """The step's row, locked until the end of the transaction, as its specific TaskState; None
    once it is decided. One decision per step: a double click, or two people at once, on any
    screen (ours or Wagtail's own "Approve"), wait here for the first, then find it decided.
    Call it inside `transaction.atomic()`."""
    from wagtail.models import TaskState

    locked = TaskState.objects.select_for_update().filter(pk=task_state.pk).first()
    if locked is None or locked.status != TaskState.STATUS_IN_PROGRESS:
        return None
    return locked.specific


def _current_step_locked(workflow_state):
    """The workflow's current step, its row locked as `decidable_step` locks it (a decision and a
    return to the panel wait for each other), read again once locked: a decision that held the
    lock may have moved the workflow on to its next step. Inside a transaction."""
    from wagtail.models import TaskState, WorkflowState

    def current_id():
        steps = WorkflowState.objects.filter(pk=workflow_state.pk)
        return steps.values_list("current_task_state_id", flat=True).first()

    step_id = current_id()
    for _ in range(5):  # each pass follows one decision; the workflow has two steps
        if step_id is None:
            return None
        locked = TaskState.objects.select_for_update().filter(pk=step_id).first()
        now = current_id()
        if now == step_id:
            return locked
        step_id = now
    return None


def return_to_panel(workflow_state, revision, user=None, reason: str = ""):
    """Stop the current step and start the panel's review again, on `revision`; returns its TaskState."""
    from django.db import transaction
    from wagtail.log_actions import log
    from wagtail.models import TaskState

    with transaction.atomic():
        current = _current_step_locked(workflow_state)
        if current is not None and current.status == TaskState.STATUS_IN_PROGRESS:
            current.status = TaskState.STATUS_CANCELLED
            current.finished_at = timezone.now()
            current.finished_by = user
            current.comment = reason
            current.save()
        task_state = panel_task(workflow_state.workflow).start(workflow_state, user=user)
        if task_state.revision_id != revision.pk:
            task_state.revision = revision
            task_state.save(update_fields=["revision"])
        workflow_state.current_task_state = task_state
        workflow_state.save()
        log(
            instance=specific_object(workflow_state.content_object), action="content.review.returned_to_panel",
            revision=revision, user=user, data={"revision_id": revision.pk, "reason": reason},
        )
    return task_state


def on_revision_saved(sender, instance, created=False, raw=False, **kwargs):
    """A change saved during the review goes back to the panel, whichever step it was at.

    A change is a new revision; Wagtail updating an existing one (for example when publishing
    it) is not."""
    from wagtail.models import WorkflowState

    if raw or not created:
        return
    workflow_state = (
        WorkflowState.objects.filter(
            base_content_type_id=instance.base_content_type_id, object_id=instance.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).select_related("current_task_state").first()
    )
    if workflow_state is None or panel_task(workflow_state.workflow) is None:
        return
    return_to_panel(
        workflow_state, instance, user=instance.user,
        reason=f"Revision {instance.pk} was saved during the review; the panel reviews it again.",
    )


def publish_after_review(workflow_state, user=None):
    """Publish the revision the co-production panel approved.

    Nobody but an administrator holds publish permission, so that nothing goes live around the
    panel. Approving the last step of the workflow is what authorises publishing, so the
    permission check that a direct publish would make is skipped. If anything was saved after
    the panel's approval, nothing is published and the refusal is logged on the page (or snippet).
    """
    from wagtail.log_actions import log

    page = specific_object(workflow_state.content_object)
    approval = panel_approval(workflow_state)
    latest = newest_revision(page)
    if approval is None or not panel_approved_latest(workflow_state):
        log(
            instance=page, action="content.review.publish_refused", revision=latest, user=user,
            data={
                "revision_id": latest.pk,
                "approved_revision_id": approval.revision_id if approval else None,
            },
        )
        return
    approval.revision.publish(user=user, skip_permission_checks=True)
    log(
        instance=page, action="content.review.published_approved", revision=approval.revision, user=user,
        data={"revision_id": approval.revision_id, "approved_by_id": approval.finished_by_id},
    )
