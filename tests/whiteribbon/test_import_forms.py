"""Property-based tests of the White Ribbon import's forms (the upload and the confirmation) and of
its row cleaning, with inputs Hypothesis makes up. Whatever is sent: no server error, the dry run
writes nothing, a made-up confirmation imports nothing, and every row is either importable or
refused with a message (never an unexpected exception inside the import)."""

from __future__ import annotations

import datetime

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.whiteribbon.models import AccreditationCycle, StageChange
from champions.whiteribbon.resources import COLUMNS, OrganisationResource
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, accredited_cycle

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
S = AccreditationCycle.Stage
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
YEAR_AGO = (timezone.localdate() - datetime.timedelta(days=365)).isoformat()
CELL = st.one_of(SHORT, st.sampled_from([
    "Existing Org", "existing org", "Pending Org", "New Org", "Watford", "Atlantis", "Pharmacy", "public_body",
    "Health", "10 to 49", "1000+", "yes", "no", "maybe", "https://example.org", "www.example", "a@example.org",
    "not an email", "+44 1707 123456", "'+44 1707 123456", "01707 123456", "Accreditation", "supporter",
    "interested", "committed", "preparing", "submitted", "accredited", "renewal due", "re-accredited", "lapsed",
    "withdrawn", YEAR_AGO, "31/02/2027", "2099-01-01", "1999-12-31", "next week", "=HYPERLINK(\"http://x\",\"y\")",
    "@SUM(A1)", "-1", "'", "''=1", "", " ", "\x00", "\u200b", "Łucja", "x" * 300,
]))


# Rows close to good ones, so that the White Ribbon services are reached, not only the cells' checks.
PLAUSIBLE = st.fixed_dictionaries({
    **{column: st.just("") for column in COLUMNS},
    "sector": st.sampled_from(["", "Health", "housing"]),
    "workforce_size": st.sampled_from(["", "1-9", "250 to 999"]),
    "male_dominated_workforce": st.sampled_from(["", "yes", "no"]),
    "website": st.sampled_from(["", "https://example.org"]),
    "contact_phone": st.sampled_from(["", "'+44 1707 123456", "+44 1707 123456"]),
    "lead_contact_name": st.sampled_from(["", "Alex Morgan", "=cmd"]),
    "lead_contact_email": st.sampled_from(["", "lead@example.org"]),
    "name": st.sampled_from(["Existing Org", "Accredited Org", "New Org", "Another New Org", "pending org"]),
    "type": st.sampled_from(["Pharmacy", "school", "Faith group", "Other"]),
    "district": st.sampled_from(["Watford", "St Albans", "outside-hertfordshire"]),
    "white_ribbon_track": st.sampled_from(["", "accreditation", "supporter"]),
    "white_ribbon_stage": st.sampled_from(["", *S.values, "Renewal due"]),
    "approved_on": st.sampled_from(["", YEAR_AGO, "2020-01-01", timezone.localdate().isoformat()]),
})


@pytest.fixture
def world():
    existing = OrganisationFactory(name="Existing Org")
    AccreditationCycleFactory(organisation=existing, stage=S.COMMITTED)
    accredited_cycle(OrganisationFactory(name="Accredited Org"), approved_on=timezone.localdate()
                     - datetime.timedelta(days=400))
    OrganisationFactory(name="Pending Org", status=Organisation.Status.PENDING)
    return {"client": staff_client(Role.COORDINATOR)}


def snapshot():
    return (
        list(Organisation.objects.order_by("pk").values_list(
            "pk", "name", "kind", "district", "sector", "workforce_size", "male_dominated_workforce",
            "partnership_member", "website", "contact_name", "contact_email", "contact_phone", "status")),
        list(AccreditationCycle.objects.order_by("pk").values_list("pk", "track", "stage", "approved_on",
                                                                   "lead_contact_name", "lead_contact_email")),
        StageChange.objects.count(),
    )


@FUZZ
@given(
    header=st.one_of(st.just(list(COLUMNS)), st.lists(st.sampled_from(COLUMNS), max_size=16), st.lists(SHORT,
                                                                                                          max_size=4)),
    rows=st.lists(st.lists(CELL, max_size=17), max_size=5),
    name=st.sampled_from(["organisations.csv", "organisations.xlsx", "ORGS.CSV", "x.txt", "", "a.csv.exe"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
    raw=st.one_of(st.none(), st.binary(max_size=400)),
)
def test_the_upload_with_any_file_never_fails_and_writes_nothing(world, header, rows, name, encoding, raw):
    before = snapshot()
    if raw is not None:
        data = raw
    else:
        lines = [",".join(header)] + [",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows]
        data = "\r\n".join(lines).encode(encoding, errors="replace")
    files = {"file": SimpleUploadedFile(name or "upload", data)} if name else {}
    response = world["client"].post("/admin/white-ribbon/import/", files)
    assert response.status_code == 200
    assert snapshot() == before
    # A confirmation with a made-up fingerprint never imports.
    refused = world["client"].post("/admin/white-ribbon/import/confirm/", {"digest": "a" * 64})
    assert refused.status_code == 302
    assert snapshot() == before


@FUZZ
@given(confirm=st.dictionaries(SHORT, SHORT, max_size=3), digest=st.one_of(SHORT, st.text("0123456789abcdef",
                                                                                         min_size=64, max_size=64)))
def test_the_confirmation_with_any_input_imports_nothing_it_was_not_shown(world, confirm, digest):
    before = snapshot()
    response = world["client"].post("/admin/white-ribbon/import/confirm/", {**confirm, "digest": digest})
    assert response.status_code == 302 and response["Location"] == "/admin/white-ribbon/import/"
    assert snapshot() == before


@FUZZ
@given(cells=st.one_of(
    st.lists(PLAUSIBLE, min_size=1, max_size=2),
    st.lists(st.fixed_dictionaries({column: CELL for column in COLUMNS}), min_size=1, max_size=4),
))
def test_every_row_is_importable_or_refused_with_a_message(world, cells):
    dataset = tablib.Dataset(*[tuple(row[c] for c in COLUMNS) for row in cells], headers=list(COLUMNS))
    resource = OrganisationResource(by=world["client"].user, file_name="fuzz.csv")
    with transaction.atomic():
        result = resource.import_data(dataset, dry_run=True, use_transactions=True, raise_errors=False)
        transaction.set_rollback(True)
    for row_result in result.rows:
        # Never an unexpected exception: either a clean outcome or a row's problems in words.
        assert not row_result.errors, [str(error.error) for error in row_result.errors]
        if row_result.validation_error is not None:
            for texts in row_result.validation_error.message_dict.values():
                assert all(text.strip() for text in texts)
    assert not result.base_errors
