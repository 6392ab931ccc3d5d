"""The review workflow's decisions taken at the same instant on PostgreSQL: a moderator's double
click on "Approve and publish" publishes once, and the panel's double click starts the
moderator's step once; every other click finds the step decided, never a 500."""

from __future__ import annotations

from wagtail.models import PageLogEntry, TaskState

from lms.site.roles import Role
from tests.concurrency.racing import CONCURRENT, RACERS, ROUNDS, no_errors, posting, race, shared_session
from tests.conftest import staff_client
from tests.content.test_review_workflow import fresh, shown, submitted_lesson

pytestmark = CONCURRENT


def test_a_moderators_double_click_publishes_once_and_the_panels_starts_one_step():
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    for round_ in range(ROUNDS):
        lesson = submitted_lesson(editor.user, text=f"Round {round_}.", module_slug=f"race-module-{round_}")
        url = f"/admin/review/{lesson.pk}/"

        responses = no_errors(race(*posting(shared_session(reviewer, RACERS), url,
                                            {**shown(lesson), "decision": "approve", "comment": ""})))
        assert all(response.status_code == 302 for response in responses)
        state = fresh(lesson).current_workflow_state
        assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).count() == 1
        assert fresh(lesson).current_workflow_task.name == "Moderator approval"

        clicks = shared_session(moderator, RACERS)
        responses = no_errors(race(*posting(clicks, url, {**shown(lesson), "decision": "approve", "comment": ""})))
        assert all(response.status_code == 302 for response in responses)
        assert fresh(lesson).live
        assert PageLogEntry.objects.filter(page=lesson, action="wagtail.publish").count() == 1
        assert PageLogEntry.objects.filter(page=lesson, action="content.review.published_approved").count() == 1


def test_wagtails_own_approve_clicked_at_once_decides_each_step_once():
    """The same double click through Wagtail's dashboard "Approve" (its action URL), which calls
    the tasks' on_action without our review screen: the tasks lock the step themselves."""
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    for round_ in range(ROUNDS):
        lesson = submitted_lesson(editor.user, text=f"Round {round_}.", module_slug=f"wagtail-race-{round_}")

        def approve(client, lesson=lesson):
            step = fresh(lesson).current_workflow_state.current_task_state
            return posting(shared_session(client, RACERS),
                           f"/admin/pages/workflow/action/{lesson.pk}/approve/{step.pk}/", {"comment": ""})

        no_errors(race(*approve(reviewer)))
        state = fresh(lesson).current_workflow_state
        assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).count() == 1
        assert PageLogEntry.objects.filter(page=lesson, action="content.review.panel_approved").count() == 1
        assert fresh(lesson).current_workflow_task.name == "Moderator approval"

        no_errors(race(*approve(moderator)))
        assert fresh(lesson).live
        assert PageLogEntry.objects.filter(page=lesson, action="wagtail.publish").count() == 1


def test_a_double_click_on_a_step_pointing_at_an_older_revision_starts_one_panel_step():
    """A step pointing at an older revision than the newest (Wagtail restarts a resubmitted
    snippet's review from a cached copy) goes back to the panel on the newest: clicked at once,
    it does so once, with one step in progress afterwards, never one per click."""
    editor, reviewer = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER))
    for round_ in range(ROUNDS):
        lesson = submitted_lesson(editor.user, text=f"Round {round_}.", module_slug=f"older-race-{round_}")
        older = fresh(lesson).revisions.order_by("created_at", "id").first()
        fresh(lesson).save_revision(user=editor.user)  # newer: back to the panel on it
        step = fresh(lesson).current_workflow_state.current_task_state
        TaskState.objects.filter(pk=step.pk).update(revision=older)  # as from a cached copy
        no_errors(race(*posting(shared_session(reviewer, RACERS), f"/admin/review/{lesson.pk}/",
                                {"revision": str(older.pk), "decision": "approve", "comment": ""})))
        state = fresh(lesson).current_workflow_state
        assert TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS).count() == 1
        assert fresh(lesson).current_workflow_task.name == "Co-production panel review"
        assert PageLogEntry.objects.filter(page=lesson, action="content.review.panel_approved").count() == 0
