"""Load each demo module's question bank (content/demo/modules, key "questions") into quizzes.

Idempotent: questions are matched by module and text, cases by module and title, so running
it again adds nothing and leaves past attempts' questions in place. An existing question takes
the data's lesson, and its choices' wording, when the data changed them (choices are matched by
position, so past attempts keep their choice ids).
"""

from django.db import transaction

from content.demo.load import demo_modules
from content.models import LessonPage, Sector, TrainingModulePage
from lms.learning.models import Choice, Question, Quiz, QuizCase

# Every demo quiz draws this many questions from its bank and passes at this mark.
DEMO_QUESTIONS_PER_ATTEMPT = 10


DEMO_PASS_MARK = 80


def _load_question(module, data, sectors, lessons, case=None) -> bool:
    lesson = lessons[data["lesson"]] if data.get("lesson") else None
    existing = Question.objects.filter(module=module, text=data["text"]).first()
    if existing is not None:
        _refresh_question(existing, data, lesson)
        return False
    question = Question(
        module=module, kind=data["type"], text=data["text"], explanation=data["explanation"],
        category=data.get("category", ""), case=case, lesson=lesson,
    )
    question.save()
    question.sectors.set([sectors[slug] for slug in data.get("sectors", []) if slug in sectors])
    question.save()
    for order, choice in enumerate(data["choices"]):
        Choice.objects.create(
            question=question, text=choice["text"], is_correct=choice["correct"],
            feedback=choice.get("feedback", ""), sort_order=order,
        )
    return True


def _refresh_question(question, data, lesson) -> None:
    if lesson is not None and question.lesson_id != lesson.pk:
        question.lesson = lesson
        question.save(update_fields=["lesson"])
    choices = list(question.choices.order_by("sort_order", "id"))
    if len(choices) != len(data["choices"]):
        return
    for choice, wanted in zip(choices, data["choices"], strict=True):
        values = {"text": wanted["text"], "is_correct": wanted["correct"], "feedback": wanted.get("feedback", "")}
        if any(getattr(choice, field) != value for field, value in values.items()):
            Choice.objects.filter(pk=choice.pk).update(**values)


@transaction.atomic
def load_demo_quizzes() -> int:
    """Create each demo module's quiz settings and bank; returns the number of questions added."""
    sectors = {s.slug: s for s in Sector.objects.all()}
    added = 0
    for data in demo_modules():
        module = TrainingModulePage.objects.get(slug=data["slug"])
        Quiz.objects.get_or_create(module=module, defaults={
            "questions_per_attempt": DEMO_QUESTIONS_PER_ATTEMPT, "pass_mark": DEMO_PASS_MARK,
        })
        lessons = {lesson.slug: lesson for lesson in LessonPage.objects.child_of(module)}
        for number, item in enumerate(data["questions"], start=1):
            if item["type"] == "scenario":
                case, _ = QuizCase.objects.get_or_create(
                    module=module, title=f"Scenario {number}", defaults={"text": _plain(item["case"])}
                )
                for inner in item["questions"]:
                    added += _load_question(module, inner, sectors, lessons, case)
            else:
                added += _load_question(module, item, sectors, lessons)
    return added


def _plain(html: str) -> str:
    import re

    return re.sub(r"\s*</p>\s*<p>\s*", "\n\n", re.sub(r"^<p>|</p>$", "", html.strip())).replace("<br>", "\n")
