"""The follow-up evaluation's records: one invitation per learner and module (with its answer and
where its account of what happened is in screening), and a person's "no thanks" that stops every
later one."""

from django.conf import settings
from django.db import models

# What a learner answers to "Have you used this training in your work?".
USED_IN_WORK_MAX_LENGTH = 10
WHAT_HAPPENED_MAX_LENGTH = 1000
# A moderator may edit the masked account before releasing it; masking can lengthen the text
# ("[name removed]" for a short name), so the limit is above the learner's.
RELEASED_TEXT_MAX_LENGTH = 2 * WHAT_HAPPENED_MAX_LENGTH
WITHHELD_REASON_MAX_LENGTH = 300
# Who may screen accounts of what happened (content moderators, through lms.site.roles, and
# administrators): the follow-up's own permission, so nothing else a moderator holds grants it.
SCREEN_PERMISSION = "followup.screen_followup"


class UsedInWork(models.TextChoices):
    NEVER = "never", "Not yet"
    ONCE = "once", "Once"
    SEVERAL = "several", "Several times"


class AccountStatus(models.TextChoices):
    """Where the account of what happened is on its way to the training team. Empty: nothing
    was written, so there is nothing to screen."""

    NONE = "", "Nothing written"
    WAITING = "waiting", "Waiting for screening"
    RELEASED = "released", "Released to the training team"
    WITHHELD = "withheld", "Withheld"


# Where a moderator's decision may take an account (lms.followup.screening applies it): one
# withheld by mistake can be released, one released and then found to identify someone withheld.
ACCOUNT_TRANSITIONS: dict[str, frozenset[str]] = {
    AccountStatus.WAITING: frozenset({AccountStatus.RELEASED, AccountStatus.WITHHELD}),
    AccountStatus.WITHHELD: frozenset({AccountStatus.RELEASED}),
    AccountStatus.RELEASED: frozenset({AccountStatus.WITHHELD}),
}


class FollowUpQuerySet(models.QuerySet):
    def for_user(self, user) -> "FollowUpQuerySet":
        """Only the person's own invitations: the start of every learner-facing query."""
        return self.filter(user=user) if user.is_authenticated else self.none()

    def open(self) -> "FollowUpQuerySet":
        return self.filter(status=FollowUp.Status.OPEN)

    def released_accounts(self) -> "FollowUpQuerySet":
        """Accounts of what happened a moderator has released: all the training team may read."""
        return self.filter(account_status=AccountStatus.RELEASED)


class FollowUp(models.Model):
    """A learner's follow-up for one module: made when the invitation is sent, answered or
    declined once.

    One row a person and module (a constraint), so an invitation goes out once whatever happens
    later (a renewed certificate does not invite again), and a report counts invited, answered
    and declined in one pass. The ratings themselves are a ConfidenceRating at the follow-up
    stage, beside the before and after ones, so all three are averaged the same way. What the
    learner wrote is kept as written (for their own data download) and masked
    (lms.feedback.screening); the masking misses things (an address, a name in lower case), so
    a content moderator reads the masked text first and may edit it, then releases or withholds
    it (account_status). Coordinators only ever read released text. Who screened it and when is
    kept here, not in the admin's log, whose entries would name the learner (their follow-up's
    title) beside a moderator's decision.
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
        help_text="What happened, with emails, phone numbers and names masked, as a moderator released it.",
    )
    account_status = models.CharField(max_length=10, choices=AccountStatus.choices, blank=True, default="")
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    # Why a moderator withheld it: shown to moderators in the withheld list.
    withheld_reason = models.CharField(blank=True, max_length=WITHHELD_REASON_MAX_LENGTH)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="follow_up_once_per_module"),
            models.CheckConstraint(
                condition=models.Q(status="open", responded_at__isnull=True)
                | ~models.Q(status="open") & models.Q(responded_at__isnull=False),
                name="follow_up_responded_unless_open",
            ),
            # Something to screen exactly when there is masked text (erasure empties the text as
            # written but keeps the masked one, so that is the one that counts).
            models.CheckConstraint(
                condition=models.Q(account_status="", what_happened_masked="")
                | ~models.Q(account_status="") & ~models.Q(what_happened_masked=""),
                name="follow_up_account_status_if_text",
            ),
        ]
        indexes = [
            models.Index(fields=["module", "status"], name="follow_up_module_status"),
            models.Index(fields=["account_status"], name="follow_up_account_status"),
        ]
        permissions = [("screen_followup", "Can screen follow-up accounts of what happened")]

    def __str__(self):
        return f"{self.user} – {self.module} (follow-up, {self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def account_may_become(self, status: str) -> bool:
        return status in ACCOUNT_TRANSITIONS.get(self.account_status, frozenset())


class FollowUpRefusal(models.Model):
    """A person said "No thanks, do not ask me again": no follow-up invitation is ever made for
    them while this exists. One a person; deleting it (from their profile) invites them again
    for modules they complete afterwards."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_up_refusal")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user} declined follow-ups"
