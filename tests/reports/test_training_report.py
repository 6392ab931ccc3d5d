"""The training activity report: figures worked out by hand from tests/reports/fixtures.py,
filters, grouping, the same number of queries at two sizes, the page, downloads and bad filters."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection

from lms.reports.figures import Filters, training_activity
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import EnrolmentFactory, LearnerFactory, OrganisationFactory
from tests.reports.fixtures import enrol, training_world

pytestmark = pytest.mark.django_db

MARCH = Filters(since=datetime.date(2026, 3, 1), until=datetime.date(2026, 3, 31))


def figures(line) -> tuple:
    return (line.label, line.learners, line.starts, line.completions, line.attempts, line.passes,
            line.pass_rate, line.attempts_per_pass, line.median_days)


def test_training_by_module_in_march_matches_the_figures_worked_by_hand():
    training_world()
    report = training_activity(MARCH, "module")
    assert [figures(line) for line in report.lines] == [
        # Learners and starts: started in March; completions: completed in March (B's started in
        # February); median of 1, 2 and 6 days; of 28 days.
        ("A: Awareness", 3, 3, 3, 4, 3, 75, 1.3, 2.0),
        ("B: Responding", 1, 1, 1, 3, 1, 33, 3.0, 28.0),
    ]
    # Learners in all are distinct people, not the lines' sum; the median of 1, 2, 6, 28 is 4.
    assert figures(report.total) == ("In all", 3, 4, 4, 7, 4, 57, 1.8, 4.0)


def test_training_by_sector_counts_people_under_their_profiles_sector():
    training_world()
    report = training_activity(MARCH, "sector")
    assert [figures(line) for line in report.lines] == [
        ("Health", 2, 3, 2, 4, 2, 50, 2.0, 4.0),
        ("Housing", 1, 1, 2, 3, 2, 67, 1.5, 14.5),
    ]


def test_training_by_organisation_and_by_district():
    world = training_world()
    by_organisation = training_activity(MARCH, "organisation")
    assert [(line.label, line.starts, line.completions) for line in by_organisation.lines] == [
        ("Alpha Surgery", 3, 2), ("Beta Homes", 1, 2),
    ]
    by_district = training_activity(MARCH, "district")
    # Watford: L1 and L3 started A (both) and B (L1); Dacorum: L2 started A.
    assert [(line.label, line.learners, line.starts) for line in by_district.lines] == [
        (world.dacorum.name, 1, 1), (world.watford.name, 2, 3),
    ]


def test_training_by_month_puts_each_event_in_its_own_month():
    training_world()
    report = training_activity(Filters(), "month")
    assert [(line.label, line.learners, line.starts, line.completions, line.attempts, line.passes,
             line.median_days) for line in report.lines] == [
        ("February 2026", 1, 1, 0, 0, 0, None),
        ("March 2026", 3, 4, 4, 7, 4, 4.0),
        ("April 2026", 1, 1, 0, 1, 1, None),
    ]


def test_a_district_filter_narrows_every_figure_to_its_people():
    world = training_world()
    report = training_activity(Filters(since=MARCH.since, until=MARCH.until, district=world.watford), "module")
    assert [figures(line) for line in report.lines] == [
        ("A: Awareness", 2, 2, 2, 3, 2, 67, 1.5, 1.5),
        ("B: Responding", 1, 1, 1, 3, 1, 33, 3.0, 28.0),
    ]


def test_a_module_filter_and_an_organisation_filter_narrow_together():
    world = training_world()
    report = training_activity(
        Filters(since=MARCH.since, until=MARCH.until, module=world.module_a, organisation=world.org_1), "sector",
    )
    assert [figures(line) for line in report.lines] == [("Health", 2, 2, 2, 3, 2, 67, 1.5, 4.0)]


def _grow(count: int) -> None:
    organisation = OrganisationFactory()
    module = EnrolmentFactory().module
    for index in range(count):
        enrol(LearnerFactory(organisation=organisation), module, "2026-03-0" + str(1 + index % 9),
              "2026-03-2" + str(index % 9))


@pytest.mark.parametrize("group_by", ["module", "sector", "district", "organisation", "month"])
def test_the_report_costs_the_same_queries_with_more_data(django_assert_num_queries, group_by):
    training_world()
    # The enrolments in all (learners, median) and by line (starts, completions and the median
    # together; by month, starts and completions apart), the attempts by line, the lines' names
    # (a month has its own); and where the database has no median of its own, the median in all
    # and by line.
    expected = 4 + (0 if connection.vendor == "postgresql" else 2)
    with django_assert_num_queries(expected):
        training_activity(MARCH, group_by)
    _grow(30)
    with django_assert_num_queries(expected):
        report = training_activity(MARCH, group_by)
    assert report.total.starts == 34


# The page ----------------------------------------------------------------------------------


URL = "/admin/reports/training/"


def test_coordinator_sees_the_chart_and_the_table():
    training_world()
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"since": "2026-03-01", "until": "2026-03-31", "group_by": "module"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<svg' in page and 'role="img"' in page
    assert "Completions by module" in page
    assert "A: Awareness" in page and "<th scope=\"row\">In all</th>" in page


def test_bad_filters_get_a_message_not_an_error():
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"since": "yesterday", "module": "999999", "group_by": "planet",
                                "sector": "x", "until": "2026-02-30"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the first day as a date" in page
    assert "Choose one from the list" in page
    assert "Correct the filters above" in page
    response = client.get(URL, {"since": "2026-03-31", "until": "2026-03-01"})
    assert "The last day must be on or after the first day." in response.content.decode()
    # A download of a report that cannot be made gives the page and its message.
    response = client.get(URL, {"since": "nope", "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_csv_download_opens_and_neutralises_formulas():
    world = training_world()
    world.org_1.name = "=HYPERLINK(\"http://evil\",\"x\")"
    world.org_1.save()
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"since": "2026-03-01", "until": "2026-03-31", "group_by": "organisation",
                                "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="training-organisation-2026-03-01-to-2026-03-31.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["Training activity", "From 1 March 2026 to 31 March 2026"]
    assert rows[1][:4] == ["Organisation", "Learners", "Starts", "Completions"]
    assert ["'=HYPERLINK(\"http://evil\",\"x\")", "2", "3", "2", "4", "2", "50", "2.0", "4.0"] in rows
    assert rows[-1] == ["In all", "3", "4", "4", "7", "4", "57", "1.8", "4.0"]


def test_excel_download_opens_and_keeps_formulas_as_text():
    world = training_world()
    world.org_2.name = "@SUM(1+1)"
    world.org_2.save()
    client = staff_client(Role.COORDINATOR)
    response = client.get(URL, {"since": "2026-03-01", "until": "2026-03-31", "group_by": "organisation",
                                "export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][0] == "Organisation"
    assert ["'@SUM(1+1)", 1, 1, 2, 3, 2, 67, 1.5, 14.5] in rows
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_a_download_and_the_caption_name_every_filter_chosen():
    world = training_world()
    client = staff_client(Role.COORDINATOR)
    query = {"until": "2026-03-31", "module": world.module_a.pk, "district": world.watford.pk,
             "organisation": world.org_1.pk, "group_by": "sector"}
    said = (f"Module: A: Awareness; District: {world.watford.name}; Organisation: Alpha Surgery; "
            "From the start to 31 March 2026")
    page = client.get(URL, query).content.decode()
    assert f"<caption class=\"w-text-left w-mb-2\">Training activity: {said}</caption>" in page
    response = client.get(URL, {**query, "export": "csv"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="training-sector-a-awareness-{world.watford.slug}-alpha-surgery-to-2026-03-31.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert rows[0] == ["Training activity", said]
