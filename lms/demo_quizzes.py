"""Load each demo module's question bank (content/demo/modules, key "questions") into quizzes.

Idempotent: questions are matched by module and text, cases by module and title, so running
it again adds nothing and leaves past attempts' questions in place.
"""

from django.db import transaction

from content.demo.load import demo_modules
from content.models import Sector, TrainingModulePage
from lms.models import Choice, Question, Quiz, QuizCase


def _load_question(module, data, sectors, case=None) -> bool:
    if Question.objects.filter(module=module, text=data["text"]).exists():
        return False
    question = Question(
        module=module, kind=data["type"], text=data["text"], explanation=data["explanation"],
        category=data.get("category", ""), case=case,
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


@transaction.atomic
def load_demo_quizzes() -> int:
    """Create each demo module's quiz settings and bank; returns the number of questions added."""
    sectors = {s.slug: s for s in Sector.objects.all()}
    added = 0
    for data in demo_modules():
        module = TrainingModulePage.objects.get(slug=data["slug"])
        Quiz.objects.get_or_create(module=module, defaults={"questions_per_attempt": 10, "pass_mark": 80})
        for number, item in enumerate(data["questions"], start=1):
            if item["type"] == "scenario":
                case, _ = QuizCase.objects.get_or_create(
                    module=module, title=f"Scenario {number}", defaults={"text": _plain(item["case"])}
                )
                for inner in item["questions"]:
                    added += _load_question(module, inner, sectors, case)
            else:
                added += _load_question(module, item, sectors)
    return added


def _plain(html: str) -> str:
    import re

    return re.sub(r"\s*</p>\s*<p>\s*", "\n\n", re.sub(r"^<p>|</p>$", "", html.strip())).replace("<br>", "\n")
