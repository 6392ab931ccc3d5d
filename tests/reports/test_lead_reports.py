"""An organisation lead's training report (/organisations/<id>/training/) and its CSV and Excel
downloads: figures worked out by hand, small counts read "fewer than 5", nobody but the
organisation's confirmed members ever appears, formula text stays text, the expected modules a
lead chooses (or the sector's learning path), and the same queries at any size."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from lms.demo.two_factor import set_up_totp
from lms.learning.models import Enrolment
from lms.organisations.models import Membership
from lms.reports.lead import EXPECTED_MODULES_ACTION, FEWER_THAN, lead_figure
from lms.site.audit import EXPORT_ACTION
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import (
    CertificateFactory,
    EnrolmentFactory,
    LearnerFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    MembershipFactory,
    OrganisationFactory,
    SectorFactory,
    TrainingModulePageFactory,
    confirmed_member,
)

pytestmark = pytest.mark.django_db

# Every date below is worked out from this day, and the clock is held on it.
TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _on_the_day_the_figures_were_worked_out():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def enrol(user, module, completed: datetime.date | None = None) -> Enrolment:
    enrolment = EnrolmentFactory(user=user, module=module)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=at(completed) if completed else None)
    return enrolment


def lead_client(*organisations, name: str = "Lena Lead") -> Client:
    person = LearnerFactory(roles=[Role.ORGANISATION_LEAD], full_name=name)
    for organisation in organisations:
        organisation.leads.add(person)
    client = Client()
    client.force_login(person)
    client.user = person
    return client


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def xlsx_cells(response) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()] for sheet in workbook}


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@dataclass
class School:
    organisation: object
    other: object
    m1: object
    m2: object
    m3: object
    members: dict
    outsiders: dict
    lead: Client


def school() -> School:
    """Alpha School expects M1, M2 and M3; its lead also leads Beta Homes.

    Confirmed members of Alpha School and where they stand:
      Ann: M1 completed 4 March (certificate expiring in 30 days), M2 in progress
      Bob: M1 completed 1 April (certificate valid two years), M2 completed 2 April
      Cat: M1 in progress; holds an expired certificate of another module
      Eve: no enrolment, but a certificate for M1 issued 10 January: M1 completed
      Fay: M1 completed 5 May (its certificate was revoked)
      Dan, Gus, Hal: nothing started
    So M1: 4 completed, 1 in progress, 3 not started; M2: 1, 1, 6; M3: 0, 0, 8. Certificates
    (any module): valid 3 (Ann, Bob, Eve), expiring 1 (Ann), expired 1 (Cat); Fay's revoked one
    is not counted.
    Never in the report: someone who asked to join, one declined, one removed, one who left
    (each with training and a certificate expiring soon), and a confirmed member of Beta Homes.
    """
    organisation = OrganisationFactory(name="Alpha School")
    other = OrganisationFactory(name="Beta Homes")
    m1 = TrainingModulePageFactory(title="M1 Recognising abuse")
    m2 = TrainingModulePageFactory(title="M2 Responding")
    m3 = TrainingModulePageFactory(title="M3 Safeguarding")
    organisation.expected_modules.set([m1, m2, m3])
    members = {}
    for name in ("Ann Archer", "Bob Baker", "Cat Cole", "Dan Dale", "Eve Evans", "Fay Ford", "Gus Gray", "Hal Hunt"):
        person = LearnerFactory(full_name=name, email=f"{name.split()[0].lower()}@alpha.example")
        confirmed_member(person, organisation)
        members[name.split()[0]] = person
    other_module = TrainingModulePageFactory(title="Other module")
    enrol(members["Ann"], m1, datetime.date(2026, 3, 4))
    CertificateFactory(user=members["Ann"], module=m1, issued_on=datetime.date(2024, 7, 15),
                       expires_on=TODAY + datetime.timedelta(days=30))
    enrol(members["Ann"], m2)
    enrol(members["Bob"], m1, datetime.date(2026, 4, 1))
    CertificateFactory(user=members["Bob"], module=m1, issued_on=datetime.date(2026, 4, 1))
    enrol(members["Bob"], m2, datetime.date(2026, 4, 2))
    enrol(members["Cat"], m1)
    CertificateFactory(user=members["Cat"], module=other_module, issued_on=datetime.date(2024, 1, 1),
                       expires_on=datetime.date(2026, 1, 1))
    CertificateFactory(user=members["Eve"], module=m1, issued_on=datetime.date(2026, 1, 10))
    enrol(members["Fay"], m1, datetime.date(2026, 5, 5))
    CertificateFactory(user=members["Fay"], module=m1, issued_on=datetime.date(2026, 5, 5),
                       revoked_at=at(datetime.date(2026, 5, 6)))

    outsiders = {}
    for name, make in (
        ("Rita Requested", lambda p: MembershipFactory(user=p, organisation=organisation)),
        ("Dora Declined", lambda p: MembershipFactory(user=p, organisation=organisation,
                                                     status=Membership.Status.DECLINED)),
        ("Remy Removed", lambda p: MembershipFactory(
            user=p, organisation=organisation, status=Membership.Status.ENDED,
            ending=Membership.Ending.REMOVED, ended_at=timezone.now())),
        ("Lou Left", lambda p: MembershipFactory(
            user=p, organisation=organisation, status=Membership.Status.ENDED,
            ending=Membership.Ending.LEFT, ended_at=timezone.now())),
        ("Otto Other", lambda p: confirmed_member(p, other)),
    ):
        person = LearnerFactory(full_name=name, email=f"{name.split()[0].lower()}@outside.example",
                                organisation=organisation if "Other" not in name else other)
        make(person)
        for module in (m1, m2, m3):
            enrol(person, module, datetime.date(2026, 3, 1))
        CertificateFactory(user=person, module=m1, issued_on=datetime.date(2024, 7, 1),
                           expires_on=TODAY + datetime.timedelta(days=10))
        outsiders[name] = person
    lead = lead_client(organisation, other)
    return School(organisation, other, m1, m2, m3, members, outsiders, lead)


def url(organisation, suffix: str = "/") -> str:
    return f"/organisations/{organisation.pk}/training{suffix}"


# The figures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("count, shown", [(0, 0), (1, FEWER_THAN), (4, FEWER_THAN), (5, 5), (120, 120)])
def test_one_to_four_people_read_fewer_than_5_and_nought_stays_0(count, shown):
    assert lead_figure(count) == shown


def test_the_figures_match_those_worked_out_by_hand():
    world = school()
    response = world.lead.get(url(world.organisation))
    assert response.status_code == 200
    report = response.context["report"]
    assert [(line.module.title, line.completed, line.in_progress, line.not_started) for line in report.modules] == [
        ("M1 Recognising abuse", 4, 1, 3), ("M2 Responding", 1, 1, 6), ("M3 Safeguarding", 0, 0, 8),
    ]
    assert report.certificates == {"valid": 3, "expiring": 1, "expired": 1}
    assert len(report.members) == 8


def test_the_page_suppresses_small_figures_where_the_lead_sees_them():
    world = school()
    text = text_of(world.lead.get(url(world.organisation)))
    assert "Confirmed members 8" in text
    assert "M1 Recognising abuse Completed fewer than 5 In progress fewer than 5 Not started fewer than 5" in text
    assert "M2 Responding Completed fewer than 5 In progress fewer than 5 Not started 6" in text
    assert "M3 Safeguarding Completed 0 In progress 0 Not started 8" in text
    assert "Valid (including those expiring soon) fewer than 5" in text
    assert "Expiring within 60 days fewer than 5" in text
    assert "Expired and not renewed fewer than 5" in text


def test_the_downloads_suppress_small_figures_too():
    world = school()
    summary = xlsx_cells(world.lead.get(url(world.organisation, ".xlsx")))["Summary"]
    assert summary[2:5] == [
        ["M1 Recognising abuse", FEWER_THAN, FEWER_THAN, FEWER_THAN],
        ["M2 Responding", FEWER_THAN, FEWER_THAN, 6],
        ["M3 Safeguarding", 0, 0, 8],
    ]
    assert summary[-1][:2] == ["Confirmed members", 8]
    rows = csv_rows(world.lead.get(url(world.organisation, ".csv")))
    assert ["M1 Recognising abuse", FEWER_THAN, FEWER_THAN, FEWER_THAN] in rows
    assert ["Valid (including those expiring soon)", FEWER_THAN] in rows
    certificates = xlsx_cells(world.lead.get(url(world.organisation, ".xlsx")))["Certificates"]
    assert certificates[2:] == [["Valid (including those expiring soon)", FEWER_THAN],
                                ["Expiring within 60 days", FEWER_THAN], ["Expired and not renewed", FEWER_THAN]]


def test_each_member_against_each_module_expiring_certificates_and_who_has_not_started():
    world = school()
    response = world.lead.get(url(world.organisation))
    text = text_of(response)
    m1, m2, m3 = "M1 Recognising abuse", "M2 Responding", "M3 Safeguarding"
    assert f"Ann Archer {m1} Completed on 4 Mar 2026 {m2} In progress {m3} Not started" in text
    assert f"Bob Baker {m1} Completed on 1 Apr 2026 {m2} Completed on 2 Apr 2026 {m3} Not started" in text
    assert f"Cat Cole {m1} In progress {m2} Not started {m3} Not started" in text
    # A certificate without an enrolment counts as completed, on the day it was issued.
    assert f"Eve Evans {m1} Completed on 10 Jan 2026 {m2} Not started" in text
    assert f"Fay Ford {m1} Completed on 5 May 2026" in text
    expiring = text.split("Certificates expiring within 60 days")[-1].split("Not started")[0]
    assert "Ann Archer M1 Recognising abuse 15 Jul 2026" in expiring
    assert "Bob" not in expiring and "Cat" not in expiring
    not_started = text.split("Expected modules not started")[1].split("Modules your staff")[0]
    assert "Dan Dale M1 Recognising abuse M2 Responding M3 Safeguarding" in not_started
    assert "Bob Baker M3 Safeguarding" in not_started

    sheets = xlsx_cells(world.lead.get(url(world.organisation, ".xlsx")))
    assert sheets["Members' training"][1] == ["Name", "Email", "M1 Recognising abuse", "M2 Responding",
                                              "M3 Safeguarding"]
    assert ["Ann Archer", "ann@alpha.example", "Completed on 4 March 2026", "In progress", "Not started"] \
        in sheets["Members' training"]
    assert sheets["Expiring within 60 days"][2][:3] == ["Ann Archer", "ann@alpha.example", "M1 Recognising abuse"]
    assert sheets["Expiring within 60 days"][2][3].date() == datetime.date(2026, 7, 15)
    assert len(sheets["Expiring within 60 days"]) == 3
    assert ["Dan Dale", "dan@alpha.example", "M3 Safeguarding"] in sheets["Not started"]
    assert len(sheets["Not started"]) == 2 + 3 + 6 + 8  # title, headings, then M1, M2 and M3's


def test_nobody_but_confirmed_members_appears_in_the_page_or_any_download():
    world = school()
    page = world.lead.get(url(world.organisation))
    csv_file = world.lead.get(url(world.organisation, ".csv"))
    xlsx_file = world.lead.get(url(world.organisation, ".xlsx"))
    cells = " ".join(str(value) for rows in xlsx_cells(xlsx_file).values() for row in rows for value in row)
    for person in world.outsiders.values():
        for mark in (person.full_name, person.email, person.full_name.split()[0]):
            assert mark.encode() not in page.content, mark
            assert mark.encode() not in csv_file.content, mark
            assert mark not in cells, mark
    # Whereas every confirmed member is there.
    for person in world.members.values():
        assert person.full_name.encode() in page.content and person.email in cells


def test_each_organisation_a_lead_leads_has_its_own_report():
    world = school()
    other = text_of(world.lead.get(url(world.other)))
    assert "Otto Other" in other
    assert "Ann Archer" not in other


def test_formula_text_in_a_name_comes_out_as_text():
    world = school()
    world.members["Gus"].full_name = '=HYPERLINK("https://evil.example","Gus")'
    world.members["Gus"].save(update_fields=["full_name"])
    rows = csv_rows(world.lead.get(url(world.organisation, ".csv")))
    assert ["'=HYPERLINK(\"https://evil.example\",\"Gus\")", "gus@alpha.example", "Not started", "Not started",
            "Not started"] in rows
    workbook = load_workbook(io.BytesIO(world.lead.get(url(world.organisation, ".xlsx")).content))
    names = [row[0] for row in workbook["Members' training"].iter_rows(min_row=3)]
    gus = next(cell for cell in names if "HYPERLINK" in str(cell.value))
    assert gus.data_type == "s" and gus.value.startswith("'=")
    assert not any(cell.data_type == "f" for sheet in workbook for row in sheet.iter_rows() for cell in row)


def test_each_download_is_logged_against_the_organisation_and_nothing_is_kept_in_caches():
    world = school()
    for suffix in ("/", ".csv", ".xlsx"):
        assert "no-store" in world.lead.get(url(world.organisation, suffix))["Cache-Control"]
    entries = ModelLogEntry.objects.filter(action=EXPORT_ACTION, object_id=str(world.organisation.pk))
    assert sorted(entry.data["format"] for entry in entries) == ["CSV", "XLSX"]
    assert all(entry.user_id == world.lead.user.pk for entry in entries)
    assert all(entry.data["what"] == "Organisation training report" for entry in entries)


# Who may see it --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["/", ".csv", ".xlsx"])
def test_a_lead_of_another_organisation_is_told_it_is_not_found(suffix):
    world = school()
    stranger = lead_client(OrganisationFactory(name="Gamma Group"), name="Sam Stranger")
    assert stranger.get(url(world.organisation, suffix)).status_code == 404
    assert stranger.post(url(world.organisation, "/expected-modules/"), {"modules": [world.m1.pk]}).status_code == 404
    assert list(world.organisation.expected_modules.all()) == [world.m1, world.m2, world.m3]
    assert not ModelLogEntry.objects.filter(action=EXPORT_ACTION).exists()


@pytest.mark.parametrize("suffix", ["/", ".csv", ".xlsx"])
def test_someone_who_leads_nothing_is_refused(suffix):
    world = school()
    client = Client()
    client.force_login(world.members["Ann"])
    assert client.get(url(world.organisation, suffix)).status_code == 403
    assert Client().get(url(world.organisation, suffix)).status_code == 302  # to sign in


def test_the_report_costs_the_same_queries_with_2_or_12_members():
    organisation = OrganisationFactory(name="Delta Trust")
    modules = [TrainingModulePageFactory(title=f"Module {n}") for n in range(3)]
    organisation.expected_modules.set(modules)
    lead = lead_client(organisation)

    def queries_with(count: int) -> tuple[int, int]:
        while Membership.objects.confirmed().filter(organisation=organisation).count() < count:
            person = LearnerFactory()
            confirmed_member(person, organisation)
            enrol(person, modules[0], datetime.date(2026, 5, 1))
            enrol(person, modules[1])
            CertificateFactory(user=person, module=modules[0], expires_on=TODAY + datetime.timedelta(days=20))
        counts = []
        for suffix in ("/", ".xlsx"):
            with CaptureQueriesContext(connection) as captured:
                assert lead.get(url(organisation, suffix)).status_code == 200
            counts.append(len(captured))
        return tuple(counts)

    assert queries_with(2) == queries_with(12)


# Which modules are expected --------------------------------------------------------------------


def test_with_none_chosen_the_sectors_learning_path_applies_and_the_page_says_so():
    sector = SectorFactory(name="Education", slug="education-test")
    path = LearningPathFactory(sector=sector, items=None)
    first, second = TrainingModulePageFactory(title="Path one"), TrainingModulePageFactory(title="Path two")
    LearningPathItemFactory(path=path, module=second, sort_order=0)
    LearningPathItemFactory(path=path, module=first, sort_order=1)
    organisation = OrganisationFactory(name="Epsilon Academy", sector=sector)
    lead = lead_client(organisation)
    response = lead.get(url(organisation))
    assert [module.title for module in response.context["report"].expectation.modules] == ["Path two", "Path one"]
    assert "None chosen, so the Education sector’s learning path applies" in text_of(response)


def test_a_lead_chooses_the_expected_modules_and_the_change_is_logged_once():
    world = school()
    target = url(world.organisation, "/expected-modules/")
    response = world.lead.post(target, {"modules": [world.m1.pk, world.m3.pk]}, follow=True)
    assert "Saved. Alpha School now expects 2 modules." in text_of(response)
    assert set(world.organisation.expected_modules.all()) == {world.m1, world.m3}
    assert [line.module for line in response.context["report"].modules] == [world.m1, world.m3]
    logged = ModelLogEntry.objects.filter(action=EXPECTED_MODULES_ACTION, object_id=str(world.organisation.pk))
    assert logged.count() == 1 and logged.get().user_id == world.lead.user.pk
    assert logged.get().data["expected_modules"] == ["M1 Recognising abuse", "M3 Safeguarding"]
    assert not ModelLogEntry.objects.filter(action="wagtail.edit").exists()
    # The same again (a double submit): nothing changes, nothing more is logged.
    again = world.lead.post(target, {"modules": [world.m1.pk, world.m3.pk]}, follow=True)
    assert "You did not change the expected modules, so nothing was saved." in text_of(again)
    assert logged.count() == 1


def test_choosing_none_goes_back_to_the_sectors_learning_path():
    world = school()
    response = world.lead.post(url(world.organisation, "/expected-modules/"), {}, follow=True)
    assert "now follows its sector’s learning path" in text_of(response)
    assert not world.organisation.expected_modules.exists()


@pytest.mark.parametrize("bad", [
    "not-a-number", "999999999", "-1", "", "0",
    # Beyond the database's integers: these once raised OverflowError on SQLite (a 500).
    "9223372036854775808", "99999999999999999999", "-9223372036854775809", "1" + "0" * 400, "9" * 5000,
])
def test_a_module_not_in_the_list_is_refused_with_a_message_and_nothing_changes(bad):
    world = school()
    response = world.lead.post(url(world.organisation, "/expected-modules/"), {"modules": [world.m1.pk, bad]})
    assert response.status_code == 200
    assert "Choose modules from the list" in text_of(response)
    assert set(world.organisation.expected_modules.all()) == {world.m1, world.m2, world.m3}
    assert not ModelLogEntry.objects.filter(action__in=["wagtail.edit", EXPECTED_MODULES_ACTION]).exists()


@pytest.mark.parametrize("spelling", ["0{pk}", "+{pk}", " {pk}", "{pk} ", "{pk}.0", "٣{pk}"])
def test_a_module_id_written_any_other_way_than_the_form_sends_it_is_refused(spelling):
    world = school()
    sent = spelling.format(pk=world.m1.pk)
    response = world.lead.post(url(world.organisation, "/expected-modules/"), {"modules": [sent]})
    assert response.status_code == 200 and "Choose modules from the list" in text_of(response)
    assert set(world.organisation.expected_modules.all()) == {world.m1, world.m2, world.m3}


def test_with_modules_chosen_the_hint_still_names_the_organisations_recorded_sector():
    world = school()
    world.organisation.sector = SectorFactory(name="Education", slug="education-hint")
    world.organisation.save(update_fields=["sector"])
    text = text_of(world.lead.get(url(world.organisation)))
    assert "Leave every box empty to follow the Education sector’s learning path." in text
    assert "once a coordinator records your sector" not in text
    # And when the lead's choice is refused, the page shown again says the same.
    refused = text_of(world.lead.post(url(world.organisation, "/expected-modules/"), {"modules": ["junk"]}))
    assert "Leave every box empty to follow the Education sector’s learning path." in refused


def test_the_audit_trail_names_the_modules_chosen_or_says_the_choice_was_cleared():
    world = school()
    target = url(world.organisation, "/expected-modules/")
    world.lead.post(target, {"modules": [world.m3.pk, world.m1.pk]})
    world.lead.post(target, {})
    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    trail = text_of(client.get("/admin/audit/"))
    assert "Expected modules set to: M1 Recognising abuse, M3 Safeguarding" in trail
    assert "Expected modules cleared: the sector’s learning path applies" in trail
    assert "Expected modules changed" in trail  # the action's name, also offered as a filter
    entries = ModelLogEntry.objects.filter(action=EXPECTED_MODULES_ACTION, object_id=str(world.organisation.pk))
    assert [entry.message for entry in entries.order_by("pk")] == [
        "Expected modules set to: M1 Recognising abuse, M3 Safeguarding",
        "Expected modules cleared: the sector’s learning path applies",
    ]


def test_an_unpublished_module_cannot_be_chosen():
    world = school()
    draft = TrainingModulePageFactory(title="Draft module", live=False)
    response = world.lead.post(url(world.organisation, "/expected-modules/"), {"modules": [draft.pk]})
    assert response.status_code == 200 and "Choose modules from the list" in text_of(response)
    assert "Draft module" not in text_of(world.lead.get(url(world.organisation)))
    assert set(world.organisation.expected_modules.all()) == {world.m1, world.m2, world.m3}


def test_the_expected_modules_form_is_a_post():
    world = school()
    assert world.lead.get(url(world.organisation, "/expected-modules/")).status_code == 405


# The ways in ------------------------------------------------------------------------------------


def test_the_organisations_page_and_the_members_page_link_to_each_report():
    world = school()
    home = world.lead.get("/organisations/").content.decode()
    members = world.lead.get("/organisations/members/").content.decode()
    for organisation in (world.organisation, world.other):
        assert f'href="{url(organisation)}"' in home
        assert f'href="{url(organisation)}"' in members


def test_coordinators_choose_the_expected_modules_on_the_organisations_admin_form():
    world = school()
    coordinator = staff_client(Role.COORDINATOR)
    edit = f"/admin/organisations/edit/{world.organisation.pk}/"
    response = coordinator.get(edit)
    assert response.status_code == 200
    assert 'type="checkbox" name="expected_modules"' in response.content.decode()
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data["expected_modules"] = [world.m2.pk]
    data["male_dominated_workforce"] = ""
    data["partnership_member"] = ""
    response = coordinator.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(world.organisation.expected_modules.all()) == [world.m2]
    lead_view = world.lead.get(url(world.organisation))
    assert [line.module for line in lead_view.context["report"].modules] == [world.m2]


def test_a_new_organisation_with_no_sector_members_or_modules_gets_a_page_that_says_what_to_do():
    organisation = OrganisationFactory(name="Zeta Club", sector=None)
    lead = lead_client(organisation)
    for suffix in ("/", ".csv", ".xlsx"):
        assert lead.get(url(organisation, suffix)).status_code == 200
    text = text_of(lead.get(url(organisation)))
    assert "None chosen, and no sector is recorded for Zeta Club" in text
    assert "Confirmed members 0" in text  # the lead works elsewhere: nought is shown as it is
    assert "Zeta Club has no confirmed members yet. Answer requests to join on the members page" in text


def test_on_a_phone_each_member_is_a_card_and_no_table_is_wider_than_its_words():
    """Each member's training is one summary card (module, then where they stand), not a grid of
    members by modules that overflowed a 412px phone; the per-module figures are one card each."""
    world = school()
    html = world.lead.get(url(world.organisation)).content.decode()
    members = html[html.index('id="members"'):html.index('id="expiring"')]
    assert "<table" not in members
    assert members.count('class="govuk-summary-card"') == 8
    assert re.search(r'<h3 class="govuk-summary-card__title">\s*Ann Archer\s*</h3>', members)
    assert members.count('<dt class="govuk-summary-list__key">M1 Recognising abuse</dt>') == 8
    summary = html[html.index('id="modules"'):html.index('id="members"')]
    assert summary.count('class="govuk-summary-card"') == 3
    # The one table left there is the certificates', two narrow columns.
    assert summary.count("<table") == 1 and "Certificates your members hold" in summary.split("<table")[1]
    assert re.search(r'<h3 class="govuk-summary-card__title">\s*M3 Safeguarding\s*</h3>', summary)


def test_the_page_says_why_small_figures_read_fewer_than_5_while_names_are_shown():
    world = school()
    text = text_of(world.lead.get(url(world.organisation)))
    assert ("The names further down are shown in full because they are your own confirmed staff, "
            "whom you already see on your members page") in text


def modules_completed_on_the_members_page(client, person) -> int:
    text = text_of(client.get("/organisations/members/"))
    return int(re.search(rf"{re.escape(person.email)} .*? Modules completed (\d+)", text).group(1))


def test_the_members_page_counts_modules_completed_as_the_report_does():
    """A completed enrolment or a certificate held (not withdrawn) of a module, each module once."""
    world = school()
    people = world.members
    # Bob renewed M1: two certificates of one module are still one module completed.
    CertificateFactory(user=people["Bob"], module=world.m1, issued_on=datetime.date(2026, 5, 1))
    # Gus holds only a withdrawn certificate: nothing completed, as the report says.
    CertificateFactory(user=people["Gus"], module=world.m2, revoked_at=at(datetime.date(2026, 5, 2)))
    report = world.lead.get(url(world.organisation)).context["report"]
    in_report = {line.person.pk: sum(cell.state == "completed" for cell in line.cells) for line in report.members}
    # Cat's expired certificate is of a module Alpha School does not expect: counted on the members
    # page (every module), not in the report (expected modules only).
    expected = {"Ann": 1, "Bob": 2, "Cat": 1, "Dan": 0, "Eve": 1, "Fay": 1, "Gus": 0, "Hal": 0}
    for name, count in expected.items():
        assert modules_completed_on_the_members_page(world.lead, people[name]) == count, name
        if name != "Cat":
            assert in_report[people[name].pk] == count, name
    # Eve, with a certificate and no enrolment, reads the same on both pages.
    assert "Eve Evans M1 Recognising abuse Completed on 10 Jan 2026" in text_of(world.lead.get(url(world.organisation)))


def test_the_members_page_costs_the_same_queries_with_2_or_8_members_with_training():
    organisation = OrganisationFactory(name="Kappa Care")
    lead = lead_client(organisation)
    modules = [TrainingModulePageFactory(title=f"K{n}") for n in range(2)]

    def queries_with(count: int) -> int:
        while Membership.objects.confirmed().filter(organisation=organisation).count() < count:
            person = LearnerFactory()
            confirmed_member(person, organisation)
            enrol(person, modules[0], datetime.date(2026, 5, 1))
            CertificateFactory(user=person, module=modules[1])
        with CaptureQueriesContext(connection) as captured:
            assert lead.get("/organisations/members/").status_code == 200
        return len(captured)

    assert queries_with(2) == queries_with(8)
    assert modules_completed_on_the_members_page(lead, organisation.memberships.confirmed().first().user) == 2
