"""The lead's members page at the size of a big employer: one organisation at a time, its requests
to join first, confirmed members 50 to a page with GOV.UK pagination links that work without
JavaScript, a search by name or email, and the same number of queries however many members."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import new_code
from lms.organisations.models import Membership
from lms.organisations.views import MEMBERS_PER_PAGE, REQUESTS_SHOWN
from lms.site.roles import Role
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

MEMBERS = "/organisations/members/"


def add_people(organisation, count: int, *, status=Membership.Status.CONFIRMED, prefix="Member") -> list[User]:
    """`count` people in `organisation` (names "<prefix> 001"…, so name order is number order)."""
    start = User.objects.count()
    people = User.objects.bulk_create([
        User(email=f"{prefix.lower()}{start + number:04d}@example.org", full_name=f"{prefix} {number:03d}",
             organisation=organisation, job_role="Support worker")
        for number in range(1, count + 1)
    ])
    now = timezone.now()
    Membership.objects.bulk_create([
        Membership(user=person, organisation=organisation, status=status,
                   requested_at=now - datetime.timedelta(minutes=count - number),
                   decided_at=now if status == Membership.Status.CONFIRMED else None)
        for number, person in enumerate(people)
    ])
    return people


@pytest.fixture
def lead_client(client):
    organisation = OrganisationFactory(name="Big Trust")
    lead = LearnerFactory(full_name="Lee Lead", roles=[Role.ORGANISATION_LEAD], organisation=organisation)
    organisation.leads.add(lead)
    client.force_login(lead)
    client.organisation, client.lead = organisation, lead
    return client


def cards(page: str) -> list[str]:
    """Each card's title as read, its tags included."""
    titles = re.findall(r'<h4 class="govuk-summary-card__title">(.*?)</h4>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", title).split()) for title in titles]


def test_confirmed_members_come_50_to_a_page_with_links_that_work_without_javascript(lead_client):
    add_people(lead_client.organisation, 120)
    add_people(lead_client.organisation, 3, status=Membership.Status.REQUESTED, prefix="Asker")

    first = lead_client.get(MEMBERS).content.decode()
    assert cards(first)[:3] == ["Asker 001", "Asker 002", "Asker 003"]  # requests first, who asked first at the top
    assert cards(first)[3:] == [f"Member {number:03d}" for number in range(1, MEMBERS_PER_PAGE + 1)]
    assert "Confirmed members (120)" in first and "Showing 1 to 50 of 120" in first
    assert '<nav class="govuk-pagination" aria-label="Pages of confirmed members">' in first
    assert 'href="?page=2#confirmed-members" rel="next"' in first
    assert 'href="?page=1#confirmed-members" aria-label="Page 1" aria-current="page"' in first
    assert 'href="?page=3#confirmed-members" aria-label="Page 3"' in first

    last = lead_client.get(MEMBERS, {"page": 3}).content.decode()
    assert cards(last) == [f"Member {number:03d}" for number in range(101, 121)]
    assert 'rel="prev"' in last and 'rel="next"' not in last
    # Later pages say who is waiting and link back to them instead of repeating the cards.
    assert "Answer the 3 requests to join on the first page" in last
    assert 'href="/organisations/members/#requests"' in last

    # A page past the end or not a number shows the last or the first page, not an error.
    assert cards(lead_client.get(MEMBERS, {"page": 99}).content.decode()) == cards(last)
    assert lead_client.get(MEMBERS, {"page": "x"}).status_code == 200


def test_the_page_costs_the_same_queries_with_3_members_as_with_120(lead_client, django_assert_num_queries):
    organisation = lead_client.organisation
    people = add_people(organisation, 3)
    add_people(organisation, 2, status=Membership.Status.REQUESTED, prefix="Asker")
    for person in people:  # records for the hooks' columns to find
        Certificate.objects.create(
            user=person, code=new_code(), holder_name=person.full_name, module_title="Coercive control",
            level="Awareness", cpd_minutes=45, issued_on=datetime.date(2026, 1, 1),
            expires_on=datetime.date(2099, 1, 1),
        )
    lead_client.get(MEMBERS)  # the session and the site's caches, as on a running site
    with CaptureQueriesContext(connection) as small:
        assert lead_client.get(MEMBERS).status_code == 200

    more = add_people(organisation, 117)
    add_people(organisation, 60, status=Membership.Status.REQUESTED, prefix="Later")
    for person in more[:60]:
        Certificate.objects.create(
            user=person, code=new_code(), holder_name=person.full_name, module_title="Coercive control",
            level="Awareness", cpd_minutes=45, issued_on=datetime.date(2026, 1, 1),
            expires_on=datetime.date(2099, 1, 1),
        )
    with django_assert_num_queries(len(small.captured_queries)):
        page = lead_client.get(MEMBERS).content.decode()
    assert len(cards(page)) == REQUESTS_SHOWN + MEMBERS_PER_PAGE
    # Each member's training records come from the hooks for the people on the page.
    assert page.count("Current certificates") == MEMBERS_PER_PAGE
    # A later page, searched: the same, less the request cards the first page alone shows.
    with django_assert_num_queries(len(small.captured_queries) - 1):
        lead_client.get(MEMBERS, {"page": 2, "q": "member"})


def test_only_the_first_50_requests_show_and_the_page_says_so(lead_client):
    add_people(lead_client.organisation, REQUESTS_SHOWN + 5, status=Membership.Status.REQUESTED, prefix="Asker")
    page = lead_client.get(MEMBERS).content.decode()
    assert "Requests to join (55)" in page
    assert "The 50 people who asked first are shown" in page
    assert cards(page) == [f"Asker {number:03d}" for number in range(1, REQUESTS_SHOWN + 1)]


def test_a_search_by_name_or_email_finds_people_in_both_lists(lead_client):
    organisation = lead_client.organisation
    add_people(organisation, 70)
    asker = add_people(organisation, 1, status=Membership.Status.REQUESTED, prefix="Asker")[0]
    User.objects.filter(pk=asker.pk).update(full_name="Priya Shah")
    member = User.objects.get(full_name="Member 064")
    User.objects.filter(pk=member.pk).update(full_name="Sam Shaw", email="sam.shaw@trust.example")

    page = lead_client.get(MEMBERS, {"q": "  sha  "}).content.decode()
    assert cards(page) == ["Priya Shah", "Sam Shaw"]
    assert 'value="sha"' in page and "1 request and 1 confirmed member match “sha”." in page
    assert 'href="?">Clear the search and show everyone</a>' in page
    assert cards(lead_client.get(MEMBERS, {"q": "trust.example"}).content.decode()) == ["Sam Shaw"]
    # Every word must match, in the name or the email.
    assert cards(lead_client.get(MEMBERS, {"q": "sam example"}).content.decode()) == ["Sam Shaw"]
    nobody = lead_client.get(MEMBERS, {"q": "nobody-like-this"}).content.decode()
    assert "No confirmed member matches “nobody-like-this”." in nobody
    assert "No request to join matches “nobody-like-this”." in nobody
    # The search goes with the page links.
    many = lead_client.get(MEMBERS, {"q": "member"}).content.decode()
    assert 'href="?q=member&amp;page=2#confirmed-members"' in many


def test_a_lead_of_two_organisations_sees_one_at_a_time_and_nobody_elses(lead_client):
    first, lead = lead_client.organisation, lead_client.lead
    second = OrganisationFactory(name="Another Charity")
    second.leads.add(lead)
    add_people(first, 2, prefix="First")
    asker = add_people(second, 1, status=Membership.Status.REQUESTED, prefix="Second")[0]
    stranger = OrganisationFactory(name="Not Yours")
    add_people(stranger, 1, prefix="Stranger")

    page = lead_client.get(MEMBERS).content.decode()  # the first by name
    assert "Second 001" in page and "First 001" not in page
    assert f'href="?organisation={first.pk}">Big Trust</a>' in page
    page = lead_client.get(MEMBERS, {"organisation": first.pk}).content.decode()
    assert cards(page) == ["First 001", "First 002"]
    assert f'<input type="hidden" name="organisation" value="{first.pk}">' in page

    # Another organisation's members are "not found", as is an id that does not exist.
    assert lead_client.get(MEMBERS, {"organisation": stranger.pk}).status_code == 404
    assert lead_client.get(MEMBERS, {"organisation": "abc"}).status_code == 404

    # Answering a request comes back to that organisation.
    membership = Membership.objects.get(user=asker)
    response = lead_client.post(f"/organisations/members/{membership.pk}/confirm/")
    assert response["Location"] == f"/organisations/members/?organisation={second.pk}#requests"


def test_answering_or_removing_brings_the_lead_back_to_their_search_and_page(lead_client):
    members = add_people(lead_client.organisation, 120)
    askers = add_people(lead_client.organisation, 3, status=Membership.Status.REQUESTED, prefix="Asker")
    asking = Membership.objects.get(user=askers[0])
    # Confirming from a search: back to the same search, at the requests.
    page = lead_client.get(MEMBERS + "?q=Asker").content.decode()
    assert 'name="back" value="q=Asker"' in page
    response = lead_client.post(f"/organisations/members/{asking.pk}/confirm/", {"back": "q=Asker"})
    assert response["Location"] == MEMBERS + "?q=Asker#requests"
    # Removing from page 2: the check page's Cancel and its button both come back to page 2.
    leaving = Membership.objects.get(user=members[60])
    page_two = lead_client.get(MEMBERS + "?page=2").content.decode()
    assert f"/organisations/members/{leaving.pk}/remove/?back=page%3D2" in page_two
    check = lead_client.get(f"/organisations/members/{leaving.pk}/remove/?back=page%3D2").content.decode()
    assert f'href="{MEMBERS}?page=2#confirmed-members"' in check and 'name="back" value="page=2"' in check
    response = lead_client.post(f"/organisations/members/{leaving.pk}/remove/", {"back": "page=2"})
    assert response["Location"] == MEMBERS + "?page=2#confirmed-members"
    # Anything else in `back` is dropped: it can only ever lead to the members page.
    declining = Membership.objects.get(user=askers[1])
    response = lead_client.post(f"/organisations/members/{declining.pk}/decline/",
                                {"back": "next=https://evil.example&page=x&q=" + "y" * 300})
    assert response["Location"] == MEMBERS + "?q=" + "y" * 100 + "#requests"


def test_a_lead_of_two_comes_back_to_the_organisation_they_answered_for(lead_client):
    other = OrganisationFactory(name="Small Charity")
    other.leads.add(lead_client.lead)
    asker = add_people(other, 1, status=Membership.Status.REQUESTED, prefix="Asker")[0]
    membership = Membership.objects.get(user=asker)
    check = lead_client.get(f"/organisations/members/{membership.pk}/decline/?back=organisation%3D{other.pk}")
    assert f'href="{MEMBERS}?organisation={other.pk}#requests"' in check.content.decode()
    # Even when `back` names the other organisation, it comes back to this one.
    response = lead_client.post(f"/organisations/members/{membership.pk}/decline/",
                                {"back": f"organisation={lead_client.organisation.pk}"})
    assert response["Location"] == f"{MEMBERS}?organisation={other.pk}#requests"


@pytest.mark.parametrize("typed", ["\x00", "Member\x00 001", "\x07Member 001"])
def test_a_search_with_characters_that_cannot_be_typed_leaves_them_out(lead_client, typed):
    add_people(lead_client.organisation, 3)
    page = lead_client.get(MEMBERS, {"q": typed})
    assert page.status_code == 200
    if typed.strip("\x00\x07 "):
        assert "Member 001" in page.content.decode() and "Member 002" not in page.content.decode()


def test_a_closed_account_is_not_waiting_for_an_answer_and_is_marked_among_the_members(lead_client):
    """An account closed by an administrator (someone who has left): their request to join is not
    shown or counted and cannot be confirmed; as a confirmed member they are marked, for removal."""
    asking, still_asking = add_people(lead_client.organisation, 2, status=Membership.Status.REQUESTED, prefix="Asker")
    member, left = add_people(lead_client.organisation, 2)
    User.objects.filter(pk__in=[asking.pk, left.pk]).update(is_active=False)

    page = lead_client.get(MEMBERS).content.decode()
    assert "Requests to join (1)" in page
    assert cards(page) == ["Asker 002", "Member 001", "Member 002 Account closed"]
    assert re.search(r"Member 002 <strong class=\"govuk-tag govuk-tag--grey\">Account closed</strong>", page)
    assert page.count("Account closed") == 1

    closed_request = Membership.objects.get(user=asking)
    response = lead_client.post(f"/organisations/members/{closed_request.pk}/confirm/", follow=True)
    assert "Asker 001’s account has been closed, so they cannot be confirmed. Nothing was changed." in (
        response.content.decode())
    closed_request.refresh_from_db()
    assert closed_request.status == Membership.Status.REQUESTED
    # The lead can still remove a member whose account is closed.
    ending = Membership.objects.get(user=left)
    lead_client.post(f"/organisations/members/{ending.pk}/remove/")
    ending.refresh_from_db()
    assert ending.status == Membership.Status.ENDED
