"""Importing and exporting organisations with their White Ribbon accreditation: the dry run's
preview (new, changed, unchanged, failed, each problem in words), a file with a bad row writes
nothing, confirming writes every row through the White Ribbon services with its history, the
same file again changes nothing, an export imports back unchanged (CSV and Excel), formulas are
refused on the way in and neutralised on the way out, and bad files get one clear message."""

from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import AccreditationCycle, StageChange
from champions.whiteribbon.resources import COLUMNS
from champions.whiteribbon.services import expiry_of
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, accredited_cycle

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
FILES = Path(__file__).parent / "files"
IMPORT = "/admin/white-ribbon/import/"
CONFIRM = "/admin/white-ribbon/import/confirm/"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _the_day_the_dates_were_worked_out():
    """This module works its dates out once, as it loads: hold the clock on that day, so that a
    run going past midnight cannot expect one day's date and be given the next."""
    with time_machine.travel(datetime.datetime.combine(TODAY, datetime.time(12, 0)), tick=True):
        yield
A_YEAR_AGO = TODAY - datetime.timedelta(days=365)


def row_for(name, **cells) -> dict:
    row = dict.fromkeys(COLUMNS, "")
    row.update({"name": name, "type": "Community group", "district": "Watford"}, **cells)
    return row


def csv_file(rows, headers=COLUMNS, name="organisations.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([[row.get(h, "") for h in headers] for row in rows])
    return SimpleUploadedFile(name, ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, headers=COLUMNS, name="organisations.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(list(headers))
    for row in rows:
        book.active.append([row.get(h, "") for h in headers])
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile(name, output.getvalue())


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def upload(client, file):
    response = client.post(IMPORT, {"file": file})
    assert response.status_code == 200
    return response


def counts_of(response) -> dict:
    return {key: int(value) for key, value in re.findall(r'data-count="(\w+)">(\d+)<', response.content.decode())}


def confirm(client, response):
    return client.post(CONFIRM, {"digest": response.context["confirm_form"].initial["digest"]}, follow=True)


def problems_of(response) -> dict[int, list[str]]:
    """Each failed row's problems, as the preview lists them: "column: what is wrong"."""
    found = {}
    for row in response.context["rows"]:
        if row["problems"]:
            found[row["number"]] = [f"{p['column']}: {p['text']}" for p in row["problems"]]
    return found


def records() -> tuple:
    return (Organisation.objects.count(), AccreditationCycle.objects.count(), StageChange.objects.count(),
            ModelLogEntry.objects.filter(action="champions.whiteribbon.import").count())


def import_actions() -> list:
    return list(ModelLogEntry.objects.filter(action="champions.whiteribbon.import").order_by("pk"))


# Must show 3: a file with bad rows shows each row's errors and writes nothing.


def test_the_bad_rows_file_shows_every_row_error_and_writes_nothing(coordinator):
    OrganisationFactory(name="Stevenage Borough Council")
    before = records()
    response = upload(coordinator, SimpleUploadedFile("bad_rows.csv", (FILES / "bad_rows.csv").read_bytes()))
    page = response.content.decode()
    problems = problems_of(response)
    assert counts_of(response) == {"new": 1, "changed": 0, "unchanged": 0, "failed": 12}

    def says(number, *parts):
        assert any(all(part in problem for part in parts) for problem in problems[number]), problems[number]

    says(3, "district: There is no district “Atlantis”", "Watford")
    says(4, "approved on: “31/02/2027” is not a day of the calendar")
    says(5, "approved on: “next week” is not a date", "YYYY-MM-DD or DD/MM/YYYY")
    says(6, "name: “Watford Wanderers FC” is also on row 7")
    says(7, "name: “WATFORD wanderers fc” is also on row 6")
    says(8, "name: “=HYPERLINK(", "starts with “=”", "formula", "refused")
    says(9, "type: There is no type “Spaceport”", "Pharmacy")
    says(10, "White Ribbon stage: There is no White Ribbon stage “Pending approval”", "Submitted to the panel")
    says(11, "approved on: The approval date, 1 January 2099, is in the future")
    says(12, "White Ribbon stage: A supporter organisation does not apply for accreditation")
    says(13, "contact email: “trust at example dot org” is not an email address")
    says(14, "website: “www dot welwyn makers” is not a full web address", "https://")
    # The summary at the top links each problem to its row, by row and column.
    assert 'href="#row-3">Row 3, district</a>' in page
    assert "nothing will be" in page
    assert CONFIRM not in page
    # The formula is shown as text, never as a link or a live cell.
    assert "<a href=\"http://evil.example" not in page
    assert records() == before
    # Nothing waits to be confirmed: a confirmation finds nothing.
    refused = coordinator.post(CONFIRM, {"digest": response.context["confirm_form"].initial["digest"]}, follow=True)
    assert "Nothing was changed" in refused.content.decode()
    assert records() == before


def test_a_good_file_is_previewed_then_written_with_history_and_counts(coordinator):
    existing = OrganisationFactory(name="Stevenage Borough Council", kind=Organisation.Kind.PUBLIC_BODY,
                                   website="")
    committed = AccreditationCycleFactory(organisation=existing, stage=S.COMMITTED,
                                          stage_changed_on=TODAY - datetime.timedelta(days=30))
    rows = [
        row_for("stevenage borough council", type="public_body", district="Stevenage",
                website="https://www.stevenage.gov.uk", white_ribbon_track="accreditation",
                white_ribbon_stage="preparing", lead_contact_name=committed.lead_contact_name,
                lead_contact_email=committed.lead_contact_email),
        row_for("Hightown Community Pharmacy", type="Pharmacy", district="stevenage", sector="Health",
                workforce_size="10 to 49", male_dominated_workforce="no", partnership_member="Yes",
                contact_name="Sam Okafor", contact_email="sam@example.org", contact_phone="'+44 1438 123456",
                white_ribbon_track="Accreditation", white_ribbon_stage="Accredited",
                lead_contact_name="Sam Okafor", lead_contact_email="sam@example.org",
                approved_on=A_YEAR_AGO.strftime("%d/%m/%Y")),
        row_for("Oxhey Faith Forum", type="faith group", district="Three Rivers",
                white_ribbon_track="Supporter organisation", white_ribbon_stage="committed"),
        row_for("Nobody White Ribbon Yet", type="Other"),
    ]
    before = records()
    response = upload(coordinator, csv_file(rows))
    assert counts_of(response) == {"new": 3, "changed": 1, "unchanged": 0, "failed": 0}
    page = response.content.decode()
    assert "White Ribbon stage: “committed” → “preparing the application”" in page
    assert "website: “” → “https://www.stevenage.gov.uk”" in page
    assert "Import 4 organisations" in page
    assert records() == before  # the preview wrote nothing

    done = confirm(coordinator, response)
    assert "Imported “organisations.csv”: 3 new, 1 changed, 0 unchanged" in done.content.decode()
    pharmacy = Organisation.objects.get(name="Hightown Community Pharmacy")
    assert pharmacy.status == Organisation.Status.CONFIRMED and pharmacy.kind == Organisation.Kind.PHARMACY
    assert (pharmacy.district.name, pharmacy.sector.name, pharmacy.workforce_size) == ("Stevenage", "Health", "10-49")
    assert pharmacy.partnership_member and not pharmacy.male_dominated_workforce
    assert pharmacy.contact_phone == "+44 1438 123456"
    cycle = AccreditationCycle.objects.get(organisation=pharmacy)
    assert (cycle.stage, cycle.approved_on, cycle.lead_contact_email) == (S.ACCREDITED, A_YEAR_AGO, "sam@example.org")
    assert cycle.expires_on == expiry_of(A_YEAR_AGO)
    faith = AccreditationCycle.objects.get(organisation__name="Oxhey Faith Forum")
    assert (faith.track, faith.stage) == (AccreditationCycle.Track.SUPPORTER, S.COMMITTED)
    assert not AccreditationCycle.objects.filter(organisation__name="Nobody White Ribbon Yet").exists()
    committed.refresh_from_db()
    existing.refresh_from_db()
    assert committed.stage == S.PREPARING and existing.district.name == "Stevenage"
    assert existing.name == "Stevenage Borough Council"  # found by its name, not renamed to the file's capitals
    move = StageChange.objects.get(cycle=committed, to_stage=S.PREPARING)
    assert move.by == coordinator.user and "Imported from a spreadsheet (organisations.csv)" in move.note
    # Every created or changed record is in the history as imported, by the coordinator.
    logged = {(entry.content_type.model, entry.object_id) for entry in import_actions()}
    assert ("organisation", str(pharmacy.pk)) in logged and ("accreditationcycle", str(cycle.pk)) in logged
    assert ("organisation", str(existing.pk)) in logged and ("accreditationcycle", str(committed.pk)) in logged
    assert {entry.user for entry in import_actions()} == {coordinator.user}

    # The same file again changes nothing.
    after = records()
    again = upload(coordinator, csv_file(rows))
    assert counts_of(again) == {"new": 0, "changed": 0, "unchanged": 4, "failed": 0}
    assert "nothing to import" in again.content.decode()
    assert 'id="row-2"' not in again.content.decode()
    assert CONFIRM not in again.content.decode()
    assert records() == after
    # With one change, the table shows that row alone.
    rows[3]["sector"] = "Housing"
    one_change = upload(coordinator, csv_file(rows)).content.decode()
    assert "The table leaves out the 3 rows that would change nothing" in one_change
    assert 'id="row-5"' in one_change and 'id="row-2"' not in one_change
    assert "sector: “” → “Housing”" in one_change


def test_an_illegal_stage_move_is_the_rows_error_in_the_services_words(coordinator):
    organisation = OrganisationFactory(name="Dacorum Rugby Club")
    AccreditationCycleFactory(organisation=organisation, stage=S.INTERESTED)
    before = records()
    response = upload(coordinator, csv_file([
        row_for("Dacorum Rugby Club", white_ribbon_track="accreditation", white_ribbon_stage="submitted"),
        row_for("Brand New Group", white_ribbon_track="accreditation", white_ribbon_stage="lapsed"),
    ]))
    problems = problems_of(response)
    assert problems[2] == ["White Ribbon stage: This cycle is “interested”, so it cannot become “submitted to the "
                           "panel”: it can become “committed” or “withdrawn”."]
    assert problems[3] == ["White Ribbon stage: The organisation has no White Ribbon cycle under way, and a cycle "
                           "cannot start as “lapsed”."]
    assert records() == before


def test_renewal_due_then_accredited_with_a_later_approval_is_re_accreditation(coordinator):
    organisation = OrganisationFactory(name="Welwyn Hatfield Council")
    old_approval = TODAY - datetime.timedelta(days=3 * 365 - 60)
    cycle = AccreditationCycleFactory(organisation=organisation, approved_on=old_approval, stage=S.RENEWAL_DUE)
    new_approval = TODAY - datetime.timedelta(days=7)
    rows = [row_for("Welwyn Hatfield Council", white_ribbon_track="Accreditation", white_ribbon_stage="Accredited",
                    lead_contact_name=cycle.lead_contact_name, lead_contact_email=cycle.lead_contact_email,
                    approved_on=new_approval.isoformat())]
    response = upload(coordinator, csv_file(rows))
    assert "White Ribbon stage: “renewal due” → “re-accredited”" in response.content.decode()
    confirm(coordinator, response)
    cycle.refresh_from_db()
    renewal = AccreditationCycle.objects.open().get(organisation=organisation)
    assert cycle.stage == S.REACCREDITED
    assert (renewal.kind, renewal.stage, renewal.approved_on) == (AccreditationCycle.Kind.RENEWAL, S.ACCREDITED,
                                                                  new_approval)
    assert counts_of(upload(coordinator, csv_file(rows)))["unchanged"] == 1


def test_an_approval_date_is_never_changed_by_import(coordinator):
    organisation = OrganisationFactory(name="Broxbourne Housing")
    accredited_cycle(organisation, approved_on=A_YEAR_AGO)
    response = upload(coordinator, csv_file([row_for(
        "Broxbourne Housing", white_ribbon_track="accreditation", white_ribbon_stage="accredited",
        approved_on=(A_YEAR_AGO - datetime.timedelta(days=1)).isoformat(),
    )]))
    assert "An import does not change an approval date" in problems_of(response)[2][0]


def test_a_name_waiting_for_confirmation_is_the_rows_error(coordinator):
    OrganisationFactory(name="Proposed Youth Project", status=Organisation.Status.PENDING)
    response = upload(coordinator, csv_file([row_for("proposed youth project")]))
    assert "waits for a coordinator" in problems_of(response)[2][0]


def round_trip_world():
    """Organisations in every kind of White Ribbon state, some with text a spreadsheet would run."""
    plain = OrganisationFactory(name="Plain Organisation", website="https://plain.example.org",
                                contact_phone="+44 1707 123456", contact_name="-Dash Person",
                                workforce_size=Organisation.WorkforceSize.AT_LEAST_1000)
    AccreditationCycleFactory(organisation=OrganisationFactory(name="Interested Org"), stage=S.INTERESTED)
    AccreditationCycleFactory(organisation=OrganisationFactory(name="Supporter Org"), stage=S.COMMITTED,
                              track=AccreditationCycle.Track.SUPPORTER)
    accredited_cycle(OrganisationFactory(name="Accredited Org", male_dominated_workforce=True),
                     approved_on=A_YEAR_AGO)
    AccreditationCycleFactory(organisation=OrganisationFactory(name="Renewal Due Org"), approved_on=A_YEAR_AGO,
                              stage=S.RENEWAL_DUE)
    lapsed = accredited_cycle(OrganisationFactory(name="Lapsed Org"), approved_on=A_YEAR_AGO)
    AccreditationCycle.objects.filter(pk=lapsed.pk).update(stage=S.LAPSED, closed_on=TODAY)
    OrganisationFactory(name="=HYPERLINK(\"http://evil.example\",\"x\")")
    OrganisationFactory(name="Merged Away", status=Organisation.Status.MERGED, merged_into=plain)
    return plain


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(coordinator, file_format):
    round_trip_world()
    response = coordinator.get(f"/admin/white-ribbon/export/organisations.{file_format}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="organisations-white-ribbon-')
    before = records()
    again = upload(coordinator, SimpleUploadedFile(f"export.{file_format}", response.content))
    confirmed = Organisation.objects.listed().count()
    assert counts_of(again) == {"new": 0, "changed": 0, "unchanged": confirmed, "failed": 0}, problems_of(again)
    assert records() == before


def test_the_export_has_the_import_columns_and_neutralises_formulas(coordinator):
    round_trip_world()
    text = coordinator.get("/admin/white-ribbon/export/organisations.csv").content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    assert list(next(iter(rows.values()))) == list(COLUMNS)
    assert "Merged Away" not in rows
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in rows
    plain = rows["Plain Organisation"]
    assert (plain["contact_phone"], plain["contact_name"]) == ("'+44 1707 123456", "'-Dash Person")
    assert (plain["type"], plain["district"], plain["workforce_size"]) == (
        "Voluntary, community or social enterprise (VCFSE)", "Watford", "1,000 or more")
    accredited = rows["Accredited Org"]
    assert (accredited["white_ribbon_track"], accredited["white_ribbon_stage"], accredited["approved_on"],
            accredited["male_dominated_workforce"]) == ("Accreditation", "Accredited", A_YEAR_AGO.isoformat(), "yes")
    assert rows["Lapsed Org"]["white_ribbon_stage"] == "Lapsed"
    assert rows["Supporter Org"]["white_ribbon_track"] == "Supporter organisation"

    book = load_workbook(io.BytesIO(coordinator.get("/admin/white-ribbon/export/organisations.xlsx").content))
    cells = [cell for row in book.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in {cell.value for cell in cells}


def test_an_excel_workbook_imports_too_and_its_formulas_are_row_errors(coordinator):
    pharmacy = row_for("Hertsmere Pharmacy", type="Pharmacy", district="Hertsmere",
                       white_ribbon_track="accreditation", white_ribbon_stage="interested")
    response = upload(coordinator, xlsx_file([
        pharmacy, row_for("Formula Org", contact_name="=HYPERLINK(\"http://evil.example\",\"x\")"),
    ]))
    assert counts_of(response) == {"new": 1, "changed": 0, "unchanged": 0, "failed": 1}
    assert "contact name: “=HYPERLINK(" in problems_of(response)[3][0]
    good = upload(coordinator, xlsx_file([pharmacy]))
    confirm(coordinator, good)
    assert AccreditationCycle.objects.get(organisation__name="Hertsmere Pharmacy").stage == S.INTERESTED


def _too_many_rows():
    return csv_file([row_for(f"Organisation {n}") for n in range(2001)])


@pytest.mark.parametrize(("make_file", "message"), [
    (lambda: SimpleUploadedFile("organisations.pdf", b"%PDF-1.4"), "must be a CSV file (.csv) or an Excel"),
    (lambda: SimpleUploadedFile("organisations.csv", b"   \r\n"), "The file is empty"),
    (lambda: SimpleUploadedFile("organisations.csv", b"name,type,district\r\n"), "headings but no organisations"),
    (lambda: SimpleUploadedFile("organisations.csv", "name\r\nÉcole\r\n".encode("latin-1")), "not in UTF-8"),
    (lambda: SimpleUploadedFile("organisations.xlsx", b"not a workbook"), "not an Excel workbook"),
    (lambda: csv_file([row_for("A")], headers=("name", "type")), "it has no column “district”"),
    (lambda: csv_file([row_for("A")], headers=(*COLUMNS, "favourite_colour")),
     "these columns are not ones we know: “favourite_colour”"),
    (_too_many_rows, "more than 2000 organisations"),
])
def test_a_bad_file_gets_one_clear_message_and_changes_nothing(coordinator, make_file, message):
    before = records()
    response = coordinator.post(IMPORT, {"file": make_file()})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not response.context.get("dry_run")
    assert records() == before


def test_confirm_refuses_a_tampered_a_repeated_or_someone_elses_confirmation(coordinator):
    response = upload(coordinator, csv_file([row_for("Only Once Club")]))
    tampered = coordinator.post(CONFIRM, {"digest": "f" * 64}, follow=True)
    assert "Nothing was changed" in tampered.content.decode()
    assert not Organisation.objects.filter(name="Only Once Club").exists()
    other = staff_client(Role.COORDINATOR)
    confirm(other, response)
    assert not Organisation.objects.filter(name="Only Once Club").exists()
    confirm(coordinator, response)
    repeated = confirm(coordinator, response)  # a second click, or the back button
    assert "no longer waiting to be imported" in repeated.content.decode()
    assert Organisation.objects.filter(name="Only Once Club").count() == 1


def test_records_changed_since_the_preview_mean_nothing_is_imported(coordinator):
    organisation = OrganisationFactory(name="Moving Target")
    cycle = AccreditationCycleFactory(organisation=organisation, stage=S.INTERESTED)
    response = upload(coordinator, csv_file([
        row_for("Brand New Org"),
        row_for("Moving Target", white_ribbon_track="accreditation", white_ribbon_stage="committed",
                lead_contact_name=cycle.lead_contact_name, lead_contact_email=cycle.lead_contact_email),
    ]))
    AccreditationCycle.objects.filter(pk=cycle.pk).update(stage=S.WITHDRAWN)  # between the check and the click
    before = records()
    done = confirm(coordinator, response)
    assert "would no longer do what the preview showed: nothing was imported" in done.content.decode()
    assert records() == before and not Organisation.objects.filter(name="Brand New Org").exists()
    # A row that now fails is refused the same way.
    response = upload(coordinator, csv_file([row_for("Brand New Org"), row_for("Taken Later")]))
    OrganisationFactory(name="Taken Later", status=Organisation.Status.PENDING)
    before = records()
    assert "nothing was imported" in confirm(coordinator, response).content.decode()
    assert records() == before


def test_the_template_has_the_headings_and_an_example_row_that_imports(coordinator):
    response = coordinator.get("/admin/white-ribbon/import/template.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8").removeprefix("\ufeff").splitlines()
    assert lines[0] == ",".join(COLUMNS) and len(lines) == 2
    preview = upload(coordinator, SimpleUploadedFile("template.csv", response.content))
    assert counts_of(preview) == {"new": 1, "changed": 0, "unchanged": 0, "failed": 0}


def test_the_page_lists_each_column_with_what_it_accepts_and_which_are_required(coordinator):
    page = coordinator.get(IMPORT).content.decode()
    for column in COLUMNS:
        assert f"<code>{column}</code>" in page
    assert "<code>district</code> (required)" in page and "<code>sector</code> (required)" not in page
    assert "Early years setting" in page and "Welwyn Hatfield" in page and "DD/MM/YYYY" in page
    assert "/admin/white-ribbon/export/organisations.xlsx" in page
