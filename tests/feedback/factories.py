"""Factories for lesson feedback."""

import factory
from factory.django import DjangoModelFactory

from lms.feedback.models import Answer, FeedbackStatus, LessonFeedback
from tests.accounts.factories import LearnerFactory
from tests.content.factories import LessonPageFactory


class LessonFeedbackFactory(DjangoModelFactory):
    """A learner's feedback with a comment, awaiting screening (masked as the service would)."""

    class Meta:
        model = LessonFeedback

    lesson = factory.SubFactory(LessonPageFactory)
    module = factory.LazyAttribute(lambda o: o.lesson.get_parent().specific)
    user = factory.SubFactory(LearnerFactory)
    clear = Answer.YES
    useful = Answer.PARTLY
    comment = "The examples were clear. More on what to say first would help."
    masked_comment = factory.LazyAttribute(lambda o: o.comment)
    status = FeedbackStatus.AWAITING_SCREENING
