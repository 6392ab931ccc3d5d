"""Organisation membership: a lead sees a person's training only once membership is confirmed."""

import datetime
import io
import zipfile

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from lms.certificates.models import Certificate
from lms.certificates.services import new_code
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import (
    LearnerFactory,
    MembershipFactory,
    OrganisationFactory,
    confirmed_member,
    profile_form_data,
)

pytestmark = pytest.mark.django_db


def make_certificate(user) -> Certificate:
    return Certificate.objects.create(
        user=user, code=new_code(), holder_name=user.full_name, module_title="Coercive control and stalking",
        level="Awareness", cpd_minutes=45, issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2099, 1, 1),
    )


def zip_names(client) -> list[str]:
    """What the lead's zip of staff certificates holds: asked for, made by the worker, downloaded."""
    from lms.certificates.bundles import build_certificate_bundle

    response = client.post("/organisations/certificates/bundles/")
    if response["Location"] == "/organisations/members/":  # nothing to zip: back, with a message
        return []
    # The worker's job is queued after commit, which a test's transaction never reaches: run it here.
    build_certificate_bundle(int(response["Location"].rstrip("/").rsplit("/", 1)[1]))
    download = client.get(response["Location"] + "download/")
    assert download.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()


def test_typing_an_organisations_name_does_not_show_a_person_to_its_lead(client):
    school = OrganisationFactory(name="Demo Primary School, Watford")
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD], organisation=school)
    school.leads.add(lead)
    stranger = LearnerFactory(full_name="Sam Stranger")
    certificate = make_certificate(stranger)

    client.force_login(stranger)
    response = client.post("/profile/", profile_form_data(
        full_name="Sam Stranger", organisation_name="Demo Primary School, Watford", organisation_kind="",
    ))
    assert response.status_code == 302
    stranger.refresh_from_db()
    assert stranger.organisation == school

    client.force_login(lead)
    assert not any(name.startswith("sam-stranger") for name in zip_names(client))
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    assert "Sam Stranger" not in client.get("/my-learning/").content.decode()


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Demo Primary School, Watford")


@pytest.fixture
def lead(school):
    person = LearnerFactory(roles=[Role.ORGANISATION_LEAD], organisation=school, full_name="Lena Lead")
    school.leads.add(person)
    return person


def ask_to_join(client, person, organisation) -> Membership:
    """The person names `organisation` on their profile, as a learner would."""
    client.force_login(person)
    response = client.post("/profile/", profile_form_data(
        full_name=person.full_name, job_role="Teaching assistant", organisation_name=organisation.name,
        organisation_kind="",
    ))
    assert response.status_code == 302
    return Membership.objects.get(user=person, organisation=organisation, status=Membership.Status.REQUESTED)


def logged(action: str, membership: Membership) -> int:
    return ModelLogEntry.objects.filter(action=action, object_id=str(membership.pk)).count()


def test_lead_sees_a_request_and_once_confirmed_sees_the_persons_training(client, school, lead):
    person = LearnerFactory(full_name="Ann Lee")
    certificate = make_certificate(person)
    membership = ask_to_join(client, person, school)
    closed = LearnerFactory(full_name="Al Left")
    ask_to_join(client, closed, school)
    closed.is_active = False  # left since: their request waits for nobody
    closed.save()

    client.force_login(lead)
    assert "1 request to join waiting" in client.get("/my-learning/").content.decode()
    page = client.get("/organisations/members/").content.decode()
    assert "Ann Lee" in page and person.email in page and "Teaching assistant" in page
    assert certificate.module_title not in page  # nothing of their records before confirming
    assert f"/organisations/members/{membership.pk}/confirm/" in page
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404

    response = client.post(f"/organisations/members/{membership.pk}/confirm/", follow=True)
    assert "Ann Lee is confirmed as a member" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED and membership.decided_by == lead
    assert logged("lms.membership.confirm", membership) == 1
    assert any(name.startswith("ann-lee") for name in zip_names(client))
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 200
    assert "1 confirmed member" in client.get("/my-learning/").content.decode()
    # Once confirmed, the lead sees their training records on the members page.
    members = client.get("/organisations/members/").content.decode()
    records = members[members.index("Confirmed members"):]
    assert "Modules completed" in records and "Current certificates" in records
    assert certificate.module_title in records


def test_confirming_twice_says_so_and_changes_nothing(client, school, lead):
    membership = MembershipFactory(user=LearnerFactory(organisation=school))
    client.force_login(lead)
    client.post(f"/organisations/members/{membership.pk}/confirm/")
    response = client.post(f"/organisations/members/{membership.pk}/confirm/", follow=True)
    assert "already confirmed" in response.content.decode()
    assert "Nothing was changed" in response.content.decode()
    assert logged("lms.membership.confirm", membership) == 1
    # A stale page: declining after confirming is refused too.
    client.post(f"/organisations/members/{membership.pk}/decline/")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED


def test_a_declined_person_is_never_seen(client, school, lead):
    person = LearnerFactory(full_name="Cy Decline", organisation=school)
    certificate = make_certificate(person)
    membership = MembershipFactory(user=person)
    client.force_login(lead)
    # Declining is checked on a page that names the person; opening it changes nothing.
    check = client.get(f"/organisations/members/{membership.pk}/decline/").content.decode()
    assert "Decline Cy Decline’s request to join?" in check and person.email in check
    assert "Demo Primary School, Watford" in check
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED
    response = client.post(f"/organisations/members/{membership.pk}/decline/", follow=True)
    assert "You declined" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert logged("lms.membership.decline", membership) == 1
    assert not any(name.startswith("cy-decline") for name in zip_names(client))
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    assert "Cy Decline" not in client.get("/organisations/members/").content.decode()
    # The person is told, and may ask again.
    client.force_login(person)
    profile = client.get("/profile/").content.decode()
    assert "Declined" in profile and "Ask to join Demo Primary School, Watford again" in profile
    client.post("/profile/organisation/ask-again/")
    assert Membership.objects.filter(user=person, status=Membership.Status.REQUESTED).count() == 1


def test_a_removed_member_is_no_longer_seen(client, school, lead):
    person = LearnerFactory(full_name="Bo Chan", organisation=school)
    certificate = make_certificate(person)
    membership = confirmed_member(person)
    client.force_login(lead)
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 200
    assert "Bo Chan" in client.get("/organisations/members/").content.decode()

    check = client.get(f"/organisations/members/{membership.pk}/remove/").content.decode()
    assert "Remove Bo Chan from Demo Primary School, Watford?" in check and "keep their learning" in check
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED
    response = client.post(f"/organisations/members/{membership.pk}/remove/", follow=True)
    assert "Bo Chan is no longer a member" in response.content.decode()
    membership.refresh_from_db()
    assert (membership.status, membership.ending, membership.ended_by) == ("ended", "removed", lead)
    assert logged("lms.membership.remove", membership) == 1
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    assert not any(name.startswith("bo-chan") for name in zip_names(client))
    assert "0 confirmed members" in client.get("/my-learning/").content.decode()
    again = client.post(f"/organisations/members/{membership.pk}/remove/", follow=True)
    assert "no longer a member" in again.content.decode() and "Nothing was changed" in again.content.decode()
    assert logged("lms.membership.remove", membership) == 1
    # A stale link to the check page goes back to the members page and says why.
    stale = client.get(f"/organisations/members/{membership.pk}/remove/", follow=True)
    assert stale.redirect_chain[-1][0] == "/organisations/members/"
    assert "is not a confirmed member of Demo Primary School, Watford" in stale.content.decode()


def test_a_lead_is_not_offered_removing_themselves(client, school, lead):
    membership = confirmed_member(lead, school)
    client.force_login(lead)
    page = client.get("/organisations/members/").content.decode()
    assert f"/organisations/members/{membership.pk}/remove/" not in page and "(you, a lead)" in page
    response = client.get(f"/organisations/members/{membership.pk}/remove/", follow=True)
    assert "You cannot remove yourself" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED


def test_a_learner_leaves_and_the_lead_no_longer_sees_them(client, school, lead):
    person = LearnerFactory(full_name="Di Leaver", organisation=school)
    certificate = make_certificate(person)
    membership = confirmed_member(person)
    client.force_login(person)
    profile = client.get("/profile/").content.decode()
    assert "Confirmed" in profile and "Leave this organisation" in profile
    check = client.get("/profile/organisation/leave/").content.decode()
    assert "Leave Demo Primary School, Watford?" in check and "no longer see your training records" in check
    response = client.post("/profile/organisation/leave/", follow=True)
    assert "You have left" in response.content.decode()
    membership.refresh_from_db()
    assert (membership.status, membership.ending, membership.ended_by) == ("ended", "left", person)
    assert logged("lms.membership.leave", membership) == 1
    # Leaving twice: a message, nothing new.
    assert "nothing to leave" in client.post("/profile/organisation/leave/", follow=True).content.decode()
    assert logged("lms.membership.leave", membership) == 1

    client.force_login(lead)
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    assert not any(name.startswith("di-leaver") for name in zip_names(client))


def test_lead_of_another_organisation_cannot_see_or_answer_requests(client, school):
    other_lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    OrganisationFactory(name="Other Trust").leads.add(other_lead)
    person = LearnerFactory(full_name="Eve Elsewhere", organisation=school)
    membership = MembershipFactory(user=person)
    confirmed = confirmed_member(LearnerFactory(full_name="Fay Member", organisation=school))
    client.force_login(other_lead)
    page = client.get("/organisations/members/").content.decode()
    assert "Eve Elsewhere" not in page and "Fay Member" not in page
    for action in ("confirm", "decline", "remove"):
        assert client.post(f"/organisations/members/{membership.pk}/{action}/").status_code == 404
        assert client.post(f"/organisations/members/{confirmed.pk}/{action}/").status_code == 404
    for action in ("decline", "remove"):  # their check pages say nothing of the person either
        assert client.get(f"/organisations/members/{membership.pk}/{action}/").status_code == 404
        assert client.get(f"/organisations/members/{confirmed.pk}/{action}/").status_code == 404
    membership.refresh_from_db()
    confirmed.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED
    assert confirmed.status == Membership.Status.CONFIRMED
    assert not ModelLogEntry.objects.filter(action__startswith="lms.membership.", user=other_lead).exists()


def test_bad_ids_and_methods_get_answers_not_errors(client, lead):
    client.force_login(lead)
    assert client.post("/organisations/members/999999999/confirm/").status_code == 404
    assert client.get("/organisations/members/99999999999/confirm/").status_code == 404
    assert client.get("/organisations/members/1/confirm/").status_code == 405


def test_people_who_lead_nothing_cannot_open_the_members_page(client):
    client.force_login(LearnerFactory())
    assert client.get("/organisations/members/").status_code == 403
    assert client.post("/organisations/members/1/confirm/").status_code == 403


def test_saving_the_same_organisation_again_asks_nothing_new(client, school):
    person = LearnerFactory(full_name="Gil Twice")
    ask_to_join(client, person, school)
    ask_to_join(client, person, school)
    assert Membership.objects.filter(user=person).count() == 1
    assert ModelLogEntry.objects.filter(action="lms.membership.request", user=person).count() == 1


def test_changing_organisation_ends_the_old_membership_and_asks_the_new_one(client, school, lead):
    person = LearnerFactory(full_name="Hal Mover", organisation=school)
    old = confirmed_member(person)
    certificate = make_certificate(person)
    new = ask_to_join(client, person, OrganisationFactory(name="Next Employer"))
    old.refresh_from_db()
    assert (old.status, old.ending) == ("ended", "left")
    assert new.status == Membership.Status.REQUESTED
    client.force_login(lead)
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404


def test_one_open_membership_per_person_is_enforced_by_the_database(school):
    person = LearnerFactory(organisation=school)
    MembershipFactory(user=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(user=person, organisation=OrganisationFactory())
    MembershipFactory(user=person, organisation=OrganisationFactory(), status=Membership.Status.DECLINED)


def test_profile_tells_the_learner_before_saving_and_shows_the_status_after(client, new_user, school):
    client.force_login(new_user)
    before = client.get("/profile/").content.decode()
    assert "your organisation will see your training records" in before
    response = client.post("/profile/", profile_form_data(organisation_name=school.name, organisation_kind=""),
                           follow=True)
    assert "once a lead there or a coordinator confirms it" in response.content.decode()
    after = client.get("/profile/").content.decode()
    assert "Waiting for confirmation" in after and "Withdraw your request to join" in after


def test_a_learner_can_ask_to_join_a_pending_organisation_they_proposed(client, new_user):
    client.force_login(new_user)
    client.post("/profile/", profile_form_data(organisation_name="Brand New Group", organisation_kind="vcfse"))
    membership = Membership.objects.get(user=new_user)
    assert membership.organisation.status == Organisation.Status.PENDING
    assert membership.status == Membership.Status.REQUESTED
    # A coordinator makes someone its lead; they answer the request as for any organisation.
    lead = LearnerFactory()
    membership.organisation.leads.add(lead)
    client.force_login(lead)
    client.post(f"/organisations/members/{membership.pk}/confirm/")
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED


def test_coordinator_answers_requests_and_removes_members_in_the_admin(school):
    person = LearnerFactory(full_name="Ida Admin", organisation=school)
    membership = MembershipFactory(user=person)
    staff = staff_client(Role.COORDINATOR)
    listing = staff.get("/admin/memberships/", {"status": "requested"}).content.decode()
    assert "Ida Admin" in listing and f"/admin/memberships/decide/{membership.pk}/" in listing
    assert "Ida Admin" in staff.get("/admin/memberships/", {"organisation": school.pk}).content.decode()
    page = staff.get(f"/admin/memberships/decide/{membership.pk}/").content.decode()
    assert "Confirm membership" in page
    response = staff.post(f"/admin/memberships/decide/{membership.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CONFIRMED and membership.decided_by == staff.user
    assert logged("lms.membership.confirm", membership) == 1
    again = staff.post(f"/admin/memberships/decide/{membership.pk}/", {"action": "confirm"}, follow=True)
    assert "already confirmed" in again.content.decode()
    assert staff.post(f"/admin/memberships/decide/{membership.pk}/", {"action": "bogus"}).status_code == 200
    staff.post(f"/admin/memberships/decide/{membership.pk}/", {"action": "remove"})
    membership.refresh_from_db()
    assert (membership.status, membership.ending, membership.ended_by) == ("ended", "removed", staff.user)
    assert logged("lms.membership.remove", membership) == 1
    assert staff.get("/admin/memberships/decide/999999/").status_code == 404
    # Memberships change only through decisions, never by hand.
    assert staff.get(f"/admin/memberships/edit/{membership.pk}/").status_code in (302, 403)


def test_memberships_admin_is_for_coordinators_only(school):
    membership = MembershipFactory(user=LearnerFactory(organisation=school))
    staff = staff_client(Role.EDITOR)
    assert staff.get("/admin/memberships/").status_code in (302, 403)
    assert staff.post(f"/admin/memberships/decide/{membership.pk}/", {"action": "confirm"}).status_code in (302, 403)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


def test_membership_log_entries_have_labels(school):
    from wagtail.log_actions import registry

    for action in ("request", "confirm", "decline", "remove", "leave"):
        assert registry.get_action_label(f"lms.membership.{action}")


def test_a_lead_cannot_remove_themselves_and_an_empty_zip_is_a_message(client):
    school = OrganisationFactory(name="Self Removal School")
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD], organisation=school)
    school.leads.add(lead)
    own = confirmed_member(lead, school)
    client.force_login(lead)
    response = client.post(f"/organisations/members/{own.pk}/remove/", follow=True)
    assert "or remove yourself while you lead this organisation" in response.content.decode()
    own.refresh_from_db()
    assert own.status == Membership.Status.CONFIRMED
    response = client.post("/organisations/certificates/bundles/", follow=True)
    assert "nothing to zip" in response.content.decode()


def test_a_lead_who_leaves_or_is_removed_no_longer_leads(client, school, lead):
    """A lead sees every member's records because the organisation vouched for them (attacker review)."""
    from lms.organisations.services import remove_member

    colleague = LearnerFactory(full_name="Col League", organisation=school)
    confirmed_member(colleague)
    certificate = make_certificate(colleague)
    confirmed_member(lead, school)
    client.force_login(lead)
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 200
    client.post("/profile/organisation/leave/")
    assert not school.leads.filter(pk=lead.pk).exists()
    assert not lead.groups.filter(name=Role.ORGANISATION_LEAD).exists()
    assert client.get("/organisations/members/").status_code == 403
    assert client.get(f"/my-learning/certificates/{certificate.code}/pdf/").status_code == 404
    # Removed by a coordinator: the same.
    second = LearnerFactory(organisation=school)
    membership = confirmed_member(second, school)
    school.leads.add(second)
    remove_member(membership, by=LearnerFactory())
    assert not school.leads.filter(pk=second.pk).exists()


def test_a_lead_cannot_answer_their_own_request_by_posting(client, school, lead):
    own = MembershipFactory(user=lead, organisation=school)
    client.force_login(lead)
    for action in ("confirm", "decline", "remove"):
        response = client.post(f"/organisations/members/{own.pk}/{action}/", follow=True)
        assert "You cannot answer your own request" in response.content.decode()
    own.refresh_from_db()
    assert own.status == Membership.Status.REQUESTED


def test_odd_codes_are_not_found_on_any_database(client, lead):
    client.force_login(lead)
    for code in ("%00", "A%00", "x" * 300, "abcd-efgh"):
        assert client.get(f"/my-learning/certificates/{code}/pdf/").status_code == 404, code


def test_leads_are_emailed_a_request_to_join_once_a_day(client, school, lead, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    """Requests used to wait until a lead happened to look (role review)."""
    person = LearnerFactory(full_name="Noor Newcomer", job_role="Teaching assistant")
    with django_capture_on_commit_callbacks(execute=True):
        ask_to_join(client, person, school)
    to_lead = [m for m in mailoutbox if m.to == [lead.email]]
    assert len(to_lead) == 1
    assert to_lead[0].subject == "[Herts Partnership Training] A request to join Demo Primary School, Watford"
    assert "Noor Newcomer (Teaching assistant) has asked to join" in to_lead[0].body
    assert "/organisations/members/" in to_lead[0].body
    # Leaving and asking again the same day does not email the leads again.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/profile/organisation/leave/")
        client.post("/profile/organisation/ask-again/")
    assert len([m for m in mailoutbox if m.to == [lead.email]]) == 1
