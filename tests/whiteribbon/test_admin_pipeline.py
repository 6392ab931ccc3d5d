"""The coordinators' White Ribbon pipeline and target pages: counts that match the data, each a link
to the list of exactly the organisations counted; filters that work without JavaScript and shrug
off junk; the target in figures, chart and table; and the same number of queries with 60
organisations as with 6,000 (Must show 4)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from champions.whiteribbon.models import AccreditationCycle
from champions.whiteribbon.services import expiry_of
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, WhiteRibbonSettingsFactory, accredited_cycle

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
T = AccreditationCycle.Track
PIPELINE = "/admin/white-ribbon/"
TARGET = "/admin/white-ribbon/target/"
CYCLES = "/admin/white-ribbon/cycles/"


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


def today():
    return timezone.localdate()


def count_links(page: str) -> dict[str, tuple[int, str]]:
    """Each row of the pipeline's tables: its stage label → (count, the link's address or "")."""
    rows = {}
    page = page.split('id="pipeline-accreditation"', 1)[1]
    for caption, body in re.findall(r'<caption class="w-sr-only">([^<]*)</caption>(.*?)</table>', page, re.S):
        for label, cell in re.findall(r'<th scope="row">([^<]*)</th>\s*<td>(.*?)</td>', body, re.S):
            link = re.search(r'href="([^"]*)"', cell)
            number = int(re.search(r"\d+", re.sub(r"<[^>]*>", " ", cell)).group())
            rows[f"{caption}: {label}"] = (number, link.group(1).replace("&amp;", "&") if link else "")
    return rows


def listed_count(client, url: str) -> int:
    """How many cycles the cycle list says it shows."""
    page = client.get(url).content.decode()
    return len(re.findall(r'href="/admin/white-ribbon/cycles/inspect/\d+/"', page))


def make_known_data():
    dacorum = District.objects.get(slug="dacorum")
    for stage, n in ((S.INTERESTED, 2), (S.COMMITTED, 3), (S.PREPARING, 1), (S.SUBMITTED, 2)):
        AccreditationCycleFactory.create_batch(n, stage=stage)
    for n in range(3):
        accredited_cycle(approved_on=today() - datetime.timedelta(days=50 + n))
    AccreditationCycleFactory(stage=S.RENEWAL_DUE, approved_on=today() - datetime.timedelta(days=1000))
    AccreditationCycleFactory.create_batch(2, stage=S.COMMITTED, track=T.SUPPORTER)
    AccreditationCycleFactory(stage=S.LAPSED, closed_on=today() - datetime.timedelta(days=20))
    AccreditationCycleFactory(stage=S.WITHDRAWN, closed_on=today() - datetime.timedelta(days=500))
    # Dacorum's male-dominated employer, committed; and a Dacorum school accredited.
    AccreditationCycleFactory(stage=S.COMMITTED, organisation=OrganisationFactory(
        district=dacorum, kind=Organisation.Kind.EMPLOYER, male_dominated_workforce=True))
    accredited_cycle(OrganisationFactory(district=dacorum, kind=Organisation.Kind.SCHOOL, partnership_member=True),
                     approved_on=today() - datetime.timedelta(days=10))


def test_the_pipeline_shows_counts_that_match_the_data_and_each_links_to_exactly_those_organisations(coordinator):
    make_known_data()
    page = coordinator.get(PIPELINE).content.decode()
    rows = count_links(page)
    accreditation = "Organisations on the accreditation track, by stage"
    supporters = "Supporter organisations, by stage"
    closed = "Cycles closed in the last 12 months"
    assert {label: count for label, (count, _) in rows.items()} == {
        f"{accreditation}: Interested": 2, f"{accreditation}: Committed": 4,
        f"{accreditation}: Preparing the application": 1, f"{accreditation}: Submitted to the panel": 2,
        f"{accreditation}: Accredited": 4, f"{accreditation}: Renewal due": 1, f"{accreditation}: In all": 14,
        f"{supporters}: Interested": 0, f"{supporters}: Committed": 2, f"{supporters}: In all": 2,
        f"{closed}: Lapsed": 1, f"{closed}: Withdrawn": 0,
    }
    assert "Accreditation: 14" in page and "Supporters: 2" in page and "Closed: 1" in page
    for label, (count, url) in rows.items():
        if "In all" in label or not count:
            assert url == ""  # nothing to list, so no link
            continue
        assert url.startswith(CYCLES)
        assert listed_count(coordinator, url) == count, label


def test_the_pipeline_filters_by_district_type_stage_workforce_and_partnership(coordinator):
    make_known_data()
    dacorum = District.objects.get(slug="dacorum")
    rows = count_links(coordinator.get(PIPELINE, {"district": dacorum.pk}).content.decode())
    counts = {label.split(": ", 1)[1]: count for label, (count, _) in rows.items() if "accreditation track" in label}
    assert counts["Committed"] == 1 and counts["Accredited"] == 1 and counts["In all"] == 2
    # The link keeps the filter: the list shows Dacorum's committed employer only.
    url = next(url for label, (count, url) in rows.items() if label.endswith("by stage: Committed") and count)
    assert f"district={dacorum.pk}" in url
    assert listed_count(coordinator, url) == 1

    for query, expected in (
        ({"kind": Organisation.Kind.SCHOOL}, 1), ({"male_dominated": "true"}, 1), ({"partnership": "true"}, 1),
        ({"stage": S.SUBMITTED}, 2), ({"male_dominated": "false", "district": dacorum.pk}, 1),
    ):
        page = coordinator.get(PIPELINE, query).content.decode()
        assert f"Accreditation: {expected}<" in page, query
        assert "Filtered:" in page


@pytest.mark.parametrize("query", [
    {"district": "999999999999999999999999"}, {"district": "x"}, {"kind": "=HYPERLINK(1)"}, {"stage": "\x00"},
    {"male_dominated": "perhaps"}, {"partnership": "maybe", "male_dominated": ""}, {"ordering": "-nothing"},
])
def test_the_pipeline_answers_junk_filters_without_an_error(coordinator, query):
    make_known_data()
    response = coordinator.get(PIPELINE, query)
    assert response.status_code == 200
    # A filter it cannot read is left out (and said so), so every cycle is counted.
    assert "Accreditation: 14" in response.content.decode()


def test_the_target_page_shows_the_progress_figure_chart_and_table(coordinator):
    WhiteRibbonSettingsFactory(accredited_target=60, target_date=datetime.date(2029, 3, 31))
    dacorum = District.objects.get(slug="dacorum")
    for n in range(34):
        organisation = OrganisationFactory(
            district=dacorum if n < 5 else None if n == 33 else District.objects.get(slug="watford"),
            kind=Organisation.Kind.PHARMACY if n < 2 else Organisation.Kind.VCFSE, male_dominated_workforce=n < 3,
        )
        accredited_cycle(organisation, approved_on=today() - datetime.timedelta(days=30 + n))
    AccreditationCycleFactory(stage=S.SUBMITTED)
    page = coordinator.get(TARGET).content.decode()
    assert "34 of 60 (57%) by 31 March 2029" in page
    assert "26 more are needed" in page
    # Each chart is an image with a title and a description, and a table carries the same figures.
    assert page.count('role="img"') == 3
    assert "<title id=\"chart-district-title\">Accredited organisations by district</title>" in page
    assert "Dacorum: 5" in page  # the chart's description
    assert re.search(r'<th scope="row">Dacorum</th><td>5</td>', page)
    assert re.search(r'<th scope="row">Watford</th><td>28</td>', page)
    assert re.search(r'<th scope="row">No district given</th><td>1</td>', page)
    assert re.search(r'<th scope="row">Pharmacy</th><td>2</td>', page)
    assert re.search(r'<th scope="row">With a male-dominated workforce</th><td>3</td>', page)
    assert re.search(r'<th scope="row">Pharmacies</th><td>2</td>', page)
    assert re.search(r'<th scope="row">Schools and colleges</th><td>0</td>', page)
    # Nothing from elsewhere, no script of its own.
    assert "<script" not in page.split('id="target-total"')[1]
    assert "https://" not in page.split('id="target-total"')[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", "")


def test_a_coordinator_can_change_the_target_and_editors_cannot():
    client = staff_client(Role.COORDINATOR)
    settings_url = client.get("/admin/settings/champions/whiteribbonsettings/")["Location"]
    page = client.get(settings_url)
    assert page.status_code == 200
    response = client.post(settings_url, {"accredited_target": "75", "target_date": "2029-03-31",
                                          "renewal_notice_months": "6"})
    assert response.status_code == 302
    assert "of 75 (" in client.get(TARGET).content.decode()
    editor = staff_client(Role.EDITOR)
    assert editor.get(settings_url)["Location"] == "/admin/"
    assert editor.post(settings_url, {"accredited_target": "1", "target_date": "2029-03-31",
                                      "renewal_notice_months": "6"})["Location"] == "/admin/"
    from champions.whiteribbon.models import WhiteRibbonSettings

    assert WhiteRibbonSettings.load().accredited_target == 75


# Must show 4: the pipeline and the target cost the same number of queries with 60 or 6,000 organisations.


def add_organisations_with_cycles(start: int, count: int) -> None:
    """`count` organisations, each with a cycle at some stage, spread over the districts and types,
    in a few bulk inserts."""
    districts = list(District.objects.all())
    kinds = Organisation.Kind.values
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Bulk organisation {n}", kind=kinds[n % len(kinds)], district=districts[n % len(districts)],
                     male_dominated_workforce=n % 4 == 0, partnership_member=n % 3 == 0,
                     status=Organisation.Status.CONFIRMED)
        for n in range(start, start + count)
    ])
    approved = today() - datetime.timedelta(days=200)
    stages = [S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE, S.LAPSED]
    cycles = []
    for n, organisation in enumerate(organisations):
        stage = stages[n % len(stages)]
        approved_stage = stage in (S.ACCREDITED, S.RENEWAL_DUE)
        cycles.append(AccreditationCycle(
            organisation=organisation, stage=stage, track=T.SUPPORTER if n % 11 == 0 and stage in (
                S.INTERESTED, S.COMMITTED) else T.ACCREDITED,
            approved_on=approved if approved_stage else None,
            expires_on=expiry_of(approved) if approved_stage else None,
            closed_on=today() - datetime.timedelta(days=30) if stage == S.LAPSED else None,
        ))
    AccreditationCycle.objects.bulk_create(cycles)


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_pipeline_and_target_cost_the_same_queries_with_60_or_6000_organisations(coordinator):
    urls = [PIPELINE, PIPELINE + "?district=1&male_dominated=true", TARGET, CYCLES]
    add_organisations_with_cycles(0, 60)
    for url in urls:
        coordinator.get(url)  # warm: the session, the settings row
    small = [queries_for(coordinator, url) for url in urls]
    small_pipeline = coordinator.get(PIPELINE).content.decode()
    add_organisations_with_cycles(60, 5940)
    assert Organisation.objects.count() >= 6000
    large = [queries_for(coordinator, url) for url in urls]
    assert large == small
    assert "Accreditation: " in small_pipeline
    assert small_pipeline != coordinator.get(PIPELINE).content.decode()  # the counts did grow
