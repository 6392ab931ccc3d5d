"""Certificates: issued once on completion, a PDF anyone can check, private downloads, public verification."""

import datetime
import io
import time
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from lms.certificates.models import Certificate, verify_url
from lms.certificates.pdf import render_certificate_pdf
from lms.certificates.services import new_code, normalise_code
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import (
    LearnerFactory,
    OrganisationFactory,
    answers_for,
    confirmed_member,
    make_module,
    make_quiz,
    read_and_complete,
    start_quiz,
)

pytestmark = pytest.mark.django_db


def pass_module(client, module):
    for lesson in module.lessons():
        read_and_complete(client, lesson)
    attempt = start_quiz(client, module)
    return attempt, {**answers_for(attempt), "action": "confirm"}


def pass_quiz_again(client, module, capture):
    attempt = start_quiz(client, module)
    with capture(execute=True):
        client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"})


def certified_learner(client, slug, capture):
    """A signed-in learner who has just passed a one-lesson module; returns (module, certificate)."""
    module = make_module(slug, lessons=1)
    make_quiz(module, questions=1)
    client.force_login(LearnerFactory())
    attempt, data = pass_module(client, module)
    with capture(execute=True):
        client.post(f"/my-learning/attempts/{attempt.pk}/", data)
    return module, Certificate.objects.get()


def test_passing_a_module_issues_one_certificate_even_under_a_double_submit(
    client, django_capture_on_commit_callbacks
):
    module = make_module("certified", lessons=1, title="Certified module", cpd_minutes=45)
    make_quiz(module, questions=2)
    learner = LearnerFactory(full_name="Łucja Nowak-O'Brien")
    client.force_login(learner)
    attempt, data = pass_module(client, module)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my-learning/attempts/{attempt.pk}/", data)
        client.post(f"/my-learning/attempts/{attempt.pk}/", data)
    certificate = Certificate.objects.get()
    assert certificate.user == learner and certificate.attempt == attempt
    assert certificate.holder_name == "Łucja Nowak-O'Brien"
    assert certificate.module_title == "Certified module" and certificate.cpd_minutes == 45
    assert (certificate.expires_on - certificate.issued_on).days in range(730, 732)
    dashboard = client.get("/my-learning/").content.decode()
    assert certificate.code in dashboard and verify_url(certificate.code) in dashboard


def test_codes_have_80_bits_in_readable_groups_and_normalise():
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    for code in list(codes)[:20]:
        assert len(code) == 19 and code.count("-") == 3
        assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code("ABCD-EFGH-JKMN-PQRS") == "ABCD-EFGH-JKMN-PQRS"
    assert normalise_code("ABCD-EFGH-JKMN-PQRO") == "ABCD-EFGH-JKMN-PQR0"  # O is read as zero
    for bad in ["", "short", "ABCD-EFGH-JKMN-PQRU", "x" * 500, "ABCD-EFGH-JKMN-PQRS-TVWX"]:
        assert normalise_code(bad) is None


@pytest.mark.parametrize("name", ["Łucja Nowak-O'Brien", "Ayşe Yılmaz", "Nguyễn Thị Hương"])
def test_pdf_text_is_extractable_with_any_name_and_the_qr_points_to_verify(name):
    import zxingcpp

    certificate = Certificate(
        code=new_code(), holder_name=name, module_title="Post-separation abuse", level="Practitioner",
        cpd_minutes=60, issued_on=datetime.date(2026, 11, 25), expires_on=datetime.date(2028, 11, 25),
    )
    pdf = render_certificate_pdf(certificate)
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = page.extract_text()
    assert name in text
    assert certificate.code in text and "Post-separation abuse" in text
    assert verify_url(certificate.code) in text.replace("\n", "")
    fonts = {str(f.get("/BaseFont")) for f in [r.get_object() for r in page["/Resources"]["/Font"].values()]}
    assert any("DejaVu" in f for f in fonts), fonts
    qr = page.images[0].image
    decoded = [result.text for result in zxingcpp.read_barcodes(qr)]
    assert decoded == [verify_url(certificate.code)]


def make_certificate(user, **dates) -> Certificate:
    return Certificate.objects.create(
        user=user, code=new_code(), holder_name=user.full_name, module_title="Coercive control and stalking",
        level="Awareness", cpd_minutes=45, **dates,
    )


@pytest.mark.parametrize(
    ("issued", "expires", "revoked", "expected"),
    [
        ("2026-01-10", "2028-01-10", False, "Valid"),
        ("2024-12-01", "2026-12-20", False, "Valid, expiring soon"),
        ("2024-01-10", "2026-01-10", False, "Expired"),
        ("2026-01-10", "2028-01-10", True, "Revoked"),
    ],
)
def test_verify_page_reports_each_state(client, issued, expires, revoked, expected):
    certificate = make_certificate(
        LearnerFactory(full_name="Sam Okafor"),
        issued_on=datetime.date.fromisoformat(issued), expires_on=datetime.date.fromisoformat(expires),
    )
    if revoked:
        certificate.revoked_at = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
        certificate.revocation_reason = "Issued in error"
        certificate.save()
    with mock.patch("lms.certificates.views.today", return_value=datetime.date(2026, 11, 25)):
        response = client.get(f"/verify/{certificate.code}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert expected in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Issued in error" not in body  # the reason is for coordinators, not the public
    if revoked:
        # Withdrawn: when, not who. A revoked certificate must not vouch for a named person.
        assert "withdrawn on 1 June 2026" in body
        assert "Sam Okafor" not in body
    else:
        assert "Sam Okafor" in body and "Coercive control and stalking" in body


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ-ZZZZ-ZZZZ", "not-a-code", "%3Cscript%3E", "A" * 39])
def test_unknown_and_malformed_codes_get_the_same_answer(client, code):
    make_certificate(LearnerFactory(), issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2028, 1, 1))
    response = client.get(f"/verify/{code}/")
    assert response.status_code == 404
    assert "Certificate not found" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_typed_codes_are_found_whatever_their_case_and_spacing(client):
    certificate = make_certificate(
        LearnerFactory(), issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2099, 1, 1)
    )
    response = client.get("/verify/", {"code": certificate.code.lower().replace("-", " ")}, follow=True)
    assert "Valid" in response.content.decode()
    assert certificate.code in response.content.decode()


def test_verification_is_rate_limited_per_client(client):
    for _ in range(30):
        client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/")
    response = client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/")
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Another address is still answered.
    assert client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/", REMOTE_ADDR="192.0.2.7").status_code == 404


def test_the_verification_limit_is_set_with_allauths_rate_limits(client, settings):
    certificate = make_certificate(
        LearnerFactory(), issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2099, 1, 1)
    )
    settings.ACCOUNT_RATE_LIMITS = {"verify_certificate": "2/m/ip"}
    assert [client.get(f"/verify/{certificate.code}/").status_code for _ in range(3)] == [200, 200, 429]
    # A minute later the address may check again.
    with mock.patch("time.time", return_value=time.time() + 61):
        assert client.get(f"/verify/{certificate.code}/").status_code == 200


def test_only_the_holder_a_coordinator_or_their_organisation_lead_can_download():
    from lms.demo.two_factor import set_up_totp
    from tests.conftest import TOTP_SECRET, sign_in_with_mfa

    organisation = OrganisationFactory()
    holder = LearnerFactory(organisation=organisation)
    confirmed_member(holder)
    certificate = make_certificate(holder, issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2028, 1, 1))
    url = f"/my-learning/certificates/{certificate.code}/pdf/"
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    other_lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    OrganisationFactory().leads.add(other_lead)
    coordinator = LearnerFactory(roles=[Role.COORDINATOR])
    set_up_totp(coordinator, TOTP_SECRET)
    editor = LearnerFactory(roles=[Role.EDITOR])

    def fetch(user, mfa=False):
        client = Client()
        if mfa:
            sign_in_with_mfa(client, user)
        elif user is not None:
            client.force_login(user)
        return client.get(url)

    for allowed, mfa in [(holder, False), (lead, False), (coordinator, True)]:
        response = fetch(allowed, mfa)
        assert response.status_code == 200, allowed
        assert response["Content-Type"] == "application/pdf"
        assert b"".join([response.content])[:4] == b"%PDF"
    for refused in [LearnerFactory(), other_lead, editor]:
        assert fetch(refused).status_code == 404
    assert fetch(None).status_code == 302  # to sign in


def test_coordinator_revokes_with_a_reason_and_the_verify_page_shows_it_at_once(client):
    from wagtail.models import ModelLogEntry

    certificate = make_certificate(LearnerFactory(), issued_on=datetime.date(2026, 1, 1),
                                   expires_on=datetime.date(2099, 1, 1))
    staff = staff_client(Role.COORDINATOR)
    coordinator = staff.user
    listing = staff.get("/admin/certificates/").content.decode()
    assert certificate.code in listing and f"/admin/certificates/revoke/{certificate.pk}/" in listing
    response = staff.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": ""})
    assert "Give the reason" in response.content.decode()
    staff.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": "Completed by someone else"})
    certificate.refresh_from_db()
    assert certificate.revoked_by == coordinator and certificate.revocation_reason == "Completed by someone else"
    assert ModelLogEntry.objects.filter(action="lms.certificate.revoke", object_id=str(certificate.pk)).exists()
    assert "Revoked" in client.get(f"/verify/{certificate.code}/").content.decode()
    # Revoking twice is refused; certificates cannot be added or edited by hand.
    again = staff.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": "Again"}, follow=True)
    assert "already revoked" in again.content.decode()
    assert staff.get(f"/admin/certificates/edit/{certificate.pk}/").status_code in (302, 403)
    assert staff.get("/admin/certificates/new/").status_code in (302, 403)


def test_coordinators_export_certificates_with_codes():
    certificate = make_certificate(LearnerFactory(full_name="Priya Shah"), issued_on=datetime.date(2026, 1, 1),
                                   expires_on=datetime.date(2028, 1, 1))
    client = staff_client(Role.COORDINATOR)
    csv = client.get("/admin/certificates/", {"export": "csv"})
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert certificate.code in body and "Priya Shah" in body
    xlsx = client.get("/admin/certificates/", {"export": "xlsx"})
    assert xlsx.status_code == 200
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    assert content[:2] == b"PK"


def test_retaking_near_expiry_issues_a_new_certificate_and_keeps_the_old_one(
    client, django_capture_on_commit_callbacks
):
    module, first = certified_learner(client, "renewed", django_capture_on_commit_callbacks)
    # Passing again while the certificate is comfortably valid issues nothing new.
    pass_quiz_again(client, module, django_capture_on_commit_callbacks)
    assert Certificate.objects.count() == 1
    # Thirty days before it expires, a pass renews it.
    first.expires_on = timezone.localdate() + datetime.timedelta(days=30)
    first.save()
    pass_quiz_again(client, module, django_capture_on_commit_callbacks)
    renewed = Certificate.objects.exclude(pk=first.pk).get()
    assert renewed.replaces == first
    assert renewed.expires_on > first.expires_on
    dashboard = client.get("/my-learning/").content.decode()
    assert first.code in dashboard and renewed.code in dashboard


def test_a_revoked_certificate_is_not_reissued_by_passing_again_nor_downloadable(
    client, django_capture_on_commit_callbacks
):
    from lms.certificates.services import revoke_certificate

    module, certificate = certified_learner(client, "revocable", django_capture_on_commit_callbacks)
    revoke_certificate(certificate, by=LearnerFactory(), reason="Shared account")
    pass_quiz_again(client, module, django_capture_on_commit_callbacks)
    assert Certificate.objects.count() == 1
    response = client.get(f"/my-learning/certificates/{certificate.code}/pdf/")
    assert response.status_code == 410
    assert "was revoked" in response.content.decode()


def test_huge_ids_are_not_found_not_errors(client):
    client.force_login(LearnerFactory())
    for url in ["/my-learning/modules/9999999999999999999999999/quiz/",
                "/my-learning/modules/9999999999999999999999999/confidence/before/",
                "/my-learning/attempts/99999999999999999999999999/"]:
        assert client.get(url).status_code == 404, url
    assert client.post("/my-learning/modules/9999999999999999999999999/quiz/start/").status_code == 404


def test_a_second_download_renders_nothing_and_revocation_removes_the_kept_copy(
    client, django_capture_on_commit_callbacks
):
    from django.core.files.storage import storages

    from lms.certificates import pdf as service

    holder = LearnerFactory(full_name="Kept Copy")
    certificate = make_certificate(holder, issued_on=datetime.date(2026, 1, 1), expires_on=datetime.date(2099, 1, 1))
    client.force_login(holder)
    url = f"/my-learning/certificates/{certificate.code}/pdf/"
    with mock.patch.object(service, "render_certificate_pdf", wraps=service.render_certificate_pdf) as render:
        first = client.get(url)
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert render.call_count == 1
    assert first.content == second.content and first.content.startswith(b"%PDF")
    store = storages["certificates"]
    assert store.exists(service._stored_name(certificate, []))

    staff = staff_client(Role.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/admin/certificates/revoke/{certificate.pk}/", {"reason": "Issued in error"})
    assert not store.exists(service._stored_name(certificate, []))
    assert store.listdir(certificate.code) == ([], [])
    assert client.get(url).status_code == 410


def test_a_pdf_rendered_while_its_certificate_was_revoked_is_not_kept(django_capture_on_commit_callbacks):
    from django.core.files.storage import storages

    from lms.certificates import pdf as service
    from lms.certificates.services import revoke_certificate

    certificate = make_certificate(LearnerFactory(), issued_on=datetime.date(2026, 1, 1),
                                   expires_on=datetime.date(2099, 1, 1))
    in_flight = Certificate.objects.get(pk=certificate.pk)  # a zip job loaded it a moment ago
    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(certificate, by=LearnerFactory(), reason="Issued in error")
    assert service.certificate_pdf(in_flight).startswith(b"%PDF")  # the render in flight finishes
    store = storages["certificates"]
    assert not store.exists(certificate.code) or store.listdir(certificate.code) == ([], [])


def test_the_result_page_of_a_pass_links_to_the_certificate(client, django_capture_on_commit_callbacks):
    module, certificate = certified_learner(client, "result-link", django_capture_on_commit_callbacks)
    result = client.get(f"/my-learning/attempts/{certificate.attempt_id}/result/").content.decode()
    assert "Your certificate for this module is ready" in result
    assert f'href="/my-learning/certificates/{certificate.code}/pdf/"' in result
    assert certificate.code in result and certificate.expires_on.strftime("%-d %B %Y") in result


def test_the_result_page_after_a_revocation_says_why_there_is_no_new_certificate(
    client, django_capture_on_commit_callbacks, settings
):
    from lms.certificates.services import revoke_certificate

    settings.TRAINING_CONTACT_EMAIL = "training@herts.example.org"
    module, certificate = certified_learner(client, "result-revoked", django_capture_on_commit_callbacks)
    revoke_certificate(certificate, by=LearnerFactory(), reason="Shared account")
    result = client.get(f"/my-learning/attempts/{certificate.attempt_id}/result/").content.decode()
    assert "was withdrawn on" in result and "pdf/" not in result
    assert 'href="mailto:training@herts.example.org"' in result


def test_a_failed_attempt_says_nothing_of_a_certificate(client):
    module = make_module("result-fail", lessons=1)
    make_quiz(module, questions=2)
    client.force_login(LearnerFactory())
    for lesson in module.lessons():
        read_and_complete(client, lesson)
    attempt = start_quiz(client, module)
    client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt, right=False), "action": "confirm"})
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and not attempt.passed
    result = client.get(f"/my-learning/attempts/{attempt.pk}/result/").content.decode()
    assert "You did not pass" in result and "Your certificate" not in result
