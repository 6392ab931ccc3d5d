"""A learner's feedback on one lesson, and where it is on its way to the co-production panel.

Feedback is anonymous to everyone but administrators: the learner link and the comment as
written are kept only so that an administrator can act on abuse of the form. Everyone else
(moderators, the panel, editors) reads the masked comment, and the panel and editors only
once a moderator has released it.
"""

from django.conf import settings
from django.db import models


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class FeedbackStatus(models.TextChoices):
    AWAITING_SCREENING = "awaiting", "Awaiting screening"
    RELEASED = "released", "Released to the panel"
    WITHHELD = "withheld", "Withheld"
    CONSIDERED = "considered", "Considered by the panel"


# Where each status may go by a moderator's or the panel's decision (services.py applies it).
# A learner changing their comment sends it back to screening from any status (services.give_feedback).
TRANSITIONS: dict[str, frozenset[str]] = {
    FeedbackStatus.AWAITING_SCREENING: frozenset({FeedbackStatus.RELEASED, FeedbackStatus.WITHHELD}),
    FeedbackStatus.WITHHELD: frozenset({FeedbackStatus.RELEASED}),
    FeedbackStatus.RELEASED: frozenset({FeedbackStatus.WITHHELD, FeedbackStatus.CONSIDERED}),
    FeedbackStatus.CONSIDERED: frozenset(),
}

# What the panel and editors may read: released to them, whether considered yet or not.
VISIBLE_TO_PANEL = (FeedbackStatus.RELEASED, FeedbackStatus.CONSIDERED)

COMMENT_MAX_LENGTH = 1200
PANEL_NOTE_MAX_LENGTH = 1000
WITHHELD_REASON_MAX_LENGTH = 300


class LessonFeedbackQuerySet(models.QuerySet):
    def for_panel(self):
        """What the co-production panel and editors may read: released feedback only."""
        return self.filter(status__in=VISIBLE_TO_PANEL)

    def awaiting_screening(self):
        return self.filter(status=FeedbackStatus.AWAITING_SCREENING)


class LessonFeedback(models.Model):
    """One learner's answers and comment on one lesson (one per learner and lesson: giving it
    again changes it).

    Deleting a lesson or its module deletes its feedback (CASCADE): feedback on a lesson that
    no longer exists has nothing left for the panel to act on, and a module that learners have
    started cannot be deleted anyway (lms.learning refuses), only withdrawn.
    """

    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="feedback")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="+")
    # For administrators only (abuse of the form); cleared when the person's account is erased.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="lesson_feedback",
    )
    clear = models.CharField("was it clear", max_length=10, choices=Answer.choices)
    useful = models.CharField("was it useful", max_length=10, choices=Answer.choices)
    # As written, for administrators only: nobody else is ever shown it.
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    masked_comment = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=FeedbackStatus.choices, default=FeedbackStatus.AWAITING_SCREENING)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    screened_at = models.DateTimeField(null=True, blank=True)
    # Why a moderator withheld it (screened_by says who): shown in the withheld list and the log.
    withheld_reason = models.CharField(blank=True, max_length=WITHHELD_REASON_MAX_LENGTH)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    considered_at = models.DateTimeField(null=True, blank=True)
    panel_note = models.TextField(blank=True, max_length=PANEL_NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LessonFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = "lesson feedback"
        verbose_name_plural = "lesson feedback"
        constraints = [
            # One feedback per learner and lesson: a double click or a second tab cannot add another.
            models.UniqueConstraint(
                fields=["user", "lesson"], condition=models.Q(user__isnull=False),
                name="one_feedback_per_learner_lesson",
            ),
        ]
        indexes = [models.Index(fields=["status", "module"], name="feedback_status_module")]

    def __str__(self):
        return f"Feedback on “{self.lesson.title}”" if self.lesson_id else "Lesson feedback"

    @property
    def has_comment(self) -> bool:
        return bool(self.masked_comment.strip())

    def may_become(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, frozenset())
