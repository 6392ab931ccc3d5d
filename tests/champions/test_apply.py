"""The pathway on My learning, and applying to be a champion at /champions/apply/."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from champions.hooks_apply import champion_pathway_panel
from champions.models import Champion, ChampionTier, Language, StatusChange
from champions.services import decline, withdraw
from content.models import Sector, Topic
from lms.accounts.models import District
from tests.champions.factories import a_day_passes
from tests.factories import (
    CertificateFactory,
    ChampionFactory,
    LearnerFactory,
    OrganisationFactory,
    confirmed_member,
    make_champion,
    make_module,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pathway():
    """The community tier opens with two modules."""
    modules = [
        make_module("recognising-abuse", lessons=1, title="Recognising abuse"),
        make_module("responding-safely", lessons=1, title="Responding safely"),
    ]
    ChampionTier.objects.get(slug="community").pathway_modules.set(modules)
    return modules


@pytest.fixture
def eligible(pathway):
    """A confirmed member of their organisation with both pathway certificates."""
    person = LearnerFactory(full_name="Priya Shah", job_role="Ward sister")
    confirmed_member(person)
    for module in pathway:
        CertificateFactory(user=person, module=module)
    return person


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def application_data(user, **overrides) -> dict:
    data = {
        "tier": ChampionTier.objects.get(slug="community").pk,
        "organisation": user.organisation_id,
        "districts": [District.objects.get(slug="watford").pk, District.objects.get(slug="dacorum").pk],
        "sector": Sector.objects.get(slug="health").pk,
        "specialisms": [Topic.objects.get(slug="domestic-abuse").pk],
        "languages": [Language.objects.get(name="Polish").pk],
        "availability": "Weekdays, within two working days",
        "statement": "I want colleagues on the ward to know where to turn.",
        "line_manager_name": "Morgan Reed",
        "line_manager_email": "morgan.reed@example.org",
        "visibility": Champion.Visibility.CHAMPIONS,
    }
    data.update(overrides)
    return data


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Post an application as a browser would, running what waits for the commit (the emails)."""

    def post(client, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/champions/apply/", data)

    return post


def agreement_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/champions/agreement/[^/\s]+/)", message.body).group(1)


# The pathway on My learning ---------------------------------------------------------------------


def test_my_learning_shows_none_of_two_modules_with_links_to_both(client, pathway):
    person = LearnerFactory()
    client.force_login(person)
    page = client.get("/my-learning/").content.decode()
    assert "Becoming a champion" in page
    assert "0 of 2 modules" in page
    assert f'href="{pathway[0].url}"' in page and f'href="{pathway[1].url}"' in page
    assert "/champions/apply/" not in page


def test_my_learning_shows_one_of_two_modules_and_links_only_the_missing_one(client, pathway):
    person = LearnerFactory()
    CertificateFactory(user=person, module=pathway[0])
    client.force_login(person)
    page = client.get("/my-learning/").content.decode()
    assert "1 of 2 modules" in page
    assert f'href="{pathway[1].url}"' in page
    assert f'href="{pathway[0].url}"' not in page  # held: named, not sent back to it
    assert "Apply to be a champion" not in page


def test_a_pathway_module_restricted_or_taken_down_is_named_but_not_linked(client, pathway):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=pathway[0], restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.create(name="insiders"))
    client.force_login(LearnerFactory())
    page = client.get("/my-learning/").content.decode()
    assert pathway[0].title in page and f'href="{pathway[0].url}"' not in page
    assert f'href="{pathway[1].url}"' in page
    pathway[1].unpublish()
    page = client.get("/champions/apply/").content.decode()
    assert pathway[1].title in page and f'href="{pathway[1].url}"' not in page


def test_my_learning_offers_the_application_once_the_pathway_is_complete(client, eligible):
    client.force_login(eligible)
    page = client.get("/my-learning/").content.decode()
    assert "Pathway complete" in page
    assert 'href="/champions/apply/"' in page


def test_an_expired_certificate_does_not_count_towards_the_pathway(client, pathway):
    import datetime

    person = LearnerFactory()
    confirmed_member(person)
    CertificateFactory(user=person, module=pathway[0])
    CertificateFactory(user=person, module=pathway[1], issued_on=datetime.date(2020, 1, 1),
                       expires_on=datetime.date(2022, 1, 1))
    client.force_login(person)
    page = client.get("/my-learning/").content.decode()
    assert "1 of 2 modules" in page
    assert 'href="/champions/apply/"' not in page


def test_my_learning_tells_an_eligible_person_without_a_confirmed_organisation_what_to_do(client, pathway):
    person = LearnerFactory()
    for module in pathway:
        CertificateFactory(user=person, module=module)
    client.force_login(person)
    page = client.get("/my-learning/").content.decode()
    assert "Pathway complete" in page
    assert "organisation must first confirm" in page
    assert 'href="/champions/apply/"' not in page


def test_my_learning_shows_where_an_application_stands(client, eligible):
    client_for(eligible).post("/champions/apply/", application_data(eligible))
    client.force_login(eligible)
    page = client.get("/my-learning/").content.decode()
    assert "waiting for your line manager, Morgan Reed" in page


def test_my_learning_has_no_champion_section_while_no_tier_has_a_pathway(client, learner):
    client.force_login(learner)
    assert "Becoming a champion" not in client.get("/my-learning/").content.decode()


def test_the_pathway_panel_costs_the_same_queries_however_many_tiers_modules_and_certificates(eligible, pathway):
    def queries() -> int:
        request = RequestFactory().get("/my-learning/")  # a request each time: it keeps what it fetched
        request.user = eligible
        with CaptureQueriesContext(connection) as captured:
            assert "Apply to be a champion" in champion_pathway_panel(request)
        return len(captured)

    queries()  # fills the caches: the tiers (champions.services.cached_tiers_with_pathways), Wagtail's sites
    few = queries()
    more = [make_module(f"more-{n}", lessons=1) for n in range(6)]
    for slug in ("lead", "strategic"):
        ChampionTier.objects.get(slug=slug).pathway_modules.set(more + pathway)
    for module in more:
        CertificateFactory(user=eligible, module=module)
    assert queries() <= few + 2  # the tiers read again: they changed
    assert queries() == few


# Who may apply ---------------------------------------------------------------------------------------


def test_someone_without_the_pathway_is_told_what_is_missing_and_cannot_send_an_application(pathway):
    person = LearnerFactory()
    confirmed_member(person)
    CertificateFactory(user=person, module=pathway[0])
    client = client_for(person)
    page = client.get("/champions/apply/").content.decode()
    assert "You cannot apply yet" in page
    assert "Responding safely" in page and "<form" not in page.split("govuk-main-wrapper")[-1]
    response = client.post("/champions/apply/", application_data(person))
    assert response.status_code == 200
    assert not Champion.objects.exists() and mail.outbox == []


def test_someone_whose_email_is_not_verified_is_sent_to_confirm_it(eligible):
    EmailAddress.objects.filter(user=eligible).update(verified=False)
    client = client_for(eligible)
    response = client.post("/champions/apply/", application_data(eligible))
    assert response.status_code == 302 and response["Location"] == "/accounts/email/"
    assert not Champion.objects.exists()


def test_someone_whose_organisation_has_not_confirmed_them_cannot_apply(pathway):
    person = LearnerFactory()
    for module in pathway:
        CertificateFactory(user=person, module=module)
    client = client_for(person)
    page = client.get("/champions/apply/").content.decode()
    assert "your organisation must first confirm" in page
    assert 'href="/profile/"' in page
    client.post("/champions/apply/", application_data(person))
    assert not Champion.objects.exists()


def test_giving_your_own_email_as_your_line_managers_is_refused(eligible):
    response = client_for(eligible).post(
        "/champions/apply/", application_data(eligible, line_manager_email=eligible.email.upper()),
    )
    assert response.status_code == 200
    assert "not your own" in response.content.decode()
    assert not Champion.objects.exists() and mail.outbox == []


def test_only_tiers_whose_pathway_is_complete_are_offered(eligible):
    lead = ChampionTier.objects.get(slug="lead")
    lead.pathway_modules.set([make_module("risk-and-safety-planning", lessons=1)])
    client = client_for(eligible)
    page = client.get("/champions/apply/").content.decode()
    assert f'name="tier" value="{lead.pk}"' not in page
    response = client.post("/champions/apply/", application_data(eligible, tier=lead.pk))
    assert "Choose a tier from the list" in response.content.decode()
    assert not Champion.objects.exists()


def test_an_organisation_that_has_not_confirmed_them_cannot_be_chosen(eligible):
    other = OrganisationFactory()
    response = client_for(eligible).post("/champions/apply/", application_data(eligible, organisation=other.pk))
    assert "Choose an organisation from the list" in response.content.decode()
    assert not Champion.objects.exists()


def test_a_missing_district_gets_an_error_summary_and_nothing_is_saved(eligible):
    response = client_for(eligible).post("/champions/apply/", application_data(eligible, districts=[]))
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Choose at least one district you cover" in page
    assert "<title>Error:" in page
    assert not Champion.objects.exists()


def test_a_statement_over_1000_characters_is_refused(eligible):
    response = client_for(eligible).post("/champions/apply/", application_data(eligible, statement="a" * 1001))
    assert "1,000 characters or fewer" in response.content.decode()
    assert not Champion.objects.exists()


# Applying ---------------------------------------------------------------------------------------------


def test_the_application_page_explains_the_role_and_the_tiers(eligible):
    page = client_for(eligible).get("/champions/apply/").content.decode()
    assert "Champions are not specialists" in page
    assert "signpost" in page
    assert ChampionTier.objects.get(slug="community").time_commitment.lower() in page
    # Who sees the profile: coordinators only unless they choose otherwise.
    assert re.search(r'value="coordinators"[^>]*checked', page)
    assert 'data-prevent-double-click="true"' in page


def test_the_form_starts_from_the_profile(eligible):
    page = client_for(eligible).get("/champions/apply/").content.decode()
    watford = District.objects.get(slug="watford").pk
    assert re.search(rf'name="districts" type="checkbox" value="{watford}"[^>]*checked', page)
    assert re.search(rf'name="organisation" type="radio" value="{eligible.organisation_id}"[^>]*checked', page)


def test_applying_records_the_application_and_emails_the_line_manager_a_working_link(eligible, send):
    client = client_for(eligible)
    response = send(client, application_data(eligible))
    assert response.status_code == 302 and response["Location"] == "/champions/apply/"
    champion = Champion.objects.get(user=eligible)
    assert champion.status == Champion.Status.APPLIED
    assert champion.visibility == Champion.Visibility.CHAMPIONS
    assert sorted(d.slug for d in champion.districts.all()) == ["dacorum", "watford"]
    assert [language.name for language in champion.languages.all()] == ["Polish"]
    assert StatusChange.objects.filter(champion=champion, to_status=Champion.Status.APPLIED).count() == 1

    confirmation = client.get("/champions/apply/").content.decode()
    assert "Application sent" in confirmation
    assert "We have emailed your line manager, Morgan Reed" in confirmation
    assert "What happens next" in confirmation

    [message] = mail.outbox
    assert message.to == ["morgan.reed@example.org"]
    assert "Priya Shah" in message.body
    page = Client().get(agreement_link(message))
    assert page.status_code == 200
    assert "Priya Shah" in page.content.decode() and "Ward sister" in page.content.decode()


def test_a_double_click_sends_one_application_and_one_email(eligible, send):
    client = client_for(eligible)
    first = send(client, application_data(eligible))
    second = send(client, application_data(eligible, line_manager_name="Someone Else"))
    assert first.status_code == second.status_code == 302
    assert Champion.objects.count() == 1
    assert Champion.objects.get().line_manager_name == "Morgan Reed"
    assert StatusChange.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_active_champion_sees_where_they_stand_not_the_form(client):
    person = make_champion(LearnerFactory())
    client.force_login(person.user)
    page = client.get("/champions/apply/").content.decode()
    assert "You are a champion" in page
    assert 'name="statement"' not in page


def test_after_a_decline_the_form_is_filled_in_and_a_new_application_replaces_the_old_link(
        eligible, coordinator, send):
    client = client_for(eligible)
    send(client, application_data(eligible))
    old_link = agreement_link(mail.outbox[0])
    champion = Champion.objects.get()
    decline(champion, by=coordinator, reason="Please talk to your manager about the time first.")
    a_day_passes(champion)

    page = client.get("/champions/apply/").content.decode()
    assert "your application was declined" in page
    assert "I want colleagues on the ward to know where to turn." in page
    assert 'value="Morgan Reed"' in page
    assert re.search(r'value="champions"[^>]*checked', page)

    mail.outbox.clear()
    response = send(client, application_data(eligible, line_manager_name="Sam Patel",
                                             line_manager_email="sam.patel@example.org"))
    assert response.status_code == 302
    champion.refresh_from_db()
    assert champion.status == Champion.Status.APPLIED
    assert champion.application_number == 2
    assert Champion.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["sam.patel@example.org"]
    assert Client().get(old_link).status_code == 404
    assert Client().get(agreement_link(message)).status_code == 200


def test_someone_who_withdrew_can_apply_again(eligible):
    client = client_for(eligible)
    client.post("/champions/apply/", application_data(eligible))
    withdraw(Champion.objects.get(), by=eligible, reason="Not now.")
    a_day_passes(Champion.objects.get())
    assert "Send application" in client.get("/champions/apply/").content.decode()
    client.post("/champions/apply/", application_data(eligible))
    assert Champion.objects.get().status == Champion.Status.APPLIED



def test_an_applicant_sends_their_line_managers_expired_link_again(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from champions.models import Champion

    person = make_champion(approved=False)
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        ChampionFactory(user=person, status=Champion.Status.APPLIED, line_manager_name="Morgan Reed",
                        applied_at=timezone.now() - datetime.timedelta(days=40))
    page = client.get("/champions/apply/").content.decode()
    assert "has expired" in page and "Send the link to Morgan Reed again" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/champions/apply/", {"action": "resend"}, follow=True)
    assert "We have emailed Morgan Reed a new link." in response.content.decode()
    assert len(mailoutbox) == 1 and "/champions/agreement/" in mailoutbox[0].body
    again = client.post("/champions/apply/", {"action": "resend"}, follow=True).content.decode()
    assert "less than a day ago" in again and len(mailoutbox) == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("line_manager_name", "Bob\r\nBcc: x@evil.example", "can only include letters"),
    ("line_manager_name", "Victim. URGENT: call 0900 000 000", "can only include letters"),
    ("availability", "=HYPERLINK(\"http://evil.example\")", "Start with a letter or a number"),
    ("availability", "Weekdays \u202e", "Use letters, numbers, spaces and punctuation only"),
    ("statement", "@SUM(1)", "Start with a letter or a number"),
])
def test_answers_that_would_spoil_an_email_or_a_spreadsheet_are_refused(eligible, field, value, message):
    """From the attacker review: the line manager's name opens their email; answers reach exports."""
    response = client_for(eligible).post("/champions/apply/", application_data(eligible, **{field: value}))
    assert message in response.content.decode()
    assert not Champion.objects.exists() and mail.outbox == []
