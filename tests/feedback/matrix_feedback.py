"""Authorisation matrix rows for lesson feedback (see tests/champions/matrix_rows.py).

The learner's form: only someone who may read the lesson now (the matrix's learner has read it;
everyone else meets the module's self-assessment first, so for them the lesson is not found).
The admin: the panel's page for the panel, moderators, editors and administrators; the screening
queue and withholding (with a reason) for moderators and administrators; marking as considered
for the panel and administrators.
Coordinators (and every other staff role not named) are turned away by Wagtail ("denied");
learners, champions and leads get 403: nobody but those named sees any feedback."""

from lms.feedback.models import FeedbackStatus
from tests.feedback.factories import LessonFeedbackFactory
from tests.matrix_visitors import row, staff_only

DENIED = dict.fromkeys(("coordinator", "editor", "moderator", "reviewer"), "denied")

RULES: list = [
    (r"^my-learning/lessons/<id:lesson_id>/feedback/$", "/my-learning/lessons/{lesson}/feedback/",
     row("404", signed_out="login", learner="200")),
    (r"^admin/feedback/$", "/admin/feedback/",
     staff_only(**{**DENIED, "editor": "200", "moderator": "200", "reviewer": "200", "administrator": "200"})),
    (r"^admin/feedback/screening/$", "/admin/feedback/screening/",
     staff_only(**{**DENIED, "moderator": "200", "administrator": "200"})),
    (r"^admin/feedback/<int:pk>/consider/$", "/admin/feedback/{released_feedback}/consider/",
     staff_only(**{**DENIED, "reviewer": "200", "administrator": "200"})),
    (r"^admin/feedback/<int:pk>/withhold/$", "/admin/feedback/{released_feedback}/withhold/",
     staff_only(**{**DENIED, "moderator": "200", "administrator": "200"})),
]


def extend_world(world) -> dict:
    lesson = world.module.lessons().get()
    feedback = LessonFeedbackFactory(lesson=lesson, module=world.module, status=FeedbackStatus.RELEASED)
    return {"released_feedback": feedback.pk}
