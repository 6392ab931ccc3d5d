"""The coordinator's certificates list: columns and filters, accent-blind search, a CSV that Excel
reads, revoke naming the certificate, and undoing a revocation within the stated window.

Run on both databases: `DATABASE_URL=postgres://... pytest tests/certificates/test_certificate_admin.py`.
"""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from content.models import Sector
from lms.accounts.models import District
from lms.certificates.models import Certificate
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import CertificateFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def listing(client, **params) -> str:
    response = client.get("/admin/certificates/", params)
    assert response.status_code == 200
    return response.content.decode()


def export(client, **params) -> bytes:
    response = client.get("/admin/certificates/", {"export": "csv", **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def people():
    """Łucja at a Dacorum housing association, Ben at a Watford charity."""
    housing = OrganisationFactory(name="Dacorum Homes", sector=Sector.objects.get(slug="housing"),
                                  district=District.objects.get(slug="dacorum"))
    charity = OrganisationFactory(name="Watford Women's Centre")
    lucja = LearnerFactory(full_name="Łucja Nguyễn", organisation=housing, sector=housing.sector,
                           district=housing.district)
    ben = LearnerFactory(full_name="Ben Ward", organisation=charity)
    return {"lucja": lucja, "ben": ben, "housing": housing, "charity": charity}


def test_the_list_shows_organisation_sector_district_and_status(people):
    CertificateFactory(user=people["lucja"], module=None, module_title="Stalking")
    client = staff_client(Role.COORDINATOR)
    page = listing(client)
    table = page[page.index('<table class="listing'):]
    headings = [re.sub(r"<[^>]+>|\s+", " ", th).strip() for th in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert {"Organisation", "Sector", "District", "Status"} <= set(headings)
    assert "Dacorum Homes" in page and "Dacorum" in page and "Housing" in page
    assert "Current" in page


def test_filters_narrow_the_list_by_status_organisation_sector_and_district(people):
    current = CertificateFactory(user=people["ben"], module=None, module_title="Current module")
    expiring = CertificateFactory(user=people["ben"], module=None, module_title="Expiring module",
                                  expires_on=TODAY + datetime.timedelta(days=10))
    expired = CertificateFactory(user=people["lucja"], module=None, module_title="Expired module",
                                 issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2022, 1, 1))
    revoked = CertificateFactory(user=people["lucja"], module=None, module_title="Revoked module",
                                 revoked_at=timezone.now(), revocation_reason="Issued in error")
    replaced = CertificateFactory(user=people["ben"], module=None, module_title="Replaced module",
                                  expires_on=TODAY + datetime.timedelta(days=5))
    CertificateFactory(user=people["ben"], module=None, module_title="Replaced module", replaces=replaced)
    client = staff_client(Role.COORDINATOR)

    def codes(**params):
        page = listing(client, **params)
        return {c.code for c in (current, expiring, expired, revoked, replaced) if c.code in page}

    assert codes() == {current.code, expiring.code, expired.code, revoked.code, replaced.code}
    assert codes(status="current") == {current.code}
    assert codes(status="expiring") == {expiring.code}
    assert codes(status="expired") == {expired.code}
    assert codes(status="revoked") == {revoked.code}
    assert codes(status="replaced") == {replaced.code}
    assert codes(organisation=people["housing"].pk) == {expired.code, revoked.code}
    assert codes(sector=Sector.objects.get(slug="housing").pk) == {expired.code, revoked.code}
    assert codes(district=District.objects.get(slug="watford").pk) == {current.code, expiring.code, replaced.code}
    assert "Replaced by a renewal" in listing(client, status="replaced")


@pytest.mark.parametrize("typed", ["lucja", "LUCJA NGUYEN", "Łucja", "nguyễn"])
def test_searching_without_accents_finds_lucja(people, typed):
    lucja = CertificateFactory(user=people["lucja"], module=None, module_title="Stalking")
    ben = CertificateFactory(user=people["ben"], module=None, module_title="Stalking")
    page = listing(staff_client(Role.COORDINATOR), q=typed)
    assert lucja.code in page and "Łucja Nguyễn" in page
    assert ben.code not in page


def test_certificates_issued_before_the_folded_name_existed_are_found_after_the_migration(people):
    from importlib import import_module

    from django.apps import apps

    certificate = CertificateFactory(user=people["lucja"], module=None, module_title="Stalking")
    Certificate.objects.update(holder_name_folded="")  # as rows stood before migration 0004
    migration = import_module("lms.certificates.migrations.0004_certificate_holder_name_folded")
    migration.fill_folded_names(apps, None)
    assert certificate.code in listing(staff_client(Role.COORDINATOR), q="lucja")


def test_the_csv_opens_in_excel_with_names_intact_and_local_dates_without_microseconds(people):
    # Revoked at 23:30 UTC on 30 June: 00:30 on 1 July in London (summer time).
    revoked_at = datetime.datetime(2026, 6, 30, 23, 30, 15, 123456, tzinfo=datetime.UTC)
    CertificateFactory(user=people["lucja"], module=None, module_title="Stalking",
                       revoked_at=revoked_at, revocation_reason="=HYPERLINK(\"http://evil\")")
    body = export(staff_client(Role.COORDINATOR))
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    row = rows[0]
    assert row["Holder name"] == "Łucja Nguyễn"
    assert row["Organisation"] == "Dacorum Homes" and row["District"] == "Dacorum" and row["Status"] == "Revoked"
    assert row["Revoked at (UK time)"] == "2026-07-01 00:30"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["Issued on"])
    assert row["Revocation reason"].startswith("'=")
    assert ".123456" not in body.decode("utf-8-sig") and "+00:00" not in body.decode("utf-8-sig")


def test_the_revoke_page_names_the_holder_module_and_code(people):
    certificate = CertificateFactory(user=people["lucja"], module=None, module_title="Stalking and harassment")
    page = staff_client(Role.COORDINATOR).get(f"/admin/certificates/revoke/{certificate.pk}/").content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert certificate.code in title and "Łucja Nguyễn" in title
    start = page.index('aria-label="Breadcrumb"')
    breadcrumbs = page[start:page.index("</nav>", start)]
    assert "Certificates" in breadcrumbs and "Łucja Nguyễn – Stalking and harassment" in breadcrumbs
    assert "Stalking and harassment" in page and certificate.code in page
    assert "can undo it within 14 days" in page


def test_a_coordinator_undoes_a_revocation_within_the_window_with_a_reason_and_it_is_logged(people, client):
    certificate = CertificateFactory(user=people["lucja"], module=None, module_title="Stalking")
    coordinator = staff_client(Role.COORDINATOR)
    coordinator.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": "Wrong person"})
    certificate.refresh_from_db()
    assert certificate.revoked_at
    assert f"/admin/certificates/restore/{certificate.pk}/" in listing(coordinator)

    url = f"/admin/certificates/restore/{certificate.pk}/"
    page = coordinator.get(url).content.decode()
    assert "Łucja Nguyễn" in page and certificate.code in page and "within 14 days" in page
    assert "Give the reason for restoring" in coordinator.post(url, {"reason": " "}).content.decode()
    response = coordinator.post(url, {"reason": "Revoked the wrong Łucja"}, follow=True)
    assert "is valid again" in response.content.decode()

    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.revocation_reason == ""
    entry = ModelLogEntry.objects.get(action="lms.certificate.restore", object_id=str(certificate.pk))
    assert entry.user == coordinator.user
    assert entry.data["reason"] == "Revoked the wrong Łucja" and entry.data["revocation_reason"] == "Wrong person"
    assert "Valid" in client.get(f"/verify/{certificate.code}/").content.decode()
    assert log_registry.get_action_label("lms.certificate.restore") == "Revocation undone"


def test_undoing_after_the_window_is_refused_with_a_clear_message(people, settings):
    settings.CERTIFICATE_REVOCATION_UNDO_DAYS = 14
    certificate = CertificateFactory(
        user=people["lucja"], module=None, module_title="Stalking",
        revoked_at=timezone.now() - datetime.timedelta(days=15), revocation_reason="Wrong person",
    )
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/certificates/restore/{certificate.pk}/"
    assert url not in listing(coordinator)
    page = coordinator.get(url).content.decode()
    assert "can no longer be undone" in page and "<textarea" not in page
    response = coordinator.post(url, {"reason": "Please"}, follow=True)
    assert "more than 14 days ago" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert not ModelLogEntry.objects.filter(action="lms.certificate.restore").exists()


def test_only_coordinators_undo_revocations(people):
    certificate = CertificateFactory(user=people["lucja"], module=None, revoked_at=timezone.now(),
                                     revocation_reason="Wrong person")
    editor = staff_client(Role.EDITOR)
    response = editor.post(f"/admin/certificates/restore/{certificate.pk}/", {"reason": "Because"})
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
