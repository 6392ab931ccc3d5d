"""The organisation leads' area (/organisations/): each lead sees the organisations they lead,
their White Ribbon stage and dates, and keeps their action plan up to date (actions, progress,
evidence); nothing of any other organisation, in pages or downloads."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.whiteribbon.models import AccreditationCycle, ActionItem, ActionUpdate, Criterion, Evidence, Focus
from champions.whiteribbon.services import add_months
from lms.site.roles import Role
from tests.factories import (
    AccreditationCycleFactory,
    ActionItemFactory,
    ActionUpdateFactory,
    CertificateFactory,
    EvidenceFactory,
    LearnerFactory,
    OrganisationFactory,
    StageChangeFactory,
    WhiteRibbonPersonFactory,
    WhiteRibbonSettingsFactory,
    accredited_cycle,
    confirmed_member,
    make_module,
)
from tests.whiteribbon.factories import PDF

pytestmark = pytest.mark.django_db

S = AccreditationCycle.Stage
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _the_day_the_dates_were_worked_out():
    """This module works its dates out once, as it loads: hold the clock on that day, so that a
    run going past midnight cannot expect one day's date and be given the next."""
    with time_machine.travel(datetime.datetime.combine(TODAY, datetime.time(12, 0)), tick=True):
        yield
APPROVED = TODAY - datetime.timedelta(days=200)


def lead_client(*organisations, name: str = "Lena Lead") -> Client:
    person = LearnerFactory(roles=[Role.ORGANISATION_LEAD], full_name=name)
    for organisation in organisations:
        organisation.leads.add(person)
    client = Client()
    client.force_login(person)
    client.user = person
    return client


def body(response) -> str:
    return response.content.decode()


def text_of(response) -> str:
    """The page's words without tags or repeated spaces, as a person reads them."""
    return " ".join(re.sub(r"<[^>]+>", " ", body(response)).split())


def plan_url(organisation) -> str:
    return f"/organisations/{organisation.pk}/white-ribbon/"


def item_url(item) -> str:
    return f"/organisations/{item.cycle.organisation_id}/white-ribbon/items/{item.pk}/"


def item_post(**overrides) -> dict:
    """The add-an-action form as a lead would send it: due within year 1 of APPROVED."""
    due = APPROVED + datetime.timedelta(days=300)
    data = {
        "title": "All managers complete the domestic abuse awareness module",
        "criterion": Criterion.CHANGING_CULTURE, "focus": Focus.TRAINING, "year": "1",
        "due_day": str(due.day), "due_month": str(due.month), "due_year": str(due.year),
        "owner": "Head of HR", "detail": "Booked through the learning platform.", "module": "",
    }
    data.update(overrides)
    return data


def messages_of(response) -> str:
    return " ".join(str(message) for message in response.context["messages"]) if response.context else ""


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Hatfield Housing Trust", contact_email="staff-only-contact@example.org",
                               contact_name="Staff Only Contactname", contact_phone="01707 000111")


@pytest.fixture
def cycle(organisation):
    return accredited_cycle(organisation, approved_on=APPROVED, lead_contact_name="Sam Whitelead",
                            lead_contact_email="sam.whitelead@example.org",
                            steering_group="Ade Chair, chief executive\nBea Member, head of HR")


@pytest.fixture
def lead(organisation):
    return lead_client(organisation)


# Who may see what.


def test_signed_out_visitors_are_asked_to_sign_in(organisation):
    for path in ("/organisations/", plan_url(organisation)):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_people_who_lead_no_organisation_are_refused(organisation, coordinator):
    learner = Client()
    learner.force_login(LearnerFactory())
    assert learner.get("/organisations/").status_code == 403
    assert learner.get(plan_url(organisation)).status_code == 403
    # The role alone is not enough: the area is for people who lead an organisation now.
    role_only = lead_client()
    assert role_only.get("/organisations/").status_code == 403


def test_a_lead_sees_only_the_organisations_they_lead(organisation, cycle, lead):
    other = OrganisationFactory(name="Somebody Else's School")
    accredited_cycle(other, approved_on=APPROVED)
    page = text_of(lead.get("/organisations/"))
    assert "Hatfield Housing Trust" in page
    assert "Somebody Else's School" not in page


def test_a_lead_of_another_organisation_finds_nothing_of_this_one(organisation, cycle):
    item = ActionItemFactory(cycle=cycle)
    evidence = EvidenceFactory(item=item)
    lead_b = lead_client(OrganisationFactory(name="Organisation B"))
    base = item_url(item)
    for path in (plan_url(organisation), base, base + "edit/", f"{plan_url(organisation)}items/new/",
                 f"{base}evidence/new/", f"{base}evidence/{evidence.pk}/", f"{base}evidence/{evidence.pk}/remove/"):
        assert lead_b.get(path).status_code == 404, path
    for path, data in ((f"{plan_url(organisation)}items/new/", item_post()),
                       (base + "edit/", item_post(status="done")),
                       (f"{base}updates/", {"text": "Done it", "status": "done"}),
                       (f"{base}evidence/new/", {"title": "Policy", "link": "https://example.org/p"}),
                       (f"{base}evidence/{evidence.pk}/remove/", {})):
        assert lead_b.post(path, data).status_code == 404, path
    assert ActionItem.objects.count() == 1
    assert not ActionUpdate.objects.exists()
    assert list(Evidence.objects.all()) == [evidence]
    item.refresh_from_db()
    assert item.status == ActionItem.Status.GREEN


def test_an_item_or_evidence_of_another_organisation_is_not_found_through_ones_own_address(organisation, cycle, lead):
    # A lead of A cannot reach B's action by putting its id under A's address.
    other_item = ActionItemFactory(cycle=accredited_cycle(OrganisationFactory(), approved_on=APPROVED))
    other_evidence = EvidenceFactory(item=other_item)
    own_item = ActionItemFactory(cycle=cycle)
    assert lead.get(f"{plan_url(organisation)}items/{other_item.pk}/").status_code == 404
    assert lead.get(f"{item_url(own_item)}evidence/{other_evidence.pk}/").status_code == 404


# The organisations page.


def test_the_organisations_page_shows_each_organisation_with_its_stage_dates_and_counts(cycle, lead):
    WhiteRibbonSettingsFactory(renewal_notice_months=6)
    organisation = cycle.organisation
    ActionItemFactory(cycle=cycle, status="red", due_on=TODAY - datetime.timedelta(days=3))
    ActionItemFactory(cycle=cycle, status="green")
    ActionItemFactory(cycle=cycle, status="done", due_on=TODAY - datetime.timedelta(days=9))
    not_started = OrganisationFactory(name="Watford Pharmacy")
    not_started.leads.add(lead.user)

    response = lead.get("/organisations/")
    assert response.status_code == 200
    page = text_of(response)
    expires = add_months(APPROVED, 36)
    assert f"Approved by the panel on {APPROVED:%-d %B %Y}" in page
    assert f"Accreditation expires on {expires:%-d %B %Y}" in page
    assert f"Renewal falls due on {add_months(expires, -6):%-d %B %Y}" in page
    assert "White Ribbon stage Accredited Track White Ribbon accreditation" in page
    assert "3 actions, 1 overdue" in page
    assert '<strong class="govuk-tag govuk-tag--red">1 overdue</strong>' in body(response)
    assert "Off track 1" in page and "On track 1" in page and "Done 1" in page
    assert "Watford Pharmacy" in page
    assert "Not yet working towards White Ribbon accreditation" in page
    assert "training@example.org" in page or "training coordinator" in page
    assert f'href="/organisations/{organisation.pk}/white-ribbon/"' in body(response)
    assert 'href="/organisations/members/"' in body(response)


def test_the_organisations_page_costs_the_same_queries_with_1_or_6_organisations():
    lead = lead_client()

    def queries_with(count: int) -> int:
        for _ in range(count - lead.user.led_organisations.count()):
            organisation = OrganisationFactory(leads=[lead.user])
            ActionItemFactory(cycle=accredited_cycle(organisation, approved_on=APPROVED))
        lead.get("/organisations/")
        with CaptureQueriesContext(connection) as captured:
            response = lead.get("/organisations/")
        assert text_of(response).count("White Ribbon action plan of") == count
        return len(captured)

    assert queries_with(1) == queries_with(6)


def test_the_organisations_page_keeps_the_organisations_staff_only_contact_hidden(cycle, lead):
    page = body(lead.get("/organisations/")) + body(lead.get(plan_url(cycle.organisation)))
    assert "staff-only-contact@example.org" not in page
    assert "Staff Only Contactname" not in page
    assert "01707 000111" not in page
    # The White Ribbon lead contact is the organisation's own: its leads see it.
    assert "sam.whitelead@example.org" in page


# The plan.


def test_the_plan_shows_the_cycle_its_history_and_its_people(cycle, lead):
    coordinator = LearnerFactory(full_name="Corinne Ordinator", email="corinne.coordinator@example.org",
                                 roles=[Role.COORDINATOR])
    StageChangeFactory(cycle=cycle, from_stage="", to_stage=S.INTERESTED, on=APPROVED - datetime.timedelta(days=90),
                       by=coordinator, note="Met the chief executive.")
    StageChangeFactory(cycle=cycle, from_stage=S.SUBMITTED, to_stage=S.ACCREDITED, on=APPROVED, by=coordinator,
                       note="Approved by the panel.")
    WhiteRibbonPersonFactory(organisation=cycle.organisation, name="Tom Ambassador", job_title="Caretaker")
    WhiteRibbonPersonFactory(organisation=cycle.organisation, name="Jess Champion", role="champion")
    WhiteRibbonPersonFactory(organisation=cycle.organisation, name="Old Ambassador", ended_on=TODAY)

    response = lead.get(plan_url(cycle.organisation))
    page = text_of(response)
    assert "Hatfield Housing Trust" in page and "White Ribbon action plan" in page
    assert f"{APPROVED - datetime.timedelta(days=90):%-d %B %Y} Interested (the cycle started) Met the chief " \
        "executive." in page
    assert f"{APPROVED:%-d %B %Y} Accredited (was submitted to the panel) Approved by the panel." in page
    assert "Recorded by Corinne Ordinator" in page
    assert "corinne.coordinator@example.org" not in page
    assert "Sam Whitelead" in page
    assert "Ade Chair, chief executive" in page and "Bea Member, head of HR" in page
    assert "White Ribbon ambassadors (1)" in page and "Tom Ambassador Caretaker" in page
    assert "White Ribbon champions (1)" in page and "Jess Champion" in page
    assert "Old Ambassador" not in page


def test_the_plan_groups_actions_by_year_and_criterion_and_marks_the_overdue_in_words(cycle, lead):
    ActionItemFactory(cycle=cycle, year=1, criterion=Criterion.STRATEGIC_LEADERSHIP, title="Board signs the pledge",
                      due_on=TODAY - datetime.timedelta(days=1), status="amber")
    ActionItemFactory(cycle=cycle, year=2, criterion=Criterion.RAISING_AWARENESS, title="White Ribbon Day stall",
                      due_on=add_months(APPROVED, 13))
    page = text_of(lead.get(plan_url(cycle.organisation)))
    assert page.index("Year 1 of the plan") < page.index("Strategic Leadership") < page.index("Board signs the pledge")
    year_2 = page.index("Year 2 of the plan")
    assert year_2 < page.index("Raising Awareness", year_2) < page.index("White Ribbon Day stall")
    assert "Nothing for year 1 yet under Changing Culture, Raising Awareness, Engaging with Men and Boys." in page
    assert "Board signs the pledge Overdue" in page
    assert f"{TODAY - datetime.timedelta(days=1):%-d %B %Y}: overdue" in page
    assert "Status At risk" in page
    assert "1 action is overdue" in page
    assert "No actions for year 3 yet." in page


def test_the_plan_shows_live_training_from_confirmed_members(cycle, lead):
    module = make_module("awareness", title="Domestic abuse awareness")
    members = [LearnerFactory() for _ in range(3)]
    for member in members:
        confirmed_member(member, cycle.organisation)
    CertificateFactory(user=members[0], module=module)
    CertificateFactory(user=members[1], module=module, issued_on=TODAY - datetime.timedelta(days=900),
                       expires_on=TODAY - datetime.timedelta(days=1))
    CertificateFactory(user=LearnerFactory(), module=module)  # not a member
    ActionItemFactory(cycle=cycle, module=module, title="Managers trained")
    page = text_of(lead.get(plan_url(cycle.organisation)))
    assert "1 of 3 confirmed members hold a current certificate for Domestic abuse awareness (33%)" in page


def test_the_plan_costs_the_same_queries_with_3_or_30_actions(cycle, lead):
    module = make_module("awareness", title="Domestic abuse awareness")
    confirmed_member(LearnerFactory(), cycle.organisation)

    def queries_with(count: int) -> int:
        ActionItem.objects.filter(cycle=cycle).delete()
        for number in range(count):
            item = ActionItemFactory(cycle=cycle, module=module if number % 2 else None, year=1 + number % 3,
                                     due_on=add_months(APPROVED, 12 * (number % 3) + 1))
            EvidenceFactory(item=item)
            ActionUpdateFactory(item=item)
        lead.get(plan_url(cycle.organisation))  # warm: sessions, settings
        with CaptureQueriesContext(connection) as captured:
            response = lead.get(plan_url(cycle.organisation))
        assert response.status_code == 200
        assert text_of(response).count("confirmed member hold") == count // 2
        return len(captured)

    assert queries_with(3) == queries_with(30)


def test_a_closed_cycle_is_shown_read_only(organisation, lead):
    closed = AccreditationCycleFactory(organisation=organisation, stage=S.WITHDRAWN, closed_on=TODAY)
    item = ActionItemFactory(cycle=closed, title="Old action", due_on=TODAY - datetime.timedelta(days=30))
    response = lead.get(plan_url(organisation))
    page = text_of(response)
    assert "This White Ribbon cycle closed" in page and "“Withdrawn”" in page
    assert "Old action" in page
    assert "Add an action" not in page
    assert "Overdue" not in page  # a closed plan is history, not a to-do list
    assert "/edit/" not in body(response)

    response = lead.post(f"{plan_url(organisation)}items/new/", item_post(), follow=True)
    assert "no White Ribbon cycle under way" in messages_of(response)
    response = lead.post(item_url(item) + "edit/", item_post(status="done"), follow=True)
    assert "can no longer be changed" in messages_of(response)
    response = lead.post(item_url(item) + "updates/", {"text": "Late news", "status": "done"}, follow=True)
    assert "can no longer be changed" in messages_of(response)
    assert ActionItem.objects.count() == 1 and not ActionUpdate.objects.exists()
    item.refresh_from_db()
    assert item.status == "green"


def test_an_organisation_without_a_cycle_says_how_to_start(organisation, lead):
    response = lead.get(plan_url(organisation))
    page = text_of(response)
    assert "is not yet working towards White Ribbon accreditation" in page
    assert "Add an action" not in page
    response = lead.get(f"{plan_url(organisation)}items/new/", follow=True)
    assert "no White Ribbon cycle under way" in messages_of(response)


# Adding and changing actions.


def test_a_lead_adds_an_action_and_sees_it_on_the_plan(cycle, lead):
    module = make_module("awareness", title="Domestic abuse awareness")
    response = lead.post(f"{plan_url(cycle.organisation)}items/new/", item_post(module=str(module.pk)))
    item = ActionItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item_url(item)
    assert (item.cycle, item.criterion, item.focus, item.year, item.owner, item.module_id, item.status) == (
        cycle, Criterion.CHANGING_CULTURE, Focus.TRAINING, 1, "Head of HR", module.pk, "green")
    assert item.due_on == APPROVED + datetime.timedelta(days=300)
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.item")
    assert entry.user_id == lead.user.pk and entry.data["change"] == "added"
    followed = lead.get(response["Location"])
    assert "All managers complete the domestic abuse awareness module" in text_of(followed)
    assert "is added to the plan for year 1" in messages_of(followed)
    plan_page = text_of(lead.get(plan_url(cycle.organisation)))
    assert "Changing Culture All managers complete the domestic abuse awareness module" in plan_page


def test_pressing_add_twice_adds_the_action_once(cycle, lead):
    lead.post(f"{plan_url(cycle.organisation)}items/new/", item_post())
    response = lead.post(f"{plan_url(cycle.organisation)}items/new/", item_post(), follow=True)
    assert ActionItem.objects.count() == 1
    assert "was already added, so it was not added again" in messages_of(response)


@pytest.mark.parametrize(("overrides", "message"), [
    ({"due_day": "31", "due_month": "2"}, "The due date must be a real date."),
    ({"due_day": "", "due_month": "", "due_year": ""}, "Enter the date the action is due."),
    ({"due_month": ""}, "The due date must include a month."),
    ({"due_day": "x"}, "The due date must be a real date: give the day as a number."),
    ({"due_day": str(APPROVED.day), "due_month": str(APPROVED.month), "due_year": str(APPROVED.year - 1)},
     "The due date must be while this accreditation runs: between"),
    ({"year": "3"}, "Year 3 of the plan runs from"),
    ({"year": "4"}, "Choose year 1, 2 or 3 of the plan."),
    ({"title": "   "}, "Enter the action: what will be done."),
    ({"title": "=HYPERLINK(\"http://evil\")"}, "Start the action with a letter or a number."),
    ({"owner": "Head\x00 of HR"}, "The owner can only include letters"),
    ({"criterion": "tea_making"}, "Choose the White Ribbon criterion from the list."),
    ({"module": "999999999"}, "Choose the training module from the list."),
])
def test_a_bad_action_is_refused_with_a_clear_message_and_nothing_is_written(cycle, lead, overrides, message):
    response = lead.post(f"{plan_url(cycle.organisation)}items/new/", item_post(**overrides))
    assert response.status_code == 200
    assert "There is a problem" in body(response)
    assert message in text_of(response)
    assert not ActionItem.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="champions.whiteribbon").exists()


def test_before_approval_a_due_date_must_be_after_the_cycle_started_and_within_four_years(organisation, lead):
    cycle = AccreditationCycleFactory(organisation=organisation, stage=S.PREPARING, started_on=TODAY)
    earlier = TODAY - datetime.timedelta(days=10)
    response = lead.post(f"{plan_url(organisation)}items/new/", item_post(
        due_day=str(earlier.day), due_month=str(earlier.month), due_year=str(earlier.year)))
    assert f"between {TODAY:%-d %B %Y}, when this White Ribbon cycle started" in text_of(response)
    too_late = add_months(TODAY, 48) + datetime.timedelta(days=1)
    response = lead.post(f"{plan_url(organisation)}items/new/", item_post(
        due_day=str(too_late.day), due_month=str(too_late.month), due_year=str(too_late.year)))
    assert f"and {add_months(TODAY, 48):%-d %B %Y}: the plan’s three years start once the panel approves it" \
        in text_of(response)
    later = TODAY + datetime.timedelta(days=10)
    lead.post(f"{plan_url(organisation)}items/new/", item_post(
        year="2", due_day=str(later.day), due_month=str(later.month), due_year=str(later.year)))
    assert ActionItem.objects.get().cycle == cycle


def test_a_lead_changes_an_action_and_its_status(cycle, lead):
    item = ActionItemFactory(cycle=cycle, title="Draft a policy", due_on=APPROVED + datetime.timedelta(days=100))
    form = lead.get(item_url(item) + "edit/")
    assert 'value="Draft a policy"' in body(form)
    response = lead.post(item_url(item) + "edit/", item_post(title="Publish the policy", status="amber",
                                                            focus=Focus.POLICIES))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status, item.focus) == ("Publish the policy", "amber", Focus.POLICIES)
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.item")
    assert entry.data["fields"]["title"] == ["Draft a policy", "Publish the policy"]
    response = lead.post(item_url(item) + "edit/", {**item_post(title="Publish the policy", status="amber",
                                                                focus=Focus.POLICIES)}, follow=True)
    assert "You did not change anything" in messages_of(response)
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.item").count() == 1


# Progress updates.


def test_a_lead_records_progress_which_changes_the_status_and_shows_newest_first(cycle, lead):
    item = ActionItemFactory(cycle=cycle)
    ActionUpdateFactory(item=item, text="Earlier news.", written_at=timezone.now() - datetime.timedelta(days=5))
    response = lead.post(item_url(item) + "updates/", {"text": "Board agreed the policy.", "status": "done"})
    assert response.status_code == 302 and response["Location"] == item_url(item)
    item.refresh_from_db()
    assert item.status == "done"
    update = ActionUpdate.objects.get(text="Board agreed the policy.")
    assert update.by == lead.user and update.status == "done"
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.update", user=lead.user).count() == 1
    page = lead.get(item_url(item))
    words = text_of(page)
    assert "Your update is recorded. The action is now “Done”." in messages_of(page)
    assert words.index("Board agreed the policy.") < words.index("Earlier news.")
    assert f"{TODAY:%-d %B %Y} Board agreed the policy. Done Recorded by Lena Lead" in words


def test_pressing_record_progress_twice_records_it_once(cycle, lead):
    item = ActionItemFactory(cycle=cycle)
    lead.post(item_url(item) + "updates/", {"text": "Posters up.", "status": "green"})
    response = lead.post(item_url(item) + "updates/", {"text": "Posters up.", "status": "green"}, follow=True)
    assert ActionUpdate.objects.count() == 1
    assert "already recorded" in messages_of(response)


@pytest.mark.parametrize(("data", "message"), [
    ({"text": "  ", "status": "done"}, "Enter what has happened since the last update."),
    ({"text": "News", "status": "purple"}, "Choose where the action stands from the list."),
    ({"text": "News"}, "Choose where the action stands now."),
])
def test_a_bad_update_is_refused_and_nothing_changes(cycle, lead, data, message):
    item = ActionItemFactory(cycle=cycle)
    response = lead.post(item_url(item) + "updates/", data)
    assert response.status_code == 200
    assert message in text_of(response)
    assert not ActionUpdate.objects.exists()
    item.refresh_from_db()
    assert item.status == "green"


# Evidence.


def pdf_upload(name="Signed policy.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_lead_adds_a_document_and_downloads_it(cycle, lead):
    item = ActionItemFactory(cycle=cycle)
    response = lead.post(item_url(item) + "evidence/new/", {"title": "Signed policy", "link": "",
                                                           "document": pdf_upload("board/../Signed pólicy.txt")})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.file_name, evidence.content_type, evidence.size, evidence.added_by) == (
        "Signed plicy.pdf", "application/pdf", len(PDF), lead.user)
    assert evidence.document.name.endswith(".pdf")
    assert ModelLogEntry.objects.filter(action="champions.whiteribbon.evidence").count() == 1
    page = lead.get(item_url(item))
    assert "“Signed policy” is added as evidence." in messages_of(page)
    download = lead.get(f"{item_url(item)}evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/pdf"


def test_a_lead_adds_a_link(cycle, lead):
    item = ActionItemFactory(cycle=cycle)
    lead.post(item_url(item) + "evidence/new/", {"title": "News story", "link": "www.example.org/news"})
    evidence = Evidence.objects.get()
    assert evidence.link == "https://www.example.org/news" and not evidence.document
    assert 'href="https://www.example.org/news"' in body(lead.get(item_url(item)))
    assert lead.get(f"{item_url(item)}evidence/{evidence.pk}/").status_code == 404  # nothing to download


BIG = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "Policy", "document": ("policy.pdf", b"Just some text, not a PDF at all.")},
     "The file must be a PDF, Word, Excel, PowerPoint, OpenDocument text, PNG or JPEG file."),
    ({"title": "Policy", "document": ("policy.pdf", BIG)}, "The file must be smaller than 10 MB."),
    ({"title": "Policy", "document": ("policy.pdf", b"")}, "The file is empty. Choose the file again."),
    ({"title": "Policy", "link": "javascript:alert(1)"}, "Enter the link as a web address"),
    ({"title": "Policy", "link": "ftp://example.org/policy.pdf"}, "Enter the link as a web address"),
    ({"title": "Policy", "link": "https://example.org/p", "document": ("policy.pdf", PDF)},
     "Give a link or upload a file, not both."),
    ({"title": "Policy"}, "Give a link to the evidence, or choose a file to upload."),
    ({"title": "", "link": "https://example.org/p"}, "Enter what the evidence is."),
])
def test_bad_evidence_is_refused_with_a_clear_message_and_nothing_is_written(cycle, lead, data, message):
    item = ActionItemFactory(cycle=cycle)
    if "document" in data:
        name, content = data["document"]
        data = {**data, "document": SimpleUploadedFile(name, content)}
    response = lead.post(item_url(item) + "evidence/new/", data)
    assert response.status_code == 200
    assert "There is a problem" in body(response)
    assert message in text_of(response)
    assert not Evidence.objects.exists()
    assert not ModelLogEntry.objects.filter(action="champions.whiteribbon.evidence").exists()


def test_pressing_add_evidence_twice_adds_it_once(cycle, lead):
    item = ActionItemFactory(cycle=cycle)
    lead.post(item_url(item) + "evidence/new/", {"title": "Signed policy", "document": pdf_upload()})
    response = lead.post(item_url(item) + "evidence/new/", {"title": "Signed policy", "document": pdf_upload()},
                         follow=True)
    assert Evidence.objects.count() == 1
    assert "was already added, so it was not added again" in messages_of(response)


def test_a_lead_removes_evidence_after_checking_and_the_file_goes(cycle, lead, django_capture_on_commit_callbacks):
    item = ActionItemFactory(cycle=cycle)
    evidence = EvidenceFactory(item=item, title="Old poster")
    storage, name = evidence.document.storage, evidence.document.name
    assert storage.exists(name)
    check = lead.get(f"{item_url(item)}evidence/{evidence.pk}/remove/")
    assert "Remove “Old poster” from the evidence?" in text_of(check)
    assert Evidence.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(f"{item_url(item)}evidence/{evidence.pk}/remove/")
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not storage.exists(name)
    entry = ModelLogEntry.objects.get(action="champions.whiteribbon.evidence_removed")
    assert entry.data["title"] == "Old poster"
    again = lead.post(f"{item_url(item)}evidence/{evidence.pk}/remove/", follow=True)
    assert "That evidence was already removed." in messages_of(again)


# The way in.


def test_my_learning_leads_a_lead_to_their_organisations(organisation, lead):
    assert 'href="/organisations/"' in body(lead.get("/my-learning/"))
    learner = Client()
    learner.force_login(LearnerFactory())
    assert 'href="/organisations/"' not in body(learner.get("/my-learning/"))
