from django.apps import AppConfig


class FollowUpConfig(AppConfig):
    """The follow-up evaluation a configurable time after a module is completed: the same
    confidence scale as before and after, whether the training has been used in work, and what
    happened. Learners are invited once, may decline for good, and their answers are reported
    only in totals to coordinators, never to leads."""

    name = "lms.followup"
    label = "followup"
    verbose_name = "Follow-up evaluation"
