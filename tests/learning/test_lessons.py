"""Lessons as learners meet them: tailoring, progress, warnings, prerequisites and bad posts."""

import pytest

from content.models import LessonPage
from lms.learning.models import Enrolment, LessonCompletion
from lms.learning.progress import is_module_complete
from tests.factories import LearnerFactory, make_module, read_and_complete, rich, variant

pytestmark = pytest.mark.django_db


def learner_in(sector_slug):
    from content.models import Sector

    return LearnerFactory(sector=Sector.objects.get(slug=sector_slug))


TAILORED_BODY = [
    rich("Everyone reads this shared introduction."),
    variant(["health"], "Health staff ask in private, never in front of a partner."),
    variant(["housing"], "Housing officers do not treat abuse as a neighbour dispute."),
    variant([], "Every other sector: agree with the person how to contact them safely."),
    rich("Everyone reads this shared ending."),
]


@pytest.fixture
def tailored_lesson(db):
    module = make_module("tailored", lessons=1, body=TAILORED_BODY)
    return LessonPage.objects.child_of(module).get()


def test_health_and_housing_learners_see_their_own_variant_and_the_shared_text(client, tailored_lesson):
    client.force_login(learner_in("health"))
    health = client.get(tailored_lesson.url).content.decode()
    client.force_login(learner_in("housing"))
    housing = client.get(tailored_lesson.url).content.decode()

    for page in (health, housing):
        assert "Everyone reads this shared introduction." in page
        assert "Everyone reads this shared ending." in page
        assert "agree with the person how to contact them safely" not in page
    assert "Health staff ask in private" in health
    assert "Housing officers do not treat abuse" not in health
    assert "Housing officers do not treat abuse" in housing
    assert "Health staff ask in private" not in housing
    assert "Showing this lesson for: Health" in health
    assert "Showing this lesson for: Housing" in housing


def test_a_sector_without_a_variant_gets_the_fallback_and_the_all_sectors_view(client, tailored_lesson):
    client.force_login(learner_in("police"))
    page = client.get(tailored_lesson.url).content.decode()
    assert "agree with the person how to contact them safely" in page
    assert "Health staff ask in private" not in page
    assert "Nothing in this lesson is specific to your sector." in page


def test_a_learner_can_switch_to_another_sectors_view(client, tailored_lesson):
    client.force_login(learner_in("health"))
    page = client.get(tailored_lesson.url, {"sector": "housing"}).content.decode()
    assert "Housing officers do not treat abuse" in page
    assert "Health staff ask in private" not in page
    everything = client.get(tailored_lesson.url, {"sector": "all"}).content.decode()
    for text in ("Health staff ask", "Housing officers", "agree with the person how to contact"):
        assert text in everything
    # An unknown sector is ignored: the learner's own view is shown.
    assert "Health staff ask in private" in client.get(tailored_lesson.url, {"sector": "nope"}).content.decode()


def test_lessons_need_sign_in(client, tailored_lesson):
    response = client.get(tailored_lesson.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_progress_persists_across_sign_out_and_the_dashboard_resumes(client):
    module = make_module("resumable", lessons=3)
    lessons = list(module.lessons())
    learner = LearnerFactory()
    client.force_login(learner)
    response = read_and_complete(client, lessons[0])
    assert response["Location"] == lessons[1].url  # mark complete and continue
    client.logout()

    client.force_login(learner)
    dashboard = client.get("/my-learning/").content.decode()
    assert "Resumable" in dashboard
    assert "1 of 3 lessons complete" in dashboard
    assert f'href="{lessons[1].url}"' in dashboard
    assert "Continue: Lesson 2" in dashboard
    module_page = client.get(module.url).content.decode()
    assert "Continue: Lesson 2" in module_page


def test_completing_every_lesson_completes_the_module_once(client):
    module = make_module("finishable", lessons=2)
    lessons = list(module.lessons())
    learner = LearnerFactory()
    client.force_login(learner)
    read_and_complete(client, lessons[0])
    assert not is_module_complete(learner, module)
    client.get(lessons[1].url)
    response = client.post(f"/my-learning/lessons/{lessons[1].pk}/complete/", follow=True)
    assert "You have completed every lesson" in response.content.decode()
    assert is_module_complete(learner, module)
    first = Enrolment.objects.get(user=learner, module=module).completed_at
    # Clicking again (a double submit or a retry) records nothing new.
    client.post(f"/my-learning/lessons/{lessons[1].pk}/complete/")
    assert LessonCompletion.objects.filter(user=learner).count() == 2
    assert Enrolment.objects.get(user=learner, module=module).completed_at == first
    assert "Completed" in client.get("/my-learning/").content.decode()


def test_module_completion_is_announced_once(client, django_capture_on_commit_callbacks):
    from lms.learning.progress import module_passed

    module = make_module("announced", lessons=1)
    lesson = module.lessons().get()
    learner = LearnerFactory()
    heard = []
    module_passed.connect(lambda **kw: heard.append(kw["module"].pk), weak=False, dispatch_uid="test-heard")
    try:
        client.force_login(learner)
        with django_capture_on_commit_callbacks(execute=True):
            read_and_complete(client, lesson)
            client.post(f"/my-learning/lessons/{lesson.pk}/complete/")
    finally:
        module_passed.disconnect(dispatch_uid="test-heard")
    assert heard == [module.pk]


def test_content_warning_comes_first_with_three_choices(client):
    module = make_module("warned", lessons=1, content_warning="This module discusses domestic homicide.")
    lesson = module.lessons().get()
    learner = LearnerFactory()
    client.force_login(learner)
    page = client.get(lesson.url).content.decode()
    assert "This module discusses domestic homicide." in page
    assert "Continue to the lesson" in page
    assert "Take a break" in page
    assert 'href="/support/"' in page
    assert "Shared text of lesson 1." not in page
    response = client.post(f"/my-learning/lessons/{lesson.pk}/continue/")
    assert response["Location"] == lesson.url
    assert "Shared text of lesson 1." in client.get(lesson.url).content.decode()


def test_a_lesson_of_an_unpublished_module_is_not_shown_and_records_nothing(client):
    module = make_module("withdrawn", lessons=1)
    lesson = module.lessons().get()
    module.unpublish()  # its lessons stay live, as they can in Wagtail
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()  # as for a page that is not there
    response = client.post(f"/my-learning/lessons/{lesson.pk}/complete/", follow=True)
    assert "not available" in response.content.decode()
    assert "Nothing was recorded" in response.content.decode()
    assert not LessonCompletion.objects.exists()
    assert not Enrolment.objects.exists()


def test_missing_prerequisites_block_the_lesson_with_a_clear_message(client):
    first = make_module("first-steps", lessons=1, title="First steps")
    second = make_module("next-steps", lessons=1, prerequisites=[first])
    lesson = second.lessons().get()
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Complete “First steps” before you start this module." in body
    assert f'href="{first.url}"' in body
    response = client.post(f"/my-learning/lessons/{lesson.pk}/complete/", follow=True)
    assert "Complete “First steps”" in response.content.decode()
    assert not LessonCompletion.objects.exists()

    read_and_complete(client, first.lessons().get())
    assert client.get(lesson.url).status_code == 200


@pytest.mark.parametrize("lesson_id", ["999999", "0"])
def test_a_tampered_progress_post_records_nothing(client, lesson_id):
    make_module("real", lessons=1)
    client.force_login(LearnerFactory())
    response = client.post(f"/my-learning/lessons/{lesson_id}/complete/", follow=True)
    assert response.status_code == 200
    assert "Nothing was recorded" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_progress_cannot_be_recorded_by_get_or_without_signing_in(client):
    module = make_module("guarded", lessons=1)
    lesson = module.lessons().get()
    assert client.post(f"/my-learning/lessons/{lesson.pk}/complete/").status_code == 302
    client.force_login(LearnerFactory())
    assert client.get(f"/my-learning/lessons/{lesson.pk}/complete/").status_code == 405
    assert not LessonCompletion.objects.exists()


def test_a_draft_lesson_cannot_be_completed(client):
    module = make_module("drafty", lessons=1)
    lesson = module.lessons().get()
    lesson.unpublish()
    client.force_login(LearnerFactory())
    response = client.post(f"/my-learning/lessons/{lesson.pk}/complete/", follow=True)
    assert "not available" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_a_lesson_never_opened_cannot_be_marked_complete(client):
    module = make_module("unread", lessons=2)
    lessons = list(module.lessons())
    client.force_login(LearnerFactory())
    response = client.post(f"/my-learning/lessons/{lessons[1].pk}/complete/", follow=True)
    assert "Open the lesson and read it before you mark it complete." in response.content.decode()
    assert not LessonCompletion.objects.exists()
    client.get(lessons[1].url)
    client.post(f"/my-learning/lessons/{lessons[1].pk}/complete/")
    assert LessonCompletion.objects.filter(lesson=lessons[1]).exists()


def test_a_lesson_behind_an_unacknowledged_warning_does_not_count(client):
    module = make_module("warned-unread", lessons=1, content_warning="This module discusses homicide.")
    lesson = module.lessons().get()
    learner = LearnerFactory()
    client.force_login(learner)
    client.get(lesson.url)  # shows the warning, not the lesson: nothing is opened yet
    response = client.post(f"/my-learning/lessons/{lesson.pk}/complete/", follow=True)
    assert "content warning" in response.content.decode()
    assert not LessonCompletion.objects.exists()
    assert not is_module_complete(learner, module)


def test_renaming_a_sectors_slug_keeps_its_learners_on_their_variant(client, tailored_lesson):
    from content.models import Sector

    housing = Sector.objects.get(slug="housing")
    housing.slug, housing.name = "housing-and-homelessness", "Housing and homelessness"
    housing.save()  # as the admin does: the cached sectors are emptied (an update() would leave them)
    client.force_login(LearnerFactory(sector=Sector.objects.get(slug="housing-and-homelessness")))
    page = client.get(tailored_lesson.url).content.decode()
    assert "Housing officers do not treat abuse" in page
    assert "agree with the person how to contact them safely" not in page
    assert "Showing this lesson for: Housing and homelessness" in page


def test_saving_a_lesson_after_a_slug_change_keeps_one_version_for_everyone_else(tailored_lesson):
    from content.models import Sector

    Sector.objects.filter(slug="health").update(slug="health-and-care")
    lesson = LessonPage.objects.get(pk=tailored_lesson.pk)
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=tailored_lesson.pk)
    variants = [child.value for child in lesson.body if child.block_type == "sector_variant"]
    fallbacks = [v for v in variants if not v["sectors"]]
    assert len(fallbacks) == 1
    health = Sector.objects.get(slug="health-and-care")
    assert [v for v in variants if health.pk in [int(s) for s in v["sectors"]]]
