"""What the security review of the audit trail found in the trail itself, each kept fixed: its
own downloads open whatever older entries hold (control characters Excel refuses, 7,000-character
filters); a long entry does not stretch its table and can still be read whole; a download with a
filter that cannot be read says what was asked for; and a download with no object of its own
does not read as something done to the person who made it, nor count as "about a person"."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lms.site.audit import EXPORT_ACTION, log_export
from tests.conftest import administrator_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

AUDIT = "/admin/audit/"



def export_entries() -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=EXPORT_ACTION).order_by("pk"))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(body(response))).active.iter_rows()]


# 1. The trail's own downloads, whatever older entries hold -------------------------------------


def older_entries_with_unprintable_text(person):
    """Entries as the code before this review wrote them: raw query text, unchecked (but for the NUL
    character, which PostgreSQL's JSON refused even then)."""
    organisation = OrganisationFactory(name="Bad\x0bName")
    log(organisation, "lms.organisation.confirm", user=person)
    log(person, EXPORT_ACTION, user=person, data={
        "what": "Organisations", "format": "CSV", "rows": 1,
        "filters": {"note": '\x0b=HYPERLINK("http://x")', "q": "\x1f\x01", "long": "z" * 7000},
        "filter_order": ["note", "q", "long"],
    })


def test_the_trails_excel_download_opens_whatever_older_entries_hold():
    admin = administrator_client(full_name="Priya Raman")
    older_entries_with_unprintable_text(admin.user)
    response = admin.get(AUDIT, {"export": "xlsx"})
    assert response.status_code == 200
    cells = [str(value) for row in read_xlsx(response) for value in row if value is not None]
    assert "BadName" in cells
    assert any(cell.startswith("Exported Organisations (CSV, 1 row; note: =HYPERLINK") for cell in cells)


def test_the_trails_csv_download_drops_characters_a_spreadsheet_refuses():
    admin = administrator_client(full_name="Priya Raman")
    older_entries_with_unprintable_text(admin.user)
    rows = read_csv(admin.get(AUDIT, {"export": "csv"}))
    cells = [cell for row in rows for cell in row]
    assert "BadName" in cells
    assert not any(character in cell for cell in cells for character in "\x01\x0b\x1f")


def test_a_long_message_is_shortened_in_the_table_with_the_whole_text_a_click_away():
    admin = administrator_client(full_name="Priya Raman")
    older_entries_with_unprintable_text(admin.user)
    page = admin.get(AUDIT).content.decode()
    assert 'class="wrap-anywhere"' in page
    assert page.count("z" * 7000) == 1  # once, inside the closed <details>, not in the row itself
    assert "Show the whole entry (" in page


# 2. An audit download with a filter that cannot be read ----------------------------------------


def test_an_unreadable_date_says_so_where_the_entries_would_be():
    page = administrator_client(full_name="Priya Raman").get(AUDIT, {"timestamp_from": "2026-02-31"}).content.decode()
    assert "These filters could not be read, so no logged actions are shown" in page
    assert "No logged actions match these filters." not in page


def test_an_audit_download_with_an_unreadable_date_says_what_was_asked_for():
    admin = administrator_client(full_name="Priya Raman")
    response = admin.get(AUDIT, {"export": "csv", "timestamp_from": "2026-02-31", "who": "ben"})
    assert len(read_csv(response)) == 1  # the headings only
    (entry,) = export_entries()
    assert entry.data["filters"] == {"From (could not be read)": "2026-02-31", "Who": "ben"}
    assert entry.message == "Exported Audit trail (CSV, 0 rows; From (could not be read): 2026-02-31, Who: ben)"


# 3. A download with no object of its own -------------------------------------------------------


def test_a_download_logged_against_the_person_who_made_it_shows_no_object():
    admin = administrator_client(full_name="Priya Raman")
    exporter = LearnerFactory(full_name="Asha Exporter")
    log_export(exporter, what="Certificates", file_format="csv", rows=2)
    response = admin.get(AUDIT, {"action": EXPORT_ACTION})
    page = response.content.decode()
    assert "Exported Certificates (CSV, 2 rows)" in page
    row = page[page.index("Exported Certificates (CSV, 2 rows)"):]
    row = row[:row.index("</tr>")]
    assert "Asha Exporter" not in row and "User" not in row
    assert "No object" in row

    rows = read_csv(admin.get(AUDIT, {"action": EXPORT_ACTION, "export": "csv"}))
    (exported,) = [row for row in rows if row[4] == "Exported Certificates (CSV, 2 rows)"]
    assert exported[1] == "Asha Exporter" and exported[5:] == ["", "", ""]


def test_filtering_by_people_as_the_type_of_object_leaves_out_downloads_about_no_one():
    admin = administrator_client(full_name="Priya Raman")
    exporter = LearnerFactory(full_name="Asha Exporter")
    learner = LearnerFactory(full_name="Sam Learner")
    log_export(exporter, what="Certificates", file_format="csv", rows=2)
    viewed = log(learner, "wagtail.edit", user=exporter)
    about_someone = log_export(exporter, what="Their records", file_format="zip", instance=learner)
    kind = ContentType.objects.get_for_model(get_user_model())
    found = [entry.pk for entry in admin.get(AUDIT, {"object_type": kind.pk}).context["object_list"]]
    assert viewed.pk in found and about_someone.pk in found
    assert not {entry.pk for entry in export_entries() if entry.object_id == str(exporter.pk)} & set(found)
