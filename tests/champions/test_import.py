"""Importing existing champions from CSV or Excel: the dry run's counts and each row's problems,
all or nothing, the same file again changes nothing, bad files refused with a message, and a
confirmation that only imports the file the coordinator checked."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.timezone import localtime
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from champions.models import Champion, StatusChange
from champions.services import STATUS_ACTION
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

S = Champion.Status
HEADERS = ["email", "tier", "organisation", "districts", "sector", "specialisms", "languages", "availability",
           "visibility", "line_manager_name", "line_manager_email", "status", "approved_on"]


def csv_file(rows, headers=HEADERS, name="champions.csv", bom=True) -> SimpleUploadedFile:
    lines = [",".join(headers)] + [",".join(f'"{cell}"' for cell in row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    return SimpleUploadedFile(name, (("\ufeff" if bom else "") + text).encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, headers=HEADERS, name="champions.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile(name, output.getvalue())


def row_for(email, status="active", availability="Weekdays, within two days", **changes):
    row = {
        "email": email, "tier": "community", "organisation": "Stevenage Borough Council",
        "districts": "Stevenage; North Hertfordshire", "sector": "Housing", "specialisms": "Domestic abuse",
        "languages": "Polish", "availability": availability, "visibility": "champions",
        "line_manager_name": "Morgan Manager", "line_manager_email": "morgan.manager@example.org",
        "status": status, "approved_on": "2024-05-01",
    }
    row.update(changes)
    return [row[h] for h in HEADERS]


@pytest.fixture
def people():
    OrganisationFactory(name="Stevenage Borough Council")
    return {
        "amira": LearnerFactory(full_name="Amira Haddad", email="amira@example.org"),
        "ben": LearnerFactory(full_name="Ben Ward", email="ben@example.org"),
        "cleo": LearnerFactory(full_name="Cleo Mensah", email="cleo@example.org"),
    }


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def upload(client, file):
    response = client.post("/admin/champions/import/", {"file": file})
    assert response.status_code == 200
    return response


def counts_of(response) -> dict:
    page = response.content.decode()
    return {key: int(value) for key, value in re.findall(r'data-count="(\w+)">(\d+)<', page)}


def confirm(client, response):
    digest = response.context["confirm_form"].initial["digest"]
    return client.post("/admin/champions/import/confirm/", {"digest": digest})


def holds_role(user) -> bool:
    return user.groups.filter(name=Role.CHAMPION).exists()


def test_the_dry_run_counts_new_changed_unchanged_and_writes_nothing(people, coordinator):
    ChampionFactory(user=people["cleo"], availability="Mondays only")
    response = upload(coordinator, csv_file([
        row_for("amira@example.org"), row_for("BEN@example.org", status="paused"),
        row_for("cleo@example.org", availability="Tuesdays"),
    ]))
    assert counts_of(response) == {"new": 2, "changed": 1, "unchanged": 0, "failed": 0}
    assert Champion.objects.count() == 1 and not StatusChange.objects.exists()
    assert not holds_role(people["amira"])
    assert "Import 3 champions" in response.content.decode()


def test_confirming_imports_with_history_role_and_profile_then_the_same_file_changes_nothing(people, coordinator):
    file_rows = [row_for("amira@example.org"), row_for("ben@example.org", status="Paused")]
    response = upload(coordinator, csv_file(file_rows))
    done = confirm(coordinator, response)
    assert done.status_code == 302 and done["Location"] == "/admin/champions/"
    amira = Champion.objects.get(user=people["amira"])
    assert amira.status == S.ACTIVE and amira.tier.slug == "community"
    assert sorted(d.name for d in amira.districts.all()) == ["North Hertfordshire", "Stevenage"]
    assert [lang.name for lang in amira.languages.all()] == ["Polish"]
    assert amira.visibility == Champion.Visibility.CHAMPIONS
    assert str(localtime(amira.approved_at).date()) == "2024-05-01"
    assert Champion.objects.get(user=people["ben"]).status == S.PAUSED
    change = StatusChange.objects.get(champion=amira)
    assert (change.from_status, change.to_status, change.by, change.reason) == ("", S.ACTIVE, coordinator.user,
                                                                                 "Imported.")
    assert holds_role(people["amira"]) and holds_role(people["ben"])
    # Each change is in the audit trail too, with who imported it.
    entry = ModelLogEntry.objects.get(action=STATUS_ACTION, object_id=str(amira.pk))
    assert (entry.user, entry.message) == (coordinator.user, "Status: Active: Imported.")

    again = upload(coordinator, csv_file(file_rows))
    assert counts_of(again) == {"new": 0, "changed": 0, "unchanged": 2, "failed": 0}
    assert "nothing to import" in again.content.decode()
    assert StatusChange.objects.count() == 2
    assert ModelLogEntry.objects.filter(action=STATUS_ACTION).count() == 2


def test_a_file_with_one_failed_row_writes_nothing_and_says_why(people, coordinator):
    response = upload(coordinator, csv_file([
        row_for("amira@example.org"),
        row_for("nobody@example.org"),
        row_for("ben@example.org", districts="Stevenage; Atlantis", tier="galactic", status="lapsed"),
    ]))
    page = response.content.decode()
    assert counts_of(response) == {"new": 1, "changed": 0, "unchanged": 0, "failed": 2}
    assert "No account uses the email address nobody@example.org" in page
    assert "There is no district “Atlantis”" in page and "There is no tier “galactic”" in page
    assert "The status must be “active” or “paused”" in page
    assert "nothing will be" in page and "import/confirm" not in page
    assert not Champion.objects.exists()
    # Nothing is waiting to be confirmed either.
    refused = coordinator.post("/admin/champions/import/confirm/", {"digest": "0" * 64}, follow=True)
    assert "Nothing was changed" in refused.content.decode()
    assert not Champion.objects.exists()


def test_a_row_that_no_longer_imports_at_confirmation_means_nothing_is_imported(people, coordinator):
    response = upload(coordinator, csv_file([row_for("amira@example.org"), row_for("ben@example.org")]))
    people["ben"].delete()  # between the check and the confirmation
    done = coordinator.post("/admin/champions/import/confirm/",
                            {"digest": response.context["confirm_form"].initial["digest"]}, follow=True)
    assert "nothing was imported" in done.content.decode()
    assert not Champion.objects.exists() and not holds_role(people["amira"])


def test_confirm_refuses_a_tampered_or_repeated_confirmation(people, coordinator):
    response = upload(coordinator, csv_file([row_for("amira@example.org")]))
    tampered = coordinator.post("/admin/champions/import/confirm/", {"digest": "f" * 64}, follow=True)
    assert "Nothing was changed" in tampered.content.decode() and not Champion.objects.exists()
    assert confirm(coordinator, response).status_code == 302
    repeated = confirm(coordinator, response)
    assert repeated["Location"] == "/admin/champions/import/"
    assert Champion.objects.count() == 1 and StatusChange.objects.count() == 1
    # Another coordinator cannot confirm a file they did not check.
    other = staff_client(Role.COORDINATOR)
    response = upload(coordinator, csv_file([row_for("ben@example.org")]))
    assert confirm(other, response)["Location"] == "/admin/champions/import/"
    assert not Champion.objects.filter(user=people["ben"]).exists()


def test_an_existing_application_is_not_overwritten_by_import(people, coordinator):
    ChampionFactory(user=people["amira"], status=S.APPLIED, approved_at=None)
    response = upload(coordinator, csv_file([row_for("amira@example.org")]))
    assert counts_of(response)["failed"] == 1
    assert "already has a champion record that is" in response.content.decode()


def test_repeated_email_and_managers_own_address_fail(people, coordinator):
    response = upload(coordinator, csv_file([
        row_for("amira@example.org"), row_for("Amira@example.org"),
        row_for("ben@example.org", line_manager_email="ben@example.org"),
    ]))
    page = response.content.decode()
    assert counts_of(response)["failed"] == 2
    assert "is also on row 2" in page and "is the champion’s own" in page


def test_an_excel_workbook_imports_too(people, coordinator):
    response = upload(coordinator, xlsx_file([row_for("amira@example.org")]))
    assert counts_of(response) == {"new": 1, "changed": 0, "unchanged": 0, "failed": 0}
    confirm(coordinator, response)
    assert Champion.objects.get(user=people["amira"]).status == S.ACTIVE


def bad_xlsx_with_formula():
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append(row_for("amira@example.org")[:-1] + ["=TODAY()"])
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile("champions.xlsx", output.getvalue())


def wide_xlsx():
    """One row of 16,000 cells (near Excel's limit): wide rows kept a worker busy for minutes (attacker review)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["a"] * 16_000)
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile("champions.xlsx", output.getvalue())


@pytest.mark.parametrize(("make_file", "message"), [
    (lambda: SimpleUploadedFile("champions.csv", ("a," * 30_000 + "a\n").encode()), "more than 40 columns"),
    (wide_xlsx, "more than 40 columns"),
    (lambda: SimpleUploadedFile("champions.txt", b"email\n"), "must be a CSV file (.csv) or an Excel workbook"),
    (lambda: SimpleUploadedFile("champions.csv", "email,tier\nŁucja".encode("latin-1", "replace")
                                + "é".encode("latin-1")), "not in UTF-8"),
    (lambda: SimpleUploadedFile("champions.csv", b""), "The file you chose is empty."),
    (lambda: SimpleUploadedFile("champions.csv", b"\r\n\r\n  \r\n"), "The file is empty."),
    (lambda: SimpleUploadedFile("champions.csv", b"x" * (2 * 1024 * 1024 + 1)), "smaller than 2 MB"),
    (lambda: csv_file([["a"]], headers=["name", "email"]), "it has no column “tier”"),
    (lambda: csv_file([], headers=HEADERS), "headings but no champions"),
    (lambda: csv_file([row_for("amira@example.org", availability="=HYPERLINK(\"x\")")]), "runs as a formula"),
    (bad_xlsx_with_formula, "holds a formula"),
    (lambda: SimpleUploadedFile("champions.xlsx", b"PK\x03\x04 not really a workbook"), "not an Excel workbook"),
    (lambda: SimpleUploadedFile("champions.csv", b"email,tier\x00\x01\x02"), "not a CSV file"),
])
def test_bad_files_get_a_clear_message_and_change_nothing(people, coordinator, make_file, message):
    response = coordinator.post("/admin/champions/import/", {"file": make_file()})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Champion.objects.exists() and "confirm_form" not in response.context
    assert not Group.objects.filter(name=Role.CHAMPION, user__in=people.values()).exists()


def test_the_template_file_has_the_headings():
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/champions/import/template.csv")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").strip() == ",".join(HEADERS)
