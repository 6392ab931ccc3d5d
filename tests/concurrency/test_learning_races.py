"""A learner's double (or triple) click on PostgreSQL: starting a quiz, submitting it, and marking
the last lesson complete each happen once, however many requests arrive at the same instant.

Each click is its own request on its own connection, in the learner's one browser session.
"""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from lms.certificates.models import Certificate
from lms.learning.models import Attempt, Enrolment, LessonCompletion
from lms.learning.progress import module_passed
from tests.concurrency.racing import CONCURRENT, RACERS, ROUNDS, no_errors, posting, race, shared_session
from tests.factories import LearnerFactory, answers_for, make_module, make_quiz, read_all_lessons

pytestmark = CONCURRENT


@pytest.fixture
def passes_announced():
    """The modules whose pass was announced to certificates (`module_passed`), one entry a time."""
    heard = []
    module_passed.connect(lambda **kw: heard.append(kw["module"].pk), weak=False, dispatch_uid="concurrency")
    yield heard
    module_passed.disconnect(dispatch_uid="concurrency")


def signed_in(learner) -> Client:
    client = Client()
    client.force_login(learner)
    return client


def open_lesson(client, lesson) -> None:
    """Open a lesson as a learner does: past the "before" self-assessment (skipped)."""
    response = client.get(lesson.url)
    if "/confidence/" in response.get("Location", ""):
        client.post(response["Location"], {"action": "skip"})
        response = client.get(lesson.url)
    assert response.status_code == 200


def test_a_quiz_submitted_from_several_clicks_at_once_is_marked_once_with_one_certificate(passes_announced):
    for round_ in range(ROUNDS):
        module = make_module(f"raced-submit-{round_}", lessons=1)
        quiz = make_quiz(module, questions=3)
        learner = LearnerFactory()
        client = signed_in(learner)
        read_all_lessons(learner, module)
        client.post(f"/my-learning/modules/{module.pk}/quiz/start/")
        attempt = Attempt.objects.get(user=learner, quiz=quiz)
        data = {**answers_for(attempt), "action": "confirm"}

        clicks = shared_session(client, RACERS)
        responses = no_errors(race(*posting(clicks, f"/my-learning/attempts/{attempt.pk}/", data)))

        result = f"/my-learning/attempts/{attempt.pk}/result/"
        assert [(r.status_code, r["Location"]) for r in responses] == [(302, result)] * RACERS
        attempt.refresh_from_db()
        assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.SUBMITTED, 100, True)
        assert Attempt.objects.filter(user=learner, quiz=quiz).count() == 1
        assert Enrolment.objects.get(user=learner, module=module).completed_at is not None
        # Marked once: the pass is announced once, and one certificate is issued and logged.
        assert passes_announced.count(module.pk) == 1
        certificate = Certificate.objects.get(user=learner, module=module)
        assert certificate.attempt_id == attempt.pk
        assert ModelLogEntry.objects.filter(
            content_type__model="certificate", object_id=str(certificate.pk), action="lms.certificate.issue",
        ).count() == 1
        assert "You passed" in client.get(result).content.decode()


def test_starting_a_quiz_from_several_clicks_at_once_opens_one_attempt():
    for round_ in range(ROUNDS):
        module = make_module(f"raced-start-{round_}", lessons=1)
        quiz = make_quiz(module, questions=2)
        learner = LearnerFactory()
        client = signed_in(learner)
        read_all_lessons(learner, module)

        clicks = shared_session(client, RACERS)
        responses = no_errors(race(*posting(clicks, f"/my-learning/modules/{module.pk}/quiz/start/")))

        attempt = Attempt.objects.get(user=learner, quiz=quiz)  # exactly one
        assert [(r.status_code, r["Location"]) for r in responses] == \
            [(302, f"/my-learning/attempts/{attempt.pk}/")] * RACERS
        assert attempt.status == Attempt.Status.IN_PROGRESS


def test_marking_the_last_lesson_complete_from_several_clicks_at_once_gives_one_certificate(passes_announced):
    for round_ in range(ROUNDS):
        module = make_module(f"raced-lesson-{round_}", lessons=2)  # no quiz: the lessons complete it
        first, lesson = module.lessons()
        learner = LearnerFactory()
        client = signed_in(learner)
        open_lesson(client, first)
        assert client.post(f"/my-learning/lessons/{first.pk}/complete/").status_code == 302  # started earlier
        open_lesson(client, lesson)

        clicks = shared_session(client, RACERS)
        responses = no_errors(race(*posting(clicks, f"/my-learning/lessons/{lesson.pk}/complete/")))

        assert {r.status_code for r in responses} == {302}
        assert LessonCompletion.objects.filter(user=learner, lesson=lesson).count() == 1
        assert LessonCompletion.objects.filter(user=learner, module=module).count() == 2
        assert Enrolment.objects.get(user=learner, module=module).completed_at is not None
        assert passes_announced.count(module.pk) == 1
        certificate = Certificate.objects.get(user=learner, module=module)
        assert ModelLogEntry.objects.filter(
            content_type__model="certificate", object_id=str(certificate.pk), action="lms.certificate.issue",
        ).count() == 1
