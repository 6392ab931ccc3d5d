"""Support services go live only through the "Content review" workflow, as lessons do.

A wrong helpline number shown to a survivor is a safety problem. Editors save drafts and submit
them; the co-production panel reviews on its read-only screen; a moderator's approval publishes
exactly what the panel approved. Learners only ever see the live version.
"""

import pytest
from django.test import Client
from wagtail.models import Workflow

from content.demo.load import load_demo_content
from content.models import SupportService
from lms.site.roles import Role
from tests.conftest import administrator_client, staff_client
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def shown(obj) -> dict:
    """The revision the review screen shows for `obj`, as its form sends it back."""
    state = type(obj).objects.get(pk=obj.pk).current_workflow_state
    task_state = state.current_task_state if state else None
    return {"revision": str(task_state.revision_id)} if task_state else {}

PANEL = "Co-production panel review"
MODERATOR = "Moderator approval"
LESSON_URL = "/modules/coercive-control-and-stalking/what-coercive-control-looks-like/"
REVIEWED_NUMBER = "0808 2000 247"
ATTACK = "0800 666 6666 (UNREVIEWED-BY-PANEL)"


@pytest.fixture
def service(db):
    load_demo_content()
    return SupportService.objects.get(slug="national-domestic-abuse-helpline")


def fresh(service):
    return SupportService.objects.get(pk=service.pk)  # workflow state is cached on instances


def edit_url(service):
    return f"/admin/snippets/content/supportservice/edit/{service.pk}/"


def review_url(service):
    return f"/admin/review/support-service/{service.pk}/"


def service_form(service, **changes):
    data = {name: getattr(service, name) for name in (
        "name", "slug", "phone", "text_or_web_contact", "hours", "languages", "who_for", "description",
        "sort_order",
    )}
    data.update(changes)
    return data


def learner_sees(client, path):
    """The page as a learner reads it, past the confidence check and the content warning."""
    response = client.get(path)
    if "/confidence/" in response.get("Location", ""):
        client.post(response["Location"], {"action": "skip"})
        response = client.get(path)
    if response.status_code == 200 and "Continue to the lesson" in response.content.decode():
        from content.models import LessonPage

        lesson = LessonPage.objects.get(url_path__endswith="/what-coercive-control-looks-like/")
        client.post(f"/my-learning/lessons/{lesson.pk}/continue/")
        response = client.get(path)
    assert response.status_code == 200, response
    return response.content.decode()


def learner_client():
    client = Client()
    client.force_login(LearnerFactory())
    return client



def submit(editor, service, phone):
    response = editor.post(edit_url(service), {**service_form(fresh(service), phone=phone), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    service = fresh(service)
    assert service.current_workflow_task.name == PANEL
    return service


def act(client, service, action, comment=""):
    task_state = fresh(service).current_workflow_state.current_task_state
    return client.post(
        f"/admin/snippets/content/supportservice/workflow/action/{service.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def test_the_editors_direct_change_is_a_draft_and_learners_see_only_the_live_number(service):
    editor, learner = staff_client(Role.EDITOR), learner_client()
    assert REVIEWED_NUMBER in learner_sees(learner, LESSON_URL)

    response = editor.post(edit_url(service), service_form(service, phone=ATTACK))
    assert response.status_code == 302, response.content.decode()[:2000]
    # Asking to publish does not publish either: editors hold no publish permission.
    editor.post(edit_url(service), {**service_form(service, phone=ATTACK), "action-publish": "publish"})

    for path in (LESSON_URL, "/support/"):
        html = learner_sees(learner, path)
        assert ATTACK not in html and "UNREVIEWED" not in html
        assert REVIEWED_NUMBER in html
    service = fresh(service)
    assert service.live and service.phone == REVIEWED_NUMBER
    assert service.get_latest_revision_as_object().phone == ATTACK, "the editor's change is kept as a draft"

    # Submitted for review, it still changes nothing learners see.
    submit(editor, service, ATTACK)
    for path in (LESSON_URL, "/support/"):
        assert "UNREVIEWED" not in learner_sees(learner, path)


def test_after_the_panel_and_a_moderator_approve_the_new_number_is_live(service):
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    new_number = "0808 2000 248"
    submit(editor, service, new_number)

    # The moderator cannot skip the panel.
    act(moderator, service, "approve")
    assert fresh(service).current_workflow_task.name == PANEL

    response = reviewer.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""})
    assert response.status_code == 302
    approved = fresh(service).get_latest_revision()
    assert fresh(service).current_workflow_task.name == MODERATOR
    assert fresh(service).phone == REVIEWED_NUMBER, "nothing is live before the moderator approves"

    # The moderator's step is locked: approval, not editing.
    moderator.post(edit_url(service), service_form(fresh(service), phone="0800 000 0000"))
    assert fresh(service).get_latest_revision() == approved

    act(moderator, service, "approve")
    service = fresh(service)
    assert service.live and service.phone == new_number
    assert service.live_revision == approved
    assert not service.has_unpublished_changes
    assert new_number in learner_sees(learner_client(), LESSON_URL)
    assert new_number in learner_sees(learner_client(), "/support/")


def test_an_edit_after_the_panels_approval_goes_back_to_the_panel(service):
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    submit(editor, service, "0808 2000 248")
    reviewer.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""})
    assert fresh(service).current_workflow_task.name == MODERATOR

    administrator = administrator_client()  # the only one the locked step lets edit
    response = administrator.post(edit_url(service), service_form(fresh(service), phone="0808 2000 249"))
    assert response.status_code == 302, response.content.decode()[:2000]
    service = fresh(service)
    late = service.get_latest_revision()
    assert late.as_object().phone == "0808 2000 249"
    assert service.current_workflow_task.name == PANEL
    assert service.current_workflow_state.current_task_state.revision == late

    act(moderator, service, "approve")
    assert fresh(service).phone == REVIEWED_NUMBER, "the moderator cannot approve what the panel has not seen"
    reviewer.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""})
    act(moderator, service, "approve")
    service = fresh(service)
    assert service.phone == "0808 2000 249" and service.live_revision == late


def test_a_reviewer_reads_the_proposed_change_and_decides_but_cannot_edit(service):
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    submit(editor, service, ATTACK)

    dashboard = reviewer.get("/admin/").content.decode()
    assert review_url(service) in dashboard

    response = reviewer.get(review_url(service))
    assert response.status_code == 200
    html = response.content.decode()
    assert ATTACK in html and REVIEWED_NUMBER in html, "the proposed number beside the live one"
    assert "Live now" in html and "Proposed" in html
    assert "Approve" in html and "Request changes" in html
    assert 'name="phone"' not in html

    # Every way into the editor leads to the review screen; a post there changes nothing.
    before = fresh(service).get_latest_revision()
    response = reviewer.get(edit_url(service))
    assert response.status_code == 302 and response["Location"] == review_url(service)
    reviewer.post(edit_url(service), {**service_form(service, phone="0800 111 1111"), "action-publish": "1"})
    assert fresh(service).get_latest_revision() == before
    assert fresh(service).phone == REVIEWED_NUMBER

    response = reviewer.post(review_url(service),
        {**shown(service), "decision": "reject", "comment": "Check this number."})
    assert response.status_code == 302
    state = fresh(service).current_workflow_state
    assert state.status == "needs_changes"
    assert state.current_task_state.comment == "Check this number."
    assert fresh(service).phone == REVIEWED_NUMBER


def refused(response) -> bool:
    """Wagtail's refusal inside the admin: 403, or back to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_the_review_screen_is_for_whoever_decides_the_current_step_and_only_then(service):
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    assert refused(reviewer.get(review_url(service))), "nothing awaits the panel"
    submit(editor, service, "0808 2000 248")
    assert refused(editor.get(review_url(service)))
    assert refused(moderator.get(review_url(service)))
    assert refused(editor.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""}))
    assert fresh(service).current_workflow_task.name == PANEL
    reviewer.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""})
    assert refused(reviewer.get(review_url(service))), "the moderator's step is not the panel's"
    assert refused(editor.get(review_url(service)))
    assert moderator.get(review_url(service)).status_code == 200, "the moderator decides their step there"


def test_a_moderator_reads_what_the_panel_approved_and_publishes_it_from_the_review_screen(service):
    editor, reviewer, moderator = (staff_client(r) for r in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
    submit(editor, service, "0808 2000 248")
    reviewer.post(review_url(service), {**shown(service), "decision": "approve", "comment": "The number is right."})
    approved = fresh(service).get_latest_revision()

    # The edit form is locked at this step: the moderator is sent to the review screen.
    response = moderator.get(edit_url(service))
    assert response.status_code == 302 and response["Location"] == review_url(service)
    html = moderator.get(review_url(service)).content.decode()
    assert "Moderator approval" in html and "Co-production panel review" not in html
    assert "0808 2000 248" in html and REVIEWED_NUMBER in html, "the proposed number beside the live one"
    assert "Approve and publish" in html and "Request changes" in html
    assert "The panel’s comment: “The number is right.”" in html

    # Asking for changes needs a reason; without one nothing changes.
    html = moderator.post(review_url(service),
        {**shown(service), "decision": "reject", "comment": "  "}).content.decode()
    assert "Say what should change" in html
    assert fresh(service).current_workflow_task.name == MODERATOR

    response = moderator.post(review_url(service),
        {**shown(service), "decision": "approve", "comment": ""}, follow=True)
    assert "You approved the support service" in response.content.decode()
    assert "It is now live." in response.content.decode()
    service = fresh(service)
    assert service.live_revision == approved and service.phone == "0808 2000 248"
    # A second click finds no step left to decide, and publishes nothing more.
    assert refused(moderator.post(review_url(service), {**shown(service), "decision": "approve", "comment": ""}))
    assert fresh(service).revisions.count() == service.revisions.count()


def test_support_services_use_the_content_review_workflow_and_only_administrators_publish(service):
    assert SupportService.get_default_workflow() == Workflow.objects.get(name="Content review")
    editor, moderator = staff_client(Role.EDITOR), staff_client(Role.MODERATOR)
    for person in (editor.user, moderator.user):
        assert person.has_perm("content.view_supportservice")
        assert not person.has_perm("content.publish_supportservice")
    assert editor.user.has_perm("content.change_supportservice")


def test_seeding_demo_services_is_idempotent_and_they_are_live(service):
    revisions = {s.pk: s.revisions.count() for s in SupportService.objects.all()}
    assert all(s.live and s.live_revision_id for s in SupportService.objects.all())
    load_demo_content()
    assert {s.pk: s.revisions.count() for s in SupportService.objects.all()} == revisions
