"""What happens when the content review workflow is approved."""


def publish_after_review(workflow_state, user=None):
    """Publish the approved content.

    Nobody but an administrator holds publish permission, so that nothing goes live around the
    co-production panel. Approving the last step of the workflow is what authorises publishing,
    so the permission check that a direct publish would make is skipped here.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
