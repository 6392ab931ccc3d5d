"""Reports by month put each event in the month of the site's time zone (Europe/London), on
SQLite (where the month is SQLite's own strftime in local time, not a Python function a row)
as on PostgreSQL; and lines of people with no sector read "Not given"."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.learning.models import ConfidenceRating, Enrolment
from lms.reports.figures import Filters, confidence_figures, training_activity
from tests.factories import EnrolmentFactory, LearnerFactory, TrainingModulePageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def completed_at(moment: datetime.datetime, module=None) -> Enrolment:
    """A learner who started `module` ten days before `moment` and completed it at `moment`."""
    enrolment = EnrolmentFactory(user=LearnerFactory(), module=module or TrainingModulePageFactory())
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=moment - datetime.timedelta(days=10),
                                                      completed_at=moment)
    return enrolment


def completions_by_month() -> list[tuple[str, int]]:
    return [(line.label, line.completions) for line in training_activity(Filters(), "month").lines if line.completions]


def test_a_completion_at_half_past_midnight_bst_on_1_june_counts_in_june():
    module = TrainingModulePageFactory()
    # 00:30 BST on 1 June is 23:30 UTC on 31 May; 23:30 BST on 31 May is 22:30 UTC.
    completed_at(datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC), module)
    completed_at(datetime.datetime(2026, 5, 31, 22, 30, tzinfo=UTC), module)
    # In winter London is on UTC: 00:30 on 1 January and 23:30 on 31 December.
    completed_at(datetime.datetime(2026, 1, 1, 0, 30, tzinfo=UTC), module)
    completed_at(datetime.datetime(2025, 12, 31, 23, 30, tzinfo=UTC), module)
    assert completions_by_month() == [
        ("December 2025", 1), ("January 2026", 1), ("May 2026", 1), ("June 2026", 1),
    ]


def test_the_months_line_key_is_the_start_of_the_month_in_the_sites_time_zone():
    completed_at(datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC))
    keys = [line.key for line in training_activity(Filters(), "month").lines if line.completions]
    assert keys == [timezone.make_aware(datetime.datetime(2026, 6, 1))]
    assert keys[0].utcoffset() == datetime.timedelta(hours=1)


def test_a_rating_at_half_past_midnight_bst_on_1_june_counts_in_june():
    module = TrainingModulePageFactory()
    # 00:30 BST on 1 June, then 23:30 BST on 31 May.
    for moment in (datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC),
                   datetime.datetime(2026, 5, 31, 22, 30, tzinfo=UTC)):
        rating = ConfidenceRating.objects.create(user=LearnerFactory(), module=module, stage="before", ratings=[3])
        ConfidenceRating.objects.filter(pk=rating.pk).update(created_at=moment)
    report = confidence_figures(Filters(), "month")
    assert [(line.label, line.stages["before"].rated) for line in report.lines] == [("May 2026", 1), ("June 2026", 1)]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own month")
def test_on_sqlite_the_month_is_sqlites_own_not_a_python_function_a_row():
    completed_at(datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC))
    with CaptureQueriesContext(connection) as queries:
        training_activity(Filters(), "month")
    sql = " ".join(query["sql"] for query in queries)
    assert "'localtime'" in sql
    assert "django_datetime_trunc" not in sql
    assert "django_timestamp_diff" not in sql


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own month")
def test_without_the_sites_zone_in_the_c_library_the_months_are_still_right(monkeypatch):
    # Where the process's local time is not the site's (TZ not set to it), Django's TruncMonth.
    monkeypatch.setenv("TZ", "UTC")
    completed_at(datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC))
    with CaptureQueriesContext(connection) as queries:
        assert completions_by_month() == [("June 2026", 1)]
    assert "'localtime'" not in " ".join(query["sql"] for query in queries)


def test_another_site_time_zone_puts_the_boundary_at_its_own_midnight(settings):
    # Django sets the process's time zone (TZ) with the setting, as at start-up.
    settings.TIME_ZONE = "America/New_York"
    module = TrainingModulePageFactory()
    # 00:30 EDT on 1 June is 04:30 UTC; 23:30 EDT on 31 May is 03:30 UTC on 1 June.
    completed_at(datetime.datetime(2026, 6, 1, 4, 30, tzinfo=UTC), module)
    completed_at(datetime.datetime(2026, 6, 1, 3, 30, tzinfo=UTC), module)
    assert completions_by_month() == [("May 2026", 1), ("June 2026", 1)]


def test_people_without_a_sector_are_a_line_of_their_own():
    module = TrainingModulePageFactory()
    enrolment = completed_at(datetime.datetime(2026, 3, 2, 10, tzinfo=UTC), module)
    enrolment.user.sector = None
    enrolment.user.save()
    report = training_activity(Filters(), "sector")
    assert [(line.label, line.starts) for line in report.lines] == [("Not given", 1)]


def test_a_quiet_month_shows_as_a_line_of_noughts_not_as_a_gap():
    module = TrainingModulePageFactory()
    completed_at(datetime.datetime(2025, 11, 20, 12, tzinfo=UTC), module)
    completed_at(datetime.datetime(2026, 3, 5, 12, tzinfo=UTC), module)
    lines = training_activity(Filters(), "month").lines
    # Each started ten days before completing: 10 November and 23 February.
    assert [(line.label, line.starts, line.completions) for line in lines] == [
        ("November 2025", 1, 1), ("December 2025", 0, 0), ("January 2026", 0, 0), ("February 2026", 1, 0),
        ("March 2026", 0, 1),
    ]
    quiet = lines[2]
    assert (quiet.learners, quiet.starts, quiet.completions, quiet.attempts, quiet.median_days) == (0, 0, 0, 0, None)
    assert quiet.key == timezone.make_aware(datetime.datetime(2026, 1, 1))
    # By anything else, no line is made up.
    assert len(training_activity(Filters(), "module").lines) == 1
