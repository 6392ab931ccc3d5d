"""The coordinators' bulk import of people: the dry run's preview (new, unchanged, failed, each
problem in words), a file with a bad row writes nothing, confirming makes accounts with a confirmed
membership and one invitation each, the same file again changes and sends nothing, the invitation
lets the person choose a password and sign in (once), formulas are refused, existing accounts are
never changed, and bad files get one clear message."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from lms.accounts.models import User
from lms.organisations.models import Membership, Organisation
from lms.organisations.user_import import CREATE_ACTION, MAX_ROWS
from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, MembershipFactory, OrganisationFactory, confirmed_member

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "files"
IMPORT = "/admin/people/import/"
CONFIRM = "/admin/people/import/confirm/"
HEADERS = ("email", "full_name", "job_role", "organisation", "district", "sector")


@pytest.fixture
def coordinator():
    return staff_client(Role.COORDINATOR)


@pytest.fixture
def organisations():
    return {
        "surgery": OrganisationFactory(name="Hightown Surgery"),
        "housing": OrganisationFactory(name="Riverside Housing"),
    }


def fixture_file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FILES / name).read_bytes(), content_type="text/csv")


def csv_file(rows, headers=HEADERS, name="people.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), content_type="text/csv")


def upload(client, file):
    response = client.post(IMPORT, {"file": file})
    assert response.status_code == 200
    return response


def counts_of(response) -> dict:
    return {key: int(value) for key, value in re.findall(r'data-count="(\w+)">(\d+)<', response.content.decode())}


def confirm(client, response, capture):
    with capture(execute=True):
        return client.post(CONFIRM, {"digest": response.context["confirm_form"].initial["digest"]}, follow=True)


def snapshot():
    return (
        list(User.objects.order_by("pk").values_list("pk", "email", "full_name", "job_role", "password",
                                                      "organisation_id")),
        list(Membership.objects.order_by("pk").values_list("pk", "user_id", "organisation_id", "status")),
        EmailAddress.objects.count(),
    )


def test_the_dry_run_of_a_good_file_shows_new_rows_and_writes_nothing(coordinator, organisations):
    before = snapshot()
    response = upload(coordinator, fixture_file("people_good.csv"))
    assert counts_of(response) == {"new": 3, "unchanged": 0, "failed": 0}
    page = response.content.decode()
    assert "All 3 rows of the file were checked" in page
    assert "Import 3 people and send their invitations" in page
    assert snapshot() == before
    assert mail.outbox == []


def test_a_file_with_bad_rows_writes_nothing_and_says_what_is_wrong_with_each(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    elsewhere = LearnerFactory(email="elsewhere@example.org")
    confirmed_member(elsewhere)  # a confirmed member of another organisation
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(coordinator, fixture_file("people_bad_rows.csv"))
    assert counts_of(response) == {"new": 1, "unchanged": 0, "failed": 6}
    page = response.content.decode()
    assert "cannot be imported, so nothing will be" in page
    assert "“not-an-email” is not an email address" in page
    assert "There is no confirmed organisation called “Nowhere Trust”" in page
    assert "carol@example.org is also on row 5: one row a person" in page
    assert "CAROL@example.org is also on row 4" in page
    assert "which a spreadsheet runs as a formula, so it is refused" in page
    assert f"already has an account and is a member of {elsewhere.organisation.name}" in page
    assert "An import never moves anyone" in page
    assert 'action="/admin/people/import/confirm/"' not in page
    assert snapshot() == before
    assert mail.outbox == []
    # Nothing was kept to confirm: a confirmation made up from the page imports nothing.
    refused = coordinator.post(CONFIRM, {"digest": response.context["confirm_form"].initial["digest"]})
    assert refused.status_code == 302
    assert snapshot() == before


def test_confirming_makes_accounts_with_a_confirmed_membership_and_one_invitation_each(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    response = upload(coordinator, fixture_file("people_good.csv"))
    done = confirm(coordinator, response, django_capture_on_commit_callbacks)
    assert "3 new accounts, each a confirmed member of their organisation, and 3 invitations queued" in \
        done.content.decode()

    asha = User.objects.get(email="asha.patel@example.org")
    tom = User.objects.get(email="tom.byrne@example.org")  # addresses are kept in lower case
    zofia = User.objects.get(email="zofia.nowak@example.org")
    assert (asha.full_name, asha.job_role, asha.district.name, asha.sector.name) == \
        ("Asha Patel", "Practice nurse", "Watford", "Health")
    assert tom.organisation == organisations["surgery"]  # found by its name, capitals and spaces aside
    assert tom.district is None and tom.sector is None
    assert zofia.organisation == organisations["housing"]
    for person in (asha, tom, zofia):
        assert not person.has_usable_password()  # nobody chose their password for them
        assert EmailAddress.objects.get(user=person).verified
        membership = Membership.objects.get(user=person)
        assert membership.status == Membership.Status.CONFIRMED
        assert membership.organisation == person.organisation
        assert membership.decided_by == coordinator.user
        entry = ModelLogEntry.objects.get(action=CREATE_ACTION, object_id=str(person.pk))
        assert entry.user == coordinator.user
        assert entry.data["file"] == "people_good.csv"
        assert ModelLogEntry.objects.filter(action="lms.membership.confirm", object_id=str(membership.pk)).exists()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in (asha, tom, zofia))
    invitation = next(message for message in mail.outbox if message.to == [asha.email])
    assert "Your account on the partnership's training site" in invitation.subject
    assert "Hello Asha Patel" in invitation.body
    assert "as a member of Hightown Surgery" in invitation.body
    assert "/accounts/password/reset/key/" in invitation.body
    assert "It works once, for 3 days" in invitation.body


def test_importing_the_same_file_again_changes_nothing_and_sends_nothing(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    confirm(coordinator, upload(coordinator, fixture_file("people_good.csv")), django_capture_on_commit_callbacks)
    first = snapshot()
    mail.outbox.clear()

    again = upload(coordinator, fixture_file("people_good.csv"))
    assert counts_of(again) == {"new": 0, "unchanged": 3, "failed": 0}
    assert "there is nothing to import, and no email will be sent" in again.content.decode()
    assert 'action="/admin/people/import/confirm/"' not in again.content.decode()
    refused = coordinator.post(CONFIRM, {"digest": again.context["confirm_form"].initial["digest"]}, follow=True)
    assert "no longer waiting to be imported" in refused.content.decode()
    assert snapshot() == first
    assert mail.outbox == []


def test_confirming_twice_imports_once(coordinator, organisations, django_capture_on_commit_callbacks):
    response = upload(coordinator, fixture_file("people_good.csv"))
    confirm(coordinator, response, django_capture_on_commit_callbacks)
    second = confirm(coordinator, response, django_capture_on_commit_callbacks)
    assert "no longer waiting to be imported" in second.content.decode()
    assert User.objects.filter(email__endswith="@example.org", memberships__organisation__in=organisations.values()) \
        .count() == 3
    assert len(mail.outbox) == 3


def test_someone_who_signs_up_between_the_check_and_the_import_stops_the_whole_import(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    response = upload(coordinator, fixture_file("people_good.csv"))
    LearnerFactory(email="zofia.nowak@example.org", full_name="Zofia N")
    before = snapshot()
    done = confirm(coordinator, response, django_capture_on_commit_callbacks)
    assert "nothing was imported" in done.content.decode()
    assert snapshot() == before
    assert User.objects.get(email="zofia.nowak@example.org").full_name == "Zofia N"
    assert mail.outbox == []


def _invitation_link(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", body).group(1)


def test_the_invitation_lets_the_person_choose_a_password_and_sign_in_once(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    confirm(coordinator, upload(coordinator, fixture_file("people_good.csv")), django_capture_on_commit_callbacks)
    invitation = next(message for message in mail.outbox if message.to == ["asha.patel@example.org"])
    link = _invitation_link(invitation.body)

    person = Client()
    opened = person.get(link)
    assert opened.status_code == 302  # allauth moves the key out of the address
    form_url = opened["Location"]
    assert person.get(form_url).status_code == 200
    chosen = "a-sturdy-new-passphrase-2026"
    with django_capture_on_commit_callbacks(execute=True):
        done = person.post(form_url, {"password1": chosen, "password2": chosen})
    assert done.status_code == 302
    asha = User.objects.get(email="asha.patel@example.org")
    assert asha.check_password(chosen)

    signed_in = Client()
    response = signed_in.post("/accounts/login/", {"login": "asha.patel@example.org", "password": chosen})
    assert response.status_code == 302
    assert "/accounts/confirm-email/" not in response["Location"]  # the address counts as verified
    assert signed_in.get("/profile/").status_code == 200

    # The link has done its work: it cannot set another password.
    again = Client().get(link, follow=True)
    assert "This link cannot be used" in again.content.decode()
    asha.refresh_from_db()
    assert asha.check_password(chosen)


def test_the_invitation_is_not_sent_to_someone_who_has_a_password_by_then(organisations):
    from lms.organisations.user_import import send_invitation

    person = LearnerFactory()
    assert send_invitation.call(person.pk) is False
    assert mail.outbox == []


def test_an_existing_confirmed_member_is_left_as_they_are(coordinator, organisations):
    member = LearnerFactory(email="asha.patel@example.org", full_name="Asha P", job_role="Nurse")
    confirmed_member(member, organisations["surgery"])
    response = upload(coordinator, fixture_file("people_good.csv"))
    assert counts_of(response) == {"new": 2, "unchanged": 1, "failed": 0}
    assert "The table leaves out the 1 row that would change nothing" in response.content.decode()


def test_existing_accounts_without_a_confirmed_membership_there_are_refused_with_what_to_do(
    coordinator, organisations,
):
    asking = LearnerFactory(email="asking@example.org", organisation=organisations["surgery"])
    MembershipFactory(user=asking, organisation=organisations["surgery"])
    LearnerFactory(email="loner@example.org", organisation=None)
    closed = LearnerFactory(email="closed@example.org", is_active=False)
    confirmed_member(closed)
    before = snapshot()
    response = upload(coordinator, csv_file([
        ["asking@example.org", "Asking Person", "", "Hightown Surgery", "", ""],
        ["loner@example.org", "Lone Person", "", "Hightown Surgery", "", ""],
        ["closed@example.org", "Closed Person", "", "Hightown Surgery", "", ""],
    ]))
    page = response.content.decode()
    assert counts_of(response) == {"new": 0, "unchanged": 0, "failed": 3}
    assert "has asked to join Hightown Surgery. Confirm their request under Memberships" in page
    assert "with no confirmed organisation. An import never changes an existing account" in page
    assert "which is closed" in page
    assert snapshot() == before


def test_formula_text_is_refused_and_names_follow_the_sites_name_rule(coordinator, organisations):
    response = upload(coordinator, csv_file([
        ["plus@example.org", "Plus Person", "@job", "Hightown Surgery", "", ""],
    ]))
    assert counts_of(response)["failed"] == 1
    page = response.content.decode()
    assert "“@job” starts with “@”, which a spreadsheet runs as a formula, so it is refused. Remove the “@”." in page
    assert "Remove the “@”; or" not in page  # an apostrophe would not help: a job title never starts so

    # Marked as text with an apostrophe, it is still not a name or a job title: certificates and
    # leads' reports print them, and every other form that sets them refuses the same.
    before = snapshot()
    response = upload(coordinator, csv_file([
        ["plus@example.org", "'+Plus Person", "Nurse", "Hightown Surgery", "", ""],
        ["link@example.org", """'=HYPERLINK("http://evil.example","Click")""", "'=1+1", "Hightown Surgery", "", ""],
    ]))
    page = response.content.decode()
    assert counts_of(response) == {"new": 0, "unchanged": 0, "failed": 2}
    assert "The full name can only include letters, spaces, hyphens, apostrophes and full stops." in page
    assert "The job role must start with a letter or number." in page
    assert snapshot() == before


def test_an_excel_workbook_imports_and_a_formula_cell_is_that_rows_error(
    coordinator, organisations, django_capture_on_commit_callbacks,
):
    book = Workbook()
    book.active.append(list(HEADERS))
    book.active.append(["xl@example.org", "Excel Person", "Porter", "Riverside Housing", "Dacorum", "housing"])
    book.active.append(["formula@example.org", "=A2", "", "Riverside Housing", "", ""])
    output = io.BytesIO()
    book.save(output)
    response = upload(coordinator, SimpleUploadedFile("people.xlsx", output.getvalue()))
    assert counts_of(response) == {"new": 1, "unchanged": 0, "failed": 1}
    assert "“=A2” starts with “=”" in response.content.decode()

    book.active.delete_rows(3)
    output = io.BytesIO()
    book.save(output)
    confirm(coordinator, upload(coordinator, SimpleUploadedFile("people.xlsx", output.getvalue())),
            django_capture_on_commit_callbacks)
    person = User.objects.get(email="xl@example.org")
    assert (person.district.name, person.sector.name) == ("Dacorum", "Housing")
    assert len(mail.outbox) == 1


def test_unconfirmed_organisations_and_unknown_districts_are_row_errors(coordinator, organisations):
    OrganisationFactory(name="Proposed Place", status=Organisation.Status.PENDING)
    response = upload(coordinator, csv_file([
        ["a@example.org", "A Person", "", "Proposed Place", "", ""],
        ["b@example.org", "B Person", "", "Hightown Surgery", "Atlantis", "Spaceflight"],
        ["c@example.org", "", "", "", "", ""],
    ]))
    page = response.content.decode()
    assert counts_of(response)["failed"] == 3
    assert "“Proposed Place” waits for a coordinator to confirm it" in page
    assert "There is no district “Atlantis”" in page
    assert "There is no sector “Spaceflight”" in page
    assert "Enter the person’s full name" in page
    assert "Enter the organisation, by its name" in page


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"", "people.csv", "The file you chose is empty."),
    (b"email,full_name\r\na@example.org,A\r\n", "people.csv", "it has no column “organisation”"),
    (b"email,full_name,organisation,password\r\na@example.org,A,B\r\n", "people.csv",
     "these columns are not ones we know: “password”"),
    (b"email,full_name,organisation\r\n", "people.csv", "The file has headings but no people."),
    ("email,full_name,organisation\r\nzoë@example.org,Zoë,B\r\n".encode("latin-1"), "people.csv",
     "The file is not in UTF-8"),
    (b"not a workbook", "people.xlsx", "is not an Excel workbook (.xlsx) that can be read"),
    (b"a,b", "people.txt", "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."),
])
def test_a_file_that_cannot_be_read_gets_one_clear_message(coordinator, content, name, message):
    response = upload(coordinator, SimpleUploadedFile(name, content))
    assert message in response.content.decode()
    assert "Check before importing" not in response.content.decode()


def test_a_file_over_the_row_cap_is_refused_with_the_cap_in_the_message(coordinator, organisations):
    rows = [[f"p{n}@example.org", f"Person {n}", "", "Hightown Surgery", "", ""] for n in range(MAX_ROWS + 1)]
    before = snapshot()
    response = upload(coordinator, csv_file(rows))
    assert f"The file has more than {MAX_ROWS:,} people. Split it into smaller files" in response.content.decode()
    assert snapshot() == before


def test_the_template_has_the_headings_and_an_example_row(coordinator):
    response = coordinator.get("/admin/people/import/template.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(HEADERS)
    assert "attachment" in response["Content-Disposition"]


def sidebar(client) -> str:
    page = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page, re.S)
    return json.dumps(json.loads(props.group(1))) if props else page


def test_the_page_and_menu_are_for_coordinators_only(coordinator):
    page = coordinator.get(IMPORT)
    assert page.status_code == 200
    assert "Download the template file (CSV)" in page.content.decode()
    assert '"Import people"' in sidebar(coordinator) and "/admin/people/import/" in sidebar(coordinator)
    editor = staff_client(Role.EDITOR)
    assert "/admin/people/import/" not in sidebar(editor)
    assert editor.post(IMPORT, {"file": csv_file([])}).status_code in (302, 403)
