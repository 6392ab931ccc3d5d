"""Property-based tests of the bulk import of people (the upload, the confirmation, the row
checks), with inputs Hypothesis makes up. Whatever is sent: no server error, the dry run writes
and sends nothing, a made-up confirmation imports nothing, and every row is either importable or
refused with a message in words."""

from __future__ import annotations

import pytest
import tablib
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.accounts.models import User
from lms.organisations.models import Membership, Organisation
from lms.organisations.user_import import COLUMNS, PersonResource
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, confirmed_member

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
CELL = st.one_of(SHORT, st.sampled_from([
    "Existing Org", "existing  org", "Pending Org", "Nowhere", "Watford", "Atlantis", "Health", "housing",
    "new@example.org", "NEW@example.org", "member@example.org", "other@example.org", "not an email", "a@b",
    "=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "-1", "+44", "'+44", "'", "''=1", "", " ", "\x00", "\u200b",
    "Łucja Nowak-O'Brien", "x" * 300, "a" * 250 + "@example.org",
]))
PLAUSIBLE = st.fixed_dictionaries({
    "email": st.sampled_from(["new@example.org", "other@example.org", "member@example.org", "NEW@example.org",
                              "bad"]),
    "full_name": st.sampled_from(["Ann Lee", "", "'=Ann", "=Ann"]),
    "job_role": st.sampled_from(["", "Nurse", "x" * 200]),
    "organisation": st.sampled_from(["Existing Org", "existing org", "Pending Org", "Nowhere", ""]),
    "district": st.sampled_from(["", "Watford", "st-albans", "Atlantis"]),
    "sector": st.sampled_from(["", "Health", "Spaceflight"]),
})


@pytest.fixture
def world():
    existing = OrganisationFactory(name="Existing Org")
    OrganisationFactory(name="Pending Org", status=Organisation.Status.PENDING)
    confirmed_member(LearnerFactory(email="member@example.org"), existing)
    confirmed_member(LearnerFactory(email="other@example.org"))
    return {"client": staff_client(Role.COORDINATOR)}


def snapshot():
    return (
        list(User.objects.order_by("pk").values_list("pk", "email", "full_name", "job_role", "password",
                                                      "organisation_id", "district_id", "sector_id")),
        list(Membership.objects.order_by("pk").values_list("pk", "user_id", "organisation_id", "status")),
        EmailAddress.objects.count(),
    )


@FUZZ
@given(
    header=st.one_of(st.just(list(COLUMNS)), st.lists(st.sampled_from(COLUMNS), max_size=8),
                     st.lists(SHORT, max_size=4)),
    rows=st.lists(st.lists(CELL, max_size=7), max_size=5),
    name=st.sampled_from(["people.csv", "people.xlsx", "PEOPLE.CSV", "x.txt", "", "a.csv.exe"]),
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
    response = world["client"].post("/admin/people/import/", files)
    assert response.status_code == 200
    assert snapshot() == before
    refused = world["client"].post("/admin/people/import/confirm/", {"digest": "a" * 64})
    assert refused.status_code == 302
    assert snapshot() == before
    assert mail.outbox == []


@FUZZ
@given(confirm=st.dictionaries(SHORT, SHORT, max_size=3),
       digest=st.one_of(SHORT, st.text("0123456789abcdef", min_size=64, max_size=64)))
def test_the_confirmation_with_any_input_imports_nothing_it_was_not_shown(world, confirm, digest):
    before = snapshot()
    response = world["client"].post("/admin/people/import/confirm/", {**confirm, "digest": digest})
    assert response.status_code == 302 and response["Location"] == "/admin/people/import/"
    assert snapshot() == before


@FUZZ
@given(cells=st.one_of(
    st.lists(PLAUSIBLE, min_size=1, max_size=3),
    st.lists(st.fixed_dictionaries({column: CELL for column in COLUMNS}), min_size=1, max_size=4),
))
def test_every_row_is_importable_or_refused_with_a_message(world, cells):
    dataset = tablib.Dataset(*[tuple(row[c] for c in COLUMNS) for row in cells], headers=list(COLUMNS))
    resource = PersonResource(by=world["client"].user, file_name="fuzz.csv")
    with transaction.atomic():
        result = resource.import_data(dataset, dry_run=True, use_transactions=True, raise_errors=False)
        transaction.set_rollback(True)
    for row_result in result.rows:
        assert not row_result.errors, [str(error.error) for error in row_result.errors]
        if row_result.validation_error is not None:
            for texts in row_result.validation_error.message_dict.values():
                assert all(text.strip() for text in texts)
    assert not result.base_errors
