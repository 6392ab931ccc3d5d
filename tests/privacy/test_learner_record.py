"""The learner record in the admin: coordinators find a person by name or email, and see their
modules, attempts, certificates, champion status and history on one page, logged each time."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lms.demo.two_factor import set_up_totp
from lms.learning.models import Attempt
from lms.privacy.admin_views import SEARCH_SESSION_KEY
from lms.privacy.erasure import erase_account
from lms.privacy.learner_record import RECORD_VIEWED
from lms.site.audit import log_export, log_import
from lms.site.roles import Role
from tests.conftest import TOTP_SECRET, sign_in_with_mfa, staff_client
from tests.factories import AttemptFactory, CertificateFactory, LearnerFactory

pytestmark = pytest.mark.django_db


def search(client, query):
    """Post a search as the form does; returns the results page it leads to."""
    response = client.post("/admin/people/", {"query": query, "action": "search"})
    if response.status_code != 302:
        return response
    assert response["Location"] == "/admin/people/"  # the query is never put in the address
    return client.get(response["Location"])


@pytest.fixture
def coordinator_client(db):
    return staff_client(Role.COORDINATOR)


def test_search_finds_people_by_part_of_their_name_or_email(two_people, coordinator_client):
    alice, bob = two_people.alice, two_people.bob
    for query, found, not_found in (
        ("quennell", alice, bob),
        ("QUENNELL-ash", alice, bob),
        ("Alice Ashdown", alice, bob),          # every word, in any order
        ("bartholomew.oyel", bob, alice),
        ("oyelaran@example", bob, alice),
    ):
        page = search(coordinator_client, query).content.decode()
        assert f"/admin/people/{found.pk}/" in page, query
        assert f"/admin/people/{not_found.pk}/" not in page, query
        assert "1 person found" in page


def test_search_finds_no_one_for_nonsense_and_says_so(two_people, coordinator_client):
    for query in ("zqxv", "Alice Oyelaran", "quennellx"):
        page = search(coordinator_client, query).content.decode()
        assert f"No one found for “{query}”" in page, query
        assert f"/admin/people/{two_people.alice.pk}/" not in page


def test_a_search_too_short_or_empty_is_refused_with_a_message_and_forgets_the_last(two_people, coordinator_client):
    search(coordinator_client, "quennell")
    for query, message in (("al", "Enter at least 3 letters or digits"), ("  ", "Enter a name or an email address"),
                           ("a.@", "Enter at least 3 letters or digits"),
                           # Three letters in all, but no word narrows the search.
                           ("a b c", "Enter at least 3 letters or digits"),
                           ("alice " * 11, "Enter 10 words or fewer")):
        response = coordinator_client.post("/admin/people/", {"query": query})
        assert response.status_code == 400
        page = response.content.decode()
        assert message in page and "There is a problem" in page
        assert f"/admin/people/{two_people.alice.pk}/" not in page
    assert SEARCH_SESSION_KEY not in coordinator_client.session


def test_search_results_come_in_pages_of_twenty(db, coordinator_client):
    for number in range(23):
        LearnerFactory(full_name=f"Pagination Person {number:02d}", email=f"paginated{number:02d}@example.org")
    first = search(coordinator_client, "pagination person").content.decode()
    assert "23 people found" in first and "Page 1 of 2" in first
    assert "Pagination Person 00" in first and "Pagination Person 22" not in first
    second = coordinator_client.get("/admin/people/?p=2").content.decode()
    assert "Pagination Person 22" in second and "Pagination Person 00" not in second


def test_clearing_the_search_forgets_it(two_people, coordinator_client):
    search(coordinator_client, "quennell")
    coordinator_client.post("/admin/people/", {"action": "clear"})
    page = coordinator_client.get("/admin/people/").content.decode()
    assert f"/admin/people/{two_people.alice.pk}/" not in page and "quennell" not in page


def test_the_record_shows_the_persons_training_and_nobody_elses(two_people, coordinator_client):
    alice, bob = two_people.alice, two_people.bob
    response = coordinator_client.get(f"/admin/people/{alice.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    certificate = alice.certificates.get()
    for shown in (alice.email, "Oakfield Surgery", "Riverside Housing", "Recognising coercive control",
                  "2 of 2", certificate.code, "Passed", "100%", "Current", alice.champion.tier.name,
                  alice.champion.get_status_display(), "White Ribbon", "Membership confirmed",
                  "Protection orders update", "Answered"):
        assert shown in page, shown
    assert f"/admin/certificates/inspect/{certificate.pk}/" in page
    assert f"/admin/champions/inspect/{alice.champion.pk}/" in page
    # Bob is named only as the lead who confirmed her membership: nothing of his own records.
    for hidden in (bob.email, bob.certificates.get().code, f"/admin/champions/inspect/{bob.champion.pk}/",
                   "Bartholomew Oyelaran's statement", "Alice Quennell-Ashdown reflects",
                   # Her follow-up's answers are hers: the record says only that she answered.
                   "used it"):
        assert hidden not in page, hidden


def test_every_view_of_a_record_is_logged_once_and_is_not_a_change_in_its_history(two_people, coordinator_client):
    alice = two_people.alice
    for expected in (1, 2):
        page = coordinator_client.get(f"/admin/people/{alice.pk}/").content.decode()
        views = ModelLogEntry.objects.filter(action=RECORD_VIEWED, object_id=str(alice.pk))
        assert views.count() == expected
    entry = views.first()
    assert entry.user == coordinator_client.user
    assert entry.message == "Viewed the learner record of Alice Quennell-Ashdown"
    assert "Viewed the learner record" not in page
    assert not ModelLogEntry.objects.filter(action=RECORD_VIEWED, object_id=str(two_people.bob.pk)).exists()


def test_the_history_is_newest_first_in_pages(two_people, coordinator_client):
    alice = two_people.alice
    for _ in range(25):
        log(alice, "lms.profile.update", user=alice)
    log(alice, "lms.membership.leave", user=alice)
    first = coordinator_client.get(f"/admin/people/{alice.pk}/").content.decode()
    history = first[first.index('id="history"'):]
    assert history.index("Left an organisation") < history.index("Profile updated")
    assert "Page 1 of 2" in history
    second = coordinator_client.get(f"/admin/people/{alice.pk}/?p=2").content.decode()
    assert "Page 2 of 2" in second and "Left an organisation" not in second[second.index('id="history"'):]


def queries_for_record(client, person) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/admin/people/{person.pk}/").status_code == 200
    return len(queries)


def test_the_record_costs_the_same_queries_with_more_attempts_and_history(two_people, coordinator_client):
    alice = two_people.alice
    quiz = two_people.module.quiz
    queries_for_record(coordinator_client, alice)  # caches warmed (content types, site)
    few = queries_for_record(coordinator_client, alice)
    for _ in range(15):
        attempt = AttemptFactory(user=alice, quiz=quiz)
        Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.SUBMITTED, score=40, passed=False)
        log(alice, "lms.profile.update", user=alice)
    assert queries_for_record(coordinator_client, alice) == few


def test_an_erased_or_unknown_person_has_no_record(two_people, coordinator_client):
    erase_account(two_people.bob, reason="test")
    assert coordinator_client.get(f"/admin/people/{two_people.bob.pk}/").status_code == 404
    assert coordinator_client.get("/admin/people/999999/").status_code == 404
    assert "/admin/people/" not in search(coordinator_client, "erased").content.decode().split("</form>")[1]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.REVIEWER])
def test_editors_moderators_and_reviewers_are_turned_away(two_people, role):
    client = staff_client(role)
    for response in (client.get("/admin/people/"), client.get(f"/admin/people/{two_people.alice.pk}/"),
                     client.post("/admin/people/", {"query": "quennell"})):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ModelLogEntry.objects.filter(action=RECORD_VIEWED).exists()


def test_a_module_known_only_from_a_certificate_says_so_rather_than_not_started(two_people, coordinator_client):
    certificate = CertificateFactory(user=two_people.alice, module_title="Imported module")
    page = coordinator_client.get(f"/admin/people/{two_people.alice.pk}/").content.decode()
    modules = page[page.index('id="modules"'):page.index('id="attempts"')]
    assert certificate.module.title in modules and "Not recorded" in modules
    assert f"Certificate issued {certificate.issued_on:%-d %b %Y}" in modules


def test_search_results_cost_the_same_queries_for_two_people_or_twenty(db, coordinator_client):
    def queries_for_search() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert "people found" in coordinator_client.get("/admin/people/").content.decode()
        return len(queries)

    for number in range(2):
        LearnerFactory(full_name=f"Counted Person {number}")
    search(coordinator_client, "counted person")
    queries_for_search()
    few = queries_for_search()
    for number in range(2, 20):
        LearnerFactory(full_name=f"Counted Person {number}")
    assert queries_for_search() == few


def test_the_champion_page_and_the_users_list_link_to_the_record(two_people, db):
    alice = two_people.alice
    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    champion_page = client.get(f"/admin/champions/inspect/{alice.champion.pk}/").content.decode()
    assert f'href="/admin/people/{alice.pk}/"' in champion_page
    users = client.get("/admin/users/", {"q": "quennell"}).content.decode()
    assert f'href="/admin/people/{alice.pk}/"' in users and "Learner record" in users


def test_the_record_says_whether_confidence_was_rated_but_never_the_rating(two_people, coordinator_client):
    """Learners are told only they see their own ratings: the record shows that one was given."""
    alice = two_people.alice
    rating = alice.confidence_ratings.get(stage="after")
    page = coordinator_client.get(f"/admin/people/{alice.pk}/").content.decode()
    assert "Rated" in page
    assert f"<td>{rating.average}" not in page


def test_a_staff_members_own_exports_and_imports_stay_out_of_their_record(two_people, coordinator_client):
    """What a coordinator exported (with its filters) is for the administrators' audit trail, not
    for another coordinator reading their record."""
    colleague = LearnerFactory(roles=[Role.COORDINATOR], full_name="Colleague Coordinator")
    log_export(colleague, what="Audit trail", file_format="csv", rows=0, filters={"Search": "Qasim"})
    log_import(colleague, what="People", file_name="qasim-team.csv", created=3)
    page = coordinator_client.get(f"/admin/people/{colleague.pk}/").content.decode()
    assert "Qasim" not in page and "Exported" not in page and "imported" not in page.lower()
