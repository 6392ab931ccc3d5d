"""The same spreadsheet imported by several requests at the same instant on PostgreSQL: one
coordinator's double (or triple) click on "Import", and several coordinators confirming the same
file they each checked. Each import (people, White Ribbon organisations, champions) writes its
rows once and logs one run; every other request is refused with a message that says nothing was
imported, never a 500, and never half a file.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from functools import partial

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from champions.models import Champion, StatusChange
from champions.services import STATUS_ACTION
from champions.whiteribbon.models import AccreditationCycle, StageChange
from champions.whiteribbon.resources import COLUMNS as ORGANISATION_COLUMNS
from lms.accounts.models import User
from lms.organisations.models import Membership, Organisation
from lms.site.audit import IMPORT_ACTION
from lms.site.roles import Role
from tests.concurrency.racing import CONCURRENT, RACERS, ROUNDS, no_errors, race, shared_session
from tests.conftest import staff_client
from tests.factories import AccreditationCycleFactory, ChampionFactory, LearnerFactory, OrganisationFactory

pytestmark = CONCURRENT

S = AccreditationCycle.Stage


@pytest.fixture
def coordinators():
    """Several coordinators, each signed in (password and code) in their own browser."""
    return [staff_client(Role.COORDINATOR) for _ in range(RACERS)]


def csv_file(name: str, headers, rows) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return SimpleUploadedFile(name, ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv")


@dataclass(frozen=True)
class Importer:
    """One of the admin's imports: where the file goes, and what its pages say."""

    upload: str
    confirm: str
    imported: str  # the success message begins so
    refusals: tuple[str, ...]  # one of these, when nothing was imported


PEOPLE = Importer(
    upload="/admin/people/import/", confirm="/admin/people/import/confirm/", imported="Imported “people.csv”",
    refusals=("Accounts or memberships changed since you checked the file",
              "That file is no longer waiting to be imported"),
)
ORGANISATIONS = Importer(
    upload="/admin/white-ribbon/import/", confirm="/admin/white-ribbon/import/confirm/",
    imported="Imported “organisations.csv”",
    refusals=("The records changed since you checked the file", "That file is no longer waiting to be imported"),
)
CHAMPIONS = Importer(
    upload="/admin/champions/import/", confirm="/admin/champions/import/confirm/", imported="Imported: ",
    refusals=("Some rows could no longer be imported", "The records changed since you checked the file",
              "That file is no longer waiting to be imported"),
)


def checked(client, importer: Importer, file) -> str:
    """Upload the file for its dry run, as the coordinator does first; the digest to confirm it with."""
    response = client.post(importer.upload, {"file": file})
    assert response.status_code == 200
    assert response.context["can_confirm"], response.content.decode()[:3000]
    return response.context["confirm_form"].initial["digest"]


def text_of(response) -> str:
    return response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”").replace("&#x27;", "'")


def confirm_at_once(importer: Importer, clients_and_digests) -> list:
    """Every client confirms its checked file at the same instant; the pages they end on."""
    return no_errors(race(*[
        partial(client.post, importer.confirm, {"digest": digest}, follow=True)
        for client, digest in clients_and_digests
    ]))


def assert_one_import(importer: Importer, pages, *, messages_shown: bool = True) -> None:
    """Every request ended on a page (no 500); with a session each, one says the file was
    imported and every other one says nothing was."""
    assert {page.status_code for page in pages} == {200}
    if not messages_shown:
        return  # one browser's clicks share one session, and so its messages: the data tells
    texts = [text_of(page) for page in pages]
    said = [("imported" if importer.imported in text else "") + ("refused" if any(
        refusal in text for refusal in importer.refusals) else "") or "neither" for text in texts]
    assert sorted(said) == ["imported"] + ["refused"] * (len(pages) - 1), said


def import_runs(what: str) -> int:
    return sum(entry.data.get("what") == what for entry in ModelLogEntry.objects.filter(action=IMPORT_ACTION))


# People ---------------------------------------------------------------------------------------


def people_file(round_: int, organisation: Organisation) -> SimpleUploadedFile:
    rows = [[f"person{n}.round{round_}@example.org", f"Sam Okafor {'I' * (n + 1)}", "Practice nurse",
             organisation.name, "Watford", "Health"] for n in range(3)]
    return csv_file("people.csv", ("email", "full_name", "job_role", "organisation", "district", "sector"), rows)


def assert_people_imported_once(round_: int, organisation: Organisation, runs_before: int) -> None:
    people = User.objects.filter(email__endswith=f".round{round_}@example.org")
    assert people.count() == 3
    assert Membership.objects.filter(user__in=people, organisation=organisation,
                                     status=Membership.Status.CONFIRMED).count() == 3
    invitations = Counter(message.to[0] for message in mail.outbox)
    assert {person.email: invitations[person.email] for person in people} == {person.email: 1 for person in people}
    assert import_runs("People") == runs_before + 1


@pytest.mark.parametrize("who", ["one coordinator clicking several times", "several coordinators"])
def test_the_same_people_file_imported_at_once_makes_each_account_once(coordinators, who):
    organisation = OrganisationFactory(name="Hightown Surgery")
    for round_ in range(ROUNDS):
        mail.outbox.clear()
        runs = import_runs("People")
        if who == "several coordinators":
            pairs = [(client, checked(client, PEOPLE, people_file(round_, organisation))) for client in coordinators]
        else:
            digest = checked(coordinators[0], PEOPLE, people_file(round_, organisation))
            pairs = [(click, digest) for click in shared_session(coordinators[0], RACERS)]

        pages = confirm_at_once(PEOPLE, pairs)

        assert_one_import(PEOPLE, pages, messages_shown=who == "several coordinators")
        assert_people_imported_once(round_, organisation, runs)


# White Ribbon organisations -----------------------------------------------------------------


def organisations_file(round_: int, existing: Organisation) -> SimpleUploadedFile:
    def row(name, **cells):
        values = dict.fromkeys(ORGANISATION_COLUMNS, "")
        values.update({"name": name, "type": "Community group", "district": "Watford"}, **cells)
        return [values[column] for column in ORGANISATION_COLUMNS]

    rows = [row(f"Round {round_} Pharmacy {n}", white_ribbon_track="Accreditation", white_ribbon_stage="Committed",
                lead_contact_name="Sam Okafor", lead_contact_email=f"lead{n}.round{round_}@example.org")
            for n in range(2)]
    rows.append(row(existing.name, type=existing.get_kind_display(), district=existing.district.name,
                    sector=existing.sector.name, white_ribbon_track="Accreditation", white_ribbon_stage="Committed"))
    return csv_file("organisations.csv", ORGANISATION_COLUMNS, rows)


def assert_organisations_imported_once(round_: int, existing_cycle: AccreditationCycle, runs_before: int) -> None:
    new = Organisation.objects.filter(name__startswith=f"Round {round_} Pharmacy")
    assert new.count() == 2
    for organisation in new:
        cycle = AccreditationCycle.objects.get(organisation=organisation)  # one each
        assert cycle.stage == S.COMMITTED
        assert StageChange.objects.filter(cycle=cycle).count() == 1
    existing_cycle.refresh_from_db()
    assert existing_cycle.stage == S.COMMITTED
    assert list(StageChange.objects.filter(cycle=existing_cycle).values_list("from_stage", "to_stage")) == [
        (S.INTERESTED, S.COMMITTED)]
    assert AccreditationCycle.objects.filter(organisation=existing_cycle.organisation).count() == 1
    assert import_runs("White Ribbon organisations") == runs_before + 1


@pytest.mark.parametrize("who", ["one coordinator clicking several times", "several coordinators"])
def test_the_same_organisations_file_imported_at_once_writes_each_organisation_and_stage_once(coordinators, who):
    for round_ in range(ROUNDS):
        cycle = AccreditationCycleFactory(stage=S.INTERESTED, organisation=OrganisationFactory(
            name=f"Round {round_} Housing Trust"))
        runs = import_runs("White Ribbon organisations")
        if who == "several coordinators":
            pairs = [(client, checked(client, ORGANISATIONS, organisations_file(round_, cycle.organisation)))
                     for client in coordinators]
        else:
            digest = checked(coordinators[0], ORGANISATIONS, organisations_file(round_, cycle.organisation))
            pairs = [(click, digest) for click in shared_session(coordinators[0], RACERS)]

        pages = confirm_at_once(ORGANISATIONS, pairs)

        assert_one_import(ORGANISATIONS, pages, messages_shown=who == "several coordinators")
        assert_organisations_imported_once(round_, cycle, runs)


# Champions --------------------------------------------------------------------------------------

CHAMPION_HEADERS = ("email", "tier", "organisation", "districts", "sector", "specialisms", "languages",
                    "availability", "visibility", "line_manager_name", "line_manager_email", "status", "approved_on")


def champions_file(people, organisation: Organisation) -> SimpleUploadedFile:
    def row(person, status):
        return [person.email, "community", organisation.name, "Stevenage; North Hertfordshire", "Housing",
                "Domestic abuse", "Polish", "Weekdays, within two days", "champions", "Morgan Manager",
                "morgan.manager@example.org", status, "2024-05-01"]

    return csv_file("champions.csv", CHAMPION_HEADERS, [
        row(people["new"][0], "active"), row(people["new"][1], "active"), row(people["existing"], "paused"),
    ])


def assert_champions_imported_once(people, runs_before: int) -> None:
    for person in people["new"]:
        champion = Champion.objects.get(user=person)  # one each
        assert champion.status == Champion.Status.ACTIVE
        assert list(StatusChange.objects.filter(champion=champion).values_list("from_status", "to_status")) == [
            ("", Champion.Status.ACTIVE)]
    existing = Champion.objects.get(user=people["existing"])
    assert existing.status == Champion.Status.PAUSED
    # Paused once: one entry in its history, and one in the audit trail.
    assert list(StatusChange.objects.filter(champion=existing).values_list("from_status", "to_status")) == [
        (Champion.Status.ACTIVE, Champion.Status.PAUSED)]
    assert ModelLogEntry.objects.filter(action=STATUS_ACTION, object_id=str(existing.pk)).count() == 1
    assert import_runs("Champions") == runs_before + 1


@pytest.mark.parametrize("who", ["one coordinator clicking several times", "several coordinators"])
def test_the_same_champions_file_imported_at_once_writes_each_champion_and_status_once(coordinators, who):
    organisation = OrganisationFactory(name="Stevenage Borough Council")
    for _round in range(ROUNDS):
        people = {"new": [LearnerFactory(), LearnerFactory()], "existing": ChampionFactory().user}
        runs = import_runs("Champions")
        if who == "several coordinators":
            pairs = [(client, checked(client, CHAMPIONS, champions_file(people, organisation)))
                     for client in coordinators]
        else:
            digest = checked(coordinators[0], CHAMPIONS, champions_file(people, organisation))
            pairs = [(click, digest) for click in shared_session(coordinators[0], RACERS)]

        pages = confirm_at_once(CHAMPIONS, pairs)

        assert_one_import(CHAMPIONS, pages, messages_shown=who == "several coordinators")
        assert_champions_imported_once(people, runs)


# Files that only change records already there ------------------------------------------------


def organisation_row(organisation: Organisation, **cells) -> list[str]:
    """The organisation as the file lists it, with `cells` changed."""
    values = dict.fromkeys(ORGANISATION_COLUMNS, "")
    values.update(name=organisation.name, type=organisation.get_kind_display(), district=organisation.district.name,
                  sector=organisation.sector.name, **cells)
    return [values[column] for column in ORGANISATION_COLUMNS]


def test_the_same_champion_changes_imported_at_once_by_several_coordinators_change_each_status_once(coordinators):
    organisation = OrganisationFactory(name="Stevenage Borough Council")
    for _round in range(ROUNDS):
        people = [ChampionFactory().user for _ in range(2)]
        runs = import_runs("Champions")
        file_rows = [[person.email, "community", organisation.name, "Stevenage", "Housing", "Domestic abuse", "",
                      "Weekdays, within two days", "champions", "Morgan Manager", "morgan.manager@example.org",
                      "paused", "2024-05-01"] for person in people]
        pairs = [(client, checked(client, CHAMPIONS, csv_file("champions.csv", CHAMPION_HEADERS, file_rows)))
                 for client in coordinators]

        pages = confirm_at_once(CHAMPIONS, pairs)

        assert_one_import(CHAMPIONS, pages)
        for person in people:
            champion = Champion.objects.get(user=person)
            assert champion.status == Champion.Status.PAUSED
            assert StatusChange.objects.filter(champion=champion).count() == 1
            assert ModelLogEntry.objects.filter(action=STATUS_ACTION, object_id=str(champion.pk)).count() == 1
        assert import_runs("Champions") == runs + 1


def test_the_same_organisation_changes_imported_at_once_by_several_coordinators_are_made_once(coordinators):
    from champions.whiteribbon.resources import IMPORT_ACTION as ROW_ACTION

    for round_ in range(ROUNDS):
        organisations = [OrganisationFactory(name=f"Round {round_} Library {n}") for n in range(2)]
        runs = import_runs("White Ribbon organisations")

        rows = [organisation_row(organisation, website=f"https://round{round_}.example.org")
                for organisation in organisations]
        pairs = [(client, checked(client, ORGANISATIONS, csv_file("organisations.csv", ORGANISATION_COLUMNS, rows)))
                 for client in coordinators]

        pages = confirm_at_once(ORGANISATIONS, pairs)

        assert_one_import(ORGANISATIONS, pages)
        for organisation in organisations:
            organisation.refresh_from_db()
            assert organisation.website == f"https://round{round_}.example.org"
            # One change, so one entry in the organisation's history.
            assert ModelLogEntry.objects.filter(
                action=ROW_ACTION, content_type__model="organisation", object_id=str(organisation.pk),
            ).count() == 1
        assert import_runs("White Ribbon organisations") == runs + 1
