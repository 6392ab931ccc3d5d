"""The administrators' audit trail (/admin/audit/): every logged action, newest first, with who
(name and email), the action, what happened and the object; filters that narrow it; nobody else
may read it (nor Wagtail's stock Site history); its downloads neutralise formulas and are
themselves logged with the filters used; a page of entries costs the same queries at any size."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lms.site.audit import EXPORT_ACTION, log_export
from lms.site.audit_trail import AuditTrailFilterSet, grouped_action_choices
from lms.site.roles import Role
from tests.conftest import administrator_client, staff_client
from tests.factories import CertificateFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

AUDIT = "/admin/audit/"



def at(entry, day: datetime.date, hour: int = 12):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=moment)
    return entry


@pytest.fixture
def trail():
    """A revocation by one coordinator in March, an organisation confirmed by another in April."""
    asha = LearnerFactory(full_name="Asha Coordinator", email="asha@partnership.example", roles=[Role.COORDINATOR])
    ben = LearnerFactory(full_name="Ben Coordinator", email="ben@partnership.example", roles=[Role.COORDINATOR])
    certificate = CertificateFactory(holder_name="Priya Holder")
    organisation = OrganisationFactory(name="Riverside Housing")
    revoked = at(log(certificate, "lms.certificate.revoke", user=asha, data={"reason": "Issued in error"}),
                 datetime.date(2026, 3, 10))
    confirmed = at(log(organisation, "lms.organisation.confirm", user=ben), datetime.date(2026, 4, 20))
    return {"asha": asha, "ben": ben, "certificate": certificate, "organisation": organisation,
            "revoked": revoked, "confirmed": confirmed}


def entries(response) -> list:
    assert response.status_code == 200
    return [entry.pk for entry in response.context["object_list"]]


def test_the_administrator_sees_who_did_what_when_newest_first(trail):
    admin = administrator_client()
    response = admin.get(AUDIT)
    found = entries(response)
    assert found.index(trail["confirmed"].pk) < found.index(trail["revoked"].pk)
    page = response.content.decode()
    assert "Asha Coordinator" in page and "asha@partnership.example" in page
    assert "Certificate revoked" in page and "Organisation confirmed" in page
    assert "Riverside Housing" in page and f"/admin/organisations/edit/{trail['organisation'].pk}/" in page
    assert "10 Mar 2026" in page
    assert f"{len(found)} logged actions" in page


@pytest.mark.parametrize(("query", "expected"), [
    ({"timestamp_from": "2026-04-01", "timestamp_to": "2026-04-30"}, ["confirmed"]),
    ({"timestamp_to": "2026-03-10"}, ["revoked"]),  # the last day counts in full
    ({"action": "lms.certificate.revoke"}, ["revoked"]),
    ({"action": ["lms.certificate.revoke", "lms.organisation.confirm"]}, ["confirmed", "revoked"]),
    ({"who": "BEN@partnership"}, ["confirmed"]),
    ({"who": "asha coord"}, ["revoked"]),
    ({"q": "issued in ERROR"}, ["revoked"]),
    ({"q": "riverside"}, ["confirmed"]),
    ({"q": "nothing like this"}, []),
])
def test_each_filter_narrows_the_trail(trail, query, expected):
    found = entries(administrator_client().get(AUDIT, query))
    assert found == [trail[name].pk for name in expected]


def test_the_object_type_filter_keeps_that_type_only(trail):
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_model(trail["organisation"])
    assert entries(administrator_client().get(AUDIT, {"object_type": kind.pk})) == [trail["confirmed"].pk]


def test_a_filter_that_cannot_be_read_shows_nothing_rather_than_everything(trail):
    admin = administrator_client()
    response = admin.get(AUDIT, {"timestamp_from": "31/02/2026"})
    assert entries(response) == []
    download = admin.get(AUDIT, {"timestamp_from": "31/02/2026", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1  # the headings only


def test_actions_are_offered_in_groups():
    groups = dict(grouped_action_choices([
        ("lms.certificate.revoke", "Certificate revoked"), ("lms.export", "Data exported"),
        ("champions.whiteribbon.stage", "White Ribbon stage changed"), ("wagtail.publish", "Publish"),
    ]))
    assert groups["Certificates"] == [("lms.certificate.revoke", "Certificate revoked")]
    assert groups["Imports and exports"] == [("lms.export", "Data exported")]
    assert groups["White Ribbon"] == [("champions.whiteribbon.stage", "White Ribbon stage changed")]
    assert groups["Pages and admin records"] == [("wagtail.publish", "Publish")]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.EDITOR, Role.MODERATOR, Role.REVIEWER])
def test_staff_other_than_administrators_are_refused_the_trail_and_the_stock_site_history(trail, role):
    client = staff_client(role)
    for url in (AUDIT, AUDIT + "?export=csv", "/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    assert not ModelLogEntry.objects.filter(action=EXPORT_ACTION).exists()
    assert "Audit trail" not in client.get("/admin/").content.decode()


def test_learners_and_signed_out_visitors_never_reach_it(trail):
    learner = Client()
    learner.force_login(LearnerFactory())
    assert learner.get(AUDIT).status_code == 403
    assert Client().get(AUDIT)["Location"].startswith(("/admin/login/", "/accounts/login/"))


def test_the_menu_offers_the_audit_trail_instead_of_site_history_to_administrators():
    page = administrator_client().get("/admin/").content.decode()
    assert AUDIT in page and "Audit trail" in page
    assert "/admin/reports/site-history/" not in page


def test_the_csv_download_neutralises_formulas_and_is_logged_with_the_filters(trail):
    organisation = OrganisationFactory(name='=HYPERLINK("http://127.0.0.1:9/x","Open")')
    log(organisation, "lms.organisation.confirm", user=trail["ben"])
    admin = administrator_client()
    response = admin.get(AUDIT, {"action": "lms.organisation.confirm", "who": "ben", "export": "csv"})
    assert response.status_code == 200 and response["Content-Disposition"].startswith(
        'attachment; filename="audit-trail-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["When (UK time)", "Who", "Email", "Action", "What", "Type of object", "Object", "Object ID"]
    assert len(rows) == 3
    assert rows[2][1:4] == ["Ben Coordinator", "ben@partnership.example", "Organisation confirmed"]
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=HYPERLINK(\"http://127.0.0.1:9/x\",\"Open\")" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == admin.user
    assert entry.data["what"] == "Audit trail" and entry.data["format"] == "CSV" and entry.data["rows"] == 2
    assert entry.data["filters"] == {"Action": "Organisation confirmed", "Who": "ben"}
    # The download is itself in the trail, saying so.
    assert "Exported Audit trail (CSV, 2 rows; Action: Organisation confirmed, Who: ben)" in \
        admin.get(AUDIT).content.decode()


def test_the_excel_download_keeps_formula_text_as_text_and_is_logged(trail):
    log(OrganisationFactory(name="=1+1"), "lms.organisation.confirm", user=trail["ben"])
    admin = administrator_client()
    response = admin.get(AUDIT, {"export": "xlsx", "timestamp_from": "2026-01-01"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert any(cell.value == "=1+1" and cell.data_type == "s" for cell in cells)
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.data["format"] == "XLSX" and entry.data["filters"] == {"From": "2026-01-01"}


def test_a_page_of_the_trail_costs_the_same_queries_with_ten_times_the_entries():
    admin = administrator_client()
    people = [LearnerFactory() for _ in range(3)]

    def add(count):
        for index in range(count):
            person = people[index % 3]
            log(CertificateFactory(), "lms.certificate.revoke", user=person, data={"reason": "r"})
            log(OrganisationFactory(), "lms.organisation.confirm", user=person)
            log_export(person, what="Certificates", file_format="csv", rows=index)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(AUDIT).status_code == 200
        return len(captured.captured_queries)

    add(2)
    few = queries()
    add(18)
    assert queries() == few


FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
FILTERS = st.fixed_dictionaries({}, optional={
    "timestamp_from": st.one_of(st.dates().map(str), SHORT),
    "timestamp_to": st.one_of(st.dates().map(str), SHORT),
    "action": st.one_of(st.sampled_from(["lms.certificate.revoke", "lms.organisation.confirm"]), SHORT),
    "object_type": st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT),
    "who": SHORT,
    "q": SHORT,
})


def test_any_filters_give_a_page_no_wider_than_the_whole_trail(trail):
    admin = administrator_client()
    everything = set(entries(admin.get(AUDIT)))

    @FUZZ
    @given(FILTERS)
    def check(query):
        response = admin.get(AUDIT, query)
        assert set(entries(response)) <= everything

    check()


@FUZZ
@given(FILTERS)
def test_the_filter_form_reads_any_input_without_error(query):
    from django.test import RequestFactory

    request = RequestFactory().get(AUDIT, query)
    request.user = LearnerFactory.build(is_superuser=True)
    filters = AuditTrailFilterSet(data=request.GET, request=request)
    labels = {"From", "To", "Action", "Who", "Type", "Search"}
    if filters.is_valid():
        assert set(filters.labelled()) <= labels
    else:  # what was asked for, saying which could not be read
        assert filters.form.errors
        asked = filters.labelled()
        assert {key.removesuffix(" (could not be read)") for key in asked} <= labels
        assert any(key.endswith(" (could not be read)") for key in asked) or not any(
            query.get(key) for key in ("timestamp_from", "timestamp_to", "action", "object_type", "who", "q"))


def test_an_exports_filters_read_in_the_order_they_were_given_whatever_order_the_database_keeps():
    from lms.site.audit import export_message

    # PostgreSQL hands JSON keys back in its own order (shorter keys first).
    data = {"what": "Certificates", "format": "CSV", "rows": 1, "filters": {"To": "2026-03-31", "From": "2026-03-01"},
            "filter_order": ["From", "To"]}
    assert export_message(data) == "Exported Certificates (CSV, 1 row; From: 2026-03-01, To: 2026-03-31)"
