"""The demo training content: complete, well-formed, and loaded idempotently."""

import re

import pytest
from wagtail.models import Revision

from content.demo.load import demo_modules, load_demo_content
from content.demo.paths import LEARNING_PATHS
from content.models import LearningPath, LessonPage, Sector, SupportService, TrainingModulePage

FLAGSHIPS = {"post-separation-abuse", "identifying-the-primary-perpetrator", "harmful-practices"}
ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em"}


def block_text(blocks) -> str:
    parts = []
    for kind, value in blocks:
        if kind == "sector_variant":
            parts.append(block_text(value["blocks"]))
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, str):
                    parts.append(item)
                elif isinstance(item, list):
                    parts.extend(str(v) for entry in item for v in entry.values())
        else:
            parts.append(value)
    return " ".join(parts)


def words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("module", demo_modules(), ids=lambda m: m["slug"])
def test_every_demo_module_is_complete_and_well_formed(module):
    minimum_lessons = 4 if module["slug"] in FLAGSHIPS else 3
    assert len(module["lessons"]) >= minimum_lessons
    total = sum(words(block_text(lesson["body"])) for lesson in module["lessons"])
    assert total >= (1500 if module["slug"] in FLAGSHIPS else 800)
    assert module["content_warning"]
    assert len(module["questions"]) >= 10
    sector_slugs = set(LEARNING_PATHS)
    for lesson in module["lessons"]:
        kinds = [kind for kind, _ in lesson["body"]]
        assert kinds[-1] == "signpost", f"{lesson['slug']} must end with where to get help"
        html = block_text(lesson["body"])
        assert set(re.findall(r"</?([a-z0-9]+)", html)) <= ALLOWED_TAGS, lesson["slug"]
        for kind, value in lesson["body"]:
            if kind == "sector_variant":
                assert set(value["sectors"]) <= sector_slugs
                assert all(inner_kind != "sector_variant" for inner_kind, _ in value["blocks"])
    if module["slug"] in FLAGSHIPS:
        kinds = {kind for lesson in module["lessons"] for kind, _ in lesson["body"]}
        assert {"case_scenario", "sector_variant", "signpost"} <= kinds


@pytest.mark.django_db
def test_demo_content_loads_as_live_pages_and_twice_changes_nothing():
    load_demo_content()
    revisions = Revision.objects.count()
    load_demo_content()
    assert Revision.objects.count() == revisions
    assert TrainingModulePage.objects.live().count() == len(demo_modules())
    assert LessonPage.objects.live().count() == sum(len(m["lessons"]) for m in demo_modules())
    assert LearningPath.objects.count() == Sector.objects.count()
    assert SupportService.objects.filter(phone="0808 2000 247").exists()
    harmful = TrainingModulePage.objects.get(slug="harmful-practices")
    assert harmful.lessons().count() >= 4
    dash = TrainingModulePage.objects.get(slug="risk-assessment-dash-and-marac")
    assert list(dash.prerequisites.values_list("slug", flat=True)) == ["recognising-vawg-and-responding-to-disclosure"]


@pytest.mark.django_db
def test_a_seeded_fgm_lesson_shows_the_duty_to_a_health_learner(client):
    from tests.factories import LearnerFactory

    load_demo_content()
    module = TrainingModulePage.objects.get(slug="harmful-practices")
    lesson = module.lessons().get(slug="fgm-and-the-mandatory-reporting-duty")
    client.force_login(LearnerFactory(sector=Sector.objects.get(slug="health")))
    client.post(f"/my-learning/lessons/{lesson.pk}/continue/")
    page = client.get(lesson.url).content.decode()
    assert "101" in page
    assert "Showing this lesson for: Health" in page


@pytest.mark.django_db
def test_demo_quizzes_load_once_with_every_question_pointing_to_a_lesson_of_its_module():
    from lms.learning.demo import load_demo_quizzes
    from lms.learning.models import Choice, Question

    load_demo_content()
    expected = sum(
        len(item["questions"]) if item["type"] == "scenario" else 1
        for module in demo_modules() for item in module["questions"]
    )
    assert load_demo_quizzes() == expected
    # A database seeded before questions had lessons, or with older wording, is brought up to date.
    Question.objects.update(lesson=None)
    first = Choice.objects.order_by("pk").first()
    Choice.objects.filter(pk=first.pk).update(text="Old wording")
    assert load_demo_quizzes() == 0
    assert Question.objects.count() == expected
    assert Choice.objects.get(pk=first.pk).text != "Old wording"
    for question in Question.objects.select_related("lesson", "module"):
        assert question.lesson is not None and question.lesson.is_child_of(question.module), question.text
