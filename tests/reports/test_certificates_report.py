"""The certificates report: valid, expiring within 60 days, expired and revoked by organisation,
sector, district and module, worked out by hand; filters; two queries at any size; the page."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.utils import timezone

from lms.reports.figures import Filters, certificate_figures
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import CertificateFactory, LearnerFactory, OrganisationFactory
from tests.reports.fixtures import training_world

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 6, 1)


def certificates_world():
    world = training_world()
    issued = datetime.date(2026, 1, 1)
    old = CertificateFactory(user=world.l1, module=world.module_a, issued_on=datetime.date(2025, 5, 15),
                             expires_on=datetime.date(2026, 5, 15))
    CertificateFactory(user=world.l1, module=world.module_a, issued_on=issued,  # valid; renewed `old`
                       expires_on=datetime.date(2027, 1, 1), replaces=old)
    CertificateFactory(user=world.l2, module=world.module_a, issued_on=issued,  # expiring on 1 July
                       expires_on=datetime.date(2026, 7, 1))
    CertificateFactory(user=world.l3, module=world.module_b, issued_on=issued,  # expired
                       expires_on=datetime.date(2026, 5, 1))
    CertificateFactory(user=world.l3, module=world.module_a, issued_on=issued,  # revoked
                       expires_on=datetime.date(2027, 1, 1), revoked_at=timezone.now())
    return world


def counts(line) -> tuple:
    return (line.label, line.valid, line.expiring, line.expired, line.revoked)


def test_certificates_by_organisation_match_the_figures_worked_by_hand():
    certificates_world()
    figures = certificate_figures(Filters(), "organisation", day=DAY)
    assert [counts(line) for line in figures.lines] == [
        ("Alpha Surgery", 2, 1, 0, 0),  # the replaced certificate is not counted
        ("Beta Homes", 0, 0, 1, 1),
    ]
    assert counts(figures.total) == ("In all", 2, 1, 1, 1)


def test_certificates_by_sector_and_by_module():
    certificates_world()
    assert [counts(line) for line in certificate_figures(Filters(), "sector", day=DAY).lines] == [
        ("Health", 2, 1, 0, 0), ("Housing", 0, 0, 1, 1),
    ]
    assert [counts(line) for line in certificate_figures(Filters(), "module", day=DAY).lines] == [
        ("A: Awareness", 2, 1, 0, 1), ("B: Responding", 0, 0, 1, 0),
    ]


def test_filters_narrow_the_certificates():
    world = certificates_world()
    by_district = certificate_figures(Filters(district=world.watford), "organisation", day=DAY)
    assert [counts(line) for line in by_district.lines] == [("Alpha Surgery", 1, 0, 0, 0), ("Beta Homes", 0, 0, 1, 1)]
    by_module = certificate_figures(Filters(module=world.module_b), "sector", day=DAY)
    assert [counts(line) for line in by_module.lines] == [("Housing", 0, 0, 1, 0)]
    # Issued in the period: the old certificate (May 2025) only, and it was replaced.
    in_2025 = certificate_figures(Filters(until=datetime.date(2025, 12, 31)), "organisation", day=DAY)
    assert counts(in_2025.total) == ("In all", 0, 0, 0, 0)


def test_the_certificates_report_costs_three_queries_at_any_size(django_assert_num_queries):
    # In all, by line, and the lines' names.
    certificates_world()
    with django_assert_num_queries(3):
        certificate_figures(Filters(), "organisation", day=DAY)
    organisation = OrganisationFactory()
    for _ in range(20):
        CertificateFactory(user=LearnerFactory(organisation=organisation), issued_on=datetime.date(2026, 2, 1),
                           expires_on=datetime.date(2027, 2, 1))
    with django_assert_num_queries(3):
        figures = certificate_figures(Filters(), "organisation", day=DAY)
    assert figures.total.valid == 22


def test_coordinator_reads_and_downloads_the_certificates_report():
    world = certificates_world()
    world.org_1.name = "-2+3"
    world.org_1.save()
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/reports/certificates/", {"group_by": "organisation"})
    assert response.status_code == 200
    assert "Valid certificates by organisation" in response.content.decode()
    response = client.get("/admin/reports/certificates/", {"group_by": "organisation", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert rows[1] == ["Organisation", "Valid", "Expiring within 60 days", "Expired", "Revoked"]
    assert rows[2][0] == "'-2+3"
    # Month is not a grouping of this report.
    response = client.get("/admin/reports/certificates/", {"group_by": "month"})
    assert "Choose one from the list" in response.content.decode()


def test_a_filtered_download_says_which_certificates_it_holds():
    """A file opened months later must not pass for all certificates: its title row and its
    name say the sector and the period, as the page's caption does."""
    world = certificates_world()
    client = staff_client(Role.COORDINATOR)
    query = {"since": "2025-01-01", "sector": world.health.pk, "group_by": "organisation"}
    said = f"Sector: {world.health.name}; From 1 January 2025 to today, as on 2 December 2026"
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC), tick=False):
        page = client.get("/admin/reports/certificates/", query).content.decode()
        response = client.get("/admin/reports/certificates/", {**query, "export": "xlsx"})
    assert f"Certificates: {said}</caption>" in page
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificates-organisation-{world.health.slug}-from-2025-01-01.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1] if cell.value is not None] == ["Certificates", said]
