"""A lesson's tailored body is rendered once per published revision and sector, then read from
the cache; the learner's own parts (progress, completion) stay live; previews never touch it."""

import json
from unittest import mock

import pytest

from content.models import LessonPage, Sector
from tests.factories import LearnerFactory, make_module, rich, variant

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(db):
    module = make_module("cached", lessons=2, body=[
        rich("Shared words for everyone."),
        variant(["health"], "Health staff read this."),
        variant([], "Everyone else reads this."),
    ])
    return LessonPage.objects.child_of(module).order_by("path").first()


def learner_in(slug):
    return LearnerFactory(sector=Sector.objects.get(slug=slug))


def rendered_blocks(client, url):
    from wagtail import blocks

    with mock.patch.object(blocks.Block, "render", autospec=True, side_effect=blocks.Block.render) as render:
        page = client.get(url).content.decode()
    return page, render.call_count


def test_a_second_view_by_the_same_sector_renders_no_block_again(client, lesson):
    client.force_login(learner_in("health"))
    first, first_renders = rendered_blocks(client, lesson.url)
    client.force_login(learner_in("health"))
    second, second_renders = rendered_blocks(client, lesson.url)
    assert first_renders > 0
    assert second_renders == 0
    assert "Health staff read this." in second and "Everyone else reads this." not in second


def test_another_sector_gets_its_own_version(client, lesson):
    client.force_login(learner_in("health"))
    rendered_blocks(client, lesson.url)
    client.force_login(learner_in("housing"))
    page, renders = rendered_blocks(client, lesson.url)
    assert renders > 0
    assert "Everyone else reads this." in page and "Health staff read this." not in page


def test_a_publish_shows_the_new_text_at_once(client, lesson):
    client.force_login(learner_in("health"))
    assert "Shared words for everyone." in client.get(lesson.url).content.decode()
    lesson.body = json.dumps([rich("Corrected words for everyone.")])
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "Corrected words for everyone." in page
    assert "Shared words for everyone." not in page


def test_the_learners_own_parts_stay_live(client, lesson):
    client.force_login(learner_in("health"))
    page = client.get(lesson.url).content.decode()
    assert "You have completed this lesson" not in page and ">Mark complete and " in page
    client.post(f"/my-learning/lessons/{lesson.pk}/complete/")
    page = client.get(lesson.url).content.decode()
    # Done already: the button only moves on, and no longer offers to mark it complete.
    assert "You have completed this lesson" in page and ">Continue</button>" in page and "Mark complete" not in page


def test_previews_neither_read_nor_fill_the_cache(rf, lesson):
    from django.core.cache import cache

    editor_request = rf.get("/")
    editor_request.user = learner_in("health")
    with (
        mock.patch.object(cache, "get", wraps=cache.get) as get,
        mock.patch.object(cache, "set", wraps=cache.set) as put,
    ):
        response = lesson.serve_preview(editor_request, "health")
    assert response.status_code == 200
    assert not [c for c in get.call_args_list if str(c.args[0]).startswith("lesson-body:")]
    assert not [c for c in put.call_args_list if str(c.args[0]).startswith("lesson-body:")]


def test_an_alias_shows_new_text_after_its_source_is_published(client):
    source_module = make_module("a", lessons=1, body=[rich("FIRST TEXT")])
    make_module("b", lessons=0)
    source = LessonPage.objects.child_of(source_module).get()
    from content.models import TrainingModulePage

    source.create_alias(parent=TrainingModulePage.objects.get(slug="b"), update_slug="alias-l")
    client.force_login(learner_in("health"))
    assert "FIRST TEXT" in client.get("/modules/b/alias-l/").content.decode()
    source = LessonPage.objects.get(pk=source.pk)
    source.body = json.dumps([rich("SECOND TEXT")])
    source.save_revision().publish()
    page = client.get("/modules/b/alias-l/").content.decode()
    assert "SECOND TEXT" in page and "FIRST TEXT" not in page


def test_a_live_lesson_without_a_live_revision_shows_new_text_once_published(client):
    module = make_module("m", lessons=0)
    module.add_child(instance=LessonPage(title="L", slug="l", body=json.dumps([rich("OLD TEXT")]), live=True))
    lesson = LessonPage.objects.get(slug="l")
    lesson.body = json.dumps([rich("NEW TEXT")])
    draft = lesson.save_revision()  # an editor's draft, not yet published
    client.force_login(learner_in("health"))
    assert "OLD TEXT" in client.get("/modules/m/l/").content.decode()
    draft.publish()
    page = client.get("/modules/m/l/").content.decode()
    assert "NEW TEXT" in page and "OLD TEXT" not in page


# What the sector line and the variants' labels say


def test_a_sector_with_nothing_of_its_own_is_named_and_told_so(client, lesson):
    client.force_login(learner_in("police"))
    page = client.get(lesson.url).content.decode()
    police = Sector.objects.get(slug="police").name
    assert f"Showing this lesson for: {police}. Nothing in this lesson is specific to your sector.</label>" in page
    assert "all sectors" not in page.split("Showing this lesson for:")[1].split("</label>")[0]


def test_a_sector_with_its_own_version_is_named(client, lesson):
    client.force_login(learner_in("health"))
    page = client.get(lesson.url).content.decode()
    assert "Showing this lesson for: Health</label>" in page
    assert "Nothing in this lesson is specific" not in page


def test_the_every_sector_view_says_so(client, lesson):
    client.force_login(learner_in("health"))
    assert "Showing this lesson for: all sectors</label>" in client.get(lesson.url, {"sector": "all"}).content.decode()


def test_the_fallback_variant_is_labelled_for_sectors_without_their_own_version(rf, lesson):
    request = rf.get("/")
    request.user = learner_in("health")
    page = lesson.serve_preview(request, "").content.decode()
    assert "For Health" in page
    assert "For every sector" not in page
    assert "For sectors without their own version" in page
