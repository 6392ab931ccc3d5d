"""Download my data: everything kept about the person, nothing about anyone else, for them alone,
for 24 hours."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest
import time_machine
from django.core.files.storage import storages
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms.privacy.export import remove_expired_data_exports
from lms.privacy.models import DataExport
from lms.site.audit import EXPORT_ACTION

pytestmark = pytest.mark.django_db


def download(client, capture) -> tuple[DataExport, bytes]:
    with capture(execute=True):
        response = client.post("/profile/data/downloads/")
    export = DataExport.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))
    page = client.get(response["Location"])
    assert "Ready to download" in page.content.decode()
    file = client.get(f"/profile/data/downloads/{export.pk}/file/")
    assert file.status_code == 200 and file["Content-Type"] == "application/zip"
    return export, b"".join(file.streaming_content)


def test_download_holds_everything_about_the_person_and_nothing_about_anyone_else(
    two_people, django_capture_on_commit_callbacks,
):
    alice, bob = two_people.alice, two_people.bob
    _, content = download(two_people.alice_client, django_capture_on_commit_callbacks)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    files = {name: json.loads(archive.read(name)) for name in names if name.endswith(".json")}
    # Every kind of record the fixture made for Alice is there.
    for kind in ("account", "email_addresses", "organisation_memberships", "organisations_you_lead", "enrolments",
                 "lesson_visits", "lesson_completions", "quiz_attempts", "confidence_ratings", "certificates",
                 "champion", "champion_history", "session_bookings", "briefings_you_gave",
                 "relay_messages_you_received", "relay_messages_you_sent", "relay_senders_you_blocked",
                 "white_ribbon_roles", "white_ribbon_lead_contact", "white_ribbon_progress_you_recorded", "history",
                 "lesson_feedback", "follow_ups", "follow_up_no_thanks", "guidance_updates_you_were_told_about",
                 "guidance_updates_you_completed"):
        assert files[f"{kind}.json"], f"{kind} is empty"
    assert files["account.json"][0]["email"] == alice.email
    assert files["account.json"][0]["full_name"] == alice.full_name
    assert "password" not in files["account.json"][0]
    assert files["organisations_you_lead.json"] == [{"organisation": "Riverside Housing"}]
    assert files["quiz_attempts.json"][0]["answers"]
    assert "Alice Quennell-Ashdown reflects" in [rating["reflection"] for rating in files["confidence_ratings.json"]]
    certificate = alice.certificates.get()
    assert f"certificates/{certificate.code}.pdf" in names
    assert archive.read(f"certificates/{certificate.code}.pdf").startswith(b"%PDF")
    assert files["champion.json"][0]["statement"] == "Alice Quennell-Ashdown's statement"
    # Her feedback as she wrote it; not who considered it, nor the panel's note.
    assert files["lesson_feedback.json"][0]["comment"] == f"Clear, thanks. Signed {alice.full_name}, {alice.email}"
    assert "panel_note" not in files["lesson_feedback.json"][0]
    # Her follow-up as she wrote it; the masked copy is the coordinators', not hers.
    follow_up = files["follow_ups.json"][0]
    assert follow_up["used_in_work"] == "once" and follow_up["what_happened"].startswith(f"I ({alice.full_name}")
    assert "what_happened_masked" not in follow_up
    assert files["guidance_updates_you_completed.json"][0]["update"] == "Protection orders update"
    # Bob decided Alice's membership and approved her as a champion: "another person", never his name.
    assert files["organisation_memberships.json"][0]["decided_by"] == "another person"
    everything = b"".join(archive.read(name) for name in names if not name.endswith(".pdf")).decode()
    for trace in (bob.email, bob.full_name, "Bartholomew", "Oyelaran", "Riverside Housing's statement"):
        assert trace.lower() not in everything.lower(), trace
    assert bob.certificates.get().code not in everything


def test_the_download_is_for_its_owner_only(two_people, django_capture_on_commit_callbacks):
    export, _ = download(two_people.alice_client, django_capture_on_commit_callbacks)
    for path in (f"/profile/data/downloads/{export.pk}/", f"/profile/data/downloads/{export.pk}/file/"):
        assert two_people.bob_client.get(path).status_code == 404


def test_a_second_click_while_preparing_shows_the_same_download(two_people):
    client = two_people.alice_client
    first = client.post("/profile/data/downloads/")
    second = client.post("/profile/data/downloads/", follow=True)
    assert first["Location"] == second.redirect_chain[-1][0]
    assert DataExport.objects.filter(user=two_people.alice).count() == 1
    page = second.content.decode()
    assert "already being gathered" in page and 'http-equiv="refresh"' in page and "Check again" in page


def test_a_download_is_deleted_after_24_hours(two_people, django_capture_on_commit_callbacks):
    export, _ = download(two_people.alice_client, django_capture_on_commit_callbacks)
    export.refresh_from_db()
    store = storages["certificates"]
    assert store.exists(export.file_name)
    assert remove_expired_data_exports() == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=24, minutes=1)):
        response = two_people.alice_client.get(f"/profile/data/downloads/{export.pk}/file/")
        assert response.status_code == 302  # past its time: back to the page, which says so
        assert remove_expired_data_exports() == 1
        assert remove_expired_data_exports() == 0
    name = export.file_name
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not store.exists(name)
    assert "has been deleted" in two_people.alice_client.get(f"/profile/data/downloads/{export.pk}/").content.decode()


def test_each_download_of_the_zip_is_in_the_audit_trail(two_people, django_capture_on_commit_callbacks):
    download(two_people.alice_client, django_capture_on_commit_callbacks)
    entry = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert entry.user == two_people.alice
    assert entry.data == {"what": "Their own personal data", "format": "ZIP"}


def test_the_profile_page_links_to_your_data(two_people):
    page = two_people.alice_client.get("/profile/").content.decode()
    assert 'href="/profile/data/"' in page
