"""White Ribbon stage changes made at the same instant on PostgreSQL: several coordinators making
the same move, two making different moves, and the daily check run by several workers at once.
One change is dated, logged and announced once; the other requests are told it changed already.
"""

from __future__ import annotations

import datetime
from collections import Counter
from functools import partial

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import AccreditationCycle, StageChange, WhiteRibbonSettings
from champions.whiteribbon.services import add_months, mark_renewals_due
from lms.site.roles import Role
from tests.concurrency.racing import CONCURRENT, RACERS, ROUNDS, no_errors, posting, race
from tests.conftest import staff_client
from tests.factories import AccreditationCycleFactory, accredited_cycle

pytestmark = CONCURRENT

S = AccreditationCycle.Stage
CYCLES = "/admin/white-ribbon/cycles/"
STAGE_ACTION = "champions.whiteribbon.stage"


@pytest.fixture
def coordinators():
    """Several coordinators, each signed in (password and code) in their own browser."""
    return [staff_client(Role.COORDINATOR) for _ in range(RACERS)]


def today() -> datetime.date:
    return timezone.localdate()


def stage_form(cycle, to, **overrides) -> dict:
    """The stage page's form as it was when the coordinator opened it."""
    return {"to": to, "on": today().isoformat(), "approved_on": "", "note": "", "from_stage": cycle.stage,
            **overrides}


def logged_moves(cycle) -> list[str]:
    return [entry.data["to"] for entry in ModelLogEntry.objects.filter(
        content_type__model="accreditationcycle", object_id=str(cycle.pk), action=STAGE_ACTION,
    )]


def text_of(response) -> str:
    return response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")


def test_several_coordinators_making_the_same_move_at_once_make_it_once(coordinators):
    for _round in range(ROUNDS):
        cycle = AccreditationCycleFactory(stage=S.INTERESTED, stage_changed_on=today() - datetime.timedelta(days=9))
        data = stage_form(cycle, S.COMMITTED, note="Board minute 14.")

        responses = no_errors(race(*posting(coordinators, f"{CYCLES}stage/{cycle.pk}/", data, follow=True)))

        pages = [text_of(r) for r in responses]
        assert {r.status_code for r in responses} == {200}
        assert sum("is now “committed”" in page for page in pages) == 1
        assert sum("This cycle is already “committed”: it changed after the page was opened" in page
                   for page in pages) == RACERS - 1
        cycle.refresh_from_db()
        assert cycle.stage == S.COMMITTED
        assert list(StageChange.objects.filter(cycle=cycle).values_list("from_stage", "to_stage")) == [
            (S.INTERESTED, S.COMMITTED)]
        assert logged_moves(cycle) == [S.COMMITTED]


def test_two_different_moves_at_once_make_one_and_refuse_the_other(coordinators):
    for _round in range(ROUNDS):
        cycle = AccreditationCycleFactory(stage=S.SUBMITTED, stage_changed_on=today() - datetime.timedelta(days=9))
        moves = [
            stage_form(cycle, S.ACCREDITED),
            stage_form(cycle, S.PREPARING, note="The panel asked for a fuller plan for year two."),
        ] * (RACERS // 2)

        responses = no_errors(race(*[
            partial(client.post, f"{CYCLES}stage/{cycle.pk}/", data, follow=True)
            for client, data in zip(coordinators, moves, strict=True)
        ]))

        cycle.refresh_from_db()
        assert cycle.stage in (S.ACCREDITED, S.PREPARING)
        pages = [text_of(r) for r in responses]
        assert sum(f"is now “{cycle.get_stage_display().lower()}”" in page for page in pages) == 1
        assert sum("it changed after the page was opened" in page for page in pages) == RACERS - 1
        assert list(StageChange.objects.filter(cycle=cycle).values_list("to_stage", flat=True)) == [cycle.stage]
        assert logged_moves(cycle) == [cycle.stage]
        # Accredited: its approval is recorded once, with the one change.
        assert (cycle.approved_on is not None) == (cycle.stage == S.ACCREDITED)


def test_the_daily_check_run_by_several_workers_at_once_moves_and_emails_each_renewal_once(coordinators):
    # The coordinators' settings exist, as on a live site (their first save runs a check of its own).
    WhiteRibbonSettings.load()
    for _round in range(ROUNDS):
        mail.outbox.clear()
        # Accredited nearly three years ago: within the six months' notice of expiry.
        approved = add_months(today(), -30) - datetime.timedelta(days=5)
        due = [accredited_cycle(approved_on=approved) for _ in range(3)]

        moved = no_errors(race(*[mark_renewals_due for _ in range(RACERS)]))

        assert sum(moved) == len(due)
        for cycle in due:
            cycle.refresh_from_db()
            assert cycle.stage == S.RENEWAL_DUE and cycle.renewal_notified_on == today()
            assert list(StageChange.objects.filter(cycle=cycle).values_list("to_stage", flat=True)) == [
                S.RENEWAL_DUE]
            assert logged_moves(cycle) == [S.RENEWAL_DUE]
        # Each lead contact and each coordinator is told of each renewal once.
        sent = Counter((message.subject, tuple(message.to)) for message in mail.outbox)
        assert sent and set(sent.values()) == {1}, [key for key, times in sent.items() if times > 1]
        leads = {cycle.lead_contact_email for cycle in due}
        assert leads <= {recipient for _subject, (recipient,) in sent}
        assert len(sent) == len(due) * (1 + len(coordinators))
