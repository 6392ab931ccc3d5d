"""An organisation lead's zip of their staff's certificates: asked for once, made in the background
with progress, downloaded by that lead only, deleted after a day."""

import datetime
import io
import logging
import zipfile
from unittest import mock

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lms.certificates import bundles, pdf
from lms.certificates.models import Certificate, CertificateBundle
from lms.certificates.services import new_code
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, confirmed_member

pytestmark = pytest.mark.django_db

START = "/organisations/certificates/bundles/"


def status_url(bundle) -> str:
    return f"/organisations/certificates/bundles/{bundle.pk}/"


def download_url(bundle) -> str:
    return f"/organisations/certificates/bundles/{bundle.pk}/download/"


def certificate_for(user, **fields) -> Certificate:
    """A current certificate (issued a month ago, for two years) unless `fields` say otherwise."""
    issued = timezone.localdate() - datetime.timedelta(days=30)
    return Certificate.objects.create(**{
        "user": user, "code": new_code(), "holder_name": user.full_name, "level": "Awareness", "cpd_minutes": 45,
        "module_title": "Coercive control and stalking", "issued_on": issued,
        "expires_on": issued + datetime.timedelta(days=730), **fields,
    })


def stored_zips() -> set[str]:
    """Names of the zips in the private store (which outlives each test: compare before and after)."""
    store = storages["certificates"]
    return set(store.listdir("bundles")[1]) if store.exists("bundles") else set()


def lead_of(organisation):
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    return lead


def staff_with_certificates(organisation, names):
    """A confirmed member of `organisation` per name, each with one current certificate."""
    certificates = []
    for name in names:
        person = LearnerFactory(organisation=organisation, full_name=name)
        confirmed_member(person)
        certificates.append(certificate_for(person))
    return certificates


def ask_for_zip(client, capture, *, run=True):
    """The lead presses the button; with `run`, the worker makes the zip once the request commits."""
    with capture(execute=run):
        response = client.post(START)
    return response


def test_a_lead_downloads_one_pdf_per_current_certificate_of_their_confirmed_staff_only(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    ann, bo = staff_with_certificates(organisation, ["Ann Lee", "Bo Chan"])
    # Not in the zip: someone who named the organisation but is not confirmed, someone else's
    # staff, and certificates that are expired, revoked or replaced by a renewal.
    certificate_for(LearnerFactory(organisation=organisation, full_name="Di Unconfirmed"))
    outsider = certificate_for(LearnerFactory(full_name="Cy Other"))
    certificate_for(bo.user, module_title="Expired module", issued_on=datetime.date(2020, 1, 1),
                       expires_on=datetime.date(2022, 1, 1))
    certificate_for(bo.user, module_title="Revoked module", revoked_at=timezone.now())
    renewed = certificate_for(ann.user, module_title="Renewed module")
    certificate_for(ann.user, module_title="Renewed module", replaces=renewed)
    client.force_login(lead_of(organisation))

    response = ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    assert response.status_code == 302 and response["Location"] == status_url(bundle)
    page = client.get(status_url(bundle)).content.decode()
    assert "Your zip is ready: 3 certificates" in page
    assert download_url(bundle) in page

    download = client.get(download_url(bundle))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"].startswith('attachment; filename="staff-certificates-')
    assert {"private", "no-store"} <= set(download["Cache-Control"].split(", "))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = sorted(n for n in archive.namelist() if n != "index.csv")  # the index: see test_zip_names.py
    assert len(names) == 3
    assert [n.split("-certificate-")[0] for n in names] == ["ann-lee", "ann-lee", "bo-chan"]
    assert any("renewed-module" in n for n in names)
    assert not any(word in n for n in names for word in ("expired", "revoked", "di-unconfirmed", outsider.code))
    for name in names:
        assert archive.read(name).startswith(b"%PDF")
    assert ann.code in PdfReader(io.BytesIO(archive.read(next(n for n in names if ann.code in n)))).pages[0] \
        .extract_text()


def test_pressing_the_button_twice_makes_one_zip_and_shows_the_one_on_its_way(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    client.force_login(lead_of(organisation))
    first = ask_for_zip(client, django_capture_on_commit_callbacks, run=False)  # the worker is busy
    second = client.post(START, follow=True)
    bundle = CertificateBundle.objects.get()
    assert bundle.status == CertificateBundle.Status.QUEUED
    assert first["Location"] == second.redirect_chain[-1][0] == status_url(bundle)
    assert "Your zip is already being prepared" in second.content.decode()
    assert "Waiting to start: 1 certificate to add." in second.content.decode()


def test_the_database_refuses_a_second_zip_in_progress_for_the_same_lead():
    lead = lead_of(OrganisationFactory())
    CertificateBundle.objects.create(requested_by=lead, status=CertificateBundle.Status.RUNNING)
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateBundle.objects.create(requested_by=lead, status=CertificateBundle.Status.QUEUED)
    # Finished ones do not count.
    CertificateBundle.objects.create(requested_by=lead, status=CertificateBundle.Status.READY)
    CertificateBundle.objects.create(requested_by=lead, status=CertificateBundle.Status.FAILED)


def test_progress_moves_as_certificates_are_added_and_the_lead_sees_it(client):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee", "Bo Chan", "Cy Dale", "Di Eve", "Ed Fox"])
    lead = lead_of(organisation)
    client.force_login(lead)
    bundle, created = bundles.request_certificate_bundle(lead)
    assert created
    seen = []
    real_pdf = pdf.certificate_pdf

    def render_and_look(certificate, *rest):
        # While each PDF is made, the lead checks the status page.
        page = client.get(status_url(bundle)).content.decode()
        seen.append(next(line.strip() for line in page.splitlines() if "certificates added" in line))
        return real_pdf(certificate, *rest)

    with mock.patch.object(bundles, "PROGRESS_EVERY", 2), mock.patch.object(pdf, "certificate_pdf", render_and_look):
        bundles.build_certificate_bundle(bundle.pk)
    assert seen == [f"{n} of 5 certificates added." for n in (0, 0, 2, 2, 4)]
    bundle.refresh_from_db()
    assert (bundle.status, bundle.done, bundle.total) == ("ready", 5, 5)
    assert "Your zip is ready: 5 certificates" in client.get(status_url(bundle)).content.decode()


def test_with_no_current_certificates_there_is_a_message_and_no_zip(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    person = LearnerFactory(organisation=organisation)
    confirmed_member(person)
    certificate_for(person, issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2022, 1, 1))
    client.force_login(lead_of(organisation))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(START, follow=True)
    assert response.redirect_chain[-1][0] == "/organisations/members/"
    assert "nothing to zip" in response.content.decode()
    assert not CertificateBundle.objects.exists() and callbacks == []


def test_only_the_lead_who_asked_can_see_or_download_the_zip(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    lead = lead_of(organisation)
    client.force_login(lead)
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    assert client.get(download_url(bundle)).status_code == 200

    # Another lead, even a second lead of the same organisation, is told it does not exist.
    for other in (lead_of(OrganisationFactory()), lead_of(organisation)):
        visitor = Client()
        visitor.force_login(other)
        assert visitor.get(status_url(bundle)).status_code == 404
        assert visitor.get(download_url(bundle)).status_code == 404
    # Anyone who leads nothing is refused whatever the id; signed out, asked to sign in.
    for refused in (LearnerFactory(), bundle.organisations.get().memberships.get().user):
        visitor = Client()
        visitor.force_login(refused)
        assert visitor.get(status_url(bundle)).status_code == 403
        assert visitor.get(download_url(bundle)).status_code == 403
    assert staff_client(Role.COORDINATOR).get(download_url(bundle)).status_code == 403
    anonymous = Client().get(download_url(bundle))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    # Starting one takes a POST with the form's CSRF token.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(lead)
    assert strict.post(START).status_code == 403


def test_a_lead_who_stops_leading_an_organisation_cannot_download_its_staffs_zip(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Hertford Women's Aid")
    staff_with_certificates(organisation, ["Ann Lee"])
    lead = lead_of(organisation)
    OrganisationFactory().leads.add(lead)  # still a lead elsewhere
    client.force_login(lead)
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    organisation.leads.remove(lead)
    response = client.get(download_url(bundle), follow=True)
    assert response.redirect_chain[-1][0] == status_url(bundle)
    assert "You no longer lead Hertford Women&#x27;s Aid, so this zip cannot be downloaded" in \
        response.content.decode()


def test_expired_zips_are_deleted_and_the_lead_is_told(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    client.force_login(lead_of(organisation))
    before = stored_zips()
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    store = storages["certificates"]
    assert stored_zips() - before == {bundle.file_name.removeprefix("bundles/")}
    later = timezone.now() + datetime.timedelta(hours=23)
    assert bundles.remove_expired_certificate_bundles(later) == 0
    assert store.exists(bundle.file_name)

    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(hours=25)):
        # Past its time, it is not served even before the clean-up runs.
        assert client.get(download_url(bundle))["Location"] == status_url(bundle)
        call_command("remove_expired_certificate_bundles", stdout=io.StringIO())
    assert stored_zips() == before
    bundle.refresh_from_db()
    assert bundle.status == "expired" and bundle.file_name == ""
    page = client.get(status_url(bundle)).content.decode()
    assert "has been deleted" in page and "Prepare a new zip" in page
    assert client.get(download_url(bundle))["Location"] == status_url(bundle)

    # A month on, even the record goes.
    bundles.remove_expired_certificate_bundles(timezone.now() + datetime.timedelta(days=31))
    assert not CertificateBundle.objects.exists()
    assert client.get(status_url(bundle)).status_code == 404


def test_a_zip_whose_worker_died_does_not_stop_the_lead_asking_again(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    client.force_login(lead_of(organisation))
    ask_for_zip(client, django_capture_on_commit_callbacks, run=False)
    stuck = CertificateBundle.objects.get()
    CertificateBundle.objects.filter(pk=stuck.pk).update(
        status="running", updated_at=timezone.now() - datetime.timedelta(hours=2)
    )
    ask_for_zip(client, django_capture_on_commit_callbacks)
    stuck.refresh_from_db()
    assert stuck.status == "failed" and "stopped before it was finished" in stuck.failure
    assert CertificateBundle.objects.exclude(pk=stuck.pk).get().status == "ready"


def test_a_zip_that_fails_is_marked_failed_with_a_message_and_can_be_tried_again(
    client, django_capture_on_commit_callbacks, caplog
):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee", "Bo Chan"])
    client.force_login(lead_of(organisation))
    before = stored_zips()
    with mock.patch.object(pdf, "certificate_pdf", side_effect=OSError("disk full")), \
            caplog.at_level(logging.ERROR, logger="lms.certificates.bundles"):
        response = ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    assert response.status_code == 302
    assert bundle.status == "failed" and bundle.file_name == "" and bundle.finished_at is not None
    assert f"Certificate bundle {bundle.pk} failed" in caplog.text and "disk full" in caplog.text
    page = client.get(status_url(bundle)).content.decode()
    assert "Something went wrong while making the zip" in page
    assert "disk full" not in page
    assert client.get(download_url(bundle))["Location"] == status_url(bundle)
    assert stored_zips() == before

    ask_for_zip(client, django_capture_on_commit_callbacks)
    assert CertificateBundle.objects.filter(status="ready").count() == 1


def test_the_members_page_shows_the_button_then_the_progress_then_the_download_link(
    client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee", "Bo Chan"])
    client.force_login(lead_of(organisation))
    page = client.get("/organisations/members/").content.decode()
    assert "Prepare a zip of your staff&#x27;s certificates" in page
    assert f'action="{START}"' in page

    ask_for_zip(client, django_capture_on_commit_callbacks, run=False)
    bundle = CertificateBundle.objects.get()
    CertificateBundle.objects.filter(pk=bundle.pk).update(status="running", done=1)
    page = client.get("/organisations/members/").content.decode()
    assert "1 of 2 certificates added." in page
    assert '<progress class="progress-bar" max="2" value="1"' in page
    assert f'href="{status_url(bundle)}"' in page and "Check again" in page
    assert f'action="{START}"' not in page  # no second zip while this one is made

    CertificateBundle.objects.filter(pk=bundle.pk).update(status="queued", done=0)
    bundles.build_certificate_bundle(bundle.pk)
    page = client.get("/organisations/members/").content.decode()
    assert "Your zip is ready: 2 certificates" in page
    assert f'href="{download_url(bundle)}"' in page
    assert "Prepare a new zip" in page


def test_the_dashboard_sends_leads_to_the_zip_on_their_members_page(client):
    client.force_login(lead_of(OrganisationFactory()))
    page = client.get("/my-learning/").content.decode()
    assert 'href="/organisations/members/#staff-certificates"' in page
    assert "certificates.zip" not in page
    assert 'id="staff-certificates"' in client.get("/organisations/members/").content.decode()


# A zip is a snapshot: if it holds a certificate the lead may no longer see (someone removed or
# who left, a certificate revoked or replaced), it is not handed out (security review, F4).

STAFF_CHANGED = "Your staff list has changed since this zip was made. Prepare a new one."


def names_in(response) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()


def assert_refused_as_out_of_date(client, bundle):
    response = client.get(download_url(bundle))
    assert response.status_code == 302 and response["Location"] == status_url(bundle)
    page = client.get(status_url(bundle)).content.decode()
    assert STAFF_CHANGED.replace("'", "&#x27;") in page
    assert download_url(bundle) not in page and "Prepare a new zip" in page
    assert download_url(bundle) not in client.get("/organisations/members/").content.decode()


def test_a_zip_made_before_someone_was_removed_is_not_handed_out(client, django_capture_on_commit_callbacks):
    from lms.organisations.services import leave_organisation, remove_member

    organisation = OrganisationFactory()
    stays, removed, leaves = staff_with_certificates(organisation, ["Ann Stays", "Bo Removed", "Cy Leaves"])
    lead = lead_of(organisation)
    client.force_login(lead)
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    assert sorted(bundle.codes) == sorted(c.code for c in (stays, removed, leaves))
    assert client.get(download_url(bundle)).status_code == 200

    remove_member(removed.user.memberships.get(), by=lead)
    assert_refused_as_out_of_date(client, bundle)

    # The new zip holds only the people the lead may see now.
    ask_for_zip(client, django_capture_on_commit_callbacks)
    newer = CertificateBundle.objects.first()
    assert newer.pk != bundle.pk
    names = names_in(client.get(download_url(newer)))
    assert any(n.startswith("ann-stays") for n in names) and not any(n.startswith("bo-removed") for n in names)

    leave_organisation(leaves.user)
    assert_refused_as_out_of_date(client, newer)


def test_a_zip_made_before_a_membership_ended_in_the_database_is_not_handed_out(client):
    # The reviewer's probe: the membership row itself goes.
    organisation = OrganisationFactory()
    lead = lead_of(organisation)
    staff_with_certificates(organisation, ["Stays Here"])
    [leaver] = staff_with_certificates(organisation, ["Left Already"])
    bundle, _ = bundles.request_certificate_bundle(lead)
    bundles.build_certificate_bundle(bundle.pk)
    leaver.user.memberships.all().delete()
    client.force_login(lead)
    assert_refused_as_out_of_date(client, bundle)


def test_a_zip_holding_a_certificate_revoked_since_is_not_handed_out(client, django_capture_on_commit_callbacks):
    from lms.certificates.services import revoke_certificate

    organisation = OrganisationFactory()
    ann, bo = staff_with_certificates(organisation, ["Ann Lee", "Bo Chan"])
    client.force_login(lead_of(organisation))
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    revoke_certificate(bo, by=LearnerFactory(roles=[Role.COORDINATOR]), reason="Issued in error")
    assert_refused_as_out_of_date(client, bundle)


def test_a_certificate_earned_since_does_not_stop_the_download(client, django_capture_on_commit_callbacks):
    # The zip still holds only what the lead may see; the newer certificate is in the next zip.
    organisation = OrganisationFactory()
    [ann] = staff_with_certificates(organisation, ["Ann Lee"])
    client.force_login(lead_of(organisation))
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    certificate_for(ann.user, module_title="A second module")
    staff_with_certificates(organisation, ["Bo New"])
    assert len([n for n in names_in(client.get(download_url(bundle))) if n != "index.csv"]) == 1
    assert STAFF_CHANGED not in client.get(status_url(bundle)).content.decode()


def test_a_ready_zip_with_no_record_of_what_it_holds_is_not_handed_out(client, django_capture_on_commit_callbacks):
    # Zips made before the codes were kept: what they hold cannot be checked.
    organisation = OrganisationFactory()
    staff_with_certificates(organisation, ["Ann Lee"])
    client.force_login(lead_of(organisation))
    ask_for_zip(client, django_capture_on_commit_callbacks)
    bundle = CertificateBundle.objects.get()
    CertificateBundle.objects.filter(pk=bundle.pk).update(codes=[])
    assert_refused_as_out_of_date(client, bundle)
