"""Property-based tests of the feedback forms and screens, with inputs Hypothesis makes up: the
learner's form, the panel's note, the panel page's filters and the screening queue's posts.
Whatever is sent: no server error; a refused post writes nothing; an accepted one keeps one
feedback per learner and lesson, stored masked."""

from __future__ import annotations

import re
import unicodedata

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, LessonFeedbackFactory, make_module

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ANSWER = st.one_of(st.sampled_from(["yes", "partly", "no"]), SHORT)
INVISIBLE = st.sampled_from(["\u200b", "\u202e", "\u2066", "\ufeff", "\ue000", "\u0378", "\u00ad"])
WITH_INVISIBLE = st.builds(lambda a, ch, b: a + ch + b, SHORT, INVISIBLE, SHORT)
COMMENT = st.one_of(
    TEXT, st.text(max_size=1300), WITH_INVISIBLE, st.just("Call Jane Smith on 07700 900123 or jane@example.com"),
)


def assert_no_server_error(response) -> None:
    assert response.status_code < 500
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.fixture
def lesson():
    return make_module("fuzz-feedback", lessons=1).lessons().get()


@pytest.fixture
def learner_client(lesson):
    client = Client()
    client.force_login(LearnerFactory())
    return client


@FUZZ
@given(clear=ANSWER, useful=ANSWER, comment=COMMENT, extra=st.dictionaries(SHORT, TEXT, max_size=2))
def test_the_feedback_form_takes_any_input(learner_client, lesson, clear, useful, comment, extra):
    before = list(LessonFeedback.objects.values_list("pk", "clear", "useful", "comment"))
    response = learner_client.post(
        f"/my-learning/lessons/{lesson.pk}/feedback/", {**extra, "clear": clear, "useful": useful, "comment": comment},
    )
    assert_no_server_error(response)
    if any(ch in comment for ch in "\u200b\u202e\u2066\ufeff\ue000\u0378\u00ad"):
        assert response.status_code == 200
    if response.status_code == 200:  # refused: the form again, nothing written
        assert "There is a problem" in response.content.decode()
        assert list(LessonFeedback.objects.values_list("pk", "clear", "useful", "comment")) == before
    else:
        assert response.status_code == 302
        mine = LessonFeedback.objects.filter(lesson=lesson, user=response.wsgi_request.user)
        assert mine.count() == 1
        feedback = mine.get()
        assert (feedback.clear, feedback.useful, feedback.comment) == (clear, useful, comment.strip())
        assert "@" not in feedback.masked_comment
        # Nothing invisible reaches the moderator: no formatting, private or unassigned characters.
        assert not [ch for ch in feedback.comment
                    if unicodedata.category(ch) in ("Cf", "Co", "Cn", "Cs") and ch not in "\u200c\u200d"]
        assert re.search(r"\d(?:[\s\-.()/+]*\d){6,}", feedback.masked_comment) is None


@FUZZ
@given(lesson_id=st.integers(min_value=0, max_value=2**63 - 1), data=st.dictionaries(SHORT, TEXT, max_size=3))
def test_feedback_on_any_lesson_id_never_fails(learner_client, lesson, lesson_id, data):
    before = LessonFeedback.objects.count()
    response = learner_client.post(f"/my-learning/lessons/{lesson_id}/feedback/", data)
    assert_no_server_error(response)
    if lesson_id != lesson.pk:
        assert response.status_code == 404 and LessonFeedback.objects.count() == before


@pytest.fixture
def reviewer():
    """One panel member's signed-in admin session for every input of a test."""
    return staff_client(Role.REVIEWER)


@pytest.fixture
def moderator():
    return staff_client(Role.MODERATOR)


@FUZZ
@given(note=st.one_of(TEXT, st.text(max_size=1100)))
def test_the_panels_note_takes_any_input(reviewer, lesson, note):
    feedback = LessonFeedbackFactory(lesson=lesson, module=lesson.get_parent().specific, status=FeedbackStatus.RELEASED)
    response = reviewer.post(f"/admin/feedback/{feedback.pk}/consider/", {"note": note})
    assert_no_server_error(response)
    feedback.refresh_from_db()
    if response.status_code == 400:
        assert feedback.status == FeedbackStatus.RELEASED and feedback.panel_note == ""
    else:
        assert feedback.status == FeedbackStatus.CONSIDERED and feedback.panel_note == note.strip()


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["module", "show", "page", "status"]), SHORT, max_size=4))
def test_the_panel_page_and_the_queue_take_any_query(reviewer, moderator, query):
    assert_no_server_error(reviewer.get("/admin/feedback/", query))
    assert_no_server_error(moderator.get("/admin/feedback/screening/", query))


@FUZZ
@given(data=st.dictionaries(st.sampled_from(["release", "withhold", "release_selected", "selected"]),
                            st.one_of(SHORT, st.integers(min_value=-(2**63), max_value=2**63).map(str)), max_size=3))
def test_the_screening_queue_takes_any_post(moderator, lesson, data):
    feedback = LessonFeedbackFactory(lesson=lesson, module=lesson.get_parent().specific)
    response = moderator.post("/admin/feedback/screening/", data)
    assert_no_server_error(response)
    status = LessonFeedback.objects.get(pk=feedback.pk).status
    named = {data.get("release"), data.get("withhold"), data.get("selected") if "release_selected" in data else None}
    if str(feedback.pk) not in named:
        assert status == FeedbackStatus.AWAITING_SCREENING


@FUZZ
@given(reason=st.one_of(TEXT, st.text(max_size=400), WITH_INVISIBLE), start=st.sampled_from(["awaiting", "released"]))
def test_the_reason_for_withholding_takes_any_input(moderator, lesson, reason, start):
    feedback = LessonFeedbackFactory(lesson=lesson, module=lesson.get_parent().specific, status=start)
    response = moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": reason})
    assert_no_server_error(response)
    feedback.refresh_from_db()
    if response.status_code == 400:  # refused: the question again, nothing changed
        assert feedback.status == start and feedback.withheld_reason == ""
    else:
        assert feedback.status == FeedbackStatus.WITHHELD
        assert feedback.withheld_reason == " ".join(reason.split()) != ""
