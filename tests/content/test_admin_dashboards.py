"""Each role's admin dashboard shows what that role acts on, and nothing it cannot use.

Editors: the pages (and support services) in review, with the step each is at, and their own
drafts. The co-production panel: what waits for its review, each leading to the review screen.
A coordinator holds no page permission: no page search, no page panels. Panels are shown by
permission and cost the same number of queries however many items they list.
"""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Workflow

from content.models import LessonPage
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.content.factories import SupportServiceFactory
from tests.factories import make_module, rich

pytestmark = pytest.mark.django_db


def shown(obj) -> dict:
    """The revision the review screen shows for `obj`, as its form sends it back."""
    state = type(obj).objects.get(pk=obj.pk).current_workflow_state
    task_state = state.current_task_state if state else None
    return {"revision": str(task_state.revision_id)} if task_state else {}

IN_REVIEW = "Pages in review"
DRAFTS = "Your drafts"
PANEL_QUEUE = "Waiting for the co-production panel"
PAGE_SEARCH = 'role="search"'


def new_lesson(module, author, title: str, *, submit: bool = True) -> LessonPage:
    """An unpublished lesson saved by `author`; submitted to the content review workflow."""
    lesson = LessonPage(title=title, slug=re.sub(r"\W+", "-", title.lower()), live=False,
                        body=json.dumps([rich(f"{title}: the words.")]))
    module.add_child(instance=lesson)
    lesson.save_revision(user=author)
    if submit:
        Workflow.objects.get(name="Content review").start(lesson, author)
    return LessonPage.objects.get(pk=lesson.pk)


def submitted_service(author, name="Test helpline for the panel"):
    service = SupportServiceFactory(name=name)
    service.save_revision(user=author)
    Workflow.objects.get(name="Content review").start(service, author)
    return service


def section(html: str, heading: str) -> str:
    """The dashboard panel headed `heading`, from its section to the end of the section."""
    panel = r'<section[^>]*aria-labelledby="[^"]+"[^>]*>(?:(?!</section>).)*?'
    match = re.search(panel + re.escape(heading), html, re.S)
    assert match, f"no panel headed {heading!r}"
    start = match.start()
    return html[start:html.index("</section>", start)]


def dashboard(client) -> str:
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_the_pages_in_review_with_their_step_and_their_own_drafts():
    editor, other_editor = staff_client(Role.EDITOR), staff_client(Role.EDITOR)
    module = make_module("dashboard-module", lessons=0)
    mine = new_lesson(module, editor.user, "Submitted by me")
    theirs = new_lesson(module, other_editor.user, "Submitted by a colleague")
    draft = new_lesson(module, editor.user, "My unsubmitted draft", submit=False)
    new_lesson(module, other_editor.user, "A colleague's draft", submit=False)
    service = submitted_service(editor.user)

    html = dashboard(editor)
    in_review = section(html, IN_REVIEW)
    assert f'href="/admin/pages/{mine.pk}/edit/">Submitted by me</a>' in in_review
    assert f'href="/admin/pages/{theirs.pk}/edit/">Submitted by a colleague</a>' in in_review
    assert "Waiting for co-production panel review" in in_review
    assert service.name in in_review and "Support service" in in_review
    assert "My unsubmitted draft" not in in_review

    drafts = section(html, DRAFTS)
    assert f'href="/admin/pages/{draft.pk}/edit/">My unsubmitted draft</a>' in drafts
    assert "Draft, not live" in drafts
    assert "Submitted by me" not in drafts, "pages in review are listed once, above"
    assert "A colleague" not in drafts

    assert PANEL_QUEUE not in html
    assert PAGE_SEARCH in html, "editors search the pages they work on"
    # Wagtail's own lists that the two panels replace.
    assert "Your pages and snippets in a workflow" not in html
    assert "Your most recent edits" not in html


def test_an_editor_sees_where_the_panel_asked_for_changes():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = new_lesson(make_module("changes-module", lessons=0), editor.user, "Lesson with changes asked")
    reviewer.post(f"/admin/review/{lesson.pk}/",
        {**shown(lesson), "decision": "reject", "comment": "Name the helpline for men."})

    in_review = section(dashboard(editor), IN_REVIEW)
    assert "Lesson with changes asked" in in_review
    assert "Changes requested" in in_review
    assert "Name the helpline for men." in in_review

    assert "Lesson with changes asked" not in section(dashboard(reviewer), PANEL_QUEUE), "no longer the panel's"


def test_a_live_page_with_unsubmitted_changes_is_among_the_editors_drafts():
    editor = staff_client(Role.EDITOR)
    module = make_module("live-module", lessons=1)
    lesson = module.get_children().live().first().specific
    lesson.title = "Changed but not submitted"
    lesson.save_revision(user=editor.user)

    drafts = section(dashboard(editor), DRAFTS)
    assert f'href="/admin/pages/{lesson.pk}/edit/">Changed but not submitted</a>' in drafts
    assert "Live, with changes not yet submitted" in drafts


def test_a_reviewer_sees_what_waits_for_the_panel_with_links_to_the_review_screens():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = new_lesson(make_module("panel-module", lessons=0), editor.user, "Waiting for the panel")
    service = submitted_service(editor.user, name="Helpline waiting for the panel")

    html = dashboard(reviewer)
    queue = section(html, PANEL_QUEUE)
    assert f'href="/admin/review/{lesson.pk}/"' in queue and "Waiting for the panel" in queue
    assert f'href="/admin/review/support-service/{service.pk}/"' in queue and service.name in queue
    assert f"/admin/pages/{lesson.pk}/edit/" not in html, "reviewers are sent to the review screen, not the editor"

    assert IN_REVIEW not in html and DRAFTS not in html
    assert PAGE_SEARCH not in html, "reviewers hold no page permission: the search would find nothing"


def test_a_page_past_the_panel_no_longer_waits_for_it():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    lesson = new_lesson(make_module("approved-module", lessons=0), editor.user, "Approved by the panel")
    reviewer.post(f"/admin/review/{lesson.pk}/", {**shown(lesson), "decision": "approve", "comment": ""})

    assert "Approved by the panel" not in section(dashboard(reviewer), PANEL_QUEUE)
    in_review = section(dashboard(editor), IN_REVIEW)
    assert "Approved by the panel" in in_review and "Waiting for moderator approval" in in_review


def test_a_coordinator_has_no_page_search_and_no_content_panels():
    editor, coordinator = staff_client(Role.EDITOR), staff_client(Role.COORDINATOR)
    new_lesson(make_module("coordinator-module", lessons=0), editor.user, "Not the coordinator's business")

    html = dashboard(coordinator)
    assert PAGE_SEARCH not in html
    assert "Search all pages" not in html
    for heading in (IN_REVIEW, DRAFTS, PANEL_QUEUE, "Your most recent edits", "Awaiting your review"):
        assert heading not in html, heading
    assert "Not the coordinator's business" not in html


def test_a_moderator_gets_neither_the_editors_nor_the_panels_lists():
    editor, moderator = staff_client(Role.EDITOR), staff_client(Role.MODERATOR)
    new_lesson(make_module("moderator-module", lessons=0), editor.user, "At the panel's step")

    html = dashboard(moderator)
    assert DRAFTS not in html and PANEL_QUEUE not in html and IN_REVIEW not in html


def queries(client) -> int:
    dashboard(client)  # warm: content types and the like are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        dashboard(client)
    return len(captured)


def test_each_dashboard_costs_the_same_queries_however_much_is_listed():
    editor, reviewer = staff_client(Role.EDITOR), staff_client(Role.REVIEWER)
    module = make_module("counting-module", lessons=0)
    new_lesson(module, editor.user, "First in review")
    new_lesson(module, editor.user, "First draft", submit=False)
    submitted_service(editor.user, name="First helpline")
    few = {"editor": queries(editor), "reviewer": queries(reviewer)}

    for n in range(2, 7):
        new_lesson(module, editor.user, f"In review {n}")
        new_lesson(module, editor.user, f"Draft {n}", submit=False)
        submitted_service(editor.user, name=f"Helpline {n}")
    many = {"editor": queries(editor), "reviewer": queries(reviewer)}
    html = dashboard(reviewer)
    assert "In review 6" in html and "Helpline 6" in html

    assert many == few, (few, many)
