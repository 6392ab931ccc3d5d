from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Learners' feedback on each lesson: screened for personal details, released by a content
    moderator, read and marked as considered by the co-production panel; editors see it beside
    the lesson. Beside lms.learning, which it does not import: content's interface answers
    whether someone may read a lesson."""

    name = "lms.feedback"
    label = "feedback"
    verbose_name = "Lesson feedback"

    def ready(self):
        from lms.feedback.editor import add_feedback_tab_to_lesson_editor

        add_feedback_tab_to_lesson_editor()
