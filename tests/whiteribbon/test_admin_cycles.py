"""The coordinators' White Ribbon cycles in the admin: starting one, changing its stage (illegal moves
refused with the rule's message, nothing written; a second click never records twice), its track,
its contact details, its page and history, renewals due, search and the spreadsheet export (formula
text neutralised). Editors are turned away; nobody deletes a cycle."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import AccreditationCycle, StageChange
from champions.whiteribbon.services import expiry_of
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import administrator_client, staff_client
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import (
    AccreditationCycleFactory,
    ActionItemFactory,
    EvidenceFactory,
    WhiteRibbonPersonFactory,
    accredited_cycle,
)

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
T = AccreditationCycle.Track
CYCLES = "/admin/white-ribbon/cycles/"


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def today():
    return timezone.localdate()


def start_form(organisation, **overrides) -> dict:
    data = {
        "organisation": organisation.pk, "track": T.ACCREDITED, "stage": S.INTERESTED,
        "on": today().isoformat(), "approved_on": "", "lead_contact_name": "Priya Shah",
        "lead_contact_email": "priya.shah@example.org", "steering_group": "Priya Shah, HR\nTom Reed, chief executive",
        "note": "Met at the partnership conference.",
    }
    data.update(overrides)
    return data


def page_text(response) -> str:
    return response.content.decode()


# Starting a cycle ----------------------------------------------------------------------------


def test_a_coordinator_starts_a_cycle_and_sees_its_page(coordinator):
    organisation = OrganisationFactory(name="Hitchin Rugby Club")
    response = coordinator.post(f"{CYCLES}new/", start_form(organisation))
    cycle = AccreditationCycle.objects.get(organisation=organisation)
    assert response.status_code == 302 and response["Location"] == f"{CYCLES}inspect/{cycle.pk}/"
    assert (cycle.stage, cycle.track, cycle.lead_contact_name) == (S.INTERESTED, T.ACCREDITED, "Priya Shah")
    change = StageChange.objects.get(cycle=cycle)
    assert (change.to_stage, change.by, change.note) == (S.INTERESTED, coordinator.user,
                                                         "Met at the partnership conference.")
    page = page_text(coordinator.get(response["Location"]))
    assert "Hitchin Rugby Club" in page and "Priya Shah" in page and "Tom Reed, chief executive" in page
    assert "Met at the partnership conference." in page


def test_the_start_form_offers_only_confirmed_organisations_without_a_cycle_under_way(coordinator):
    free = OrganisationFactory(name="Free To Start Ltd")
    busy = AccreditationCycleFactory(organisation=OrganisationFactory(name="Busy Already Ltd")).organisation
    OrganisationFactory(name="Pending Proposal Ltd", status=Organisation.Status.PENDING)
    page = page_text(coordinator.get(f"{CYCLES}new/"))
    assert "Free To Start Ltd" in page
    assert "Busy Already Ltd" not in page and "Pending Proposal Ltd" not in page
    # ?organisation= chooses it already (from an organisation's page).
    assert f'<option value="{free.pk}" selected>' in page_text(coordinator.get(f"{CYCLES}new/?organisation={free.pk}"))
    response = coordinator.post(f"{CYCLES}new/", start_form(busy))
    assert "Busy Already Ltd already has a White Ribbon cycle under way" in page_text(response)


def test_a_second_click_on_start_makes_one_cycle_and_says_so(coordinator):
    organisation = OrganisationFactory(name="Double Click Pharmacy")
    data = start_form(organisation)
    assert coordinator.post(f"{CYCLES}new/", data).status_code == 302
    response = coordinator.post(f"{CYCLES}new/", data)
    assert response.status_code == 200
    assert "Double Click Pharmacy already has a White Ribbon cycle under way" in page_text(response)
    assert AccreditationCycle.objects.filter(organisation=organisation).count() == 1
    assert StageChange.objects.filter(cycle__organisation=organisation).count() == 1


def test_an_organisation_accredited_before_is_recorded_with_its_approval_date(coordinator):
    organisation = OrganisationFactory()
    approved = today() - datetime.timedelta(days=400)
    response = coordinator.post(f"{CYCLES}new/", start_form(organisation, stage=S.ACCREDITED,
                                                            approved_on=approved.isoformat()))
    assert response.status_code == 302
    cycle = AccreditationCycle.objects.get(organisation=organisation)
    assert (cycle.stage, cycle.approved_on, cycle.expires_on) == (S.ACCREDITED, approved, expiry_of(approved))


@pytest.mark.parametrize(("overrides", "message"), [
    ({"stage": S.ACCREDITED}, "Enter the day the panel approved the accreditation."),
    ({"stage": S.ACCREDITED, "track": T.SUPPORTER, "approved_on": "2026-01-01"},
     "A supporter organisation does not apply for accreditation"),
    ({"stage": S.ACCREDITED, "approved_on": "2020-01-01"}, "Start the cycle as “Interested” or “Committed” instead."),
    ({"approved_on": "2026-01-01"}, "Give the approval day only for an organisation already accredited."),
    ({"on": "2099-01-01"}, "The date cannot be in the future"),
    ({"on": "31/02/2026"}, "Enter the date it reached this stage as a date"),
    ({"stage": S.SUBMITTED}, "Choose the stage it has reached from the list."),
    ({"organisation": "99999999999999999999999"}, "Choose the organisation from the list."),
    ({"lead_contact_email": "not an email"}, "Enter the lead contact’s email address in the right format"),
    ({"lead_contact_name": "=HYPERLINK(\"http://x\")"}, "Start the lead contact’s name with a letter."),
    ({"steering_group": "Alex\u202eMorgan"}, "Use letters, numbers, spaces and punctuation only"),
])
def test_a_start_that_does_not_add_up_is_refused_with_a_message_and_writes_nothing(coordinator, overrides, message):
    data = start_form(OrganisationFactory())
    data.update(overrides)
    response = coordinator.post(f"{CYCLES}new/", data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert "There is a problem." in page_text(response)
    assert not AccreditationCycle.objects.exists()


# Changing the stage ------------------------------------------------------------------------


def stage_form(cycle, to, **overrides) -> dict:
    data = {"to": to, "on": today().isoformat(), "approved_on": "", "note": "", "from_stage": cycle.stage}
    data.update(overrides)
    return data


def test_a_coordinator_moves_a_cycle_on_dated_and_noted_and_the_history_shows_it(coordinator):
    cycle = AccreditationCycleFactory(stage=S.INTERESTED, stage_changed_on=today() - datetime.timedelta(days=10))
    page = page_text(coordinator.get(f"{CYCLES}stage/{cycle.pk}/"))
    # Only the stages it may move to are offered.
    assert 'value="committed"' in page and 'value="withdrawn"' in page and 'value="accredited"' not in page
    response = coordinator.post(f"{CYCLES}stage/{cycle.pk}/", stage_form(
        cycle, S.COMMITTED, on=(today() - datetime.timedelta(days=2)).isoformat(), note="Board minute 14."))
    assert response.status_code == 302 and response["Location"] == f"{CYCLES}inspect/{cycle.pk}/"
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.stage_changed_on) == (S.COMMITTED, today() - datetime.timedelta(days=2))
    change = StageChange.objects.get(cycle=cycle)
    assert (change.from_stage, change.to_stage, change.by, change.note) == (
        S.INTERESTED, S.COMMITTED, coordinator.user, "Board minute 14.")
    followed = page_text(coordinator.get(response["Location"]))
    assert "is now “committed”" in followed and "Board minute 14." in followed
    history = page_text(coordinator.get(f"{CYCLES}history/{cycle.pk}/"))
    assert "White Ribbon stage changed" in history


@pytest.mark.parametrize(("stage", "to", "message"), [
    (S.INTERESTED, S.ACCREDITED, "This cycle is “interested”, so it cannot become “accredited”: it can become "
                                 "“committed” or “withdrawn”. Nothing was changed."),
    (S.COMMITTED, S.COMMITTED, "This cycle is already “committed”. Nothing was changed."),
    (S.WITHDRAWN, S.INTERESTED, "it has closed"),
])
def test_an_illegal_move_is_refused_with_the_rules_message_and_writes_nothing(coordinator, stage, to, message):
    cycle = AccreditationCycleFactory(stage=stage, closed_on=today() if stage == S.WITHDRAWN else None)
    response = coordinator.post(f"{CYCLES}stage/{cycle.pk}/", stage_form(cycle, to))
    assert response.status_code == 200
    assert message in page_text(response).replace("&ldquo;", "“")
    cycle.refresh_from_db()
    assert cycle.stage == stage
    assert not StageChange.objects.exists()
    assert not ModelLogEntry.objects.filter(action="champions.whiteribbon.stage").exists()


@pytest.mark.parametrize(("overrides", "message"), [
    ({"to": S.WITHDRAWN}, "Say why, in the note: it stays on the record."),
    ({"on": "2000-01-01"}, "The date cannot be before the cycle&#x27;s last change"),
    ({"on": "2099-01-01"}, "The date cannot be in the future"),
    ({"approved_on": "2026-01-01"}, "Give the approval day only when the cycle becomes accredited"),
    ({"to": ""}, "Choose the new stage."),
    ({"to": "promoted"}, "Choose the new stage from the list."),
])
def test_a_stage_change_that_does_not_add_up_is_refused_with_a_message(coordinator, overrides, message):
    cycle = AccreditationCycleFactory(stage=S.INTERESTED, stage_changed_on=today() - datetime.timedelta(days=5))
    data = stage_form(cycle, S.COMMITTED)
    data.update(overrides)
    response = coordinator.post(f"{CYCLES}stage/{cycle.pk}/", data)
    assert response.status_code == 200
    assert message in page_text(response)
    assert AccreditationCycle.objects.get(pk=cycle.pk).stage == S.INTERESTED
    assert not StageChange.objects.exists()


def test_a_second_click_on_change_stage_records_one_change_and_says_so(coordinator):
    cycle = AccreditationCycleFactory(stage=S.PREPARING, stage_changed_on=today() - datetime.timedelta(days=5))
    data = stage_form(cycle, S.SUBMITTED)
    assert coordinator.post(f"{CYCLES}stage/{cycle.pk}/", data).status_code == 302
    response = coordinator.post(f"{CYCLES}stage/{cycle.pk}/", data, follow=True)
    assert "This cycle is already “submitted to the panel”: it changed after the page was opened" in page_text(response)
    assert StageChange.objects.filter(cycle=cycle).count() == 1
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.stage").count() == 1


def test_accrediting_dates_the_three_years_and_reaccrediting_carries_on_in_a_renewal_cycle(coordinator):
    cycle = AccreditationCycleFactory(stage=S.SUBMITTED, stage_changed_on=today() - datetime.timedelta(days=30))
    approved = today() - datetime.timedelta(days=3)
    response = coordinator.post(f"{CYCLES}stage/{cycle.pk}/", stage_form(
        cycle, S.ACCREDITED, approved_on=approved.isoformat()))
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.approved_on, cycle.expires_on) == (S.ACCREDITED, approved, expiry_of(approved))

    due = AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today() - datetime.timedelta(days=1000),
                                    stage_changed_on=today() - datetime.timedelta(days=100))
    response = coordinator.post(f"{CYCLES}stage/{due.pk}/", stage_form(due, S.REACCREDITED))
    renewal = AccreditationCycle.objects.get(renews=due)
    assert response["Location"] == f"{CYCLES}inspect/{renewal.pk}/"
    assert (renewal.kind, renewal.stage, renewal.approved_on) == (AccreditationCycle.Kind.RENEWAL, S.ACCREDITED,
                                                                 today())
    assert "is re-accredited until" in page_text(coordinator.get(response["Location"]))


def test_a_closed_cycle_says_its_stage_cannot_change_and_points_to_the_cycle_under_way(coordinator):
    due = AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today() - datetime.timedelta(days=1000),
                                    stage_changed_on=today() - datetime.timedelta(days=100))
    coordinator.post(f"{CYCLES}stage/{due.pk}/", stage_form(due, S.REACCREDITED))
    renewal = AccreditationCycle.objects.get(renews=due)
    page = page_text(coordinator.get(f"{CYCLES}stage/{due.pk}/"))
    assert "it has closed, so its stage cannot change" in page
    assert f"{CYCLES}inspect/{renewal.pk}/" in page


# Track and details -------------------------------------------------------------------------


def test_a_supporter_organisation_moves_to_the_accreditation_track_while_committed(coordinator):
    cycle = AccreditationCycleFactory(stage=S.COMMITTED, track=T.SUPPORTER)
    page = page_text(coordinator.get(f"{CYCLES}track/{cycle.pk}/"))
    assert "will move to the “Accreditation” track" in page
    response = coordinator.post(f"{CYCLES}track/{cycle.pk}/", {"note": "Board agreed to apply.",
                                                               "from_track": T.SUPPORTER})
    assert response.status_code == 302
    assert AccreditationCycle.objects.get(pk=cycle.pk).track == T.ACCREDITED
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.track")
    assert entry.data["note"] == "Board agreed to apply." and entry.user == coordinator.user
    # A second click: told so, nothing more changed.
    response = coordinator.post(f"{CYCLES}track/{cycle.pk}/", {"note": "", "from_track": T.SUPPORTER}, follow=True)
    assert "already on the “Accreditation” track" in page_text(response)
    assert AccreditationCycle.objects.get(pk=cycle.pk).track == T.ACCREDITED
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.track").count() == 1


def test_an_accredited_cycle_cannot_change_track(coordinator):
    cycle = accredited_cycle(approved_on=today() - datetime.timedelta(days=30))
    assert "the track can change only while" in page_text(coordinator.get(f"{CYCLES}track/{cycle.pk}/"))
    response = coordinator.post(f"{CYCLES}track/{cycle.pk}/", {"note": "", "from_track": T.ACCREDITED})
    assert response.status_code == 200
    assert "the track can change only while an organisation is interested or committed" in page_text(response)
    assert AccreditationCycle.objects.get(pk=cycle.pk).track == T.ACCREDITED


def test_editing_details_changes_the_contact_and_steering_group_only_and_is_logged(coordinator):
    cycle = AccreditationCycleFactory(stage=S.COMMITTED)
    response = coordinator.post(f"{CYCLES}edit/{cycle.pk}/", {
        "lead_contact_name": "  Sam   Okafor ", "lead_contact_email": "sam@example.org",
        "steering_group": "Sam Okafor, lead", "stage": S.ACCREDITED, "approved_on": "2026-01-01",
    })
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert (cycle.lead_contact_name, cycle.lead_contact_email, cycle.steering_group) == (
        "Sam Okafor", "sam@example.org", "Sam Okafor, lead")
    assert (cycle.stage, cycle.approved_on) == (S.COMMITTED, None)
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(cycle.pk)).exists()



def test_nobody_deletes_a_cycle():
    cycle = AccreditationCycleFactory()
    for client in (staff_client(Role.COORDINATOR), administrator_client()):
        assert client.get(f"{CYCLES}delete/{cycle.pk}/")["Location"] == "/admin/"
        assert client.post(f"{CYCLES}delete/{cycle.pk}/")["Location"] == "/admin/"
    assert AccreditationCycle.objects.filter(pk=cycle.pk).exists()


# The cycle's page, lists and export ----------------------------------------------------------


def test_the_cycle_page_shows_stages_plan_people_and_evidence_downloads(coordinator):
    cycle = accredited_cycle(OrganisationFactory(name="Stevenage Bus Depot"),
                             approved_on=today() - datetime.timedelta(days=100))
    StageChange.objects.create(cycle=cycle, from_stage=S.SUBMITTED, to_stage=S.ACCREDITED,
                               on=today() - datetime.timedelta(days=100), note="Panel of 3 March.")
    overdue = ActionItemFactory(cycle=cycle, title="Toolbox talks on consent",
                                due_on=today() - datetime.timedelta(days=4))
    evidence = EvidenceFactory(item=overdue, title="Talk attendance sheet")
    WhiteRibbonPersonFactory(organisation=cycle.organisation, name="Dev Patel")
    page = page_text(coordinator.get(f"{CYCLES}inspect/{cycle.pk}/"))
    for text in ("Stevenage Bus Depot", "Panel of 3 March.", "Toolbox talks on consent", "(overdue)",
                 "1 overdue.", "Dev Patel", "White Ribbon ambassador", "Talk attendance sheet",
                 f"/admin/white-ribbon/actions/evidence/download/{evidence.pk}/", "Change stage"):
        assert text in page, text
    download = coordinator.get(f"/admin/white-ribbon/actions/evidence/download/{evidence.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert "no-store" in download["Cache-Control"]
    editor = staff_client(Role.EDITOR)
    assert editor.get(f"/admin/white-ribbon/actions/evidence/download/{evidence.pk}/")["Location"] == "/admin/"


def test_renewals_due_lists_the_soonest_first_with_days_left(coordinator):
    later = accredited_cycle(OrganisationFactory(name="Later Renewal Ltd"),
                             approved_on=today() - datetime.timedelta(days=365 * 3 - 100))
    sooner = AccreditationCycleFactory(organisation=OrganisationFactory(name="Sooner Renewal Ltd"),
                                       stage=S.RENEWAL_DUE, approved_on=today() - datetime.timedelta(days=365 * 3 - 20))
    accredited_cycle(OrganisationFactory(name="Years To Go Ltd"), approved_on=today() - datetime.timedelta(days=10))
    page = page_text(coordinator.get(f"{CYCLES}renewals/"))
    assert page.index("Sooner Renewal Ltd") < page.index("Later Renewal Ltd")
    assert "Years To Go Ltd" not in page
    assert f"{(sooner.expires_on - today()).days} days" in page
    assert f"{(later.expires_on - today()).days} days" in page


def test_the_cycle_list_filters_and_searches_by_organisation_name(coordinator):
    AccreditationCycleFactory(organisation=OrganisationFactory(name="Watford Football Club"), stage=S.COMMITTED)
    AccreditationCycleFactory(organisation=OrganisationFactory(name="Royston Library"), stage=S.INTERESTED)
    page = page_text(coordinator.get(CYCLES, {"q": "football"}))
    assert "Watford Football Club" in page and "Royston Library" not in page
    page = page_text(coordinator.get(CYCLES, {"stage": S.INTERESTED, "status": "open"}))
    assert "Royston Library" in page and "Watford Football Club" not in page


def test_the_export_neutralises_formula_text_in_csv_and_keeps_it_text_in_xlsx(coordinator):
    organisation = OrganisationFactory(name="Formula Test Organisation", male_dominated_workforce=True)
    AccreditationCycleFactory(organisation=organisation, stage=S.COMMITTED,
                              lead_contact_name='=HYPERLINK("http://evil.example","click")',
                              steering_group="+44 steering\n@SUM(A1)")
    response = coordinator.get(CYCLES, {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    row = next(row for row in rows if row["Organisation"] == "Formula Test Organisation")
    assert row["White Ribbon lead contact"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["Steering group"].startswith("'+44")
    assert row["Male-dominated workforce"] == "Yes" and row["Stage"] == "Committed"
    assert row["District"] == "Watford"

    response = coordinator.get(CYCLES, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        values = dict(zip(headings, cells, strict=True))
        if values["Organisation"].value == "Formula Test Organisation":
            cell = values["White Ribbon lead contact"]
            assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
            break
    else:
        raise AssertionError("the organisation is not in the spreadsheet")


def test_editors_are_turned_away_from_white_ribbon_screens():
    editor = staff_client(Role.EDITOR)
    cycle = AccreditationCycleFactory()
    for url in ("/admin/white-ribbon/", "/admin/white-ribbon/target/", CYCLES, f"{CYCLES}inspect/{cycle.pk}/",
                f"{CYCLES}stage/{cycle.pk}/"):
        assert editor.get(url)["Location"] == "/admin/", url
    response = editor.post(f"{CYCLES}stage/{cycle.pk}/", stage_form(cycle, S.COMMITTED))
    assert response["Location"] == "/admin/"
    assert AccreditationCycle.objects.get(pk=cycle.pk).stage == S.INTERESTED


def test_the_history_says_what_changed_from_what_to_what_with_the_note(coordinator):
    """Wagtail's history of a cycle reads as a record: not just "stage changed"."""
    from champions.whiteribbon.services import change_stage
    from lms.accounts.models import User

    cycle = AccreditationCycleFactory(stage=S.INTERESTED)
    on = today()
    change_stage(cycle, S.COMMITTED, by=User.objects.get(pk=coordinator.session["_auth_user_id"]),
                 on=on, note="The board signed the pledge.")
    page = page_text(coordinator.get(f"{CYCLES}history/{cycle.pk}/"))
    assert f"Stage: Interested → Committed (on {on.day} {on:%B %Y})" in page
    assert "The board signed the pledge." in page
