"""Giving feedback on a lesson, screening it, and the panel considering it.

Each function takes explicit arguments, runs inside the caller's transaction, logs what it
changed (Wagtail's log, under "feedback.*"), and returns what it made or changed. A move the
rules (models.TRANSITIONS) do not allow raises FeedbackError with a message for people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from content.models import LessonPage, Sector, SupportService, Topic, TrainingModulePage
from lms.accounts.models import District
from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.screening import mask_personal_details


class FeedbackError(Exception):
    """A change the rules refuse, in words for the person who asked for it."""


@dataclass(frozen=True)
class Given:
    feedback: LessonFeedback
    created: bool
    changed: bool


def site_vocabulary() -> tuple[list[str], list[str]]:
    """(phrases, numbers) the site itself publishes, which are never personal details: module
    and lesson titles, sectors, topics, districts and support services, and the services'
    phone numbers. A few small queries, run only when a comment is screened."""
    phrases = [
        *TrainingModulePage.objects.live().values_list("title", flat=True),
        *LessonPage.objects.live().values_list("title", flat=True),
        *Sector.objects.values_list("name", flat=True),
        *Topic.objects.values_list("name", flat=True),
        *District.objects.values_list("name", flat=True),
    ]
    numbers = []
    for name, phone, other in SupportService.live_services().values_list("name", "phone", "text_or_web_contact"):
        phrases.append(name)
        numbers.extend([phone, other])
    return phrases, numbers


def mask(comment: str) -> str:
    phrases, numbers = site_vocabulary()
    return mask_personal_details(comment, allowed_phrases=phrases, allowed_numbers=numbers)


def give_feedback(user, lesson: LessonPage, *, clear: str, useful: str, comment: str) -> Given:
    """Record (or change) `user`'s feedback on `lesson`. One per learner and lesson: a second
    post changes the first, and the same post twice (a double click) changes nothing.

    A changed comment is masked again and goes back to screening, whatever had become of the
    old one; a feedback with no comment has nothing to screen and reaches the panel at once.
    """
    comment = comment.strip()
    existing = LessonFeedback.objects.select_for_update().filter(user=user, lesson=lesson).first()
    if existing is None:
        try:
            with transaction.atomic():
                feedback = LessonFeedback.objects.create(
                    user=user, lesson=lesson, module=lesson.module, clear=clear, useful=useful, comment=comment,
                    masked_comment=mask(comment) if comment else "",
                    status=FeedbackStatus.AWAITING_SCREENING if comment else FeedbackStatus.RELEASED,
                )
        except IntegrityError:
            # The same learner's other request made it first (two tabs, a double click): change that one.
            existing = LessonFeedback.objects.select_for_update().get(user=user, lesson=lesson)
        else:
            return Given(feedback, created=True, changed=True)
    feedback = existing
    if (feedback.clear, feedback.useful, feedback.comment) == (clear, useful, comment):
        return Given(feedback, created=False, changed=False)
    fields = ["clear", "useful", "updated_at"]
    feedback.clear, feedback.useful = clear, useful
    if comment != feedback.comment:
        feedback.comment = comment
        feedback.masked_comment = mask(comment) if comment else ""
        feedback.status = FeedbackStatus.AWAITING_SCREENING if comment else FeedbackStatus.RELEASED
        feedback.screened_by = feedback.screened_at = feedback.considered_by = feedback.considered_at = None
        feedback.panel_note = feedback.withheld_reason = ""
        fields += ["comment", "masked_comment", "status", "screened_by", "screened_at", "considered_by",
                   "considered_at", "panel_note", "withheld_reason"]
    # Not logged: the log would tie the learner's account to the time of a comment.
    feedback.save(update_fields=fields)
    return Given(feedback, created=False, changed=True)


def _move(feedback: LessonFeedback, status: str, by, action: str, data=None) -> LessonFeedback:
    if not feedback.may_become(status):
        raise FeedbackError(
            f"This feedback is “{feedback.get_status_display().lower()}” and cannot be "
            f"{dict(FeedbackStatus.choices)[status].lower()} now. The page shows where it is."
        )
    now = timezone.now()
    feedback.status = status
    fields = ["status", "updated_at"]
    if status in (FeedbackStatus.RELEASED, FeedbackStatus.WITHHELD):
        feedback.screened_by, feedback.screened_at = by, now
        feedback.withheld_reason = (data or {}).get("reason", "")
        fields += ["screened_by", "screened_at", "withheld_reason"]
    feedback.save(update_fields=fields)
    # The lesson's title, never the learner: the log tells what was decided, not about whom.
    log(feedback, action, user=by, data={"lesson": feedback.lesson.title, **(data or {})})
    return feedback


def release(feedback: LessonFeedback, by) -> LessonFeedback:
    """A moderator releases the masked comment to the panel (also one withheld by mistake)."""
    return _move(feedback, FeedbackStatus.RELEASED, by, "feedback.released")




def withhold(feedback: LessonFeedback, by, reason: str) -> LessonFeedback:
    """A moderator keeps the comment from the panel (abuse, or personal details the masking
    missed), saying why: the reason is kept with it and in the log."""
    reason = " ".join(reason.split())
    if not reason:
        raise FeedbackError("Say why the feedback is withheld.")
    return _move(feedback, FeedbackStatus.WITHHELD, by, "feedback.withheld", {"reason": reason})


def release_many(ids, by) -> tuple[int, int]:
    """Release every feedback of `ids` that awaits screening: (released, skipped)."""
    wanted = {int(i) for i in ids}
    found = list(LessonFeedback.objects.select_for_update().filter(pk__in=wanted).order_by("pk"))
    released = 0
    for feedback in found:
        if feedback.status == FeedbackStatus.AWAITING_SCREENING:
            release(feedback, by)
            released += 1
    return released, len(wanted) - released


def mark_considered(feedback: LessonFeedback, by, note: str = "") -> LessonFeedback:
    """The panel has considered the feedback, with an optional note for editors."""
    if not feedback.may_become(FeedbackStatus.CONSIDERED):
        raise FeedbackError(
            "Only feedback released to the panel can be marked as considered. "
            f"This one is “{feedback.get_status_display().lower()}”."
        )
    note = note.strip()
    feedback.panel_note = note
    feedback.considered_by, feedback.considered_at = by, timezone.now()
    feedback.status = FeedbackStatus.CONSIDERED
    feedback.save(update_fields=["status", "panel_note", "considered_by", "considered_at", "updated_at"])
    log(feedback, "feedback.considered", user=by, data={"lesson": feedback.lesson.title, "note": note})
    return feedback
