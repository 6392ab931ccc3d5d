"""Demo lesson feedback: comments waiting for a moderator (one naming a person, with an email
address and a phone number, to show the masking), released ones waiting for the panel, one the
panel considered with a note, one withheld, and answers without a comment.

Idempotent: one feedback per learner and lesson, given through lms.feedback.services (the same
text again changes nothing) and moved on only where the rules allow.
"""

from __future__ import annotations

from django.db import transaction

from content.models import LessonPage
from lms.accounts.models import User
from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.services import give_feedback, mark_considered, release, withhold

A = FeedbackStatus

# (learner's email, lesson index among the live lessons, clear, useful, comment, where it ends up, panel note)
DEMO_FEEDBACK = [
    ("learner@example.org", 0, "partly", "yes",
     "I used this with a client last week. Jane Smith (jane.smith@example.com, 07700 900123) said the "
     "safety planning part made sense to her. The bit on coercive control could have more examples.",
     A.AWAITING_SCREENING, ""),
    ("champion@example.org", 0, "yes", "yes",
     "Clear and short. It would help to say what to do if the person does not want a referral.",
     A.AWAITING_SCREENING, ""),
    ("champion01@example.org", 0, "yes", "partly",
     "The scenario felt real. Please add where to signpost men who are victims, not only women.",
     A.RELEASED, ""),
    ("champion02@example.org", 1, "no", "partly",
     "Too many acronyms (MARAC, IDVA, DASH) without saying what they stand for the first time.",
     A.CONSIDERED, "Agreed: spell out each acronym on first use. Editors to change before the next review."),
    ("champion03@example.org", 1, "yes", "yes", "", A.RELEASED, ""),
    ("champion04@example.org", 2, "partly", "no",
     "This lesson is useless and whoever wrote it should be ashamed.", A.WITHHELD, ""),
    ("champion05@example.org", 2, "yes", "yes",
     "Call Mrs Patel on 01923 456789 if you want to know more about how we did it in Watford.",
     A.AWAITING_SCREENING, ""),
]


# Why the demo's moderator kept one comment from the panel.
WITHHELD_REASON = "Abuse of the lesson's writer, not feedback on the lesson."


def load_demo_feedback() -> int:
    """Give the demo feedback and take each to its stage (screened by moderator@, considered by
    reviewer@); returns how many there are."""
    moderator = User.objects.get(email="moderator@example.org")
    reviewer = User.objects.get(email="reviewer@example.org")
    lessons = list(LessonPage.objects.live().order_by("path")[:3])
    if not lessons:
        return 0
    made = 0
    with transaction.atomic():
        for email, index, clear, useful, comment, stage, note in DEMO_FEEDBACK:
            learner = User.objects.filter(email=email).first()
            if learner is None:
                continue
            lesson = lessons[min(index, len(lessons) - 1)]
            given = give_feedback(learner, lesson, clear=clear, useful=useful, comment=comment)
            feedback = LessonFeedback.objects.get(pk=given.feedback.pk)
            if stage in (A.RELEASED, A.CONSIDERED) and feedback.status == A.AWAITING_SCREENING:
                release(feedback, moderator)
            if stage == A.WITHHELD and feedback.status == A.AWAITING_SCREENING:
                withhold(feedback, moderator, WITHHELD_REASON)
            if stage == A.CONSIDERED and feedback.status == A.RELEASED:
                mark_considered(feedback, reviewer, note)
            made += 1
    return made
