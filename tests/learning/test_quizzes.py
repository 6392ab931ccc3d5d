"""Quizzes: the bank in the admin, attempts, server-side marking, integrity and evaluation."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from lms.learning.models import Attempt, Choice, ConfidenceRating, Enrolment, Question, Quiz
from lms.learning.progress import is_module_complete, module_passed
from lms.site.roles import Role
from tests.factories import LearnerFactory, answers_for, make_module, make_quiz, read_and_complete, start_quiz

pytestmark = pytest.mark.django_db


def finish_lessons(client, module):
    for lesson in module.lessons():
        read_and_complete(client, lesson)


def test_editor_builds_a_bank_with_every_question_type_in_the_admin():
    from tests.conftest import staff_client

    module = make_module("banked", lessons=1)
    client = staff_client(Role.EDITOR)
    case_response = client.post("/admin/snippets/learning/quizcase/add/", {
        "module": module.pk, "title": "Jo at the front desk", "text": "Jo mentions her partner checks her phone.",
    })
    assert case_response.status_code == 302, case_response.content.decode()[:1500]
    case_id = module.quiz_cases.get().pk

    def question(kind, text, choices, case=""):
        data = nested_form_data({
            "module": module.pk, "kind": kind, "case": case, "text": text, "explanation": "Because.",
            "category": "law", "sector_use": "only", "active": "on",
            "choices": inline_formset([
                {"text": t, "is_correct": "on" if ok else "", "feedback": "Feedback."} for t, ok in choices
            ]),
        })
        return client.post("/admin/snippets/learning/question/add/", data)

    assert question("single", "Who can be a victim?", [("Anyone", True), ("Only women", False)]).status_code == 302
    signs = [("Fear", True), ("Isolation", True), ("Tan", False)]
    assert question("multiple", "Which are signs?", signs).status_code == 302
    assert question("true_false", "Living together is required.", [("True", False), ("False", True)]).status_code == 302
    assert question("single", "What first?", [("Listen", True), ("Confront", False)], case=case_id).status_code == 302
    # A single-choice question with two right answers is refused with a message.
    bad = question("single", "Broken?", [("A", True), ("B", True)])
    assert bad.status_code == 200
    assert "exactly one choice as correct" in bad.content.decode()
    kinds = sorted(Question.objects.filter(module=module).values_list("kind", flat=True))
    assert kinds == ["multiple", "single", "single", "true_false"]
    assert Question.objects.get(text="What first?").case_id == case_id


def test_learner_fails_retakes_and_passes_and_the_module_completes(client, django_capture_on_commit_callbacks):
    module = make_module("assessed", lessons=2)
    make_quiz(module, questions=4, pass_mark=75)
    learner = LearnerFactory()
    client.force_login(learner)
    finish_lessons(client, module)
    assert not is_module_complete(learner, module), "lessons alone do not complete a module with a quiz"

    first = start_quiz(client, module)
    wrong = {**answers_for(first, right=False), "action": "confirm"}
    response = client.post(f"/my-learning/attempts/{first.pk}/", wrong, follow=True)
    assert "You did not pass this time" in response.content.decode()
    assert not is_module_complete(learner, module)
    quiz_page = client.get(f"/my-learning/modules/{module.pk}/quiz/").content.decode()
    assert "you get questions you have not just answered" in quiz_page

    second = start_quiz(client, module)
    assert second.pk != first.pk
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/my-learning/attempts/{second.pk}/",
                               {**answers_for(second), "action": "confirm"}, follow=True)
    body = response.content.decode()
    assert "You passed" in body and "100%" in body
    assert is_module_complete(learner, module)
    assert Enrolment.objects.get(user=learner, module=module).completed_at is not None
    history = client.get(f"/my-learning/modules/{module.pk}/quiz/").content.decode()
    assert history.count("Not passed") == 1 and history.count("Passed") == 1


def fail_quiz(client, module):
    attempt = start_quiz(client, module)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    return attempt


def test_after_a_failed_attempt_the_review_says_what_was_wrong_and_where_to_look_not_the_answers(client):
    module = make_module("failed-review", lessons=2)
    make_quiz(module, questions=2, review_shows_answers=True)
    taught, untaught = Question.objects.filter(module=module).order_by("pk")
    taught.lesson = module.lessons().get(slug="lesson-2")
    taught.save()
    client.force_login(LearnerFactory())
    attempt = fail_quiz(client, module)
    html = client.get(f"/my-learning/attempts/{attempt.pk}/result/").content.decode()
    assert "You did not pass this time" in html
    assert html.count("Not correct") == 2
    assert f'href="{taught.lesson.url}">Lesson 2</a>' in html
    assert f'href="{module.url}">Revisit the module\'s lessons</a>' in html
    assert "Your answer:</strong> Wrong 0" in html  # their own answer, marked wrong
    for question in (taught, untaught):
        number = question.text.split()[1].rstrip("?")
        assert f"Right {number}" not in html  # not the right answer
        assert question.explanation not in html
    assert "Correct answer" not in html and "No." not in html  # no marking, no choice feedback
    assert untaught.lesson is None


def test_a_quiz_set_to_show_answers_after_a_fail_shows_them(client):
    module = make_module("open-review", lessons=1)
    make_quiz(module, questions=1, review_shows_answers=True, answers_after_fail=True)
    client.force_login(LearnerFactory())
    attempt = fail_quiz(client, module)
    html = client.get(f"/my-learning/attempts/{attempt.pk}/result/").content.decode()
    assert "Right 0" in html and "Correct answer" in html
    assert "Because of reason 0." in html and "No." in html
    assert "Revisit" not in html


def test_after_a_pass_the_review_shows_explanations_and_feedback_as_before(client):
    module = make_module("passed-review", lessons=1)
    make_quiz(module, questions=1)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    html = client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"},
                       follow=True).content.decode()
    assert "You passed" in html
    assert "Because of reason 0." in html and "Yes." in html
    assert "Correct answer" not in html  # this quiz does not mark the right answers
    assert "Revisit" not in html


def test_a_question_can_only_point_to_a_lesson_of_its_own_module():
    from tests.conftest import staff_client

    module, other = make_module("home", lessons=1), make_module("elsewhere", lessons=1)
    client = staff_client(Role.EDITOR)

    def add(lesson):
        return client.post("/admin/snippets/learning/question/add/", nested_form_data({
            "module": module.pk, "kind": "true_false", "case": "", "text": f"Lesson {lesson.pk}?",
            "explanation": "Because.", "category": "law", "sector_use": "only", "active": "on",
            "lesson": lesson.pk,
            "choices": inline_formset([
                {"text": "True", "is_correct": "on", "feedback": ""},
                {"text": "False", "is_correct": "", "feedback": ""},
            ]),
        }))

    refused = add(other.lessons().get())
    assert refused.status_code == 200 and "Choose a lesson of Home." in refused.content.decode()
    assert add(module.lessons().get()).status_code == 302
    assert Question.objects.get(module=module).lesson == module.lessons().get()


def test_attempt_page_reveals_no_answers(client):
    module = make_module("secretive", lessons=1)
    make_quiz(module, questions=3)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    html = client.get(f"/my-learning/attempts/{attempt.pk}/").content.decode()
    correct_ids = Choice.objects.filter(is_correct=True).values_list("pk", flat=True)
    wrong_ids = Choice.objects.filter(is_correct=False).values_list("pk", flat=True)
    assert "correct" not in html.lower()
    assert "Because of reason" not in html  # explanations
    assert "Yes." not in html and "No." not in html  # per-choice feedback
    # Choices go by position in this attempt, never by database id (ids follow authoring order).
    values = set(re.findall(r'name="q\d+"[^>]*value="(\d+)"', html))
    assert values <= {"1", "2"}
    assert not ({str(pk) for pk in list(correct_ids) + list(wrong_ids)} - {"1", "2"}) & values


def test_answers_can_be_saved_and_resumed(client):
    module = make_module("resumable-quiz", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    first = attempt.snapshot[0]
    right = Choice.objects.get(question_id=first["question"], is_correct=True)
    position = first["choices"].index(right.pk) + 1
    client.post(f"/my-learning/attempts/{attempt.pk}/", {f"q{first['question']}": position, "action": "save"})
    assert start_quiz(client, module).pk == attempt.pk  # resuming, not a new attempt
    html = client.get(f"/my-learning/attempts/{attempt.pk}/").content.decode()
    assert f'value="{position}" checked' in html
    # Unticking and saving clears the answer.
    client.post(f"/my-learning/attempts/{attempt.pk}/", {"shown": [first["question"]], "action": "save"})
    attempt.refresh_from_db()
    assert str(first["question"]) not in attempt.answers


@pytest.mark.parametrize("action", ["submit", "confirm"])
def test_submitting_with_a_question_unanswered_keeps_the_answers_given_and_marks_nothing(client, action):
    module = make_module(f"half-answered-{action}", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    first, second = attempt.snapshot[0], attempt.snapshot[1]
    right = Choice.objects.get(question_id=first["question"], is_correct=True)
    position = first["choices"].index(right.pk) + 1
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            f"/my-learning/attempts/{attempt.pk}/", {f"q{first['question']}": position, "action": action}
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and f'href="#q{second["question"]}-1"' in html
    assert f'value="{position}" checked' in html  # what they ticked is still ticked
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.score is None
    assert attempt.answers == {str(first["question"]): [right.pk]}
    saves = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "attempt" in q["sql"]]
    assert len(saves) == 1, saves  # the answers are written once


@pytest.mark.parametrize("tamper", ["other_question", "not_a_number", "two_for_single", "missing"])
def test_tampered_answers_change_nothing(client, tamper):
    module = make_module("tampered", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    data = answers_for(attempt)
    q1, q2 = (item["question"] for item in attempt.snapshot)
    if tamper == "other_question":
        data[f"q{q1}"] = "3"  # each question has two choices: there is no third
    elif tamper == "not_a_number":
        data[f"q{q1}"] = "DROP TABLE"
    elif tamper == "two_for_single":
        data[f"q{q1}"] = ["1", "2"]
    else:
        del data[f"q{q2}"]
    response = client.post(f"/my-learning/attempts/{attempt.pk}/", {**data, "action": "confirm"}, follow=True)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert attempt.score is None
    if tamper != "missing":
        assert attempt.answers == {}


def test_another_users_attempt_is_not_found(client):
    module = make_module("private-quiz", lessons=1)
    make_quiz(module, questions=1)
    owner = Client()
    owner.force_login(LearnerFactory())
    attempt = start_quiz(owner, module)
    client.force_login(LearnerFactory())
    assert client.get(f"/my-learning/attempts/{attempt.pk}/").status_code == 404
    data = {**answers_for(attempt), "action": "confirm"}
    assert client.post(f"/my-learning/attempts/{attempt.pk}/", data).status_code == 404
    assert client.get(f"/my-learning/attempts/{attempt.pk}/result/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_a_submitted_attempt_cannot_change(client):
    module = make_module("final", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"})
    attempt.refresh_from_db()
    before = (attempt.score, attempt.answers, attempt.submitted_at)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "save"})
    attempt.refresh_from_db()
    assert (attempt.score, attempt.answers, attempt.submitted_at) == before


def test_attempts_over_the_daily_limit_are_refused(client):
    module = make_module("limited", lessons=1)
    make_quiz(module, questions=1, attempts_per_day=2)
    client.force_login(LearnerFactory())
    for _ in range(2):
        attempt = start_quiz(client, module)
        client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    response = client.post(f"/my-learning/modules/{module.pk}/quiz/start/", follow=True)
    assert "You have used all 2 attempts" in response.content.decode()
    assert Attempt.objects.count() == 2


def test_double_clicked_start_makes_one_attempt(client):
    module = make_module("double-start", lessons=1)
    make_quiz(module, questions=1)
    client.force_login(LearnerFactory())
    assert start_quiz(client, module).pk == start_quiz(client, module).pk
    assert Attempt.objects.count() == 1


def test_submitting_twenty_questions_costs_the_same_whatever_the_bank(client):
    counts = []
    for number, extra in enumerate((0, 80)):
        module = make_module(f"bank-{number}", lessons=1)
        make_quiz(module, questions=20, extra_bank=extra)
        learner = LearnerFactory()
        client.force_login(learner)
        attempt = start_quiz(client, module)
        data = {**answers_for(attempt), "action": "confirm"}
        with CaptureQueriesContext(connection) as queries:
            client.post(f"/my-learning/attempts/{attempt.pk}/", data)
        counts.append(len(queries))
        attempt.refresh_from_db()
        assert attempt.score == 100
    assert counts[0] == counts[1]


def test_confidence_before_and_after_is_recorded_and_shown(client):
    module = make_module("evaluated", lessons=1)
    make_quiz(module, questions=1)
    learner = LearnerFactory()
    client.force_login(learner)
    lesson = module.lessons().get()
    response = client.get(lesson.url)
    assert response.status_code == 302 and "/confidence/before/" in response["Location"]
    form = client.get(response["Location"]).content.decode()
    assert "Know things" in form and "Do things" in form  # one rating per learning outcome
    client.post(f"/my-learning/modules/{module.pk}/confidence/before/?next={lesson.url}",
                {"outcome_0": "2", "outcome_1": "1", "next": lesson.url})
    assert client.get(lesson.url).status_code == 200
    finish_lessons(client, module)
    attempt = start_quiz(client, module)
    result = client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"},
                         follow=True).content.decode()
    assert "Rate your confidence" in result
    client.post(f"/my-learning/modules/{module.pk}/confidence/after/", {"outcome_0": "4", "outcome_1": "5"})
    assert list(ConfidenceRating.objects.filter(user=learner).order_by("stage").values_list("stage", "ratings")) == [
        ("after", [4, 5]), ("before", [2, 1])]
    dashboard = client.get("/my-learning/").content.decode()
    assert "Your confidence: 1.5 out of 5 before, 4.5 after." in dashboard


def test_bad_confidence_posts_are_refused(client):
    module = make_module("evaluated-bad", lessons=1)
    make_quiz(module, questions=1)
    client.force_login(LearnerFactory())
    response = client.post(f"/my-learning/modules/{module.pk}/confidence/before/", {"outcome_0": "9"})
    assert "Choose how confident you feel" in response.content.decode()
    assert client.get(f"/my-learning/modules/{module.pk}/confidence/sometime/").status_code == 404
    response = client.post(f"/my-learning/modules/{module.pk}/confidence/after/", {"outcome_0": "5", "outcome_1": "5"})
    assert response.status_code == 302
    assert not ConfidenceRating.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's shared in-memory test database cannot take two writers at once; "
    ".ci/run runs this on PostgreSQL",
)
def test_concurrent_submissions_give_one_score_and_one_completion():
    module = make_module("raced", lessons=1)
    quiz = make_quiz(module, questions=3)
    learner = LearnerFactory()
    setup = Client()
    setup.force_login(learner)
    finish_lessons(setup, module)
    attempt = start_quiz(setup, module)
    data = {**answers_for(attempt), "action": "confirm"}
    heard, barrier, errors = [], threading.Barrier(2), []
    module_passed.connect(lambda **kw: heard.append(kw["module"].pk), weak=False, dispatch_uid="race")

    def submit():
        try:
            client = Client()
            client.force_login(learner)
            barrier.wait(timeout=10)
            client.post(f"/my-learning/attempts/{attempt.pk}/", data)
        except Exception as error:  # any failure in the thread is reported below
            errors.append(error)
        finally:
            connection.close()

    try:
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        module_passed.disconnect(dispatch_uid="race")
    assert errors == []
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and attempt.score == 100
    assert Attempt.objects.filter(quiz=quiz).count() == 1
    assert heard == [module.pk]
    assert Quiz.objects.count() == 1


def test_a_pass_reaches_certificates_as_one_event(client, django_capture_on_commit_callbacks):
    """First pass: one `module_passed`, one certificate. A renewal pass: one more event."""
    from unittest import mock

    from lms.certificates import receivers as service
    from lms.certificates.models import Certificate

    module = make_module("one-event", lessons=1)
    make_quiz(module, questions=2)
    learner = LearnerFactory()
    client.force_login(learner)
    heard = []
    module_passed.connect(lambda **kw: heard.append(kw["attempt"].pk), weak=False, dispatch_uid="one-event")
    try:
        with mock.patch.object(service, "issue_certificate_if_due", wraps=service.issue_certificate_if_due) as issue:
            read_and_complete(client, module.lessons().get())
            attempt = start_quiz(client, module)
            with django_capture_on_commit_callbacks(execute=True):
                client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"})
            assert heard == [attempt.pk]
            assert issue.call_count == 1
    finally:
        module_passed.disconnect(dispatch_uid="one-event")
    assert Certificate.objects.filter(user=learner, attempt=attempt).count() == 1


def test_the_confidence_form_puts_the_optional_note_after_the_ratings(client):
    module = make_module("note-last", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    html = client.get(f"/my-learning/modules/{module.pk}/confidence/before/").content.decode()
    assert html.index('name="outcome_0"') < html.index('name="reflection"')


def test_reloading_the_check_page_after_submitting_goes_to_the_result(client):
    module = make_module("check-reload", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    attempt = start_quiz(client, module)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "submit"})
    assert client.get(f"/my-learning/attempts/{attempt.pk}/check/").status_code == 200
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"})
    response = client.get(f"/my-learning/attempts/{attempt.pk}/check/")
    assert response.status_code == 302
    assert response["Location"] == f"/my-learning/attempts/{attempt.pk}/result/"
