"""The coordinators' White Ribbon screens in a real browser: a coordinator signs in with her second
factor, opens the pipeline from the admin menu, filters it by district with the keyboard and
follows a count to exactly the organisations counted, reads the accreditation target's charts
and tables, and moves a cycle on a stage. Every page passes axe-core's WCAG 2.2 AA checks with
the site's Content-Security-Policy in force, and nothing is asked of another site. Screenshots of
the pipeline and the target at 1280 pixels wide go to the temporary folder's shots/ (/tmp/shots/)
and test-artifacts/."""

import datetime
import re
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from champions.whiteribbon.models import AccreditationCycle, StageChange
from lms.accounts.models import District
from lms.demo.two_factor import set_up_totp
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.e2e.conftest import axe_violations
from tests.factories import LearnerFactory, OrganisationFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, WhiteRibbonSettingsFactory, accredited_cycle

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = [Path(tempfile.gettempdir()) / "shots", Path(__file__).resolve().parents[2] / "test-artifacts"]
S = AccreditationCycle.Stage

NAMES = [
    ("Broxbourne Borough Council", "broxbourne", Organisation.Kind.PUBLIC_BODY, False),
    ("Hemel Hempstead Bus Garage", "dacorum", Organisation.Kind.EMPLOYER, True),
    ("Berkhamsted Primary School", "dacorum", Organisation.Kind.SCHOOL, False),
    ("Ware Community Pharmacy", "east-hertfordshire", Organisation.Kind.PHARMACY, False),
    ("Borehamwood Football Club", "hertsmere", Organisation.Kind.COMMUNITY, True),
    ("Hitchin Housing Association", "north-hertfordshire", Organisation.Kind.HOUSING, False),
    ("St Albans Cathedral Outreach", "st-albans", Organisation.Kind.FAITH, False),
    ("Stevenage Construction Ltd", "stevenage", Organisation.Kind.EMPLOYER, True),
    ("Rickmansworth Surgery", "three-rivers", Organisation.Kind.HEALTH, False),
    ("Watford Women's Centre", "watford", Organisation.Kind.VCFSE, False),
    ("Welwyn Early Years Nursery", "welwyn-hatfield", Organisation.Kind.EARLY_YEARS, False),
    ("Hatfield Logistics Hub", "welwyn-hatfield", Organisation.Kind.EMPLOYER, True),
    ("Letchworth Academy", "north-hertfordshire", Organisation.Kind.SCHOOL, False),
    ("Cheshunt Youth Club", "broxbourne", Organisation.Kind.COMMUNITY, False),
    ("Harpenden Pharmacy", "st-albans", Organisation.Kind.PHARMACY, False),
    ("Bishop's Stortford College", "east-hertfordshire", Organisation.Kind.SCHOOL, False),
]
STAGES = [S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.ACCREDITED, S.RENEWAL_DUE,
          S.ACCREDITED, S.COMMITTED, S.ACCREDITED, S.INTERESTED, S.ACCREDITED, S.PREPARING, S.COMMITTED,
          S.ACCREDITED, S.LAPSED]


def make_pipeline():
    WhiteRibbonSettingsFactory(accredited_target=60, target_date=datetime.date(2029, 3, 31))
    today = timezone.localdate()
    cycles = {}
    for index, ((name, district, kind, male), stage) in enumerate(zip(NAMES, STAGES, strict=True)):
        organisation = OrganisationFactory(name=name, district=District.objects.get(slug=district), kind=kind,
                                           male_dominated_workforce=male, partnership_member=index % 3 == 0)
        if stage == S.ACCREDITED:
            cycles[name] = accredited_cycle(organisation, approved_on=today - datetime.timedelta(days=60 + 40 * index))
        else:
            cycles[name] = AccreditationCycleFactory(
                organisation=organisation, stage=stage, stage_changed_on=today - datetime.timedelta(days=20),
                track=AccreditationCycle.Track.SUPPORTER if name == "Cheshunt Youth Club" else
                AccreditationCycle.Track.ACCREDITED,
                approved_on=today - datetime.timedelta(days=1000) if stage == S.RENEWAL_DUE else None,
                closed_on=today - datetime.timedelta(days=40) if stage == S.LAPSED else None,
            )
    return cycles


def page_violations(page) -> list:
    """axe-core's serious and critical findings on the page, less one outside these screens: the
    admin's sidebar brand link is named "Dashboard" by Wagtail's script while it shows the site's
    name (label-content-name-mismatch on .sidebar-custom-branding, on every admin page)."""
    return [
        violation for violation in axe_violations(page)
        if not (violation["id"] == "label-content-name-mismatch"
                and violation["nodes"] == [[".sidebar-custom-branding"]])
    ]


def shoot(page, name: str) -> None:
    """The whole page at 1280 wide: the admin scrolls inside its own layout, so the window is made
    as tall as the page first."""
    height = page.evaluate("Math.max(document.body.scrollHeight, document.querySelector('main').scrollHeight + 80)")
    page.set_viewport_size({"width": 1280, "height": max(900, height)})
    for folder in SHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / name), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_coordinator_reads_the_pipeline_and_target_and_moves_a_cycle_on(live_server, page, offsite_requests):
    cycles = make_pipeline()
    coordinator = LearnerFactory(full_name="Corinne Ordinator", roles=[Role.COORDINATOR])
    set_up_totp(coordinator, TOTP_SECRET)
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{base}/admin/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/admin/")

    # The White Ribbon menu, after Champions.
    page.get_by_role("button", name="White Ribbon").click()
    page.get_by_role("link", name="Pipeline").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("White Ribbon pipeline")
    expect(page.get_by_role("heading", name="Accreditation: 14")).to_be_visible()
    expect(page.get_by_role("heading", name="Supporters: 1")).to_be_visible()
    expect(page.get_by_role("heading", name="Closed: 1")).to_be_visible()
    assert page_violations(page) == []
    shoot(page, "admin_pipeline.png")

    # Filter by district with the keyboard alone: open the filters, choose Dacorum, show.
    summary = page.get_by_text("Filter by district, type, stage, workforce or partnership")
    summary.focus()
    page.keyboard.press("Enter")
    district = page.get_by_label("District")
    district.focus()
    district.select_option(label="Dacorum")
    page.get_by_role("button", name="Show").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Accreditation: 2")).to_be_visible()
    expect(page.get_by_text("District: Dacorum")).to_be_visible()
    assert page_violations(page) == []

    # A count opens the list of exactly the organisations counted.
    page.get_by_role("link", name=re.compile("committed: show them")).click()
    expect(page.get_by_role("link", name="Hemel Hempstead Bus Garage")).to_be_visible()
    expect(page.get_by_role("link", name="Berkhamsted Primary School")).to_have_count(0)

    # The target: progress, charts (images with a title) and their tables.
    page.goto(f"{base}/admin/white-ribbon/target/")
    expect(page.get_by_role("heading", name="7 of 60 (12%) by 31 March 2029")).to_be_visible()
    expect(page.get_by_role("img", name="Accredited organisations by district")).to_be_visible()
    expect(page.get_by_role("img", name="Accredited organisations by type")).to_be_visible()
    expect(page.get_by_role("table", name="Accredited organisations by district").get_by_role(
        "row", name="St Albans 2")).to_be_visible()
    assert page_violations(page) == []
    shoot(page, "admin_kpi.png")

    # Move a cycle on a stage, with the keyboard.
    cycle = cycles["Letchworth Academy"]
    page.goto(f"{base}/admin/white-ribbon/cycles/inspect/{cycle.pk}/")
    expect(page.get_by_role("heading", name="Letchworth Academy", level=2)).to_be_visible()
    assert page_violations(page) == []
    page.get_by_role("link", name="Change stage").click()
    expect(page.get_by_role("heading", name="Change Letchworth Academy’s stage")).to_be_visible()
    assert page_violations(page) == []
    page.get_by_label("Submitted to the panel").check()
    page.get_by_label("Note").fill("Application sent on the portal.")
    page.get_by_role("button", name="Change the stage").press("Enter")
    expect(page.get_by_text("Letchworth Academy is now “submitted to the panel”.")).to_be_visible()
    cycle.refresh_from_db()
    assert cycle.stage == S.SUBMITTED
    assert StageChange.objects.get(cycle=cycle).note == "Application sent on the portal."
    assert offsite_requests == []
