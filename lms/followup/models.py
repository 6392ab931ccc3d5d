"""The follow-up evaluation's records: one invitation per learner and module (with its answer),
and a person's "no thanks" that stops every later one."""

from django.conf import settings
from django.db import models

# What a learner answers to "Have you used this training in your work?".
USED_IN_WORK_MAX_LENGTH = 10
WHAT_HAPPENED_MAX_LENGTH = 1000


class UsedInWork(models.TextChoices):
    NEVER = "never", "Not yet"
    ONCE = "once", "Once"
    SEVERAL = "several", "Several times"


class FollowUpQuerySet(models.QuerySet):
    def for_user(self, user) -> "FollowUpQuerySet":
        """Only the person's own invitations: the start of every learner-facing query."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def open(self) -> "FollowUpQuerySet":
        return self.filter(status=FollowUp.Status.OPEN)


class FollowUp(models.Model):
    """A learner's follow-up for one module: made when the invitation is sent, answered or
    declined once.

    One row a person and module (a constraint), so an invitation goes out once whatever happens
    later (a renewed certificate does not invite again), and a report counts invited, answered
    and declined in one pass. The ratings themselves are a ConfidenceRating at the follow-up
    stage, beside the before and after ones, so all three are averaged the same way. What the
    learner wrote is kept as written (for their own data download) and masked
    (lms.feedback.screening): coordinators only ever read the masked text.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ANSWERED = "answered", "Answered"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups")
    # PROTECT like every learner record of a module (lms.learning.models.learner_record_models).
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.PROTECT, related_name="+")
    completed_on = models.DateField(help_text="The day the learner completed the module.")
    invited_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    responded_at = models.DateTimeField(null=True, blank=True)
    used_in_work = models.CharField(max_length=USED_IN_WORK_MAX_LENGTH, choices=UsedInWork.choices, blank=True)
    what_happened = models.TextField(blank=True, max_length=WHAT_HAPPENED_MAX_LENGTH)
    what_happened_masked = models.TextField(
        blank=True, editable=False,
        help_text="What happened, with emails, phone numbers and names masked: all a coordinator reads.",
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="follow_up_once_per_module"),
            models.CheckConstraint(
                condition=models.Q(status="open", responded_at__isnull=True)
                | ~models.Q(status="open") & models.Q(responded_at__isnull=False),
                name="follow_up_responded_unless_open",
            ),
        ]
        indexes = [models.Index(fields=["module", "status"], name="follow_up_module_status")]

    def __str__(self):
        return f"{self.user} – {self.module} (follow-up, {self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class FollowUpRefusal(models.Model):
    """A person said "No thanks, do not ask me again": no follow-up invitation is ever made for
    them while this exists. One a person; deleting it (from their profile) invites them again
    for modules they complete afterwards."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_up_refusal")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user} declined follow-ups"
