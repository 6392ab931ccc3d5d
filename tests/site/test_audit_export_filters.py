"""What a download's audit entry keeps of its filters, whoever wrote the query string: a Wagtail
listing's own filters, search and ordering, read as a person would ("Status: Confirmed"), never
parameters it does not filter by ("?note=…"); a filter it could not read marked as not applied;
every name and value printable text, each capped in length and the number of filters capped too;
and the administrators' spreadsheets still open afterwards."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from lms.site.audit import (
    EXPORT_ACTION,
    FILTER_VALUE_MAX,
    FILTERS_MAX,
    UNPRINTABLE_CATEGORIES,
    export_data,
    export_message,
    log_export,
)
from lms.site.roles import Role
from tests.conftest import administrator_client, staff_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

AUDIT = "/admin/audit/"
UNPRINTABLE = "\x00\x0b\x1f\u200b\u2028\u2029\ue000"



def export_entries() -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=EXPORT_ACTION).order_by("pk"))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_xlsx(response) -> list[list]:
    return [[cell.value for cell in row] for row in load_workbook(io.BytesIO(body(response))).active.iter_rows()]


# 1. What a listing's download records ----------------------------------------------------------


def test_an_organisations_download_records_its_filters_by_label_and_nothing_made_up():
    OrganisationFactory(name="Riverside Housing")
    coordinator = staff_client(Role.COORDINATOR)
    response = coordinator.get("/admin/organisations/", {
        "export": "csv", "note": '\x0b=HYPERLINK("http://x")', "q": "Riverside\x1f", "status": "confirmed",
    })
    assert response.status_code == 200
    (entry,) = export_entries()
    assert entry.data["filters"] == {"Status": "Confirmed", "Search": "Riverside"}
    assert "note" not in entry.message and "HYPERLINK" not in entry.message
    assert entry.message.startswith("Exported Organisations (CSV, ")


def test_a_reports_download_ignores_parameters_the_report_does_not_filter_by():
    editor = staff_client(Role.EDITOR)
    assert editor.get("/admin/reports/aging-pages/", {"export": "csv", "note": "\x0b"}).status_code == 200
    (entry,) = export_entries()
    assert "filters" not in entry.data
    assert entry.message == f"Exported {entry.data['what']} (CSV, {entry.data['rows']} row" + (
        "" if entry.data["rows"] == 1 else "s") + ")"


def test_a_listings_ordering_is_recorded_only_when_it_is_one_of_the_listings_own():
    coordinator = staff_client(Role.COORDINATOR)
    coordinator.get("/admin/organisations/", {"export": "csv", "ordering": "-name"})
    coordinator.get("/admin/organisations/", {"export": "csv", "ordering": "password"})
    first, second = export_entries()
    assert first.data["filters"] == {"Ordered by": "Name, descending"}
    assert "filters" not in second.data


def test_a_listings_filter_that_cannot_be_read_is_recorded_as_not_applied():
    coordinator = staff_client(Role.COORDINATOR)
    coordinator.get("/admin/organisations/", {"export": "csv", "status": "no-such-status\x00"})
    (entry,) = export_entries()
    assert entry.data["filters"] == {"Status (not applied)": "no-such-status"}


def test_an_administrators_site_history_download_with_control_characters_still_leaves_a_trail_excel_opens():
    admin = administrator_client(full_name="Priya Raman")
    assert admin.get("/admin/reports/site-history/", {"export": "csv", "q": "\x00", "label": "a\x0bb"}).status_code \
        == 200
    assert all(not set(UNPRINTABLE) & set(entry.message) for entry in export_entries())
    response = admin.get(AUDIT, {"export": "xlsx"})
    assert response.status_code == 200
    assert read_xlsx(response)[0][0] == "When (UK time)"


def test_log_export_keeps_printable_text_only_and_caps_every_value_and_the_number_of_filters():
    person = LearnerFactory()
    filters = {f"key{UNPRINTABLE}{number}": f"line one\nline\ttwo{UNPRINTABLE}" for number in range(30)}
    filters["long"] = "x" * 7000
    entry = log_export(person, what=f"Certificates{UNPRINTABLE}", file_format="csv", rows=3, filters=filters)
    entry.refresh_from_db()
    data = entry.data
    assert data["what"] == "Certificates"
    assert len(data["filters"]) == FILTERS_MAX and data["filters_left_out"] == 11
    assert data["filters"]["key 0"] == "line one line two"  # a line break or vertical tab reads as a space
    assert all(len(text) <= FILTER_VALUE_MAX for pair in data["filters"].items() for text in pair)
    assert entry.message.endswith("key 19: line one line two; and 11 more filters)")


def test_a_very_long_filter_is_stored_shortened_with_an_ellipsis():
    entry = log_export(LearnerFactory(), what="Certificates", file_format="csv", filters={"Search": "y" * 7000})
    assert entry.data["filters"]["Search"] == "y" * (FILTER_VALUE_MAX - 1) + "…"


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.dictionaries(st.text(max_size=30), st.text(max_size=300), max_size=25))
def test_any_filters_are_stored_as_printable_text_within_the_caps(filters):
    data = export_data(what="Anything", file_format="csv", rows=None, filters=filters)
    stored = data.get("filters", {})
    assert len(stored) <= FILTERS_MAX
    assert "filters_left_out" not in data or len(stored) == FILTERS_MAX
    for key, value in stored.items():
        for text in (key, value):
            assert text and text == text.strip() and len(text) <= FILTER_VALUE_MAX
            assert "  " not in text
            assert not {unicodedata.category(character) for character in text} & UNPRINTABLE_CATEGORIES
    assert data["filter_order"] == list(stored) if stored else "filter_order" not in data
    export_message(data)


# The filters left out are counted in the message ------------------------------------------------


def test_an_export_message_reads_the_same_whichever_order_filters_arrive_in():
    data = {"what": "Certificates", "format": "CSV", "rows": 1, "filters": {"B": "2", "A": "1"},
            "filter_order": ["A", "B"], "filters_left_out": 1}
    assert export_message(data) == "Exported Certificates (CSV, 1 row; A: 1, B: 2; and 1 more filter)"


QUERY_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60)


def test_any_query_on_a_listing_download_is_logged_as_printable_filters_and_the_trail_still_opens_in_excel():
    coordinator = staff_client(Role.COORDINATOR)
    admin = administrator_client(full_name="Priya Raman")

    @settings(max_examples=15, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(["q", "status", "ordering", "note", "district"]) | QUERY_TEXT, QUERY_TEXT,
                           max_size=6))
    def check(query):
        assert coordinator.get("/admin/organisations/", {**query, "export": "csv"}).status_code == 200
        entry = export_entries()[-1]
        # Made-up parameters ("note", anything typed) never reach the entry: at most one filter a
        # parameter the listing reads.
        assert len(entry.data.get("filters", {})) <= len({"q", "status", "ordering", "district"} & set(query))
        for text in [*entry.data.get("filters", {}), *entry.data.get("filters", {}).values()]:
            assert not {unicodedata.category(character) for character in text} & UNPRINTABLE_CATEGORIES

    check()
    assert admin.get(AUDIT, {"export": "xlsx"}).status_code == 200
