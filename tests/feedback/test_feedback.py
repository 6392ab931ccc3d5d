"""Lesson feedback from the learner's end to the panel's: the section at the end of a lesson, the
form (one feedback per learner and lesson, double submits, changes, bad input), the masking on
the way, the moderator's screening, the panel's page and the editor's tab, and who may see what."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from lms.feedback.models import FeedbackStatus, LessonFeedback
from lms.feedback.services import FeedbackError, mark_considered, release, withhold
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import LearnerFactory, LessonFeedbackFactory, make_module, make_quiz

pytestmark = pytest.mark.django_db

COMMENT = (
    "I used this with a client. Jane Smith (jane.smith@example.com, 07700 900123) said the safety "
    "planning part made sense to her."
)


@pytest.fixture
def module():
    return make_module("feedback-module", lessons=2, title="Feedback module")


@pytest.fixture
def lesson(module):
    return module.lessons().first()


def learner_client(user=None):
    user = user or LearnerFactory()
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def feedback_url(lesson) -> str:
    return f"/my-learning/lessons/{lesson.pk}/feedback/"


def send(client, lesson, **data):
    data = {"clear": "yes", "useful": "partly", "comment": "", **data}
    return client.post(feedback_url(lesson), data)


def administrator_client():
    admin = LearnerFactory(is_superuser=True, is_staff=True)
    from lms.demo.two_factor import set_up_totp

    set_up_totp(admin, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, admin)
    client.user = admin
    return client


# The learner's side


def test_a_lesson_ends_with_a_link_to_give_feedback_then_says_it_was_given(lesson):
    client = learner_client()
    page = client.get(lesson.url).content.decode()
    assert 'id="lesson-feedback"' in page and "Give feedback" in page and feedback_url(lesson) in page

    form = client.get(feedback_url(lesson)).content.decode()
    assert "Do not include names or details of anyone you have worked with" in form
    assert 'type="radio"' in form and "<textarea" in form and "1,200 characters" in form

    response = send(client, lesson, comment="More examples please.")
    assert response.status_code == 302 and response["Location"] == lesson.url + "#lesson-feedback"
    page = client.get(lesson.url).content.decode()
    assert "You gave feedback on this lesson." in page and "Change it" in page and "Give feedback" not in page


def test_feedback_is_stored_masked_and_awaits_screening(lesson):
    client = learner_client()
    send(client, lesson, comment=COMMENT)

    feedback = LessonFeedback.objects.get()
    assert feedback.user == client.user and feedback.module_id == lesson.get_parent().pk
    assert feedback.status == FeedbackStatus.AWAITING_SCREENING
    assert feedback.comment == COMMENT
    for detail in ("Jane", "Smith", "jane.smith@example.com", "07700 900123"):
        assert detail not in feedback.masked_comment
    assert "[name removed]" in feedback.masked_comment and "[email removed]" in feedback.masked_comment
    assert "[phone removed]" in feedback.masked_comment


def test_answers_without_a_comment_reach_the_panel_at_once(lesson):
    send(learner_client(), lesson, clear="no", useful="no")
    assert LessonFeedback.objects.get().status == FeedbackStatus.RELEASED


def test_a_double_submit_saves_one_feedback_and_says_nothing_changed(lesson):
    client = learner_client()
    first = send(client, lesson, comment="Useful.")
    second = send(client, lesson, comment="Useful.")
    assert first.status_code == second.status_code == 302
    assert LessonFeedback.objects.count() == 1
    messages = [str(m) for m in second.wsgi_request._messages]
    assert any("Nothing changed" in m for m in messages)


def test_changing_feedback_replaces_it_and_a_new_comment_is_screened_again(lesson):
    client = learner_client()
    send(client, lesson, comment="First thoughts.")
    moderator = LearnerFactory(roles=[Role.MODERATOR])
    release(LessonFeedback.objects.get(), moderator)

    form = client.get(feedback_url(lesson)).content.decode()
    assert "First thoughts." in form  # their own words, to change

    send(client, lesson, clear="no", comment="Second thoughts, Mrs Khan said so.")
    feedback = LessonFeedback.objects.get()
    assert (feedback.clear, feedback.status, feedback.screened_by) == ("no", FeedbackStatus.AWAITING_SCREENING, None)
    assert feedback.masked_comment == "Second thoughts, [name removed] said so."


def test_changing_only_the_answers_keeps_a_released_comment_released(lesson):
    client = learner_client()
    send(client, lesson, comment="Clear.")
    release(LessonFeedback.objects.get(), LearnerFactory(roles=[Role.MODERATOR]))
    send(client, lesson, useful="yes", comment="Clear.")
    feedback = LessonFeedback.objects.get()
    assert (feedback.useful, feedback.status) == ("yes", FeedbackStatus.RELEASED)


@pytest.mark.parametrize("data, message", [
    ({"clear": ""}, "Select whether the lesson was clear"),
    ({"useful": "maybe"}, "Select yes, partly or no"),
    ({"comment": "x" * 1201}, "1,200 characters or fewer"),
    ({"comment": "bell\x07"}, "use letters, numbers, spaces and punctuation only"),
    ({"comment": "Good \u202etxet neddih"}, "Remove the invisible or formatting characters"),
    ({"comment": "07\u200b700\u200b900\u200b123"}, "Remove the invisible or formatting characters"),
    ({"comment": "isolate \u2066this\u2069"}, "Remove the invisible or formatting characters"),
    ({"comment": "private \ue000 use"}, "Remove the invisible or formatting characters"),
    ({"comment": "unassigned \u0378"}, "Remove the invisible or formatting characters"),
])
def test_bad_input_is_refused_with_a_message_and_saves_nothing(lesson, data, message):
    response = send(learner_client(), lesson, **data)
    assert response.status_code == 200
    assert message in response.content.decode() and "There is a problem" in response.content.decode()
    assert not LessonFeedback.objects.exists()


def test_a_comment_with_zero_width_joiners_and_line_breaks_is_accepted(lesson):
    comment = "می\u200cخواهم\nMore examples 👩\u200d💻 please.\tThanks"
    response = send(learner_client(), lesson, comment=comment)
    assert response.status_code == 302
    assert LessonFeedback.objects.get().comment == comment


def test_nobody_gives_feedback_on_a_lesson_they_may_not_read(module, lesson):
    make_quiz(module, questions=2)  # a module with a quiz asks for a self-assessment first
    assert send(learner_client(), lesson).status_code == 404
    assert learner_client().get(feedback_url(lesson)).status_code == 404
    assert send(learner_client(), lesson).status_code == 404
    assert not LessonFeedback.objects.exists()


def test_a_missing_or_unpublished_lesson_is_not_found(module, lesson):
    assert learner_client().post("/my-learning/lessons/999999/feedback/", {"clear": "yes"}).status_code == 404
    lesson.unpublish()
    assert send(learner_client(), lesson).status_code == 404


def test_a_signed_out_visitor_is_asked_to_sign_in_and_nothing_is_saved(lesson):
    response = Client().post(feedback_url(lesson), {"clear": "yes", "useful": "yes"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not LessonFeedback.objects.exists()


def test_the_lesson_section_costs_the_same_queries_however_much_feedback_there_is(module, lesson):
    client = learner_client()
    client.get(lesson.url)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(lesson.url).status_code == 200
        return len(captured)

    before = count()
    for _ in range(5):
        LessonFeedbackFactory(lesson=lesson, module=module)
    assert count() == before


# The end to end: learner → masked → moderator releases → panel


def test_a_comment_reaches_the_panel_masked_and_only_after_release(lesson):
    send(learner_client(), lesson, comment=COMMENT)
    reviewer = staff_client(Role.REVIEWER)

    panel = reviewer.get("/admin/feedback/").content.decode()
    assert "safety" not in panel and "No comments are waiting for the panel" in panel

    moderator = staff_client(Role.MODERATOR)
    queue = moderator.get("/admin/feedback/screening/").content.decode()
    assert "[email removed]" in queue and "[phone removed]" in queue and "[name removed]" in queue
    for detail in ("Jane", "Smith", "jane.smith@example.com", "07700 900123", "From:"):
        assert detail not in queue
    feedback = LessonFeedback.objects.get()
    response = moderator.post("/admin/feedback/screening/", {"release": str(feedback.pk)})
    assert response.status_code == 302

    panel = reviewer.get("/admin/feedback/").content.decode()
    assert "safety" in panel and "[email removed]" in panel and "[phone removed]" in panel
    for detail in ("Jane", "Smith", "jane.smith@example.com", "07700 900123"):
        assert detail not in panel
    entry = ModelLogEntry.objects.get(action="feedback.released")
    assert entry.user_id == moderator.user.pk and entry.object_id == str(feedback.pk)


def test_a_withheld_comment_never_reaches_the_panel(lesson):
    send(learner_client(), lesson, comment="This lesson is rubbish and so is the writer.")
    moderator = staff_client(Role.MODERATOR)
    feedback = LessonFeedback.objects.get()
    moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": "Abusive about the writer"})

    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.WITHHELD and feedback.screened_by == moderator.user
    assert "rubbish" not in staff_client(Role.REVIEWER).get("/admin/feedback/?show=all").content.decode()
    assert "rubbish" in moderator.get("/admin/feedback/screening/?status=withheld").content.decode()
    assert ModelLogEntry.objects.filter(action="feedback.withheld", object_id=str(feedback.pk)).exists()


def test_withholding_asks_why_first_and_the_withheld_list_says_who_and_why(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module)
    moderator = staff_client(Role.MODERATOR)
    moderator.user.full_name = "Morgan Moderator"
    moderator.user.save()

    # The queue's button asks first: nothing is withheld by one click.
    response = moderator.post("/admin/feedback/screening/", {"withhold": str(feedback.pk)})
    assert response.status_code == 302 and response["Location"] == f"/admin/feedback/{feedback.pk}/withhold/"
    assert LessonFeedback.objects.get(pk=feedback.pk).status == FeedbackStatus.AWAITING_SCREENING
    page = moderator.get(response["Location"]).content.decode()
    assert "Why are you withholding it?" in page and feedback.masked_comment in page

    # No reason: the question again, with a message, and nothing changed.
    for reason, message in (("", "Enter why"), ("   ", "Enter why"), ("\u202e", "Remove the invisible")):
        refused = moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": reason})
        assert refused.status_code == 400 and message in refused.content.decode()
    assert LessonFeedback.objects.get(pk=feedback.pk).status == FeedbackStatus.AWAITING_SCREENING
    assert not ModelLogEntry.objects.filter(action="feedback.withheld").exists()

    moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": "Names  a colleague"})
    second = moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": "Again"})
    assert any("already withheld" in str(m) for m in second.wsgi_request._messages)
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.WITHHELD and feedback.withheld_reason == "Names a colleague"
    assert ModelLogEntry.objects.filter(action="feedback.withheld").count() == 1

    withheld = moderator.get("/admin/feedback/screening/?status=withheld").content.decode()
    assert "by Morgan Moderator" in withheld and "Reason: Names a colleague" in withheld


def test_a_comment_withheld_by_mistake_is_released_again(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module, masked_comment="Useful for my team.")
    moderator = staff_client(Role.MODERATOR)
    moderator.post(f"/admin/feedback/{feedback.pk}/withhold/", {"reason": "Clicked the wrong one"})
    moderator.post("/admin/feedback/screening/?status=withheld", {"release": str(feedback.pk)})

    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.RELEASED and feedback.withheld_reason == ""
    assert "Useful for my team." in staff_client(Role.REVIEWER).get("/admin/feedback/").content.decode()


def test_the_log_says_what_was_decided_on_which_lesson_and_why_but_not_who_wrote_it(lesson, module):
    learner = LearnerFactory(email="writer@example.com")
    first = LessonFeedbackFactory(lesson=lesson, module=module, user=learner)
    second = LessonFeedbackFactory(lesson=module.lessons().last(), module=module)
    moderator = staff_client(Role.MODERATOR)
    moderator.post("/admin/feedback/screening/", {"release": str(first.pk)})
    moderator.post(f"/admin/feedback/{second.pk}/withhold/", {"reason": "Abusive"})
    staff_client(Role.REVIEWER).post(f"/admin/feedback/{first.pk}/consider/", {"note": "Add a scenario"})

    messages = {entry.action: entry.message for entry in ModelLogEntry.objects.filter(action__startswith="feedback.")}
    assert messages == {
        "feedback.released": f"Released feedback on {first.lesson.title}",
        "feedback.withheld": f"Withheld feedback on {second.lesson.title}: Abusive",
        "feedback.considered": f"Marked as considered: {first.lesson.title}; note: Add a scenario",
    }
    assert not any("writer@example.com" in str(entry.data) for entry in ModelLogEntry.objects.all())


def test_a_moderator_releases_several_at_once_and_a_second_click_changes_nothing(module, lesson):
    waiting = [LessonFeedbackFactory(lesson=lesson, module=module) for _ in range(3)]
    moderator = staff_client(Role.MODERATOR)
    ids = [str(f.pk) for f in waiting[:2]]
    moderator.post("/admin/feedback/screening/", {"release_selected": "1", "selected": ids})
    moderator.post("/admin/feedback/screening/", {"release_selected": "1", "selected": ids})

    statuses = [LessonFeedback.objects.get(pk=f.pk).status for f in waiting]
    assert statuses == [FeedbackStatus.RELEASED, FeedbackStatus.RELEASED, FeedbackStatus.AWAITING_SCREENING]
    assert ModelLogEntry.objects.filter(action="feedback.released").count() == 2


@pytest.mark.parametrize("post", [
    {}, {"release": "abc"}, {"release": "999999"}, {"withhold": "-1"}, {"release_selected": "1"},
    {"release_selected": "1", "selected": ["x", "²"]},
])
def test_the_screening_queue_refuses_bad_posts_with_a_message(lesson, module, post):
    waiting = LessonFeedbackFactory(lesson=lesson, module=module)
    response = staff_client(Role.MODERATOR).post("/admin/feedback/screening/", post)
    assert response.status_code == 302
    assert LessonFeedback.objects.get(pk=waiting.pk).status == FeedbackStatus.AWAITING_SCREENING


def test_only_administrators_see_the_comment_as_written_and_who_wrote_it(lesson):
    client = learner_client()
    send(client, lesson, comment=COMMENT)
    queue = administrator_client().get("/admin/feedback/screening/").content.decode()
    assert "jane.smith@example.com" in queue and client.user.email in queue

    for role in (Role.MODERATOR, Role.REVIEWER, Role.EDITOR):
        staff = staff_client(role)
        for path in ("/admin/feedback/screening/", "/admin/feedback/?show=all"):
            page = staff.get(path).content.decode()
            assert "jane.smith@example.com" not in page and client.user.email not in page


@pytest.mark.parametrize("role", [Role.ORGANISATION_LEAD, Role.CHAMPION, Role.LEARNER])
def test_learners_and_leads_never_see_feedback(lesson, module, role):
    LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    client = learner_client(LearnerFactory(roles=[role]))
    for path in ("/admin/feedback/", "/admin/feedback/screening/"):
        assert client.get(path).status_code == 403


def test_coordinators_are_turned_away_from_every_feedback_screen(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    coordinator = staff_client(Role.COORDINATOR)
    for path in ("/admin/feedback/", "/admin/feedback/screening/", f"/admin/feedback/{feedback.pk}/consider/"):
        response = coordinator.get(path)
        assert response.status_code == 302 and response["Location"] == "/admin/", path
    assert coordinator.post("/admin/feedback/screening/", {"release": str(feedback.pk)})["Location"] == "/admin/"


def test_a_staff_role_without_its_second_factor_sees_no_feedback(lesson, module):
    LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    moderator = learner_client(LearnerFactory(roles=[Role.MODERATOR]))  # password only
    for path in ("/admin/feedback/", "/admin/feedback/screening/"):
        response = moderator.get(path)
        assert response.status_code == 302 and "/accounts/" in response["Location"]


# The panel's page


def test_the_panel_page_counts_each_answer_per_lesson(module):
    first, second = module.lessons()
    for clear, useful in (("yes", "yes"), ("yes", "no"), ("partly", "no")):
        LessonFeedbackFactory(lesson=first, module=module, clear=clear, useful=useful, status=FeedbackStatus.RELEASED)
    LessonFeedbackFactory(lesson=second, module=module, clear="no", useful="no")  # awaiting: not counted
    other = make_module("other-module", lessons=1, title="Other module")
    LessonFeedbackFactory(lesson=other.lessons().get(), module=other, status=FeedbackStatus.RELEASED)

    page = staff_client(Role.REVIEWER).get(f"/admin/feedback/?module={module.pk}").content.decode()
    row = page.split("<th scope=\"row\">Lesson 1</th>")[1].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
    assert cells == ["3", "2", "1", "0", "1", "0", "2", "3 (3)"]
    assert "Lesson 2</th>" not in page and "Other module" not in page.split("Answers by lesson")[1]


def test_the_panel_page_costs_the_same_queries_with_more_feedback(module):
    reviewer = staff_client(Role.REVIEWER)
    lesson = module.lessons().first()

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert reviewer.get("/admin/feedback/?show=all").status_code == 200
        return len(captured)

    LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    reviewer.get("/admin/feedback/")
    few = count()
    for other in make_module("busy", lessons=3).lessons():
        for _ in range(4):
            LessonFeedbackFactory(lesson=other, module=other.get_parent().specific, status=FeedbackStatus.RELEASED)
    assert count() == few


def test_the_panel_marks_a_comment_considered_with_a_note_and_a_second_click_changes_nothing(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    reviewer = staff_client(Role.REVIEWER)
    url = f"/admin/feedback/{feedback.pk}/consider/"
    assert feedback.masked_comment in reviewer.get(url).content.decode()

    reviewer.post(url, {"note": "Editors: add an example."})
    second = reviewer.post(url, {"note": "Another note."})
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.CONSIDERED and feedback.considered_by == reviewer.user
    assert feedback.panel_note == "Editors: add an example."
    assert any("already marked" in str(m) for m in second.wsgi_request._messages)
    assert ModelLogEntry.objects.filter(action="feedback.considered").count() == 1
    page = reviewer.get("/admin/feedback/?show=considered").content.decode()
    assert "Editors: add an example." in page


def test_feedback_not_released_cannot_be_considered_nor_found(lesson, module):
    waiting = LessonFeedbackFactory(lesson=lesson, module=module)
    reviewer = staff_client(Role.REVIEWER)
    assert reviewer.get(f"/admin/feedback/{waiting.pk}/consider/").status_code == 404
    assert reviewer.post(f"/admin/feedback/{waiting.pk}/consider/", {"note": ""}).status_code == 404
    with pytest.raises(FeedbackError):
        mark_considered(waiting, reviewer.user)
    assert LessonFeedback.objects.get(pk=waiting.pk).status == FeedbackStatus.AWAITING_SCREENING


def test_moderators_and_editors_read_the_panel_page_but_only_the_panel_marks_considered(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)
    for role in (Role.MODERATOR, Role.EDITOR):
        client = staff_client(role)
        page = client.get("/admin/feedback/").content.decode()
        assert feedback.masked_comment in page and "Mark as considered" not in page
        assert client.get(f"/admin/feedback/{feedback.pk}/consider/")["Location"] == "/admin/"


def test_a_bad_filter_is_refused_with_a_message(lesson):
    response = staff_client(Role.REVIEWER).get("/admin/feedback/?module=abc&show=everything")
    assert response.status_code == 200 and "Correct the filters above" in response.content.decode()


# The editor's tab


def test_the_editor_sees_the_lessons_released_feedback_beside_the_page(lesson, module):
    LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED, comment="Say more on risk.",
                          masked_comment="Say more on risk.")
    LessonFeedbackFactory(lesson=lesson, module=module, comment="Not screened yet.", masked_comment="Not screened yet.")
    page = staff_client(Role.EDITOR).get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert "Learner feedback" in page and "Say more on risk." in page
    assert "Not screened yet." not in page


# The dashboard


def test_the_dashboard_tells_moderators_and_the_panel_what_waits_for_them(lesson, module):
    LessonFeedbackFactory(lesson=lesson, module=module)
    LessonFeedbackFactory(lesson=lesson, module=module)
    LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED)

    moderator = staff_client(Role.MODERATOR).get("/admin/").content.decode()
    assert "2 comments awaiting screening." in moderator and "/admin/feedback/screening/" in moderator
    assert "released for the panel to consider" not in moderator
    reviewer = staff_client(Role.REVIEWER).get("/admin/").content.decode()
    assert "1 comment released for the panel to consider." in reviewer and "awaiting screening" not in reviewer
    for role in (Role.COORDINATOR, Role.EDITOR):
        assert "Learners' feedback on lessons" not in staff_client(role).get("/admin/").content.decode()


def test_a_moderator_withholds_a_released_comment_from_the_panel_page(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module, status=FeedbackStatus.RELEASED,
                                     masked_comment="Something the masking missed.")
    moderator = staff_client(Role.MODERATOR)
    assert "Withhold from the panel" in moderator.get("/admin/feedback/").content.decode()
    assert "Withhold from the panel" not in staff_client(Role.REVIEWER).get("/admin/feedback/").content.decode()

    moderator.post(f"/admin/feedback/{feedback.pk}/withhold/?from=panel", {"reason": "Names a school"})
    assert LessonFeedback.objects.get(pk=feedback.pk).status == FeedbackStatus.WITHHELD
    assert "Something the masking missed." not in staff_client(Role.REVIEWER).get(
        "/admin/feedback/?show=all").content.decode()


def test_withholding_needs_a_reason_which_the_log_gives(lesson, module):
    feedback = LessonFeedbackFactory(lesson=lesson, module=module)
    moderator = LearnerFactory()
    with pytest.raises(FeedbackError):
        withhold(feedback, moderator, "   ")
    assert LessonFeedback.objects.get(pk=feedback.pk).status == FeedbackStatus.AWAITING_SCREENING
    withhold(feedback, moderator, "Names a colleague")
    entry = ModelLogEntry.objects.get(action="feedback.withheld")
    assert entry.message == f"Withheld feedback on {lesson.title}: Names a colleague"
