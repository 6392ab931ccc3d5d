"""Coordinators confirm or merge the organisations learners name."""

import pytest
from wagtail.models import ModelLogEntry

from lms.organisations.models import Membership, Organisation
from lms.organisations.services import OrganisationError, leave_organisation, merge_organisation
from tests.conftest import sign_in_with_mfa
from tests.factories import LearnerFactory, MembershipFactory, OrganisationFactory, confirmed_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(db):
    return OrganisationFactory(name="Hatfield Helpers", status=Organisation.Status.PENDING)


def test_coordinator_sees_pending_organisations_with_a_review_action(client, coordinator, pending):
    sign_in_with_mfa(client, coordinator)
    body = client.get("/admin/organisations/?status=pending").content.decode()
    assert "Hatfield Helpers" in body
    assert f"/admin/organisations/review/{pending.pk}/" in body


def test_coordinator_confirms_a_pending_organisation(client, coordinator, pending):
    sign_in_with_mfa(client, coordinator)
    response = client.post(f"/admin/organisations/review/{pending.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.CONFIRMED
    assert ModelLogEntry.objects.filter(action="lms.organisation.confirm", object_id=str(pending.pk)).exists()
    # Confirming twice is refused with a message; nothing changes.
    response = client.post(f"/admin/organisations/review/{pending.pk}/", {"action": "confirm"}, follow=True)
    assert "not awaiting confirmation" in response.content.decode()


def test_coordinator_merges_a_duplicate_and_its_people_move(client, coordinator, pending):
    target = OrganisationFactory(name="Hatfield Helpers Charity")
    member = LearnerFactory(organisation=pending)
    confirmed = confirmed_member(member)
    asking = MembershipFactory(user=LearnerFactory(organisation=pending))
    former = confirmed_member(LearnerFactory(organisation=pending))
    leave_organisation(former.user)
    lead = LearnerFactory()
    pending.leads.add(lead)
    sign_in_with_mfa(client, coordinator)
    response = client.post(
        f"/admin/organisations/review/{pending.pk}/", {"action": "merge", "merge_into": target.pk}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    member.refresh_from_db()
    assert pending.status == Organisation.Status.MERGED
    assert pending.merged_into == target
    assert member.organisation == target
    assert list(target.leads.all()) == [lead]
    assert not pending.leads.exists()
    # Open memberships move, confirmed staying confirmed: the lead sees the member under the new name.
    confirmed.refresh_from_db()
    asking.refresh_from_db()
    former.refresh_from_db()
    assert (confirmed.organisation, confirmed.status) == (target, Membership.Status.CONFIRMED)
    assert (asking.organisation, asking.status) == (target, Membership.Status.REQUESTED)
    assert Membership.objects.confirmed().led_by(lead).get() == confirmed
    # Someone who had left stays in the history of the merged organisation.
    assert former.organisation == pending


def test_merge_without_a_target_or_into_itself_is_refused(client, coordinator, pending):
    sign_in_with_mfa(client, coordinator)
    response = client.post(f"/admin/organisations/review/{pending.pk}/", {"action": "merge"})
    assert response.status_code == 200
    assert "Choose the organisation to merge into" in response.content.decode()
    response = client.post(
        f"/admin/organisations/review/{pending.pk}/", {"action": "merge", "merge_into": pending.pk}
    )
    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_merging_into_a_pending_organisation_is_refused(pending):
    other = OrganisationFactory(status=Organisation.Status.PENDING)
    with pytest.raises(OrganisationError):
        merge_organisation(pending, into=other, by=None)
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_review_page_is_for_coordinators_only(client, editor, pending):
    sign_in_with_mfa(client, editor)
    response = client.post(f"/admin/organisations/review/{pending.pk}/", {"action": "confirm"})
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Organisation.Status.PENDING


def test_unknown_organisation_is_not_found(client, coordinator):
    sign_in_with_mfa(client, coordinator)
    assert client.get("/admin/organisations/review/999999/").status_code == 404


def test_coordinator_search_and_duplicate_names_give_answers_not_errors(client, coordinator, pending):
    OrganisationFactory(name="Demo Housing Association")
    sign_in_with_mfa(client, coordinator)
    assert client.get("/admin/organisations/", {"q": "Hatfield"}).status_code == 200
    response = client.post("/admin/organisations/new/", {
        "name": "demo  housing association", "kind": "housing", "sector": "", "district": "",
    })
    assert response.status_code == 200
    assert "is already listed" in response.content.decode()
    assert Organisation.objects.filter(name__iexact="demo housing association").count() == 1


def test_coordinators_export_organisations_as_csv(client, coordinator):
    # Names that a spreadsheet would run as formulas are refused when typed (see test_profile).
    OrganisationFactory(name="Plain Name Trust")
    sign_in_with_mfa(client, coordinator)
    response = client.get("/admin/organisations/", {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Plain Name Trust" in body
