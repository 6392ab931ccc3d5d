"""Property-based tests of the coordinators' White Ribbon forms and filters in the admin, with input
Hypothesis makes up: starting a cycle, changing its stage or track, adding an action, recording
progress, adding evidence, adding a White Ribbon ambassador or champion, and the pipeline's,
target's and lists' query strings. Whatever is sent: never a server error; a refused post
changes nothing; an accepted one changes only what it says."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.whiteribbon.models import (
    AccreditationCycle,
    ActionItem,
    ActionUpdate,
    Criterion,
    Evidence,
    Focus,
    StageChange,
    WhiteRibbonPerson,
)
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import PDF, AccreditationCycleFactory, ActionItemFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
S = AccreditationCycle.Stage
DATES = st.one_of(
    SHORT, st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)).map(str),
    st.sampled_from(["", "2026-02-30", "31/12/2025", "today", "0000-00-00"]),
)
IDS = st.one_of(st.integers(min_value=-5, max_value=10**25).map(str), SHORT)
CYCLES = "/admin/white-ribbon/cycles/"
ACTIONS = "/admin/white-ribbon/actions/"


@pytest.fixture
def world():
    client = staff_client(Role.COORDINATOR)
    today = timezone.localdate()
    free = OrganisationFactory(name="Fuzz Free Organisation")
    interested = AccreditationCycleFactory(stage=S.INTERESTED, stage_changed_on=today - datetime.timedelta(days=30))
    renewal = AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today - datetime.timedelta(days=1000),
                                        stage_changed_on=today - datetime.timedelta(days=60))
    item = ActionItemFactory(cycle=AccreditationCycleFactory(stage=S.ACCREDITED))
    originals = {
        name: AccreditationCycle.objects.filter(pk=cycle.pk).values(*RESTORED).get()
        for name, cycle in (("interested", interested), ("renewal", renewal))
    }
    return {"client": client, "free": free, "interested": interested, "renewal": renewal, "item": item,
            "originals": originals}


RESTORED = ("stage", "track", "closed_on", "stage_changed_on", "approved_on", "expires_on", "renewal_notified_on")


def snapshot():
    return (
        list(AccreditationCycle.objects.order_by("pk").values_list(
            "pk", "stage", "track", "approved_on", "expires_on", "lead_contact_name", "steering_group")),
        StageChange.objects.count(),
        list(ActionItem.objects.order_by("pk").values_list("pk", "title", "status", "cycle_id")),
        ActionUpdate.objects.count(), Evidence.objects.count(), WhiteRibbonPerson.objects.count(),
    )


@FUZZ
@given(organisation=st.one_of(st.just("free"), IDS),
       track=st.one_of(st.sampled_from(["accredited", "supporter"]), SHORT),
       stage=st.one_of(st.sampled_from(["interested", "committed", "accredited", "submitted"]), SHORT),
       on=DATES, approved_on=DATES, name=SHORT, email=SHORT, steering=TEXT, note=TEXT)
def test_starting_a_cycle_with_any_input(world, organisation, track, stage, on, approved_on, name, email, steering,
                                         note):
    before = snapshot()
    response = world["client"].post(f"{CYCLES}new/", {
        "organisation": world["free"].pk if organisation == "free" else organisation, "track": track, "stage": stage,
        "on": on, "approved_on": approved_on, "lead_contact_name": name, "lead_contact_email": email,
        "steering_group": steering, "note": note,
    })
    assert response.status_code < 500
    if response.status_code != 302:
        assert snapshot() == before
        return
    cycle = AccreditationCycle.objects.get(organisation=world["free"])
    assert StageChange.objects.filter(cycle=cycle).count() == 1
    # Put it back for the next example.
    StageChange.objects.filter(cycle=cycle).delete()
    cycle.delete()


@FUZZ
@given(which=st.sampled_from(["interested", "renewal"]), to=st.one_of(st.sampled_from(S.values), SHORT), on=DATES,
       approved_on=DATES, note=TEXT, from_stage=st.one_of(st.just("match"), SHORT), pk=st.one_of(st.none(), IDS))
def test_changing_a_stage_with_any_input(world, which, to, on, approved_on, note, from_stage, pk):
    cycle = world[which]
    before = snapshot()
    target = cycle.pk if pk is None else pk
    response = world["client"].post(f"{CYCLES}stage/{target}/", {
        "to": to, "on": on, "approved_on": approved_on, "note": note,
        "from_stage": cycle.stage if from_stage == "match" else from_stage,
    })
    assert response.status_code < 500
    after = snapshot()
    if after == before:
        return
    # Changed: exactly one move, allowed by the rules, with its dated record.
    assert pk is None and response.status_code == 302
    cycle.refresh_from_db()
    assert StageChange.objects.filter(cycle=cycle).count() == 1
    assert StageChange.objects.get(cycle=cycle).to_stage == cycle.stage
    # Put it back for the next example.
    StageChange.objects.all().delete()
    AccreditationCycle.objects.filter(renews=cycle).delete()
    AccreditationCycle.objects.filter(pk=cycle.pk).update(**world["originals"][which])
    assert snapshot() == before


@FUZZ
@given(note=TEXT, from_track=st.one_of(st.just("accredited"), SHORT), which=st.sampled_from(["interested", "renewal"]))
def test_changing_a_track_with_any_input(world, note, from_track, which):
    cycle = world[which]
    before = snapshot()
    response = world["client"].post(f"{CYCLES}track/{cycle.pk}/", {"note": note, "from_track": from_track})
    assert response.status_code < 500
    if snapshot() != before:
        assert which == "interested" and response.status_code == 302
        AccreditationCycle.objects.filter(pk=cycle.pk).update(**world["originals"][which])
    assert snapshot() == before


@FUZZ
@given(cycle=st.one_of(st.just("own"), IDS), title=SHORT, detail=TEXT,
       criterion=st.one_of(st.sampled_from(Criterion.values), SHORT),
       focus=st.one_of(st.sampled_from(Focus.values), SHORT), year=st.one_of(st.sampled_from(["1", "2", "3"]), SHORT),
       due_on=DATES, owner=SHORT, module=st.one_of(st.just(""), IDS))
def test_adding_an_action_with_any_input(world, cycle, title, detail, criterion, focus, year, due_on, owner, module):
    before = snapshot()
    response = world["client"].post(f"{ACTIONS}new/", {
        "cycle": world["item"].cycle_id if cycle == "own" else cycle, "title": title, "detail": detail,
        "criterion": criterion, "focus": focus, "year": year, "due_on": due_on, "owner": owner, "module": module,
    })
    assert response.status_code < 500
    if response.status_code != 302:
        assert snapshot() == before
        return
    ActionItem.objects.exclude(pk=world["item"].pk).delete()
    assert snapshot()[2] == before[2]


@FUZZ
@given(text=TEXT, status=st.one_of(st.sampled_from(ActionItem.Status.values), SHORT))
def test_recording_progress_with_any_input(world, text, status):
    item = world["item"]
    before = snapshot()
    response = world["client"].post(f"{ACTIONS}progress/{item.pk}/", {"text": text, "status": status})
    assert response.status_code < 500
    if response.status_code == 200:
        assert snapshot() == before
    else:
        assert ActionUpdate.objects.count() <= before[3] + 1
        ActionUpdate.objects.all().delete()
        ActionItem.objects.filter(pk=item.pk).update(status=ActionItem.Status.GREEN)


@FUZZ
@given(title=SHORT, link=st.one_of(SHORT, st.sampled_from(["https://example.org/a", "javascript:alert(1)", ""])),
       content=st.one_of(st.none(), st.binary(max_size=200), st.just(PDF)), name=SHORT)
def test_adding_evidence_with_any_input(world, title, link, content, name):
    item = world["item"]
    before = snapshot()
    data = {"title": title, "link": link}
    if content is not None:
        data["document"] = SimpleUploadedFile(name or "file", content)
    response = world["client"].post(f"{ACTIONS}evidence/{item.pk}/new/", data)
    assert response.status_code < 500
    if response.status_code == 200:
        assert snapshot() == before
    else:
        for evidence in Evidence.objects.all():
            if evidence.document:
                evidence.document.storage.delete(evidence.document.name)
            evidence.delete()


@FUZZ
@given(role=st.one_of(st.sampled_from(WhiteRibbonPerson.Role.values), SHORT), name=SHORT,
       organisation=st.one_of(st.just("free"), IDS), job_title=SHORT, email=SHORT, account_email=SHORT,
       induction_on=DATES, ended_on=DATES)
def test_adding_a_white_ribbon_person_with_any_input(world, role, name, organisation, job_title, email, account_email,
                                                     induction_on, ended_on):
    before = snapshot()
    response = world["client"].post("/admin/white-ribbon/people/new/", {
        "role": role, "name": name, "organisation": world["free"].pk if organisation == "free" else organisation,
        "job_title": job_title, "email": email, "account_email": account_email, "induction_on": induction_on,
        "ended_on": ended_on,
    })
    assert response.status_code < 500
    if response.status_code != 302:
        assert snapshot() == before
    WhiteRibbonPerson.objects.all().delete()


QUERY_KEYS = st.sampled_from(["district", "kind", "stage", "male_dominated", "partnership", "track", "status", "q",
                              "ordering", "p", "export", "role", "current", "criterion", "focus"])


@FUZZ
@given(query=st.dictionaries(QUERY_KEYS, SHORT, max_size=5),
       url=st.sampled_from(["/admin/white-ribbon/", "/admin/white-ribbon/target/", CYCLES, f"{CYCLES}results/",
                            f"{CYCLES}renewals/", ACTIONS, f"{ACTIONS}overdue/", "/admin/white-ribbon/people/"]))
def test_the_pages_answer_any_query_string(world, query, url):
    query.pop("export", None)  # a spreadsheet is a download, tried elsewhere
    response = world["client"].get(url, query)
    assert response.status_code < 500
