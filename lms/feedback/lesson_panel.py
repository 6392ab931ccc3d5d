"""The feedback section at the end of a lesson.

content sits below lms and cannot import this app, so the lesson page cannot ask for the
section by name. Wagtail's `before_serve_page` hook (wagtail_hooks.py) puts a
`LessonFeedbackSection` on the request of every lesson served, and lesson_page.html prints
`request.lesson_feedback` where the section goes: a link to the form, or, once given, "You gave
feedback on this lesson. Change it". The form itself is on its own page (views.py): its radios
and text area would add 3 KiB of CSS to every lesson, which the lessons' CSS budget
(tests/site/test_front_end.py) does not allow. Printing the section renders it: so it costs its one
query only on a page that shows the lesson itself (the template is rendered only for a learner
who may read it; a warning, a prerequisite page or a redirect never print it), and never in an
editor's preview, which Wagtail does not send through the hook.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property

from content.models import CompiledQuery
from lms.feedback.models import LessonFeedback

# The lessons a person gave feedback on (a few at most; one row a lesson): SQL compiled once a
# process (content.models.CompiledQuery), as on every lesson page compiling cost more than the answer.
_LESSONS_WITH_FEEDBACK = CompiledQuery(None, lambda user_id, _context: (
    LessonFeedback.objects.filter(user_id=user_id).values_list("lesson_id")
), marker=CompiledQuery.ID, values=True)


class LessonFeedbackSection:
    def __init__(self, request, lesson):
        self.request, self.lesson = request, lesson

    @cached_property
    def html(self) -> str:
        user = self.request.user
        if not user.is_authenticated:
            return ""
        # Whether they gave any is all the section says; and it needs nothing from the request's
        # context processors, which would run again for this one template.
        existing = any(lesson_id == self.lesson.pk for (lesson_id,) in _LESSONS_WITH_FEEDBACK(user.pk))
        return render_to_string("feedback/lesson_section.html", {
            "lesson": self.lesson,
            "existing": existing,
            "action": reverse("lesson_feedback", args=[self.lesson.pk]),
        })

    def __html__(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html
