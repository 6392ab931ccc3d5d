"""The coordinators' view of every White Ribbon action plan in the admin: overdue actions across
organisations, adding and editing actions, recording progress, and evidence (added, downloaded,
removed). Every change is logged; a second click never records twice; a closed cycle's plan is
kept as it was."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import AccreditationCycle, ActionItem, ActionUpdate, Criterion, Evidence, Focus
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import CertificateFactory, LearnerFactory, OrganisationFactory, confirmed_member, make_module
from tests.whiteribbon.factories import PDF, AccreditationCycleFactory, ActionItemFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
ACTIONS = "/admin/white-ribbon/actions/"


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def today():
    return timezone.localdate()


def accredited(name="Hertsmere Leisure Trust", **kwargs):
    return AccreditationCycleFactory(organisation=OrganisationFactory(name=name), stage=S.ACCREDITED, **kwargs)


def text(response) -> str:
    return response.content.decode()


def test_overdue_actions_across_organisations_soonest_first(coordinator):
    leisure = accredited("Hertsmere Leisure Trust")
    garage = accredited("Letchworth Garage")
    ActionItemFactory(cycle=leisure, title="Run a bystander session", due_on=today() - datetime.timedelta(days=3))
    ActionItemFactory(cycle=garage, title="Publish the workplace policy", due_on=today() - datetime.timedelta(days=40))
    ActionItemFactory(cycle=garage, title="Already done", due_on=today() - datetime.timedelta(days=50),
                      status=ActionItem.Status.DONE)
    ActionItemFactory(cycle=garage, title="Not due yet", due_on=today() + datetime.timedelta(days=5))
    withdrawn = AccreditationCycleFactory(stage=S.WITHDRAWN, closed_on=today())
    ActionItemFactory(cycle=withdrawn, title="Of a withdrawn cycle", due_on=today() - datetime.timedelta(days=9))
    page = text(coordinator.get(f"{ACTIONS}overdue/"))
    assert page.index("Publish the workplace policy") < page.index("Run a bystander session")
    assert "40 days" in page and "3 days" in page and "Letchworth Garage" in page
    for absent in ("Already done", "Not due yet", "Of a withdrawn cycle"):
        assert absent not in page


def item_form(cycle, **overrides) -> dict:
    data = {
        "cycle": cycle.pk, "title": "All managers complete the recognising VAWG module", "detail": "",
        "criterion": Criterion.CHANGING_CULTURE, "focus": Focus.TRAINING, "year": "1",
        "due_on": (today() + datetime.timedelta(days=120)).isoformat(), "owner": "Training lead", "module": "",
    }
    data.update(overrides)
    return data


def test_a_coordinator_adds_an_action_to_a_plan_once_however_often_they_click(coordinator):
    cycle = accredited()
    page = text(coordinator.get(f"{ACTIONS}new/?cycle={cycle.pk}"))
    assert f'<option value="{cycle.pk}" selected>Hertsmere Leisure Trust</option>' in page
    response = coordinator.post(f"{ACTIONS}new/", item_form(cycle))
    item = ActionItem.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{ACTIONS}inspect/{item.pk}/"
    assert (item.cycle, item.status, item.owner) == (cycle, ActionItem.Status.GREEN, "Training lead")
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.item", object_id=str(cycle.pk))
    assert entry.data["change"] == "added" and entry.user == coordinator.user
    response = coordinator.post(f"{ACTIONS}new/", item_form(cycle))
    assert response.status_code == 200
    assert "is already in Hertsmere Leisure Trust’s plan" in text(response)
    assert ActionItem.objects.count() == 1


@pytest.mark.parametrize(("overrides", "message"), [
    ({"title": ""}, "Say what the action is."),
    ({"title": "=cmd|' /C calc'!A0"}, "Start the action with a letter or number."),
    ({"owner": "   "}, "Say who answers for it"),
    ({"criterion": "kindness"}, "Choose the White Ribbon criterion from the list."),
    ({"year": "4"}, "Choose the year of the plan from the list."),
    ({"due_on": "soon"}, "Enter the day it is due as a date"),
    ({"due_on": "9999-12-31"}, "The due date must be while this accreditation runs"),
    ({"due_on": "0001-01-01"}, "The due date must be while this accreditation runs"),
    ({"module": "99999999999999999999"}, "Choose the training module from the list."),
])
def test_an_action_that_does_not_add_up_is_refused_with_a_message(coordinator, overrides, message):
    cycle = accredited()
    response = coordinator.post(f"{ACTIONS}new/", item_form(cycle, **overrides))
    assert response.status_code == 200
    assert message in text(response)
    assert not ActionItem.objects.exists()


def test_only_open_cycles_on_the_accreditation_track_take_actions(coordinator):
    supporter = AccreditationCycleFactory(track=AccreditationCycle.Track.SUPPORTER, stage=S.COMMITTED)
    lapsed = AccreditationCycleFactory(stage=S.LAPSED, closed_on=today())
    for cycle in (supporter, lapsed):
        response = coordinator.post(f"{ACTIONS}new/", item_form(cycle))
        assert "Choose the organisation’s cycle from the list." in text(response)
    assert not ActionItem.objects.exists()


def test_editing_an_action_keeps_it_in_its_plan_and_is_logged(coordinator):
    item = ActionItemFactory(cycle=accredited(), title="Draft policy")
    other = accredited("Another Organisation")
    response = coordinator.post(f"{ACTIONS}edit/{item.pk}/", item_form(other, title="Adopt the policy"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Adopt the policy" and item.cycle != other
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(item.pk)).exists()
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.item", object_id=str(item.cycle_id))
    assert entry.data["change"] == "changed" and "title" in entry.data["fields"]


def test_a_closed_cycles_plan_is_kept_as_it_was(coordinator):
    cycle = AccreditationCycleFactory(stage=S.WITHDRAWN, closed_on=today())
    item = ActionItemFactory(cycle=cycle, title="Kept as it was")
    response = coordinator.post(f"{ACTIONS}edit/{item.pk}/", item_form(cycle, title="Changed after closing"),
                                follow=True)
    assert "has closed, so its plan is kept as it was" in text(response)
    response = coordinator.post(f"{ACTIONS}progress/{item.pk}/", {"text": "Late news", "status": "done"},
                                follow=True)
    assert "has closed" in text(response)
    assert coordinator.post(f"{ACTIONS}delete/{item.pk}/").status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Kept as it was", ActionItem.Status.GREEN)
    assert not ActionUpdate.objects.exists()


def test_removing_an_action_is_logged_in_its_cycles_history(coordinator):
    item = ActionItemFactory(cycle=accredited(), title="Mistaken action")
    assert "Mistaken action" in text(coordinator.get(f"{ACTIONS}delete/{item.pk}/"))
    response = coordinator.post(f"{ACTIONS}delete/{item.pk}/")
    assert response["Location"] == f"/admin/white-ribbon/cycles/inspect/{item.cycle_id}/"
    assert not ActionItem.objects.exists()
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.item", object_id=str(item.cycle_id))
    assert entry.data["change"] == "removed" and entry.data["action"] == "Mistaken action"


def test_recording_progress_sets_the_rag_status_once_however_often_they_click(coordinator):
    item = ActionItemFactory(cycle=accredited(), title="Bystander training")
    data = {"text": "Two of five depots trained.", "status": ActionItem.Status.AMBER}
    response = coordinator.post(f"{ACTIONS}progress/{item.pk}/", data)
    assert response["Location"] == f"{ACTIONS}inspect/{item.pk}/"
    item.refresh_from_db()
    assert item.status == ActionItem.Status.AMBER
    update = ActionUpdate.objects.get()
    assert (update.by, update.text) == (coordinator.user, "Two of five depots trained.")
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.update", object_id=str(item.pk)).count() == 1
    response = coordinator.post(f"{ACTIONS}progress/{item.pk}/", data, follow=True)
    assert "That progress was recorded already" in text(response)
    assert ActionUpdate.objects.count() == 1
    page = text(coordinator.get(f"{ACTIONS}inspect/{item.pk}/"))
    assert "Two of five depots trained." in page and "At risk" in page
    assert "Action plan progress recorded" in text(coordinator.get(f"{ACTIONS}history/{item.pk}/"))


@pytest.mark.parametrize(("data", "message"), [
    ({"text": "", "status": "green"}, "Say what progress has been made."),
    ({"text": "Fine", "status": "purple"}, "Choose the RAG status from the list."),
])
def test_progress_that_does_not_add_up_is_refused(coordinator, data, message):
    item = ActionItemFactory(cycle=accredited())
    response = coordinator.post(f"{ACTIONS}progress/{item.pk}/", data)
    assert response.status_code == 200 and message in text(response)
    assert not ActionUpdate.objects.exists()


def test_evidence_is_a_link_or_a_checked_document_downloaded_by_coordinators_and_removed_with_its_file(
        coordinator, django_capture_on_commit_callbacks):
    item = ActionItemFactory(cycle=accredited())
    response = coordinator.post(f"{ACTIONS}evidence/{item.pk}/new/", {
        "title": "Policy on the intranet", "link": "https://intranet.example.org/policy"})
    assert response.status_code == 302
    response = coordinator.post(f"{ACTIONS}evidence/{item.pk}/new/", {
        "title": "Signed policy", "link": "", "document": SimpleUploadedFile("signed policy.PDF", PDF)})
    assert response.status_code == 302
    document = Evidence.objects.get(title="Signed policy")
    assert (document.file_name, document.content_type, document.size) == ("signed policy.pdf", "application/pdf",
                                                                          len(PDF))
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.evidence", object_id=str(item.pk)).count() == 2
    page = text(coordinator.get(f"{ACTIONS}inspect/{item.pk}/"))
    assert "https://intranet.example.org/policy" in page
    download_url = f"{ACTIONS}evidence/download/{document.pk}/"
    assert download_url in page
    download = coordinator.get(download_url)
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="signed policy.pdf"' in download["Content-Disposition"]

    stored = document.document.name
    storage = document.document.storage
    assert "will be deleted" in text(coordinator.get(f"{ACTIONS}evidence/remove/{document.pk}/"))
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(f"{ACTIONS}evidence/remove/{document.pk}/")
    assert response["Location"] == f"{ACTIONS}inspect/{item.pk}/"
    assert not Evidence.objects.filter(pk=document.pk).exists()
    assert not storage.exists(stored)
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.evidence_removed").count() == 1
    # A second click on "Remove": told so, nothing more happens.
    response = coordinator.post(f"{ACTIONS}evidence/remove/{document.pk}/", follow=True)
    assert "removed already" in text(response)
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.evidence_removed").count() == 1


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "Both", "link": "https://example.org/a"}, "Give a link or upload a document, not both."),
    ({"title": "Neither", "link": ""}, "Give a link, or upload a document."),
    ({"title": "A script", "link": "javascript:alert(1)"}, "Enter the link as a web address"),
    ({"title": "", "link": "https://example.org/a"}, "Say what the evidence is."),
    ({"title": "Not a document", "link": "", "file": ("notes.pdf", b"plain text, not a PDF")},
     "The file must be a PDF, Word, Excel"),
    ({"title": "Empty", "link": "", "file": ("empty.pdf", b"")}, "The file is empty."),
])
def test_evidence_that_does_not_add_up_is_refused(coordinator, data, message):
    item = ActionItemFactory(cycle=accredited())
    data = dict(data)
    if "file" in data:
        name, content = data.pop("file")
        data["document"] = SimpleUploadedFile(name, content)
    elif data["title"] == "Both":
        data["document"] = SimpleUploadedFile("policy.pdf", PDF)
    response = coordinator.post(f"{ACTIONS}evidence/{item.pk}/new/", data)
    assert response.status_code == 200
    assert message in text(response)
    assert not Evidence.objects.exists()


def test_an_action_about_training_shows_live_completion_from_confirmed_members(coordinator):
    module = make_module("white-ribbon-admin-module", lessons=1, title="Recognising VAWG")
    cycle = accredited()
    members = [LearnerFactory() for _ in range(4)]
    for member in members:
        confirmed_member(member, cycle.organisation)
    for member in members[:3]:
        CertificateFactory(user=member, module=module)
    item = ActionItemFactory(cycle=cycle, module=module, title="All managers trained")
    page = text(coordinator.get(f"{ACTIONS}inspect/{item.pk}/"))
    assert "3 of 4 confirmed members hold a current certificate (75%)" in page


def test_evidence_of_another_kind_of_record_is_not_found(coordinator):
    link = EvidenceFactory(document="", link="https://example.org/x", file_name="", content_type="", size=0)
    assert coordinator.get(f"{ACTIONS}evidence/download/{link.pk}/").status_code == 404
    assert coordinator.get(f"{ACTIONS}evidence/download/999999/").status_code == 404
    assert coordinator.get(f"{ACTIONS}evidence/remove/999999/").status_code == 404
