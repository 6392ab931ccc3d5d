from django.apps import AppConfig


class LearningConfig(AppConfig):
    """The learning engine: enrolment, lesson progress, quizzes and attempts, confidence ratings."""

    name = "lms.learning"
    label = "learning"
    verbose_name = "Learning"

    def ready(self):
        from content.learning import register_engine
        from lms.learning.access import LmsLearningEngine

        register_engine(LmsLearningEngine())
