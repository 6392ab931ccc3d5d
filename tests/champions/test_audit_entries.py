"""The champions network's entries in the audit trail: every change of a champion's status (an
application, an approval, a decline) and every download of the briefings report, with who did it."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import ModelLogEntry

from champions import services
from champions.models import Champion
from lms.site.audit import EXPORT_ACTION
from lms.site.roles import Role
from tests.champions.factories import BriefingFactory, ChampionFactory
from tests.conftest import staff_client
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db
S = Champion.Status


def test_an_approval_is_in_the_trail_with_who_from_what_to_what_and_why():
    chidi = ChampionFactory(user=LearnerFactory(full_name="Chidi Okafor"), status=S.MANAGER_AGREED,
                            approved_at=None)
    client = staff_client(Role.COORDINATOR)
    response = client.post(f"/admin/champions/approve/{chidi.pk}/", {"reason": "Strong statement"})
    assert response.status_code == 302
    client.post(f"/admin/champions/approve/{chidi.pk}/", {"reason": "again"})  # refused: no entry
    entries = list(ModelLogEntry.objects.filter(action=services.STATUS_ACTION, object_id=str(chidi.pk)))
    assert len(entries) == 1
    assert entries[0].user.groups.filter(name=Role.COORDINATOR).exists()
    assert entries[0].data == {"from": S.MANAGER_AGREED, "to": S.ACTIVE, "reason": "Strong statement"}
    assert entries[0].message == (
        "Status: Line manager agreed, waiting for a coordinator → Active: Strong statement"
    )


def test_a_decline_is_in_the_trail_with_its_reason():
    dana = ChampionFactory(status=S.MANAGER_AGREED, approved_at=None)
    coordinator = LearnerFactory(roles=[Role.COORDINATOR])
    services.decline(dana, by=coordinator, reason="Not eligible yet")
    entry = ModelLogEntry.objects.get(action=services.STATUS_ACTION, object_id=str(dana.pk))
    assert entry.user == coordinator
    assert entry.data["to"] == S.DECLINED and entry.data["reason"] == "Not eligible yet"


def test_a_briefings_download_is_in_the_trail_with_its_period():
    BriefingFactory(people_count=12, given_on=datetime.date(2026, 3, 2))
    client = staff_client(Role.COORDINATOR)
    response = client.get("/admin/network/briefings/", {"since": "2026-01-01", "until": "2026-12-31",
                                                         "export": "csv"})
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.data["what"] == "Champions' briefings report"
    assert entry.data["format"] == "CSV"
    assert entry.data["filters"] == {"From": "2026-01-01", "To": "2026-12-31"}
    assert entry.user is not None
