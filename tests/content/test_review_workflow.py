"""The content review workflow: what goes live is what the survivor panel approved.

The panel (Co-production reviewer) reviews every change; a content moderator's approval then
publishes. Anything changed after the panel's approval goes back to the panel.
"""

import datetime
import html as html_module
import json

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from content.models import LessonPage, Sector
from content.workflows import publish_after_review
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import make_module, rich, variant

pytestmark = pytest.mark.django_db


def shown(obj) -> dict:
    """The revision the review screen shows for `obj`, as its form sends it back."""
    state = type(obj).objects.get(pk=obj.pk).current_workflow_state
    task_state = state.current_task_state if state else None
    return {"revision": str(task_state.revision_id)} if task_state else {}

PANEL = "Co-production panel review"
MODERATOR = "Moderator approval"


def submitted_lesson(editor, text="Words the panel read.", module_slug="review-module", go_live_at=None):
    """A new, unpublished lesson with sector variants, submitted to the review workflow."""
    module = make_module(module_slug, lessons=0)
    lesson = LessonPage(
        title="Draft lesson", slug="draft-lesson", live=False, go_live_at=go_live_at,
        body=json.dumps([rich(text), variant(["employers"], "Words for employers."), variant([], "Words for others.")]),
    )
    module.add_child(instance=lesson)
    lesson.save_revision(user=editor)
    Workflow.objects.get(name="Content review").start(lesson, editor)
    return LessonPage.objects.get(pk=lesson.pk)


def fresh(lesson):
    return LessonPage.objects.get(pk=lesson.pk)  # workflow state is cached on instances


def act(client, lesson, action, comment=""):
    task_state = fresh(lesson).current_workflow_state.current_task_state
    return client.post(f"/admin/pages/workflow/action/{lesson.pk}/{action}/{task_state.pk}/", {"comment": comment})


def refused(response) -> bool:
    """Wagtail's refusal inside the admin: 403, or back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def edit_form(lesson, text):
    return nested_form_data({
        "title": lesson.title, "slug": lesson.slug, "summary": "",
        "body": streamfield([("rich_text", rich_text(f"<p>{text}</p>"))]),
        "comments": inline_formset([]),
    })


def test_a_moderator_cannot_edit_at_the_approval_step_and_approval_publishes_what_the_panel_read():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    panel_revision = fresh(lesson).get_latest_revision()
    assert fresh(lesson).current_workflow_task.name == MODERATOR

    moderator.post(f"/admin/pages/{lesson.pk}/edit/", edit_form(lesson, "A moderator's late change."))
    assert fresh(lesson).get_latest_revision() == panel_revision, "the moderator's step is locked"

    act(moderator, lesson, "approve")
    lesson = fresh(lesson)
    assert lesson.live
    assert lesson.live_revision == panel_revision
    assert "late change" not in json.dumps(list(lesson.body.raw_data))


def test_a_moderator_is_sent_from_the_locked_editor_to_the_review_screen_and_publishes_there():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user, text="Words the panel read and approved.")
    assert refused(moderator.get(f"/admin/review/{lesson.pk}/")), "the panel's step is not theirs"
    act(reviewer, lesson, "approve", "Approved by the panel.")
    panel_revision = fresh(lesson).get_latest_revision()

    response = moderator.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 302 and response["Location"] == f"/admin/review/{lesson.pk}/"
    html = moderator.get(f"/admin/review/{lesson.pk}/").content.decode()
    assert "Moderator approval" in html and "Approve and publish" in html
    assert "This is new content: nothing of it is live yet." in html
    # They read it as each sector's learners would, from the revision the panel approved.
    preview = moderator.get(f"/admin/review/{lesson.pk}/preview/?sector=employers")
    assert preview.status_code == 200 and "Words for employers." in preview.content.decode()
    assert moderator.get(f"/admin/review/{lesson.pk}/compare/").status_code == 200
    # The reviewer and the editor may not decide the moderator's step.
    assert refused(reviewer.get(f"/admin/review/{lesson.pk}/"))
    assert refused(editor.post(f"/admin/review/{lesson.pk}/", {**shown(lesson), "decision": "approve"}))

    response = moderator.post(f"/admin/review/{lesson.pk}/",
        {**shown(lesson), "decision": "approve", "comment": ""}, follow=True)
    assert "You approved 'Draft lesson'. It is now live." in html_module.unescape(response.content.decode())
    lesson = fresh(lesson)
    assert lesson.live and lesson.live_revision == panel_revision
    assert refused(moderator.post(f"/admin/review/{lesson.pk}/", {**shown(lesson), "decision": "approve"}))
    assert fresh(lesson).live_revision == panel_revision


def test_a_moderator_asks_for_changes_from_the_review_screen_with_a_reason():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    html = moderator.post(f"/admin/review/{lesson.pk}/",
        {**shown(lesson), "decision": "reject", "comment": ""}).content.decode()
    assert "Say what should change, so the editor knows what to do." in html
    assert fresh(lesson).current_workflow_task.name == MODERATOR

    moderator.post(f"/admin/review/{lesson.pk}/",
        {**shown(lesson), "decision": "reject", "comment": "Shorten the opening."})
    state = fresh(lesson).current_workflow_state
    assert state.status == "needs_changes" and state.current_task_state.comment == "Shorten the opening."
    assert not fresh(lesson).live


def test_an_edit_after_the_panel_approved_sends_the_lesson_back_to_the_panel():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    changed = fresh(lesson)
    changed.body = json.dumps([rich("Changed after the panel.")])
    late_revision = changed.save_revision(user=moderator.user)  # e.g. an administrator's edit

    lesson = fresh(lesson)
    assert lesson.current_workflow_task.name == PANEL
    assert lesson.current_workflow_state.current_task_state.revision == late_revision
    act(moderator, lesson, "approve")
    assert not fresh(lesson).live, "the moderator cannot approve what the panel has not seen"

    act(reviewer, lesson, "approve")
    act(moderator, lesson, "approve")
    lesson = fresh(lesson)
    assert lesson.live
    assert lesson.live_revision == late_revision


def test_changes_requested_by_a_moderator_go_back_through_the_panel_when_resubmitted():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    act(moderator, lesson, "reject", "Please soften the second paragraph.")
    assert fresh(lesson).current_workflow_state.status == "needs_changes"

    response = editor.post(
        f"/admin/pages/{lesson.pk}/edit/", {**edit_form(lesson, "Softer words."), "action-submit": "1"}
    )
    assert response.status_code == 302
    lesson = fresh(lesson)
    assert lesson.current_workflow_task.name == PANEL
    assert not lesson.live


def test_the_finish_action_refuses_a_revision_newer_than_the_panel_approved():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    state = fresh(lesson).current_workflow_state
    # Sidestep every guard: a revision saved with no workflow to notice it.
    LessonPage.objects.get(pk=lesson.pk).revisions.create(
        content=fresh(lesson).serializable_data(), base_content_type=lesson.get_base_content_type(),
        content_type=lesson.content_type, object_str="Sneaky",
    )
    publish_after_review(state, user=None)
    assert not fresh(lesson).live
    assert PageLogEntry.objects.filter(page=lesson, action="content.review.publish_refused").exists()


def test_history_names_the_revision_the_panel_approved_and_the_one_published():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    approved = fresh(lesson).get_latest_revision()
    act(moderator, lesson, "approve")

    response = moderator.get(f"/admin/pages/{lesson.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"The co-production panel approved revision {approved.pk}" in html
    assert f"Published revision {approved.pk}, the one the co-production panel approved" in html


# --- the panel's review screen (finding 5) ---------------------------------------------------


def resubmitted_lesson(editor, reviewer, moderator):
    lesson = submitted_lesson(editor.user, "The first version's words.")
    act(reviewer, lesson, "approve")
    act(moderator, lesson, "reject", "Change the opening.")
    editor.post(f"/admin/pages/{lesson.pk}/edit/", {**edit_form(lesson, "A better opening."), "action-submit": "1"})
    lesson = fresh(lesson)
    assert lesson.current_workflow_task.name == PANEL
    return lesson


def test_reviewer_compares_a_resubmitted_lesson_with_the_version_the_panel_last_approved():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = resubmitted_lesson(editor, reviewer, moderator)

    response = reviewer.get(f"/admin/review/{lesson.pk}/")
    assert response.status_code == 200
    compare_url = f"/admin/review/{lesson.pk}/compare/"
    assert compare_url in response.content.decode()
    response = reviewer.get(compare_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "first version" in html and "better opening" in html


def test_reviewer_reads_each_sectors_version_and_decides_with_no_edit_form():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = submitted_lesson(editor.user)

    # Every way into the page for a reviewer leads to the review screen.
    response = reviewer.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/review/{lesson.pk}/"
    dashboard = reviewer.get("/admin/").content.decode()
    assert f"/admin/review/{lesson.pk}/" in dashboard

    html = reviewer.get(f"/admin/review/{lesson.pk}/").content.decode()
    assert "Approve" in html and "Request changes" in html
    assert "Cancel workflow" not in html
    assert "Only reviewers" not in html
    assert 'id="page-edit-form"' not in html
    employers = Sector.objects.get(slug="employers")
    preview = reviewer.get(f"/admin/review/{lesson.pk}/preview/?sector={employers.slug}")
    assert preview.status_code == 200
    assert "Words for employers." in preview.content.decode()
    assert "Words for others." not in preview.content.decode()

    response = reviewer.post(
        f"/admin/review/{lesson.pk}/", {**shown(lesson), "decision": "reject", "comment": "Say who to call first."}
    )
    assert response.status_code == 302
    state = fresh(lesson).current_workflow_state
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == "Say who to call first."


def test_reviewer_cannot_edit_or_publish():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = submitted_lesson(editor.user)
    before = fresh(lesson).get_latest_revision()
    reviewer.post(f"/admin/pages/{lesson.pk}/edit/", {**edit_form(lesson, "A reviewer's edit."), "action-publish": "1"})
    lesson = fresh(lesson)
    assert lesson.get_latest_revision() == before
    assert not lesson.live
    other = staff_client(Role.REVIEWER)
    other.user.groups.clear()
    assert other.get(f"/admin/review/{lesson.pk}/").status_code in (302, 403)


def test_review_emails_name_neither_the_content_nor_its_subject_and_lead_to_the_dashboard(
    mailoutbox, django_capture_on_commit_callbacks
):
    """Staff emails may land in a shared inbox: the subject and body say only that training content
    waits, with the site's prefix, and link to the admin dashboard (which links each role on)."""
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    with django_capture_on_commit_callbacks(execute=True):
        lesson = submitted_lesson(editor.user)
    to_panel = [m for m in mailoutbox if reviewer.user.email in m.to]
    assert to_panel, [m.to for m in mailoutbox]
    for message in mailoutbox:
        assert message.subject.startswith("[Herts Partnership Training] "), message.subject
        assert lesson.title not in message.subject and lesson.title not in message.body
        assert "/admin/pages/" not in message.body  # no editor-only links for the panel
        assert "http://testserver/admin/" in message.body or "/admin/" in message.body
    assert "waiting for you" in to_panel[0].body and PANEL in to_panel[0].body


def test_a_decision_from_a_form_left_open_on_an_older_revision_decides_nothing():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    act(reviewer, lesson, "approve")
    stale = shown(lesson)
    stale["revision"] = str(int(stale["revision"]) - 1)  # what the screen showed before a resubmission
    response = moderator.post(f"/admin/review/{lesson.pk}/", {**stale, "decision": "approve"}, follow=True)
    assert "changed while you were reading it" in html_module.unescape(response.content.decode())
    assert not fresh(lesson).live and fresh(lesson).current_workflow_task.name == MODERATOR


def test_approving_a_lesson_its_editor_scheduled_says_when_it_goes_live():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user, go_live_at=timezone.make_aware(datetime.datetime(2027, 3, 8, 9, 0)))
    act(reviewer, lesson, "approve")
    response = moderator.post(f"/admin/review/{lesson.pk}/", {**shown(lesson), "decision": "approve"}, follow=True)
    said = html_module.unescape(response.content.decode())
    assert "You approved 'Draft lesson'. It goes live on 8 March 2027 at 09:00, as its editor scheduled." in said
    assert "gone back to the panel" not in said and not fresh(lesson).live


def test_wagtails_own_approve_on_a_step_already_decided_changes_nothing():
    """Wagtail's "Approve" (its dashboard's action URL names the step) clicked again after the
    step was decided, by the panel and then by the moderator: one approval each, one publish."""
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    lesson = submitted_lesson(editor.user)
    panel_step = fresh(lesson).current_workflow_state.current_task_state
    act(reviewer, lesson, "approve")
    moderator_step = fresh(lesson).current_workflow_state.current_task_state
    again = reviewer.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{panel_step.pk}/", {"comment": ""})
    assert again.status_code == 302
    assert fresh(lesson).current_workflow_state.current_task_state == moderator_step
    assert PageLogEntry.objects.filter(page=lesson, action="content.review.panel_approved").count() == 1

    act(moderator, lesson, "approve")
    again = moderator.post(f"/admin/pages/workflow/action/{lesson.pk}/approve/{moderator_step.pk}/", {"comment": ""})
    assert again.status_code == 302 and fresh(lesson).live
    assert PageLogEntry.objects.filter(page=lesson, action="wagtail.publish").count() == 1
