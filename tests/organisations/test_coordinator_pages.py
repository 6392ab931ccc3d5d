"""The coordinator's organisation pages: headed by the organisation, likely duplicates first when
merging, leads added and removed one at a time, members and their training on the organisation's
page, and the coordinator's dashboard panels."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import (
    CertificateFactory,
    EnrolmentFactory,
    LearnerFactory,
    MembershipFactory,
    OrganisationFactory,
    confirmed_member,
)

pytestmark = pytest.mark.django_db


def page_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get("Location")
    return response.content.decode()


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def breadcrumbs_of(html: str) -> str:
    start = html.index('aria-label="Breadcrumb"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:html.index("</nav>", start)]))


def test_the_review_page_is_headed_by_the_organisation_not_home():
    pending = OrganisationFactory(name="Herts Rainbow Youth", status=Organisation.Status.PENDING)
    html = page_of(staff_client(Role.COORDINATOR), f"/admin/organisations/review/{pending.pk}/")
    assert "Herts Rainbow Youth" in title_of(html)
    crumbs = breadcrumbs_of(html)
    assert "Organisations" in crumbs and "Herts Rainbow Youth" in crumbs and "Confirm or merge" in crumbs


def test_likely_duplicates_are_offered_first_when_merging():
    OrganisationFactory(name="Zebra Housing Association")
    original = OrganisationFactory(name="Watford Women’s Centre")
    OrganisationFactory(name="St Albans City Council")
    pending = OrganisationFactory(name="watford womens centre ltd", status=Organisation.Status.PENDING)
    html = page_of(staff_client(Role.COORDINATOR), f"/admin/organisations/review/{pending.pk}/")
    duplicates = html[html.index("Likely duplicates"):html.index("</ul>", html.index("Likely duplicates"))]
    assert f'value="{original.pk}"' in duplicates
    assert "Zebra" not in duplicates and "St Albans" not in duplicates
    # No flat drop-down of every organisation any more.
    assert "<select" not in html[html.index("<main"):]


def test_a_word_that_most_listed_names_share_does_not_make_a_duplicate():
    from lms.organisations.services import likely_duplicates

    for name in ("Borough Council", "Logistics Ltd", "Housing Association", "Health Trust", "Primary School"):
        OrganisationFactory(name=f"Demo {name}")
    pending = OrganisationFactory(name="demo borough council ltd", status=Organisation.Status.PENDING)
    assert [o.name for o in likely_duplicates(pending)] == ["Demo Borough Council"]


def test_the_review_search_finds_an_organisation_ignoring_accents_and_merging_moves_its_people():
    target = OrganisationFactory(name="Café Aurora Trust")
    OrganisationFactory(name="Another Place")
    pending = OrganisationFactory(name="Northern Lights Coffee", status=Organisation.Status.PENDING)
    person = LearnerFactory(organisation=pending)
    MembershipFactory(user=person, organisation=pending)
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/organisations/review/{pending.pk}/"
    html = page_of(coordinator, url + "?q=cafe+aurora")
    results = html[html.index("Search results for"):]
    assert "Café Aurora Trust" in results and f'value="{target.pk}"' in results and "Another Place" not in results

    refused = coordinator.post(url, {"action": "merge"})
    assert "Choose the organisation to merge into." in refused.content.decode()
    coordinator.post(url, {"action": "merge", "merge_into": target.pk})
    pending.refresh_from_db()
    person.refresh_from_db()
    assert pending.status == Organisation.Status.MERGED and pending.merged_into == target
    assert person.organisation == target


def test_adding_a_lead_keeps_the_existing_ones_and_removing_one_keeps_the_others():
    first = LearnerFactory(full_name="Asha Patel", email="asha.patel@example.org")
    organisation = OrganisationFactory(name="Dacorum Homes", leads=[first])
    second = LearnerFactory(full_name="Asha Patel", email="asha.p@homes.example.org", organisation=organisation)
    confirmed_member(second, organisation)
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/organisations/leads/{organisation.pk}/"

    html = page_of(coordinator, url + "?q=asha")
    assert "asha.p@homes.example.org" in html  # two people of one name, told apart by email
    results = html[html.index("Organisation on their profile"):]
    assert "asha.patel@example.org" not in results  # already a lead: not offered again

    response = coordinator.post(url, {"action": "add", "person": second.pk}, follow=True)
    assert "now leads Dacorum Homes" in response.content.decode()
    assert set(organisation.leads.all()) == {first, second}
    assert ModelLogEntry.objects.filter(action="lms.organisation.add_lead", object_id=str(organisation.pk)).exists()
    assert second.groups.filter(name=Role.ORGANISATION_LEAD).exists()  # the role follows leading

    coordinator.post(url, {"action": "remove", "person": first.pk})
    assert set(organisation.leads.all()) == {second}
    assert ModelLogEntry.objects.filter(action="lms.organisation.remove_lead").exists()
    bad = coordinator.post(url, {"action": "add", "person": "not-a-number"}, follow=True)
    assert "Nothing was changed" in bad.content.decode()
    assert set(organisation.leads.all()) == {second}
    coordinator.post(url, {"action": "remove", "person": second.pk})
    assert not second.groups.filter(name=Role.ORGANISATION_LEAD).exists()


def test_only_confirmed_members_with_a_confirmed_email_can_be_made_leads():
    """A lead sees every member's training records: never someone the organisation has not vouched for."""
    from allauth.account.models import EmailAddress

    organisation = OrganisationFactory(name="Hertsmere Homes")
    outsider = LearnerFactory(full_name="Olu Outsider")  # a member of another organisation
    asked = LearnerFactory(full_name="Olu Asked", organisation=organisation)
    MembershipFactory(user=asked, organisation=organisation)  # asked to join, not confirmed
    unverified = LearnerFactory(full_name="Olu Unverified", organisation=organisation)
    confirmed_member(unverified, organisation)
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    member = LearnerFactory(full_name="Olu Member", organisation=organisation)
    confirmed_member(member, organisation)
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/organisations/leads/{organisation.pk}/"

    results = page_of(coordinator, url + "?q=olu")
    results = results[results.index("Find a member"):]
    assert "Olu Member" in results
    for name in ("Olu Outsider", "Olu Asked", "Olu Unverified"):
        assert name not in results, name
    for person in (outsider, asked, unverified):
        response = coordinator.post(url, {"action": "add", "person": person.pk}, follow=True)
        assert "cannot lead it" in response.content.decode() and "Nothing was changed" in response.content.decode()
    assert not organisation.leads.exists()
    assert not ModelLogEntry.objects.filter(action="lms.organisation.add_lead").exists()


def test_saving_the_edit_form_no_longer_touches_the_leads():
    lead = LearnerFactory()
    organisation = OrganisationFactory(name="Stevenage Food Bank", leads=[lead])
    coordinator = staff_client(Role.COORDINATOR)
    html = page_of(coordinator, f"/admin/organisations/edit/{organisation.pk}/")
    assert 'name="leads"' not in html
    coordinator.post(f"/admin/organisations/edit/{organisation.pk}/", {
        "name": "Stevenage Food Bank", "kind": organisation.kind,
        "sector": organisation.sector_id, "district": organisation.district_id,
    })
    assert list(organisation.leads.all()) == [lead]


def member_with_training(organisation, name, module_title=None):
    person = LearnerFactory(full_name=name, organisation=organisation)
    confirmed_member(person, organisation)
    if module_title:
        certificate = CertificateFactory(user=person, module_title=module_title)
        EnrolmentFactory(user=person, module=certificate.module, completed_at=timezone.now())
    return person


def test_the_organisation_page_lists_its_members_and_their_completions():
    organisation = OrganisationFactory(name="Hertsmere Housing")
    member_with_training(organisation, "Łucja Nguyễn", "Stalking and harassment")
    member_with_training(organisation, "Ben Ward")
    asking = LearnerFactory(full_name="Cy Waiting", organisation=organisation)
    MembershipFactory(user=asking, organisation=organisation)
    MembershipFactory(user=LearnerFactory(full_name="Al Left", is_active=False), organisation=organisation)
    html = page_of(staff_client(Role.COORDINATOR), f"/admin/organisations/inspect/{organisation.pk}/")
    assert "Hertsmere Housing" in title_of(html)
    members = html[html.index('id="members"'):]
    assert "Members (2)" in members
    for heading in ("Modules completed", "Current certificates"):
        assert heading in members
    row = re.sub(r"\s+", " ", re.search(r"<tr>((?:(?!</tr>).)*Łucja Nguyễn.*?)</tr>", members, re.S).group(1))
    assert "<td>1</td>" in row and "Stalking and harassment (until" in row
    ben = re.sub(r"\s+", " ", re.search(r"<tr>((?:(?!</tr>).)*Ben Ward.*?)</tr>", members, re.S).group(1))
    assert "<td>0</td>" in ben and "<td>None</td>" in ben
    assert "Cy Waiting" not in members.split("</table>")[0]
    assert "1 request to join waiting" in members


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_organisation_page_costs_the_same_queries_for_two_members_or_twelve():
    organisation = OrganisationFactory(name="Watford Youth")
    for n in range(2):
        member_with_training(organisation, f"Person {n}", f"Module {n}")
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/organisations/inspect/{organisation.pk}/"
    coordinator.get(url)
    few = queries_for(coordinator, url)
    for n in range(2, 12):
        member_with_training(organisation, f"Person {n}", f"Module {n}")
    assert queries_for(coordinator, url) == few


def panel(html: str, heading: str) -> str:
    start = r'<section class="w-panel w-panel--dashboard coordinator-panel"'
    match = re.search(start + r"(?:(?!</section>).)*?" + re.escape(heading) + r".*?</section>", html, re.S)
    assert match, f"no panel headed {heading!r}"
    return match.group(0)


def test_the_coordinators_dashboard_shows_what_waits_for_them_with_a_count_and_a_link():
    OrganisationFactory(name="Herts Rainbow Youth", status=Organisation.Status.PENDING)
    person = LearnerFactory(full_name="Dee Asking", email="dee@example.org")
    MembershipFactory(user=person)
    MembershipFactory(user=LearnerFactory(full_name="Al Left", is_active=False))  # waits for nobody
    CertificateFactory(holder_name="Łucja Nguyễn", module=None, module_title="Stalking",
                       revoked_at=timezone.now(), revocation_reason="Issued in error")
    html = page_of(staff_client(Role.COORDINATOR), "/admin/")
    pending = panel(html, "Organisations waiting for confirmation")
    assert "Herts Rainbow Youth" in pending and "data-count>1<" in pending
    assert "/admin/organisations/?status=pending" in pending
    requests = panel(html, "Requests to join an organisation")
    assert "Dee Asking (dee@example.org)" in requests and "/admin/memberships/?status=requested" in requests
    assert "Al Left" not in requests and "data-count>1<" in requests
    listing = page_of(staff_client(Role.COORDINATOR), "/admin/memberships/?status=requested")
    rows = [re.sub(r"<[^>]+>|\s+", " ", row) for row in re.findall(r"<tr>.*?</tr>", listing, re.S)]
    assert [("Al Left" in row, "(account closed)" in row) for row in rows if "Waiting for confirmation" in row] in (
        [(False, False), (True, True)], [(True, True), (False, False)])
    revoked = panel(html, "Certificates revoked in the last 30 days")
    assert "Łucja Nguyễn, Stalking" in revoked and "/admin/certificates/?status=revoked" in revoked


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER, Role.MODERATOR])
def test_other_staff_do_not_see_the_coordinators_panels(role):
    OrganisationFactory(status=Organisation.Status.PENDING)
    html = page_of(staff_client(role), "/admin/")
    assert "coordinator-panel" not in html and "Organisations waiting for confirmation" not in html


def test_the_coordinators_dashboard_costs_the_same_queries_however_much_waits():
    coordinator = staff_client(Role.COORDINATOR)
    OrganisationFactory(status=Organisation.Status.PENDING)
    MembershipFactory()
    CertificateFactory(module=None, revoked_at=timezone.now(), revocation_reason="x")
    coordinator.get("/admin/")
    few = queries_for(coordinator, "/admin/")
    for _ in range(8):
        OrganisationFactory(status=Organisation.Status.PENDING)
        MembershipFactory()
        CertificateFactory(module=None, revoked_at=timezone.now(), revocation_reason="x")
    assert Membership.objects.filter(status=Membership.Status.REQUESTED).count() >= 9
    assert queries_for(coordinator, "/admin/") == few


def test_the_leads_screen_takes_odd_input_calmly():
    """From the attacker review: "²" passes str.isdigit(), "٣" would be read as 3, NUL breaks PostgreSQL."""
    organisation = OrganisationFactory(name="Odd Input Trust")
    coordinator = staff_client(Role.COORDINATOR)
    url = f"/admin/organisations/leads/{organisation.pk}/"
    for person in ("²", "٣", "9" * 40, "-1"):
        response = coordinator.post(url, {"action": "add", "person": person}, follow=True)
        assert response.status_code == 200 and "Nothing was changed" in response.content.decode(), person
    assert coordinator.get(url + "?q=%00").status_code == 200
    assert not organisation.leads.exists()
