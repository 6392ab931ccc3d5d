"""The reports' filters with inputs Hypothesis makes up: whatever is sent, no server error; a
refused filter shows its message and no figures, and never downloads."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lms.reports.forms import ReportFilterForm
from lms.site.roles import Role
from tests.conftest import sign_in_with_mfa, staff_client
from tests.factories import SectorFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
DATE_OR_JUNK = st.one_of(st.dates().map(str), SHORT)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)
FILTERS = st.fixed_dictionaries({}, optional={
    "since": DATE_OR_JUNK, "until": DATE_OR_JUNK, "module": ID_OR_JUNK, "sector": ID_OR_JUNK,
    "district": ID_OR_JUNK, "organisation": ID_OR_JUNK,
    "group_by": st.one_of(st.sampled_from([key for key, _ in ReportFilterForm.GROUPS]), SHORT),
    "export": st.sampled_from(["csv", "xlsx", "pdf", ""]),
})


@pytest.fixture
def coordinator_client(coordinator):
    client = Client()
    sign_in_with_mfa(client, coordinator)
    return client


@pytest.mark.parametrize("url", ["/admin/reports/training/", "/admin/reports/certificates/", "/admin/reports/network/",
                                 "/admin/reports/confidence/"])
def test_any_filters_give_a_report_or_a_message(coordinator_client, url):
    @FUZZ
    @given(FILTERS)
    def check(query):
        response = coordinator_client.get(url, query)
        assert response.status_code == 200
        html = response["Content-Type"].startswith("text/html")
        event("page" if html else "download")
        if html:
            page = response.content.decode()
            assert ("Correct the filters above" in page) != ("<tfoot>" in page)
        else:
            assert query.get("export") in ("csv", "xlsx")
            assert "Correct the filters above" not in response.content.decode("utf-8", "replace")
    check()


@pytest.mark.parametrize(("query", "message"), [
    ({}, "Nothing to report yet."),
    ({"group_by": "sector"}, "Nothing to report yet."),
    ({"since": "2026-03-01"}, "Nothing in this period."),
    ({"until": "2026-03-31", "sector": "SECTOR"}, "Nothing in this period for these filters."),
    ({"sector": "SECTOR"}, "Nothing for these filters."),
])
@pytest.mark.parametrize("url", ["/admin/reports/training/", "/admin/reports/certificates/", "/admin/reports/network/",
                                 "/admin/reports/confidence/"])
def test_an_empty_report_says_only_what_was_chosen(coordinator_client, url, query, message):
    sector = SectorFactory()
    query = {name: sector.pk if value == "SECTOR" else value for name, value in query.items()}
    page = coordinator_client.get(url, query).content.decode()
    assert "<td colspan=" in page and f">{message}</td>" in page
    others = {"Nothing to report yet.", "Nothing in this period.", "Nothing for these filters.",
              "Nothing in this period for these filters."} - {message}
    assert not any(f">{other}</td>" in page for other in others)


@pytest.mark.parametrize("query", ["until=9999-12-31", "since=9999-12-31", "module=99999999999999999999",
                                   "organisation=-99999999999999999999"])
def test_dates_past_the_calendar_and_ids_past_any_database_are_refused_beside_the_field(query):
    client = staff_client(Role.COORDINATOR)
    for report in ("training", "certificates", "network", "confidence"):
        response = client.get(f"/admin/reports/{report}/?{query}")
        assert response.status_code == 200, (report, query)
        if report == "network" and query.startswith("module"):
            continue  # the network report has no module filter: the parameter is not read
        page = response.content.decode()
        assert "Enter a date before 9000." in page or "Choose one from the list" in page, (report, query)
