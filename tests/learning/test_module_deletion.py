"""A module any learner has started cannot be deleted, only withdrawn (unpublished), in the admin
and in the database; one nobody started can still be deleted; certificates survive either way."""

import pytest
from django.db.models import ProtectedError
from django.test import Client

from content.models import ModuleIndexPage, TrainingModulePage
from lms.certificates.models import Certificate
from lms.demo.two_factor import set_up_totp
from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion, Quiz
from tests.conftest import TOTP_SECRET, sign_in_with_mfa
from tests.factories import (
    AttemptFactory,
    CertificateFactory,
    ConfidenceRatingFactory,
    EnrolmentFactory,
    LearnerFactory,
    LessonCompletionFactory,
    LessonVisitFactory,
    make_module,
    make_quiz,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    return client


def started_by_one_learner(slug="started-module"):
    module = make_module(slug, lessons=2, title="Recognising coercive control")
    make_quiz(module, questions=2)
    learner = LearnerFactory()
    EnrolmentFactory(user=learner, module=module)
    LessonCompletionFactory(user=learner, lesson=module.lessons().first())
    ConfidenceRatingFactory(user=learner, module=module)
    return module, learner


def delete_url(page):
    return f"/admin/pages/{page.pk}/delete/"


def test_deleting_a_started_module_shows_why_and_offers_to_unpublish(admin_client):
    module, _ = started_by_one_learner()
    response = admin_client.get(delete_url(module))
    assert response.status_code == 200
    text = response.content.decode()
    assert "cannot be deleted" in text
    assert "Learners have started this module" in text
    assert f"/admin/pages/{module.pk}/unpublish/" in text
    assert "Yes, delete" not in text


def test_a_direct_post_to_the_delete_url_deletes_nothing(admin_client):
    module, learner = started_by_one_learner()
    response = admin_client.post(delete_url(module))
    assert response.status_code == 409
    assert TrainingModulePage.objects.filter(pk=module.pk).exists()
    assert Enrolment.objects.filter(user=learner, module=module).exists()
    assert LessonCompletion.objects.filter(user=learner, module=module).exists()
    assert ConfidenceRating.objects.filter(user=learner, module=module).exists()
    assert Quiz.objects.filter(module=module).exists()


@pytest.mark.parametrize("record", ["visit", "attempt", "certificate"])
def test_any_record_of_a_learner_counts_as_started(admin_client, record):
    module = make_module("one-record", lessons=1)
    if record == "visit":
        LessonVisitFactory(lesson=module.lessons().get())
    elif record == "attempt":
        AttemptFactory(quiz=make_quiz(module, questions=1))
    else:
        CertificateFactory(module=module)
    admin_client.post(delete_url(module))
    assert TrainingModulePage.objects.filter(pk=module.pk).exists()


def test_deleting_the_module_index_above_a_started_module_is_refused(admin_client):
    module, _ = started_by_one_learner()
    index = ModuleIndexPage.objects.get(slug="modules")
    response = admin_client.get(delete_url(index))
    assert "Learners have started modules inside" in response.content.decode()
    assert "Recognising coercive control" in response.content.decode()
    admin_client.post(delete_url(index))
    assert ModuleIndexPage.objects.filter(pk=index.pk).exists()
    assert TrainingModulePage.objects.filter(pk=module.pk).exists()


def test_bulk_delete_leaves_started_modules_and_deletes_the_others(admin_client):
    started, learner = started_by_one_learner()
    unstarted = make_module("nobody-started", lessons=1)
    make_quiz(unstarted, questions=1)
    index = started.get_parent()
    url = f"/admin/bulk/wagtailcore/page/delete/?id={started.pk}&id={unstarted.pk}&childOf={index.pk}&next=/admin/"
    confirmation = admin_client.get(url).content.decode()
    assert "These cannot be deleted" in confirmation
    assert "Recognising coercive control (1 learner)" in confirmation

    response = admin_client.post(url, follow=True)
    assert TrainingModulePage.objects.filter(pk=started.pk).exists()
    assert not TrainingModulePage.objects.filter(pk=unstarted.pk).exists()
    assert Enrolment.objects.filter(user=learner, module=started).exists()
    assert "Not deleted: “Recognising coercive control”" in response.content.decode()


def test_a_module_nobody_started_can_still_be_deleted_with_its_quiz(admin_client):
    module = make_module("nobody-started", lessons=2)
    make_quiz(module, questions=3)
    assert "Yes, delete" in admin_client.get(delete_url(module)).content.decode()
    response = admin_client.post(delete_url(module))
    assert response.status_code == 302
    assert not TrainingModulePage.objects.filter(pk=module.pk).exists()
    assert not Quiz.objects.filter(module_id=module.pk).exists()


def test_the_database_refuses_to_delete_a_started_module_whatever_the_code_path():
    module, learner = started_by_one_learner()
    AttemptFactory(user=learner, quiz=module.quiz)
    with pytest.raises(ProtectedError):
        module.delete()
    with pytest.raises(ProtectedError):
        module.quiz.delete()
    assert Attempt.objects.filter(user=learner).exists()


def test_certificates_survive_and_keep_their_frozen_title(admin_client):
    module = make_module("certified", lessons=1, title="Old title")
    certificate = CertificateFactory(module=module)
    module.title = "A new title"
    module.save_revision().publish()
    admin_client.post(delete_url(module))
    certificate.refresh_from_db()
    assert certificate.module_id == module.pk
    assert certificate.module_title == "Old title"
    with pytest.raises(ProtectedError):
        TrainingModulePage.objects.get(pk=module.pk).delete()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_unpublishing_withdraws_a_started_module_and_keeps_the_records(admin_client):
    module, learner = started_by_one_learner()
    response = admin_client.post(f"/admin/pages/{module.pk}/unpublish/")
    assert response.status_code == 302
    module.refresh_from_db()
    assert not module.live
    assert Enrolment.objects.filter(user=learner, module=module).exists()


def test_deleting_a_quiz_learners_attempted_is_refused_with_a_message(admin_client):
    module, learner = started_by_one_learner()
    AttemptFactory(user=learner, quiz=module.quiz)
    response = admin_client.post(f"/admin/snippets/learning/quiz/delete/{module.quiz.pk}/", follow=True)
    assert "learners have attempted it" in response.content.decode()
    assert Quiz.objects.filter(pk=module.quiz.pk).exists()


def test_every_kind_of_learner_record_holds_its_module():
    from lms.followup.models import FollowUp
    from lms.learning.models import LessonVisit, learner_record_models

    assert {model for model, _ in learner_record_models()} == {
        Enrolment, LessonVisit, LessonCompletion, ConfidenceRating, Certificate, Attempt, FollowUp,
    }
