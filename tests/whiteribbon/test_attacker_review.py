"""What the attacker review of White Ribbon found, each now refused or handled (issue 12)."""

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from champions.whiteribbon.evidence import check_upload
from champions.whiteribbon.models import AccreditationCycle, ActionItem, Evidence
from champions.whiteribbon.services import mark_renewals_due
from lms.site.roles import Role
from tests.factories import LearnerFactory
from tests.whiteribbon.factories import AccreditationCycleFactory, EvidenceFactory, accredited_cycle
from tests.whiteribbon.test_lead_area import item_post, item_url, lead_client, plan_url

pytestmark = pytest.mark.django_db


def zipped(name: str, data: bytes, *, mimetype_first: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_posing_as_an_opendocument_file_is_refused_without_unpacking_it():
    bomb = zipped("mimetype", b"0" * (200 * 1024 * 1024))  # 200 MB of zeros: about 200 KB packed
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ValidationError, match="must be a PDF"):
        check_upload(SimpleUploadedFile("plan.odt", bomb))


def test_a_damaged_zip_is_refused_with_a_message_not_a_server_error():
    good = bytearray(zipped("mimetype", b"application/vnd.oasis.opendocument.text" * 50))
    good[60:90] = b"\xff" * 30  # break the packed data
    with pytest.raises(ValidationError, match="must be a PDF"):
        check_upload(SimpleUploadedFile("plan.odt", bytes(good)))


def test_an_upload_bigger_than_allowed_is_refused_before_it_is_read():
    cycle = accredited_cycle(approved_on=datetime.date.today() - datetime.timedelta(days=100))
    item = ActionItem.objects.create(cycle=cycle, criterion="changing_culture", focus="training", year=1,
                                     title="Train managers", owner="HR", due_on=datetime.date.today())
    lead = lead_client(cycle.organisation)
    response = lead.post(f"{item_url(item)}evidence/new/", data=b"x", content_type="application/octet-stream",
                         CONTENT_LENGTH=str(300 * 1024 * 1024))
    assert response.status_code == 302
    assert "must be smaller than 10 MB" in lead.get(response["Location"]).content.decode()
    assert not Evidence.objects.exists()


def test_a_lead_keeps_line_breaks_in_an_update_and_the_detail():
    cycle = accredited_cycle(approved_on=datetime.date.today() - datetime.timedelta(days=200))
    lead = lead_client(cycle.organisation)
    response = lead.post(f"{plan_url(cycle.organisation)}items/new/",
                         item_post(detail="First line.\r\nSecond line.\r\n\r\nA new paragraph."))
    assert response.status_code == 302, response.content.decode()[:2000]
    item = ActionItem.objects.get()
    assert item.detail == "First line.\nSecond line.\n\nA new paragraph."


def test_a_supporter_organisation_has_no_action_plan_to_add_to():
    cycle = AccreditationCycleFactory(
        track=AccreditationCycle.Track.SUPPORTER, stage=AccreditationCycle.Stage.COMMITTED,
    )
    lead = lead_client(cycle.organisation)
    lead.post(f"{plan_url(cycle.organisation)}items/new/", item_post())
    assert not ActionItem.objects.exists()


def test_removing_an_action_in_the_admin_removes_its_evidence_files(django_capture_on_commit_callbacks):
    evidence = EvidenceFactory()
    storage, name = evidence.document.storage, evidence.document.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        evidence.item.delete()
    assert not storage.exists(name)


def test_a_failed_renewal_email_is_sent_again_the_next_day_and_never_stops_the_others(
    monkeypatch, django_capture_on_commit_callbacks,
):
    LearnerFactory(roles=[Role.COORDINATOR], email="coordinator@example.org")
    first = accredited_cycle(approved_on=datetime.date(2024, 6, 15), lead_contact_email="first@example.org")
    second = accredited_cycle(approved_on=datetime.date(2024, 6, 16), lead_contact_email="second@example.org")
    from champions.whiteribbon import services

    real_send = services.send_mail

    def failing_for_first(**kwargs):
        if kwargs["recipient_list"] == ["first@example.org"]:
            raise OSError("mail server down")
        return real_send(**kwargs)

    monkeypatch.setattr(services, "send_mail", failing_for_first)
    with time_machine.travel(datetime.datetime(2026, 12, 20, 6, 0), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        assert mark_renewals_due() == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.stage == second.stage == AccreditationCycle.Stage.RENEWAL_DUE
    assert first.renewal_notified_on is None and second.renewal_notified_on is not None
    assert "second@example.org" in [message.to[0] for message in mail.outbox]
    monkeypatch.setattr(services, "send_mail", real_send)
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2026, 12, 21, 6, 0), tick=False):
        assert mark_renewals_due() == 0
    assert sorted(message.to[0] for message in mail.outbox) == ["coordinator@example.org", "first@example.org"]
    with time_machine.travel(datetime.datetime(2026, 12, 22, 6, 0), tick=False):
        mark_renewals_due()
    assert len(mail.outbox) == 2


def test_renewal_email_subjects_are_plain_text(django_capture_on_commit_callbacks):
    from tests.factories import OrganisationFactory

    accredited_cycle(OrganisationFactory(name="Demo Women's Support Service"), approved_on=datetime.date(2024, 6, 15))
    with time_machine.travel(datetime.datetime(2026, 12, 20, 6, 0), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        mark_renewals_due()
    assert mail.outbox and all("Women's Support" in message.subject for message in mail.outbox)
