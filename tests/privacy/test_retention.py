"""The retention rules with frozen dates: an unused account is warned once, then erased 30 days
later unless its owner signs in; an ended champion record loses its details after two years;
expired downloads go; --dry-run changes nothing."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from champions.models import Champion
from lms.accounts.models import User
from lms.privacy.erasure import is_erased
from lms.privacy.models import InactivityWarning
from lms.privacy.retention import apply_retention
from tests.factories import ChampionFactory, LearnerFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
THREE_YEARS = datetime.timedelta(days=3 * 365)


def idle_since(when: datetime.datetime, **fields) -> User:
    with time_machine.travel(when, tick=False):
        return LearnerFactory(last_login=when, **fields)


def test_an_unused_account_is_warned_once_then_erased_30_days_later():
    idle = idle_since(START - THREE_YEARS + datetime.timedelta(days=29), full_name="Idle Person Example")
    recent = idle_since(START - datetime.timedelta(days=100))
    with time_machine.travel(START, tick=False):
        result = apply_retention()
        assert result.warned == [idle.pk] and result.erased == []
        assert len(mail.outbox) == 1 and mail.outbox[0].to == [idle.email]
        assert "sign in" in mail.outbox[0].body and "Idle Person Example" in mail.outbox[0].body
        apply_retention()  # the next day's run, early: nothing more
        assert len(mail.outbox) == 1
    with time_machine.travel(START + datetime.timedelta(days=29), tick=False):
        assert apply_retention().erased == []
    with time_machine.travel(START + datetime.timedelta(days=30), tick=False):
        result = apply_retention()
    assert result.erased == [idle.pk] and len(mail.outbox) == 1
    idle.refresh_from_db()
    recent.refresh_from_db()
    assert is_erased(idle) and not idle.is_active and idle.full_name == ""
    assert not User.objects.filter(full_name="Idle Person Example").exists()
    assert not is_erased(recent) and recent.is_active


def test_signing_in_after_the_warning_keeps_the_account():
    idle = idle_since(START - THREE_YEARS + datetime.timedelta(days=10))
    with time_machine.travel(START, tick=False):
        apply_retention()
    User.objects.filter(pk=idle.pk).update(last_login=START + datetime.timedelta(days=5))
    with time_machine.travel(START + datetime.timedelta(days=40), tick=False):
        result = apply_retention()
    assert result.erased == [] and result.warned == []
    idle.refresh_from_db()
    assert idle.is_active and not is_erased(idle)


def test_an_account_long_unused_when_the_rule_starts_still_gets_30_days_warning():
    idle = idle_since(START - THREE_YEARS - datetime.timedelta(days=400))
    with time_machine.travel(START, tick=False):
        assert apply_retention().warned == [idle.pk]
    with time_machine.travel(START + datetime.timedelta(days=29), tick=False):
        assert apply_retention().erased == []
    with time_machine.travel(START + datetime.timedelta(days=30), tick=False):
        assert apply_retention().erased == [idle.pk]


def test_a_lapsed_champion_loses_their_details_two_years_after_lapsing():
    lapsed = ChampionFactory(status=Champion.Status.LAPSED, status_changed_at=START - datetime.timedelta(days=731),
                             statement="Why I care", line_manager_name="Morag Line-Manager")
    recent = ChampionFactory(status=Champion.Status.LAPSED, status_changed_at=START - datetime.timedelta(days=700))
    active = ChampionFactory(status=Champion.Status.ACTIVE, status_changed_at=START - datetime.timedelta(days=900))
    with time_machine.travel(START, tick=False):
        assert apply_retention().champions_anonymised == [lapsed.pk]
        assert apply_retention().champions_anonymised == []
    lapsed.refresh_from_db()
    assert lapsed.statement == "" and lapsed.line_manager_name == "" and lapsed.line_manager_email == ""
    for champion in (recent, active):
        champion.refresh_from_db()
        assert champion.statement and champion.line_manager_email


def test_dry_run_says_what_it_would_do_and_does_nothing():
    idle = idle_since(timezone.now() - THREE_YEARS)
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert f"Would have warned 1 inactive account(s) by email (account or record ids {idle.pk})" in out.getvalue()
    assert not mail.outbox and not InactivityWarning.objects.exists()
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Warned 1 inactive account(s)" in out.getvalue() and len(mail.outbox) == 1
