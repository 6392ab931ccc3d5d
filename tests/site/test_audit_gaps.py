"""Every way data leaves the site or arrives in bulk is in the audit trail with who, when and what:
each admin list download (ours and Wagtail's own) with its filters, in a constant number of
queries; one entry per confirmed import run (people, White Ribbon organisations, champions) with
the file's name and counts, none for a dry run; the White Ribbon organisations export; and a
lead's download of their staff's certificates."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.certificates.models import CertificateBundle
from lms.site.audit import EXPORT_ACTION, IMPORT_ACTION
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import CertificateFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def exports() -> list[dict]:
    return [entry.data for entry in ModelLogEntry.objects.filter(action=EXPORT_ACTION).order_by("pk")]


def imports():
    return list(ModelLogEntry.objects.filter(action=IMPORT_ACTION).order_by("pk"))


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# Admin list downloads -------------------------------------------------------------------------


def test_a_certificates_download_is_logged_once_with_its_filters_and_rows():
    for _ in range(3):
        CertificateFactory()
    coordinator = staff_client(Role.COORDINATOR)
    response = coordinator.get("/admin/certificates/", {"export": "csv", "q": "Test", "status": "expiring"})
    assert response.status_code == 200
    rows = read_csv(response)
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == coordinator.user
    assert (entry.data["what"], entry.data["format"], entry.data["rows"]) == ("Certificates", "CSV", len(rows) - 1)
    assert entry.data["filters"] == {"Status": "Expiring soon", "Search": "Test"}  # as the list's filters read
    assert entry.message.startswith("Exported Certificates (CSV, ")


def test_logging_a_download_costs_the_same_queries_at_any_size():
    coordinator = staff_client(Role.COORDINATOR)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            read_csv(coordinator.get("/admin/certificates/?export=csv"))
        return len(captured.captured_queries)

    CertificateFactory()
    few = queries()
    for _ in range(10):
        CertificateFactory()
    assert queries() == few
    assert [data["rows"] for data in exports()] == [1, 11]


def test_wagtails_own_list_downloads_are_logged_too():
    MembershipFactory()
    coordinator = staff_client(Role.COORDINATOR)
    assert coordinator.get("/admin/memberships/?export=xlsx").status_code == 200
    read_csv(coordinator.get("/admin/organisations/?export=csv&status=confirmed"))
    assert [(data["what"], data["format"]) for data in exports()] == [("Memberships", "XLSX"),
                                                                      ("Organisations", "CSV")]
    assert exports()[1]["filters"] == {"Status": "Confirmed"}


def test_a_page_of_the_list_without_a_download_is_not_logged():
    assert staff_client(Role.COORDINATOR).get("/admin/certificates/?status=valid").status_code == 200
    assert exports() == []


# Imports ------------------------------------------------------------------------------------


def test_a_people_import_run_is_one_entry_once_confirmed_and_none_for_the_dry_run(
    django_capture_on_commit_callbacks,
):
    from tests.organisations.test_user_import import confirm, fixture_file, upload

    OrganisationFactory(name="Hightown Surgery")
    OrganisationFactory(name="Riverside Housing")
    coordinator = staff_client(Role.COORDINATOR)
    response = upload(coordinator, fixture_file("people_good.csv"))
    assert imports() == []
    confirm(coordinator, response, django_capture_on_commit_callbacks)
    confirm(coordinator, response, django_capture_on_commit_callbacks)  # pressed twice: imported once
    (entry,) = imports()
    assert entry.user == coordinator.user
    assert entry.data == {"what": "People", "file": "people_good.csv", "created": 3, "changed": 0, "unchanged": 0}
    assert entry.message == "Imported “people_good.csv” into People: 3 created, 0 changed, 0 unchanged"


def test_a_white_ribbon_import_run_is_one_entry_once_confirmed():
    from tests.whiteribbon.test_import import confirm, csv_file, row_for, upload

    coordinator = staff_client(Role.COORDINATOR)
    rows = [row_for("Hertsmere Pharmacy", type="Pharmacy", district="Hertsmere", white_ribbon_track="accreditation",
                    white_ribbon_stage="interested"), row_for("Croxley Allotments Society")]
    response = upload(coordinator, csv_file(rows, name="wr.csv"))
    assert imports() == []
    confirm(coordinator, response)
    confirm(coordinator, response)  # a second click imports nothing more
    (entry,) = imports()
    assert entry.user == coordinator.user
    assert entry.data == {"what": "White Ribbon organisations", "file": "wr.csv", "created": 2, "changed": 0,
                          "unchanged": 0}


def test_the_white_ribbon_organisations_export_is_logged():
    OrganisationFactory()
    coordinator = staff_client(Role.COORDINATOR)
    for kind in ("csv", "xlsx"):
        assert coordinator.get(f"/admin/white-ribbon/export/organisations.{kind}").status_code == 200
    assert [(data["what"], data["format"]) for data in exports()] == [("White Ribbon organisations", "CSV"),
                                                                      ("White Ribbon organisations", "XLSX")]


def test_a_champions_import_run_is_one_entry_once_confirmed():
    from tests.champions.test_import import confirm, csv_file, row_for, upload

    OrganisationFactory(name="Stevenage Borough Council")
    LearnerFactory(email="amira@example.org")
    coordinator = staff_client(Role.COORDINATOR)
    response = upload(coordinator, csv_file([row_for("amira@example.org")], name="champions-may.csv"))
    assert imports() == []
    assert confirm(coordinator, response).status_code == 302
    (entry,) = imports()
    assert entry.data == {"what": "Champions", "file": "champions-may.csv", "created": 1, "changed": 0,
                          "unchanged": 0}


# A lead's zip of their staff's certificates ----------------------------------------------------


def test_a_leads_certificates_zip_download_is_logged(django_capture_on_commit_callbacks):
    from tests.certificates.test_certificate_bundles import (
        ask_for_zip,
        download_url,
        lead_of,
        staff_with_certificates,
    )

    organisation = OrganisationFactory(name="Oak Tree Surgery")
    staff_with_certificates(organisation, ["Ann Lee", "Bo Chan"])
    lead = lead_of(organisation)
    client = Client()
    client.force_login(lead)
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    assert exports() == []
    assert client.get(download_url(bundle)).status_code == 200
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == lead
    assert (entry.data["what"], entry.data["format"], entry.data["rows"]) == ("Staff certificates (zip)", "ZIP", 2)
    assert entry.data["filters"] == {"Organisations": "Oak Tree Surgery"}


def test_an_expired_zip_is_not_downloaded_nor_logged(django_capture_on_commit_callbacks):
    from tests.certificates.test_certificate_bundles import (
        ask_for_zip,
        download_url,
        lead_of,
        staff_with_certificates,
    )

    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    client = Client()
    client.force_login(lead_of(organisation))
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    CertificateBundle.objects.filter(pk=bundle.pk).update(
        status=CertificateBundle.Status.EXPIRED, expires_at=timezone.now() - datetime.timedelta(hours=1))
    assert client.get(download_url(bundle)).status_code == 302
    assert exports() == []

