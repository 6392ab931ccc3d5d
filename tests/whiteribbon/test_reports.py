"""The coordinators' White Ribbon figures (champions/whiteribbon/reports.py): the pipeline's counts
by track and stage, the target's figures in total, by district and type, and the renewals due."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from champions.whiteribbon import reports
from champions.whiteribbon.models import AccreditationCycle
from lms.accounts.models import District
from lms.organisations.models import Organisation
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, WhiteRibbonSettingsFactory, accredited_cycle

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
T = AccreditationCycle.Track
TODAY = datetime.date(2026, 6, 15)


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def closed(stage, on, track=T.ACCREDITED):
    return AccreditationCycleFactory(stage=stage, track=track, closed_on=on, stage_changed_on=on)


def known_pipeline():
    """Three interested, two committed, one preparing, one submitted, four accredited, two renewal
    due on the accreditation track; one interested and two committed supporters; lapsed and
    withdrawn cycles inside and outside the last twelve months; one re-accredited (closed)."""
    for stage, n in ((S.INTERESTED, 3), (S.COMMITTED, 2), (S.PREPARING, 1), (S.SUBMITTED, 1)):
        AccreditationCycleFactory.create_batch(n, stage=stage)
    for n in range(4):
        accredited_cycle(approved_on=days_ago(100 + n))
    AccreditationCycleFactory.create_batch(2, stage=S.RENEWAL_DUE, approved_on=days_ago(1000))
    AccreditationCycleFactory(stage=S.INTERESTED, track=T.SUPPORTER)
    AccreditationCycleFactory.create_batch(2, stage=S.COMMITTED, track=T.SUPPORTER)
    closed(S.LAPSED, days_ago(30))
    closed(S.LAPSED, days_ago(200), track=T.SUPPORTER)
    closed(S.LAPSED, days_ago(400))  # more than twelve months ago: not counted
    closed(S.WITHDRAWN, days_ago(364))
    closed(S.WITHDRAWN, days_ago(366))  # not counted
    AccreditationCycleFactory(stage=S.REACCREDITED, closed_on=days_ago(10), approved_on=days_ago(1100))


def counts(items):
    return {item.stage: item.count for item in items}


def test_the_pipeline_counts_each_stage_of_each_track_and_the_recently_closed():
    known_pipeline()
    figures = reports.pipeline(today=TODAY)
    assert [item.stage for item in figures.accreditation] == list(AccreditationCycle.PIPELINE)
    assert counts(figures.accreditation) == {
        S.INTERESTED: 3, S.COMMITTED: 2, S.PREPARING: 1, S.SUBMITTED: 1, S.ACCREDITED: 4, S.RENEWAL_DUE: 2,
    }
    assert counts(figures.supporters) == {S.INTERESTED: 1, S.COMMITTED: 2}
    assert counts(figures.closed) == {S.LAPSED: 2, S.WITHDRAWN: 1}
    assert figures.under_way == 13 and figures.supporting == 3
    assert figures.closed_since == datetime.date(2025, 6, 15)


def test_the_pipeline_counts_only_the_cycles_it_is_given():
    known_pipeline()
    watford = District.objects.get(slug="watford")
    stevenage = District.objects.get(slug="stevenage")
    school = OrganisationFactory(district=stevenage, kind=Organisation.Kind.SCHOOL, male_dominated_workforce=True)
    AccreditationCycleFactory(organisation=school, stage=S.PREPARING)
    figures = reports.pipeline(AccreditationCycle.objects.filter(organisation__district=stevenage), today=TODAY)
    assert counts(figures.accreditation)[S.PREPARING] == 1
    assert figures.under_way == 1 and figures.supporting == 0
    assert reports.pipeline(AccreditationCycle.objects.filter(organisation__district=watford),
                            today=TODAY).under_way == 13


def test_the_pipeline_is_one_query(django_assert_num_queries):
    known_pipeline()
    with django_assert_num_queries(1):
        reports.pipeline(today=TODAY)


def test_the_target_counts_organisations_accredited_today_by_district_type_and_focus():
    WhiteRibbonSettingsFactory(accredited_target=8, target_date=datetime.date(2029, 3, 31))
    today = timezone.localdate()
    dacorum = District.objects.get(slug="dacorum")
    watford = District.objects.get(slug="watford")
    accredited_cycle(OrganisationFactory(district=dacorum, kind=Organisation.Kind.SCHOOL),
                     approved_on=today - datetime.timedelta(days=10))
    pharmacy = OrganisationFactory(district=dacorum, kind=Organisation.Kind.PHARMACY, male_dominated_workforce=True)
    accredited_cycle(pharmacy, approved_on=today - datetime.timedelta(days=500))
    AccreditationCycleFactory(organisation=OrganisationFactory(district=watford, kind=Organisation.Kind.COMMUNITY),
                              stage=S.RENEWAL_DUE, approved_on=today - datetime.timedelta(days=1000))
    AccreditationCycleFactory(organisation=OrganisationFactory(district=None, kind=Organisation.Kind.EMPLOYER,
                                                               male_dominated_workforce=True),
                              stage=S.RENEWAL_DUE, approved_on=today - datetime.timedelta(days=900))
    # Not accredited today: expired, approved in the future by mistake, withdrawn, still preparing.
    AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today - datetime.timedelta(days=1200),
                              expires_on=today - datetime.timedelta(days=1))
    AccreditationCycleFactory(stage=S.WITHDRAWN, approved_on=today - datetime.timedelta(days=100),
                              closed_on=today)
    AccreditationCycleFactory(stage=S.PREPARING)

    figures = reports.target_figures()
    assert figures.accredited == 4
    assert (figures.target, figures.target_date, figures.percent, figures.still_needed) == (
        8, datetime.date(2029, 3, 31), 50, 4)
    by_district = {bar.label: bar.count for bar in figures.by_district}
    assert by_district["Dacorum"] == 2 and by_district["Watford"] == 1 and by_district["Stevenage"] == 0
    assert by_district["No district given"] == 1
    assert [bar.label for bar in figures.by_district][:2] == ["Broxbourne", "Dacorum"]
    by_kind = {bar.label: bar.count for bar in figures.by_kind}
    assert by_kind["School or college"] == 1 and by_kind["Pharmacy"] == 1 and by_kind["Faith group"] == 0
    assert len(figures.by_kind) == len(Organisation.Kind.choices)
    assert figures.male_dominated == 2
    assert [(bar.label, bar.count) for bar in figures.target_groups] == [
        ("Schools and colleges", 1), ("Pharmacies", 1), ("Community groups", 1)]


@pytest.mark.parametrize(("accredited", "target", "percent"), [(34, 60, 57), (0, 60, 0), (1, 200, 1), (1, 8, 13),
                                                              (75, 60, 125)])
def test_the_percentage_of_the_target_is_rounded_to_a_whole_number(accredited, target, percent):
    figures = reports.TargetFigures(day=TODAY, accredited=accredited, target=target, target_date=TODAY,
                                    by_district=[], by_kind=[], male_dominated=0, target_groups=[])
    assert figures.percent == percent
    assert figures.still_needed == max(target - accredited, 0)


def test_renewals_due_lists_accreditations_expiring_within_six_months_or_already_due_soonest_first():
    today = timezone.localdate()
    soon = accredited_cycle(approved_on=today - datetime.timedelta(days=365 * 3 - 40))
    sooner = AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today - datetime.timedelta(days=365 * 3 - 5))
    accredited_cycle(approved_on=today - datetime.timedelta(days=100))  # years to go
    AccreditationCycleFactory(stage=S.LAPSED, approved_on=today - datetime.timedelta(days=365 * 3 - 10),
                              closed_on=today)
    assert list(reports.renewals_due()) == [sooner, soon]


def test_renewals_due_looks_ahead_six_months_past_the_notice_period():
    """Renewal falls due six months (the notice) before expiry; the list shows those falling due
    in the next six months too, so an accreditation expiring in eleven months is there already."""
    from champions.whiteribbon.services import add_months

    WhiteRibbonSettingsFactory(renewal_notice_months=6)
    today = timezone.localdate()
    within = accredited_cycle(approved_on=add_months(today, -25))  # expires in 11 months: due in 5
    accredited_cycle(approved_on=add_months(today, -23))  # expires in 13 months: due in 7
    assert list(reports.renewals_due()) == [within]


@pytest.mark.parametrize(("days", "words"), [
    (45, "45 days"), (1, "1 day"), (0, "Expires today"), (-1, "Expired 1 day ago"), (-3, "Expired 3 days ago"),
])
def test_days_left_in_words(days, words):
    assert reports.days_left(TODAY + datetime.timedelta(days=days), TODAY) == words
