"""White Ribbon accreditation's rules (issue 12, must show 1): the transition table, three-year
expiry, and renewal falling due by itself, with frozen dates."""

import datetime
import itertools

import pytest
import time_machine
from django.core import mail

from champions.whiteribbon.models import AccreditationCycle, StageChange, WhiteRibbonSettings
from champions.whiteribbon.services import (
    AccreditationError,
    add_months,
    change_stage,
    change_track,
    expiry_of,
    mark_renewals_due,
    start_cycle,
)
from lms.site.roles import Role
from tests.factories import LearnerFactory, OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, accredited_cycle

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
T = AccreditationCycle.Track

# The table as a person would read it: from each stage, where a cycle may go next.
LEGAL = {
    (S.INTERESTED, S.COMMITTED), (S.INTERESTED, S.WITHDRAWN),
    (S.COMMITTED, S.PREPARING), (S.COMMITTED, S.LAPSED), (S.COMMITTED, S.WITHDRAWN),
    (S.PREPARING, S.SUBMITTED), (S.PREPARING, S.LAPSED), (S.PREPARING, S.WITHDRAWN),
    (S.SUBMITTED, S.ACCREDITED), (S.SUBMITTED, S.PREPARING), (S.SUBMITTED, S.WITHDRAWN),
    (S.ACCREDITED, S.RENEWAL_DUE), (S.ACCREDITED, S.WITHDRAWN),
    (S.RENEWAL_DUE, S.REACCREDITED), (S.RENEWAL_DUE, S.LAPSED), (S.RENEWAL_DUE, S.WITHDRAWN),
}
SUPPORTER_LEGAL = {
    (S.INTERESTED, S.COMMITTED), (S.INTERESTED, S.WITHDRAWN), (S.COMMITTED, S.LAPSED), (S.COMMITTED, S.WITHDRAWN),
}
TODAY = datetime.date(2026, 12, 1)


def cycle_at(stage, track=T.ACCREDITED):
    approved = datetime.date(2025, 1, 10) if stage in AccreditationCycle.APPROVED else None
    return AccreditationCycleFactory(
        stage=stage, track=track, approved_on=approved, stage_changed_on=datetime.date(2025, 6, 1),
        closed_on=datetime.date(2025, 6, 1) if stage in AccreditationCycle.CLOSED else None,
    )


@pytest.fixture
def coordinator_user():
    return LearnerFactory(roles=[Role.COORDINATOR])


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
@pytest.mark.parametrize(("from_stage", "to_stage"), list(itertools.product(S.values, S.values)))
def test_every_move_of_the_table_is_allowed_or_refused_with_nothing_written(from_stage, to_stage, coordinator_user):
    cycle = cycle_at(from_stage)
    before = StageChange.objects.count()
    if (from_stage, to_stage) in LEGAL:
        after = change_stage(cycle, to_stage, by=coordinator_user, note="Agreed at the steering group.")
        cycle.refresh_from_db()
        assert cycle.stage == to_stage
        assert cycle.stage_changed_on == TODAY
        change = cycle.stage_changes.get()
        assert (change.from_stage, change.to_stage, change.on, change.by) == (
            from_stage, to_stage, TODAY, coordinator_user,
        )
        assert after.is_open == (to_stage not in AccreditationCycle.CLOSED or to_stage == S.REACCREDITED)
    else:
        with pytest.raises(AccreditationError, match="Nothing was changed"):
            change_stage(cycle, to_stage, by=coordinator_user, note="Trying.")
        cycle.refresh_from_db()
        assert cycle.stage == from_stage
        assert StageChange.objects.count() == before


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
@pytest.mark.parametrize(("from_stage", "to_stage"), list(itertools.product(
    sorted(AccreditationCycle.SUPPORTER_STAGES), S.values,
)))
def test_a_supporter_organisation_never_applies(from_stage, to_stage, coordinator_user):
    cycle = cycle_at(from_stage, track=T.SUPPORTER)
    if (from_stage, to_stage) in SUPPORTER_LEGAL:
        change_stage(cycle, to_stage, by=coordinator_user, note="Steering group decision.")
        cycle.refresh_from_db()
        assert cycle.stage == to_stage
    else:
        with pytest.raises(AccreditationError):
            change_stage(cycle, to_stage, by=coordinator_user, note="Trying.")


def test_the_refusal_says_where_the_cycle_can_go(coordinator_user):
    cycle = cycle_at(S.INTERESTED)
    with pytest.raises(AccreditationError) as refused:
        change_stage(cycle, S.ACCREDITED, by=coordinator_user)
    assert str(refused.value) == (
        "This cycle is “interested”, so it cannot become “accredited”: it can become “committed” "
        "or “withdrawn”. Nothing was changed."
    )


@pytest.mark.parametrize(("approved", "expires"), [
    (datetime.date(2026, 3, 14), datetime.date(2029, 3, 14)),
    (datetime.date(2024, 2, 29), datetime.date(2027, 2, 28)),  # no 29 February in 2027
    (datetime.date(2026, 12, 31), datetime.date(2029, 12, 31)),
])
def test_accreditation_runs_three_years_from_the_panels_approval(approved, expires):
    assert expiry_of(approved) == expires


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_the_panels_approval_dates_the_accreditation(coordinator_user):
    cycle = cycle_at(S.SUBMITTED)
    change_stage(cycle, S.ACCREDITED, by=coordinator_user, on=datetime.date(2026, 11, 20),
                 approved_on=datetime.date(2026, 11, 18))
    cycle.refresh_from_db()
    assert (cycle.approved_on, cycle.expires_on) == (datetime.date(2026, 11, 18), datetime.date(2029, 11, 18))


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_dates_in_the_future_or_before_the_last_change_are_refused(coordinator_user):
    cycle = cycle_at(S.INTERESTED)
    with pytest.raises(AccreditationError, match="cannot be in the future"):
        change_stage(cycle, S.COMMITTED, by=coordinator_user, on=datetime.date(2026, 12, 2))
    with pytest.raises(AccreditationError, match="before the cycle's last change, on 1 June 2025"):
        change_stage(cycle, S.COMMITTED, by=coordinator_user, on=datetime.date(2025, 5, 31))
    assert not StageChange.objects.exists()


def test_lapsing_or_withdrawing_needs_a_reason(coordinator_user):
    cycle = cycle_at(S.COMMITTED)
    with pytest.raises(AccreditationError, match="Say why"):
        change_stage(cycle, S.WITHDRAWN, by=coordinator_user, note="  ")
    change_stage(cycle, S.WITHDRAWN, by=coordinator_user, note="New chief executive paused the work.")
    cycle.refresh_from_db()
    assert (cycle.stage, cycle.closed_on) == (S.WITHDRAWN, cycle.stage_changed_on)


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_re_accreditation_closes_the_cycle_and_a_renewal_carries_on(coordinator_user):
    cycle = cycle_at(S.RENEWAL_DUE)
    renewal = change_stage(cycle, S.REACCREDITED, by=coordinator_user, approved_on=datetime.date(2026, 11, 30))
    cycle.refresh_from_db()
    assert cycle.stage == S.REACCREDITED and not cycle.is_open
    assert renewal.renews == cycle
    assert (renewal.kind, renewal.stage) == (AccreditationCycle.Kind.RENEWAL, S.ACCREDITED)
    assert (renewal.approved_on, renewal.expires_on) == (datetime.date(2026, 11, 30), datetime.date(2029, 11, 30))
    assert renewal.lead_contact_email == cycle.lead_contact_email
    assert list(AccreditationCycle.objects.open()) == [renewal]


def test_one_cycle_under_way_per_organisation(coordinator_user):
    organisation = OrganisationFactory()
    start_cycle(organisation, by=coordinator_user)
    with pytest.raises(AccreditationError, match="already has a White Ribbon cycle under way"):
        start_cycle(organisation, by=coordinator_user)
    assert AccreditationCycle.objects.filter(organisation=organisation).count() == 1


def test_a_supporter_cannot_start_as_accredited(coordinator_user):
    with pytest.raises(AccreditationError, match="does not apply"):
        start_cycle(OrganisationFactory(), by=coordinator_user, track=T.SUPPORTER, stage=S.ACCREDITED,
                    approved_on=datetime.date(2025, 1, 1))
    assert not AccreditationCycle.objects.exists()


def test_the_track_changes_only_before_an_application_is_prepared(coordinator_user):
    cycle = cycle_at(S.COMMITTED, track=T.SUPPORTER)
    change_track(cycle, T.ACCREDITED, by=coordinator_user, note="Board agreed to seek accreditation.")
    cycle.refresh_from_db()
    assert cycle.track == T.ACCREDITED
    preparing = cycle_at(S.PREPARING)
    with pytest.raises(AccreditationError, match="only while it is interested or committed"):
        change_track(preparing, T.SUPPORTER, by=coordinator_user)


# Renewal falling due by itself -----------------------------------------------------------------

APPROVED = datetime.date(2024, 6, 15)  # expires 15 June 2027; renewal due from 15 December 2026


@pytest.fixture
def accredited(db):
    LearnerFactory(roles=[Role.COORDINATOR], email="coordinator-one@example.org")
    LearnerFactory(roles=[Role.COORDINATOR], email="coordinator-two@example.org")
    return accredited_cycle(approved_on=APPROVED, lead_contact_email="wr-lead@example.org")


def run_on(day: datetime.date) -> int:
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(6, 0)), tick=False):
        return mark_renewals_due()


def test_renewal_falls_due_six_months_before_expiry_and_only_once(accredited, django_capture_on_commit_callbacks):
    assert accredited.expires_on == datetime.date(2027, 6, 15)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_on(datetime.date(2026, 12, 14)) == 0
    accredited.refresh_from_db()
    assert accredited.stage == S.ACCREDITED and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        assert run_on(datetime.date(2026, 12, 15)) == 1
    accredited.refresh_from_db()
    assert (accredited.stage, accredited.stage_changed_on) == (S.RENEWAL_DUE, datetime.date(2026, 12, 15))
    change = accredited.stage_changes.get()
    assert change.by is None and "expires on 15 June 2027" in change.note
    assert sorted(message.to[0] for message in mail.outbox) == [
        "coordinator-one@example.org", "coordinator-two@example.org", "wr-lead@example.org",
    ]
    lead_email = next(message for message in mail.outbox if message.to == ["wr-lead@example.org"])
    assert "runs until 15 June 2027" in lead_email.body
    assert f"/organisations/{accredited.organisation_id}/white-ribbon/" in lead_email.body

    with django_capture_on_commit_callbacks(execute=True):
        assert run_on(datetime.date(2026, 12, 15)) == 0
        assert run_on(datetime.date(2026, 12, 16)) == 0
    assert len(mail.outbox) == 3
    assert accredited.stage_changes.count() == 1


def test_the_notice_period_is_the_coordinators_setting(accredited):
    settings = WhiteRibbonSettings.load()
    settings.renewal_notice_months = 3
    settings.save()
    assert run_on(datetime.date(2027, 3, 14)) == 0
    assert run_on(datetime.date(2027, 3, 15)) == 1


def test_a_late_check_still_moves_an_expired_accreditation(accredited):
    assert run_on(datetime.date(2027, 7, 1)) == 1
    accredited.refresh_from_db()
    assert accredited.stage == S.RENEWAL_DUE
    assert not AccreditationCycle.objects.accredited_on(datetime.date(2027, 7, 1)).exists()


def test_a_renewal_moved_by_hand_is_not_announced_again(
    accredited, coordinator_user, django_capture_on_commit_callbacks,
):
    with (
        time_machine.travel(datetime.datetime(2026, 12, 10, 9, 0), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        change_stage(accredited, S.RENEWAL_DUE, by=coordinator_user, note="Started early.")
    sent = len(mail.outbox)
    assert sent == 4  # the lead contact, and three coordinators (the one who moved it too)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_on(datetime.date(2026, 12, 15)) == 0
    assert len(mail.outbox) == sent


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2027, 8, 31), -6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 12, 15), 6) == datetime.date(2027, 6, 15)


@time_machine.travel(datetime.datetime(2026, 12, 1, 12, 0), tick=False)
def test_the_panel_cannot_approve_before_submission_nor_so_long_ago_that_it_has_expired(coordinator_user):
    cycle = cycle_at(S.SUBMITTED)  # submitted on 1 June 2025
    with pytest.raises(AccreditationError, match="before it was submitted, on 1 June 2025"):
        change_stage(cycle, S.ACCREDITED, by=coordinator_user, approved_on=datetime.date(2025, 5, 31))
    old = AccreditationCycleFactory(stage=S.SUBMITTED, stage_changed_on=datetime.date(2020, 1, 1))
    with pytest.raises(AccreditationError, match="expired on 2 January 2023, before 1 December 2026"):
        change_stage(old, S.ACCREDITED, by=coordinator_user, approved_on=datetime.date(2020, 1, 2))
    with pytest.raises(AccreditationError, match="expired on"):
        start_cycle(OrganisationFactory(), by=coordinator_user, stage=S.ACCREDITED,
                    approved_on=datetime.date(2023, 11, 30))
    assert not StageChange.objects.exists()
    assert AccreditationCycle.objects.filter(stage=S.ACCREDITED).count() == 0


def test_a_longer_notice_period_brings_renewal_forward_at_once(accredited, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime.datetime(2026, 10, 1, 9, 0), tick=False):
        assert mark_renewals_due() == 0
        settings = WhiteRibbonSettings.load()
        settings.renewal_notice_months = 9  # 15 June 2027 less nine months: 15 September 2026
        with django_capture_on_commit_callbacks(execute=True):
            settings.save()
    accredited.refresh_from_db()
    assert accredited.stage == S.RENEWAL_DUE
