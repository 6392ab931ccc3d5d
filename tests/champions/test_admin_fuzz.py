"""Property-based tests of the coordinators' champion forms: the decisions (record the line
manager's agreement, approve, decline, withdraw) and the import upload, with inputs Hypothesis
makes up. Whatever is sent: no server error; a refused post changes nothing; the upload's dry
run never writes a champion, whatever the file holds."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.models import Champion, StatusChange
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory
from tests.conftest import staff_client
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
HEADERS = "email,tier,organisation,districts,sector,specialisms,languages,availability,visibility," \
          "line_manager_name,line_manager_email,status,approved_on"

S = Champion.Status


@pytest.fixture
def world():
    client = staff_client(Role.COORDINATOR)
    waiting = ChampionFactory(status=S.MANAGER_AGREED, approved_at=None)
    applied = ChampionFactory(status=S.APPLIED, approved_at=None, manager_agreed_at=None)
    LearnerFactory(email="someone@example.org")
    return {"client": client, "waiting": waiting, "applied": applied}


def snapshot():
    return (
        list(Champion.objects.order_by("pk").values_list("pk", "status", "manager_agreed_at", "approved_at")),
        StatusChange.objects.count(),
    )


@FUZZ
@given(slug=st.sampled_from(["agreement", "approve", "decline", "withdraw"]), reason=TEXT,
       extra=st.dictionaries(SHORT, SHORT, max_size=3), junk_pk=st.booleans())
def test_decision_posts_with_any_input(world, slug, reason, extra, junk_pk):
    champion = world["applied"] if slug == "agreement" else world["waiting"]
    before = snapshot()
    pk = "999999999" if junk_pk else champion.pk
    response = world["client"].post(f"/admin/champions/{slug}/{pk}/", {**extra, "reason": reason})
    assert response.status_code < 500
    if response.status_code != 302 or junk_pk:
        # Refused (a form error, an illegal change, no such champion): nothing changed.
        assert snapshot() == before
    else:
        champion.refresh_from_db()
        assert champion.status != before[0][[row[0] for row in before[0]].index(champion.pk)][1]
        # Put it back for the next example.
        Champion.objects.filter(pk=champion.pk).update(
            status=S.APPLIED if slug == "agreement" else S.MANAGER_AGREED, manager_agreed_at=None,
        )
        StatusChange.objects.all().delete()
        champion.user.groups.clear()


CELL = st.one_of(SHORT, st.sampled_from([
    "someone@example.org", "community", "lead", "Watford", "Health", "active", "paused", "=1+1", "@SUM(A1)",
    "2025-02-30", "31/12/2099", "professionals", "", "\x00", "Łucja", ";;;",
]))


@FUZZ
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=15), max_size=5),
    header=st.one_of(st.just(HEADERS), SHORT),
    name=st.sampled_from(["champions.csv", "champions.xlsx", "champions.CSV", "x.txt", "", "a.csv.exe"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
    raw=st.one_of(st.none(), st.binary(max_size=400)),
)
def test_import_upload_with_any_file(world, rows, header, name, encoding, raw):
    before = snapshot()
    if raw is not None:
        data = raw
    else:
        text = "\r\n".join([header] + [",".join(f'"{cell}"' for cell in row) for row in rows])
        data = text.encode(encoding, errors="replace")
    files = {"file": SimpleUploadedFile(name or "upload", data)} if name else {}
    response = world["client"].post("/admin/champions/import/", files)
    assert response.status_code < 500
    assert snapshot() == before
    # A confirmation with a made-up fingerprint never imports.
    response = world["client"].post("/admin/champions/import/confirm/", {"digest": "a" * 64})
    assert response.status_code == 302
    assert snapshot() == before
