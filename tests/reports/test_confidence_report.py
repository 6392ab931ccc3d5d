"""Confidence before and after: each rating keeps its mean; the figures worked out by hand from
tests/reports/fixtures.py's confidence_world; filters, grouping, the same number of queries at
two sizes; the page with its dot plot and table; downloads with formula text kept as text."""

from __future__ import annotations

import csv
import datetime
import importlib
import io

import openpyxl
import pytest
import time_machine
from django.apps import apps

from lms.learning.models import ConfidenceRating
from lms.learning.quizzes import confidence_summary
from lms.reports.figures import Filters, confidence_figures
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, TrainingModulePageFactory
from tests.reports.fixtures import confidence_crowd, confidence_world, rate

pytestmark = pytest.mark.django_db

MARCH = Filters(since=datetime.date(2026, 3, 1), until=datetime.date(2026, 3, 31))


def figures(line) -> tuple:
    """(label, rated, chose not to, mean) before, the same after, then (people, mean change,
    improved %) for the pairs."""
    before, after, change = line.stages["before"], line.stages["after"], line.changes["after"]
    return (line.label, (before.rated, before.skipped, before.mean), (after.rated, after.skipped, after.mean),
            (change.people, change.mean_change, change.improved_share))


# Each rating's mean ---------------------------------------------------------------------------


def test_a_rating_keeps_the_mean_of_its_outcomes_and_a_skipped_one_none():
    learner, module = LearnerFactory(), TrainingModulePageFactory()
    assert ConfidenceRating.objects.create(user=learner, module=module, stage="before", ratings=[2, 3, 5]).mean == (
        pytest.approx(10 / 3))
    skipped = ConfidenceRating.objects.create(user=learner, module=module, stage="after", skipped=True)
    assert skipped.mean is None


def test_ratings_made_in_bulk_keep_their_mean_too():
    learner, module = LearnerFactory(), TrainingModulePageFactory()
    ConfidenceRating.objects.bulk_create([
        ConfidenceRating(user=learner, module=module, stage="before", ratings=[1, 2]),
        ConfidenceRating(user=learner, module=module, stage="after", ratings=[4, 5]),
    ])
    assert sorted(ConfidenceRating.objects.values_list("mean", flat=True)) == [1.5, 4.5]


def test_the_migration_gives_ratings_already_given_their_mean():
    learner, module = LearnerFactory(), TrainingModulePageFactory()
    ConfidenceRating.objects.create(user=learner, module=module, stage="before", ratings=[1, 4])
    ConfidenceRating.objects.create(user=learner, module=module, stage="after", skipped=True)
    ConfidenceRating.objects.update(mean=None)  # as the rows stood before the column
    migration = importlib.import_module("lms.learning.migrations.0003_confidence_rating_mean")
    migration.fill_means(apps, None)
    assert dict(ConfidenceRating.objects.values_list("stage", "mean")) == {"before": 2.5, "after": None}


def test_the_module_summary_pairs_people_in_the_database(django_assert_num_queries):
    world = confidence_world()
    with django_assert_num_queries(2):
        summary = confidence_summary(world.module_a)
    # Before: L1 2.5 and L2 3.5 (L3 chose not to); after: L1, L2, L3; pairs: +1.5 and -0.5.
    assert summary == {"before_count": 2, "after_count": 3, "paired_count": 2, "mean_change": 0.5}


# The figures ----------------------------------------------------------------------------------


def test_confidence_by_module_in_march_matches_the_figures_worked_by_hand():
    confidence_world()
    report = confidence_figures(MARCH, "module")
    assert [figures(line) for line in report.lines] == [
        # A: before 2.5 and 3.5, L3 chose not to; after 4.0, 3.0, 4.5; pairs +1.5, -0.5.
        ("A: Awareness", (2, 1, 3.0), (3, 0, 3.83), (2, 0.5, 50)),
        # B: before 1.5 (L3's 2.0 was in February); after 3.5, paired with that February 2.0.
        ("B: Responding", (1, 0, 1.5), (1, 0, 3.5), (1, 1.5, 100)),
    ]
    # People are counted once in all (L1 rated both modules before); means are over ratings:
    # before (2.5 + 3.5 + 1.5) / 3, after (4 + 3 + 4.5 + 3.5) / 4, change (1.5 - 0.5 + 1.5) / 3.
    assert figures(report.total) == ("In all", (2, 1, 2.5), (3, 0, 3.75), (3, 0.83, 67))


def test_confidence_by_sector_counts_people_under_their_profiles_sector():
    confidence_world()
    report = confidence_figures(MARCH, "sector")
    assert [figures(line) for line in report.lines] == [
        ("Health", (2, 0, 2.5), (2, 0, 3.5), (2, 0.5, 50)),
        ("Housing", (0, 1, None), (1, 0, 4.0), (1, 1.5, 100)),
    ]


def test_confidence_by_district():
    world = confidence_world()
    report = confidence_figures(MARCH, "district")
    assert [figures(line) for line in report.lines] == [
        (world.dacorum.name, (1, 0, 3.5), (1, 0, 3.0), (1, -0.5, 0)),
        (world.watford.name, (1, 1, 2.0), (2, 0, 4.0), (2, 1.5, 100)),
    ]


def test_confidence_by_month_puts_a_pair_in_the_month_of_its_after():
    confidence_world()
    report = confidence_figures(Filters(), "month")
    assert [figures(line) for line in report.lines] == [
        ("February 2026", (1, 0, 2.0), (0, 0, None), (0, None, None)),
        ("March 2026", (2, 1, 2.5), (3, 0, 3.75), (3, 0.83, 67)),
        ("April 2026", (1, 0, 4.0), (0, 1, None), (0, None, None)),
    ]
    assert figures(report.total) == ("In all", (3, 1, 2.7), (3, 1, 3.75), (3, 0.83, 67))


def test_a_module_and_an_organisation_filter_narrow_together():
    world = confidence_world()
    report = confidence_figures(
        Filters(since=MARCH.since, until=MARCH.until, module=world.module_a, organisation=world.org_1), "sector",
    )
    assert [figures(line) for line in report.lines] == [("Health", (2, 0, 3.0), (2, 0, 3.5), (2, 0.5, 50))]


def _grow(count: int) -> None:
    organisation = OrganisationFactory()
    module = TrainingModulePageFactory()
    for index in range(count):
        learner = LearnerFactory(organisation=organisation)
        rate(learner, module, "before", f"2026-03-0{1 + index % 9}", [1 + index % 3, 2])
        rate(learner, module, "after", f"2026-03-2{index % 9}", [3, 4] if index % 4 else None)


@pytest.mark.parametrize("group_by", ["module", "sector", "district", "organisation", "month"])
def test_the_report_costs_the_same_queries_with_more_data(django_assert_num_queries, group_by):
    confidence_world()
    # The ratings' total and lines (every stage and every later stage's pairs in the same pass),
    # the follow-up invitations' total and lines, and the lines' names (a month has its own).
    expected = 4 if group_by == "month" else 5
    with django_assert_num_queries(expected):
        confidence_figures(MARCH, group_by)
    _grow(30)
    with django_assert_num_queries(expected):
        report = confidence_figures(MARCH, group_by)
    assert report.total.stages["before"].rated == 32
    assert report.total.changes["after"].people == 3 + 22


# The page ----------------------------------------------------------------------------------


URL = "/admin/reports/confidence/"
MARCH_QUERY = {"since": "2026-03-01", "until": "2026-03-31"}


def test_coordinator_sees_the_dot_plot_and_the_table():
    confidence_world()
    confidence_crowd(5)
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {**MARCH_QUERY, "group_by": "module"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<svg' in page and 'role="img"' in page
    assert "Mean confidence by module, from 1 to 5" in page
    # The chart reads out every value it may, and writes them at the end of each line.
    assert ("A: Awareness: before not shown (fewer than 5 people), after not shown (fewer than 5 people), "
            "three months after none; "
            "B: Responding: before not shown (fewer than 5 people), after not shown (fewer than 5 people), "
            "three months after none; "
            "C: Crowd: before 2.25, after 4.75, three months after none. A mean over fewer than 5 people is not "
            "drawn") in page
    assert "2.25 → 4.75 → –" in page and "&lt;5 → &lt;5 → –" in page
    # Two rows of headings: each stage, and the pairs, over its own columns.
    assert '<th scope="colgroup" colspan="3">Before</th>' in page
    assert '<th scope="colgroup" colspan="3">Before and after</th>' in page
    assert '<th scope="col">Rated both</th>' in page
    assert '<th scope="colgroup" colspan="5">Follow-up invitations</th>' in page
    assert ('<tr><th scope="row">C: Crowd</th><td>5</td><td>0</td><td>2.25</td><td>5</td><td>0</td><td>4.75</td>'
            '<td>0</td><td>0</td><td></td><td>5</td><td>2.5</td><td>100</td><td>0</td><td></td><td></td>'
            '<td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>') in page
    assert '<th scope="row">In all</th>' in page


def test_a_line_with_no_one_rating_at_a_stage_draws_no_marker_for_it():
    confidence_world()
    confidence_crowd(5)
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {**MARCH_QUERY, "group_by": "module"})
    rows = {row.label: row for row in response.context["chart"].rows}
    assert [point.name for point in rows["C: Crowd"].points] == ["Before", "After"]
    assert rows["A: Awareness"].points == [] and rows["B: Responding"].points == []


# Fewer than 5 people -------------------------------------------------------------------------

ONE_GROUPS_MEANS = ("2.25", "4.75", "2.5")  # before, after, the change: see confidence_crowd
# A line with no follow-up: its three-month stage (rated, chose not to, mean), its pairs with
# before (people, change, share) and its invitations (sent, answered, declined, still open, response rate).
NO_FOLLOW_UP_CSV, NO_FOLLOW_UP_XLSX = ["0", "0", ""], [0, 0, None]
NO_FOLLOW_UP_PAIRS_CSV, NO_FOLLOW_UP_PAIRS_XLSX = ["0", "", ""], [0, None, None]
NO_INVITATIONS_CSV, NO_INVITATIONS_XLSX = ["0", "0", "0", "0", ""], [0, 0, 0, 0, None]


def _crowd_downloads(count: int) -> tuple[str, list[list[str]], list[list]]:
    """The page, the CSV rows and the Excel rows of the report filtered to one organisation of
    `count` people who all rated, grouped by organisation."""
    organisation = OrganisationFactory(name="Gamma Refuge")
    confidence_crowd(count, organisation=organisation)
    client = staff_client(Role.COORDINATOR)
    query = {**MARCH_QUERY, "organisation": organisation.pk, "group_by": "organisation"}
    page = client.get(URL, query).content.decode()
    csv_rows = list(csv.reader(io.StringIO(
        client.get(URL, {**query, "export": "csv"}).content.decode("utf-8").lstrip("\ufeff"))))
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(URL, {**query, "export": "xlsx"}).content)).active
    return page, csv_rows, [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_a_group_of_four_shows_no_mean_change_or_share_on_the_page_or_in_downloads():
    page, csv_rows, xlsx_rows = _crowd_downloads(4)
    withheld = ["Fewer than 5 people"]
    # The counts stay (they say nothing of anyone's rating); means, change and share do not.
    for label in ("Gamma Refuge", "In all"):
        assert [label, "4", "0", *withheld, "4", "0", *withheld, *NO_FOLLOW_UP_CSV, "4", *withheld * 2,
                *NO_FOLLOW_UP_PAIRS_CSV, *NO_INVITATIONS_CSV] in csv_rows
        assert [label, 4, 0, *withheld, 4, 0, *withheld, *NO_FOLLOW_UP_XLSX, 4, *withheld * 2,
                *NO_FOLLOW_UP_PAIRS_XLSX, *NO_INVITATIONS_XLSX] in xlsx_rows
    for value in ONE_GROUPS_MEANS:
        assert not any(value in str(cell) for row in csv_rows + xlsx_rows for cell in row)
    assert "<td>Fewer than 5 people</td>" in page
    for value in ("2.25", "4.75", "<td>2.5</td>", "<td>100</td>"):
        assert value not in page
    assert ("Gamma Refuge: before not shown (fewer than 5 people), after not shown (fewer than 5 people), "
            "three months after none.") in page


def test_a_group_of_five_shows_its_means_change_and_share():
    page, csv_rows, xlsx_rows = _crowd_downloads(5)
    for label in ("Gamma Refuge", "In all"):
        assert [label, "5", "0", "2.25", "5", "0", "4.75", *NO_FOLLOW_UP_CSV, "5", "2.5", "100",
                *NO_FOLLOW_UP_PAIRS_CSV, *NO_INVITATIONS_CSV] in csv_rows
    assert ["Gamma Refuge", 5, 0, 2.25, 5, 0, 4.75, *NO_FOLLOW_UP_XLSX, 5, 2.5, 100, *NO_FOLLOW_UP_PAIRS_XLSX,
            *NO_INVITATIONS_XLSX] in xlsx_rows
    assert "<td>2.25</td>" in page and "Gamma Refuge: before 2.25, after 4.75, three months after none." in page
    assert "Fewer than 5 people</td>" not in page


def test_the_report_is_in_the_reports_menu_for_coordinators():
    client = staff_client(Role.COORDINATOR)
    page = client.get("/admin/").content.decode()
    assert "Confidence before and after" in page and URL in page


def test_csv_download_opens_and_neutralises_formulas():
    world = confidence_world()
    world.health.name = "=1+2"
    world.health.save()
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {**MARCH_QUERY, "group_by": "sector", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="confidence-sector-2026-03-01-to-2026-03-31.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert rows[0] == ["Confidence before and after", "From 1 March 2026 to 31 March 2026"]
    assert rows[1] == ["Sector", "Rated before", "Chose not to rate before", "Mean before (1 to 5)", "Rated after",
                       "Chose not to rate after", "Mean after (1 to 5)", "Rated three months after",
                       "Chose not to rate three months after", "Mean three months after (1 to 5)",
                       "Rated before and after", "Mean change, before to after", "Improved before to after (%)",
                       "Rated before and three months after", "Mean change, before to three months after",
                       "Improved before to three months after (%)", "Follow-ups sent", "Follow-ups answered",
                       "Follow-ups declined", "Follow-ups still open", "Follow-up response rate (%)"]
    few = "Fewer than 5 people"
    rest = [*NO_FOLLOW_UP_PAIRS_CSV, *NO_INVITATIONS_CSV]
    assert ["'=1+2", "2", "0", few, "2", "0", few, *NO_FOLLOW_UP_CSV, "2", few, few, *rest] in rows
    assert ["Housing", "0", "1", "", "1", "0", few, *NO_FOLLOW_UP_CSV, "1", few, few, *rest] in rows
    assert rows[-1] == ["In all", "2", "1", few, "3", "0", few, *NO_FOLLOW_UP_CSV, "3", few, few, *rest]


def test_excel_download_keeps_formulas_as_text():
    world = confidence_world()
    world.org_2.name = "@SUM(1+1)"
    world.org_2.save()
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {**MARCH_QUERY, "group_by": "organisation", "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    few = "Fewer than 5 people"
    assert ["'@SUM(1+1)", 0, 1, None, 1, 0, few, *NO_FOLLOW_UP_XLSX, 1, few, few, *NO_FOLLOW_UP_PAIRS_XLSX,
            *NO_INVITATIONS_XLSX] in rows
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_bad_filters_get_a_message_and_no_download():
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"since": "2026-03-31", "until": "2026-03-01", "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "The last day must be on or after the first day." in response.content.decode()


def test_an_editor_is_turned_away():
    client = staff_client(Role.EDITOR)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Rated before" not in response.content.decode()


def test_the_three_month_stage_has_its_columns_its_comparison_with_before_and_its_invitations():
    """The follow-up's ratings (lms.followup) are a third stage: its own columns, its pairs with
    "before", a third marker in the chart, and the invitations with their response rate."""
    from tests.followup.factories import FollowUpFactory

    world = confidence_world()
    rate(world.l1, world.module_a, "follow_up", "2026-03-30", [3, 4])  # 3.5: up 1.0 on before's 2.5
    report = confidence_figures(MARCH, "module")
    follow_up = report.lines[0].stages["follow_up"], report.lines[0].changes["follow_up"]
    assert (follow_up[0].rated, follow_up[0].mean) == (1, 3.5)
    assert (follow_up[1].people, follow_up[1].mean_change, follow_up[1].improved_share) == (1, 1.0, 100)
    module, crowd = confidence_crowd(5)
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC), tick=False):
        for number, learner in enumerate(crowd):
            status = ("answered", "answered", "answered", "declined", "open")[number]
            responded = None if status == "open" else datetime.datetime(2026, 3, 16, tzinfo=datetime.UTC)
            FollowUpFactory(user=learner, module=module, status=status, responded_at=responded)
    for learner in crowd:
        rate(learner, module, "follow_up", "2026-03-30", [3, 4])
    client = staff_client(Role.COORDINATOR)
    page = client.get(URL, {**MARCH_QUERY, "group_by": "module"}).content.decode()
    assert '<th scope="colgroup" colspan="3">Before and three months after</th>' in page
    assert "C: Crowd: before 2.25, after 4.75, three months after 3.5" in page
    assert 'd="M0 -8l8 8-8 8-8-8z"' in page  # the third marker, a diamond
    # Five sent, three answered, one declined, one closed unanswered: a response rate of 60%.
    assert "<td>5</td><td>3</td><td>1</td><td>0</td><td>60</td></tr>" in page
