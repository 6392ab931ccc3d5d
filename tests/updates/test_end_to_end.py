"""Must show 1, end to end: an editor writes an update; it goes through the co-production panel
and a moderator like any lesson (the editor cannot publish it); publishing tells each holder
once; one completes it; the verify page and their certificate history show it; their lead sees
who has not."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from lms.certificates.models import Certificate
from lms.site.roles import Role
from lms.updates.models import GuidanceUpdateIndexPage, GuidanceUpdatePage, UpdateCompletion
from tests.certificates.factories import CertificateFactory
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, confirmed_member, make_module

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("Europe/London"))


def update_form(module, question_id=None) -> dict:
    data = nested_form_data({
        "title": "Domestic Abuse Protection Orders",
        "slug": "domestic-abuse-protection-orders",
        "what_changed": "Domestic Abuse Protection Notices and Orders are replacing the older police orders.",
        "why": "Victims may ask you about them.",
        "body": streamfield([("rich_text", rich_text("<p>What the new orders do.</p>"))]),
        "days_to_complete": "28",
        "questions": inline_formset([{
            "text": "Who can apply for an order?", "answer_a": "Only the police",
            "answer_b": "The police, the victim and others with permission", "answer_c": "", "answer_d": "",
            "correct": "b", "explanation": "A victim can apply themselves.",
            **({"id": question_id} if question_id else {}),
        }], initial=1 if question_id else 0),
        "comments": inline_formset([]),
    })
    data["modules"] = [module.pk]
    return data


def act(client, page, action):
    task_state = GuidanceUpdatePage.objects.get(pk=page.pk).current_workflow_state.current_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": ""})


def test_an_update_goes_from_the_editor_to_holders_and_their_lead(django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False):
        module = make_module("post-separation-abuse", lessons=1, title="Post-separation abuse")
        organisation = OrganisationFactory(name="Demo Primary School")
        lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
        organisation.leads.add(lead)
        holders = []
        for name in ("Asha Completes", "Ben Not Yet"):
            person = LearnerFactory(full_name=name)
            confirmed_member(person, organisation)
            CertificateFactory(user=person, module=module, issued_on=datetime.date(2026, 3, 1))
            holders.append(person)
        newcomer = LearnerFactory(full_name="Cai Newcomer")  # certificate issued today includes the update
        confirmed_member(newcomer, organisation)
        CertificateFactory(user=newcomer, module=module, issued_on=NOW.date())
        editor, reviewer, moderator = (staff_client(role) for role in (Role.EDITOR, Role.REVIEWER, Role.MODERATOR))
        index = GuidanceUpdateIndexPage.objects.get()

        # The editor writes it; "publish" only saves a draft for them, so they submit it for review.
        response = editor.post(f"/admin/pages/add/updates/guidanceupdatepage/{index.pk}/",
                               {**update_form(module), "action-publish": "publish"})
        assert response.status_code == 302, response.content.decode()[:3000]
        update = GuidanceUpdatePage.objects.get(slug="domestic-abuse-protection-orders")
        assert not update.live and update.get_workflow() == Workflow.objects.get(name="Content review")
        question = update.questions.get()
        editor.post(f"/admin/pages/{update.pk}/edit/", {**update_form(module, question.pk), "action-submit": "1"})
        assert GuidanceUpdatePage.objects.get(pk=update.pk).current_workflow_task.name == "Co-production panel review"

        # The panel approves, then the moderator, whose approval publishes and tells the holders.
        act(moderator, update, "approve")  # not the moderator's step yet
        assert not GuidanceUpdatePage.objects.get(pk=update.pk).live
        act(reviewer, update, "approve")
        assert not GuidanceUpdatePage.objects.get(pk=update.pk).live
        with django_capture_on_commit_callbacks(execute=True):
            act(moderator, update, "approve")
        update = GuidanceUpdatePage.objects.get(pk=update.pk)
        assert update.live and update.update_day == NOW.date()
        told = [m.to[0] for m in mail.outbox if m.subject.startswith("Guidance update:")]
        assert sorted(told) == sorted(p.email for p in holders)
        call_command("send_guidance_update_notices", stdout=io.StringIO())  # the daily run tells nobody again
        assert len([m for m in mail.outbox if m.subject.startswith("Guidance update:")]) == 2

        # Asha answers the question and completes it.
        asha = Client()
        asha.force_login(holders[0])
        page = asha.get(f"/updates/{update.slug}/").content.decode()
        assert "Complete this update" in page and "Who can apply for an order?" in page
        response = asha.post(f"/my-learning/updates/{update.pk}/complete/", {f"question_{question.pk}": "b"})
        assert response.status_code == 302
        assert UpdateCompletion.objects.filter(user=holders[0], update=update).count() == 1
        history = asha.get("/my-learning/").content.decode()
        assert "Guidance update to complete" not in history
        line = "Includes the update of 2 December 2026: Domestic Abuse Protection Orders"
        assert line in history
        code = Certificate.objects.get(user=holders[0]).code
        assert line in Client().get(f"/verify/{code}/").content.decode()
        ben = Client()
        ben.force_login(holders[1])
        assert "Guidance update to complete" in ben.get("/my-learning/").content.decode()
        assert line not in Client().get(f"/verify/{Certificate.objects.get(user=holders[1]).code}/").content.decode()

    # A month on, the lead sees that Ben has not done it, and it is outstanding.
    with time_machine.travel(NOW + datetime.timedelta(days=31), tick=False):
        client = Client()
        client.force_login(lead)
        report = client.get(f"/organisations/{organisation.pk}/training/").content.decode()
    section = report.split('id="guidance-updates"')[1]
    assert "Ben Not Yet" in section and "Outstanding" in section
    assert "Asha Completes" not in section and "Cai Newcomer" not in section
