"""Editors author in the Wagtail admin; nothing goes live without the panel and a moderator."""

import pytest
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from content.models import LessonPage, ModuleIndexPage, Sector, Topic, TrainingModulePage
from lms.site.roles import Role
from tests.conftest import staff_client

pytestmark = pytest.mark.django_db


def module_form():
    data = nested_form_data({
        "title": "Supporting colleagues",
        "slug": "supporting-colleagues",
        "summary": "How to support a colleague who tells you about abuse.",
        "learning_outcomes": "Recognise signs at work\nRespond safely",
        "level": "awareness",
        "estimated_minutes": "40",
        "cpd_minutes": "40",
        "certificate_validity_months": "24",
        "last_reviewed": "2026-11-20",
        "content_warning": "",
        "image_alt": "",
        "comments": inline_formset([]),
    })
    data["topics"] = [Topic.objects.get(slug="domestic-abuse").pk]
    data["sectors"] = [Sector.objects.get(slug="employers").pk]
    return data


def lesson_form():
    data = nested_form_data({
        "title": "Recognise and respond",
        "slug": "recognise-and-respond",
        "summary": "What to do when a colleague tells you.",
        "body": streamfield([
            ("rich_text", rich_text("<p>Shared words for every sector.</p>")),
            ("sector_variant", {"sectors": "", "content": streamfield([
                ("rich_text", rich_text("<p>Words for employers only.</p>")),
            ])}),
        ]),
        "comments": inline_formset([]),
    })
    data["body-1-value-sectors"] = [str(Sector.objects.get(slug="employers").pk)]
    return data


def test_editor_builds_a_module_with_a_tailored_lesson_and_the_workflow_gates_publishing():
    editor = staff_client(Role.EDITOR)
    index = ModuleIndexPage.objects.get()

    # The editor cannot publish directly: "publish" only saves a draft for them.
    response = editor.post(f"/admin/pages/add/content/trainingmodulepage/{index.pk}/",
                           {**module_form(), "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    module = TrainingModulePage.objects.get(slug="supporting-colleagues")
    assert not module.live

    response = editor.post(f"/admin/pages/add/content/lessonpage/{module.pk}/",
                           {**lesson_form(), "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="recognise-and-respond")
    revision = lesson.get_latest_revision_as_object()
    kinds = [child.block_type for child in revision.body]
    assert kinds == ["rich_text", "sector_variant"]
    assert revision.body[1].value["sectors"] == [Sector.objects.get(slug="employers").pk]
    assert not lesson.live

    state = lesson.current_workflow_state
    assert state is not None
    assert state.current_task_state.task.name == "Co-production panel review"

    # A moderator cannot skip the panel: the first step is not theirs to approve.
    moderator = staff_client(Role.MODERATOR)
    task_state = state.current_task_state
    moderator.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {"comment": ""})
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert not lesson.live
    assert lesson.current_workflow_task.name == "Co-production panel review"

    reviewer = staff_client(Role.REVIEWER)
    response = reviewer.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    lesson = LessonPage.objects.get(pk=lesson.pk)  # fresh: workflow state is cached on the instance
    assert not lesson.live, "the panel's approval alone does not publish"
    assert lesson.current_workflow_task.name == "Moderator approval"

    next_state = lesson.current_workflow_state.current_task_state
    moderator.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{next_state.pk}/", {"comment": ""})
    lesson.refresh_from_db()
    assert lesson.live
    assert TaskState.objects.filter(status="approved").count() == 2


def test_reviewer_can_request_changes_and_the_page_stays_unpublished():
    editor = staff_client(Role.EDITOR)
    index = ModuleIndexPage.objects.get()
    editor.post(f"/admin/pages/add/content/trainingmodulepage/{index.pk}/", {**module_form(), "action-submit": "1"})
    module = TrainingModulePage.objects.get(slug="supporting-colleagues")
    task_state = module.current_workflow_state.current_task_state
    reviewer = staff_client(Role.REVIEWER)
    reviewer.post(
        f"/admin/pages/workflow/action/{module.pk}/reject/{task_state.pk}/",
        {"comment": "Please remove the line that implies she should have left sooner."},
    )
    module = TrainingModulePage.objects.get(pk=module.pk)
    assert not module.live
    assert module.current_workflow_state.status == "needs_changes"


def test_editor_sees_sector_preview_modes():
    lesson_modes = [mode for mode, _label in LessonPage().preview_modes]
    assert lesson_modes[0] == ""
    assert set(lesson_modes[1:]) == set(Sector.objects.values_list("slug", flat=True))


def test_a_module_cannot_require_itself_and_an_image_needs_alt_text():
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from tests.factories import make_module

    module = make_module("self-ref", lessons=0)
    module.prerequisites.set([module])
    with pytest.raises(ValidationError, match="own prerequisite"):
        module.clean()
    module.prerequisites.set([])
    module.image = Image.objects.create(title="Poster", file=get_test_image_file())
    module.image_alt = "  "
    with pytest.raises(ValidationError, match="Describe the image"):
        module.clean()
    module.image_alt = "A helpline poster on a noticeboard"
    module.clean()


def test_every_page_type_declares_its_parents_and_children():
    from wagtail.models import get_page_models

    for model in get_page_models():
        if model._meta.app_label != "content":
            continue
        assert "parent_page_types" in model.__dict__, model
        assert "subpage_types" in model.__dict__, model
