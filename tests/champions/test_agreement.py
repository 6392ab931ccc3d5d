"""The line manager's agreement at /champions/agreement/<token>/: no account, the signed link is the key."""

import datetime
import time
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client

from champions.models import Champion, StatusChange
from champions.services import agreement_token, record_manager_agreement
from champions.views.apply import MANAGER_DID_NOT_AGREE
from tests.factories import ChampionFactory, LearnerFactory

pytestmark = pytest.mark.django_db

S = Champion.Status


@pytest.fixture
def applicant():
    """An application waiting for the line manager, Morgan Reed."""
    return ChampionFactory(
        user=LearnerFactory(full_name="Priya Shah", job_role="Ward sister"),
        status=S.APPLIED, manager_agreed_at=None, approved_at=None,
        line_manager_name="Morgan Reed", line_manager_email="morgan.reed@example.org",
    )


def link(champion) -> str:
    return f"/champions/agreement/{agreement_token(champion)}/"


@pytest.fixture
def answer(django_capture_on_commit_callbacks):
    """The manager presses a button: a POST with `decision`, running what waits for the commit."""

    def post(path, decision, client=None):
        with django_capture_on_commit_callbacks(execute=True):
            return (client or Client()).post(path, {"decision": decision})

    return post


def assert_not_valid(response):
    assert response.status_code == 404
    page = response.content.decode()
    assert "This link does not work" in page
    assert "Exit this page" in page  # the site's own layout, with the quick exit
    assert "Priya Shah" not in page


def test_the_page_shows_who_applied_for_what_and_the_time_without_their_email(applicant):
    response = Client().get(link(applicant))
    page = response.content.decode()
    assert response.status_code == 200
    for shown in ("Priya Shah", "Ward sister", applicant.organisation.name, applicant.tier.name,
                  applicant.tier.time_commitment, "Champions are not specialists"):
        assert shown in page
    assert applicant.user.email not in page
    assert "I agree to this time" in page and "I do not agree" in page


def test_the_page_is_never_cached_nor_indexed(applicant):
    response = Client().get(link(applicant))
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_agreeing_records_it_once_however_many_clicks(applicant, answer):
    path = link(applicant)
    client = Client()
    first = answer(path, "agree", client)
    second = answer(path, "agree", client)
    assert first.status_code == second.status_code == 200
    assert "You agreed to Priya Shah’s time as a champion" in second.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == S.MANAGER_AGREED
    assert applicant.manager_agreed_at is not None and applicant.manager_agreement_recorded_by is None
    history = StatusChange.objects.filter(champion=applicant, to_status=S.MANAGER_AGREED)
    assert history.count() == 1
    assert history.get().by is None and "Morgan Reed agreed" in history.get().reason


def test_once_answered_the_link_no_longer_opens_the_application(applicant, answer):
    path = link(applicant)
    answer(path, "agree")
    assert_not_valid(Client().get(path))
    # Nor can the answer be changed by replaying the other button.
    assert_not_valid(answer(path, "confirm-disagree"))
    applicant.refresh_from_db()
    assert applicant.status == S.MANAGER_AGREED


def test_saying_no_asks_first_and_changes_nothing_until_confirmed(applicant, answer):
    response = answer(link(applicant), "disagree")
    assert response.status_code == 200
    assert "Are you sure you do not agree" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == S.APPLIED
    assert mail.outbox == []


def test_confirming_no_closes_the_application_and_tells_the_applicant(applicant, answer):
    path = link(applicant)
    response = answer(path, "confirm-disagree")
    assert "You did not agree" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == S.DECLINED
    change = StatusChange.objects.get(champion=applicant, to_status=S.DECLINED)
    assert change.by is None and change.reason == MANAGER_DID_NOT_AGREE
    [message] = mail.outbox
    assert message.to == [applicant.user.email]
    assert "Morgan Reed" in message.body and "apply again" in message.body
    # A second click shows the same answer and records nothing more.
    again = answer(path, "confirm-disagree")
    assert again.status_code == 200 and "You did not agree" in again.content.decode()
    assert StatusChange.objects.filter(champion=applicant, to_status=S.DECLINED).count() == 1
    assert len(mail.outbox) == 1


def test_an_answer_that_is_not_one_of_the_buttons_changes_nothing(applicant, answer):
    response = answer(link(applicant), "approve")
    assert response.status_code == 400
    assert "Choose whether you agree to this time" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == S.APPLIED


def test_an_expired_link_does_not_work(applicant):
    days = settings.CHAMPION_AGREEMENT_LINK_DAYS
    long_ago = time.time() - datetime.timedelta(days=days, hours=1).total_seconds()
    with mock.patch("time.time", return_value=long_ago):
        expired = link(applicant)
    nearly = time.time() - datetime.timedelta(days=days - 1).total_seconds()
    with mock.patch("time.time", return_value=nearly):
        still_good = link(applicant)
    assert_not_valid(Client().get(expired))
    assert_not_valid(Client().post(expired, {"decision": "agree"}))
    assert Client().get(still_good).status_code == 200
    applicant.refresh_from_db()
    assert applicant.status == S.APPLIED


def test_a_new_application_replaces_the_old_link(applicant):
    old = link(applicant)
    Champion.objects.filter(pk=applicant.pk).update(application_number=applicant.application_number + 1)
    applicant.refresh_from_db()
    assert_not_valid(Client().get(old))
    assert_not_valid(Client().post(old, {"decision": "agree"}))
    assert Client().get(link(applicant)).status_code == 200


def test_an_agreement_recorded_by_a_coordinator_closes_the_link(applicant, coordinator):
    path = link(applicant)
    record_manager_agreement(applicant, by=coordinator, note="Email of 3 March.")
    assert_not_valid(Client().get(path))


@pytest.mark.parametrize("token", [
    "x", "nonsense-token", "0" * 2000, ".eJyrVkpUslIqSS0uUaoFAB0WBCY:1abc:def",
    signing.dumps({"c": 1, "n": 1}),  # signed, but not for this purpose
    signing.dumps({"c": 99999999999999999999, "n": 1}, salt="champions.manager-agreement"),
    signing.dumps(["not", "a", "dict"], salt="champions.manager-agreement"),
    signing.dumps({"c": "junk", "n": None}, salt="champions.manager-agreement"),
], ids=[  # fixed names: a signed token carries the time, and xdist's workers must collect the same tests
    "short", "nonsense", "very-long", "bad-signature", "other-purpose", "huge-number", "not-a-dict", "junk-values",
])
def test_bad_links_get_a_helpful_not_found_page(applicant, token):
    assert_not_valid(Client().get(f"/champions/agreement/{token}/"))
    assert_not_valid(Client().post(f"/champions/agreement/{token}/", {"decision": "agree"}))
    applicant.refresh_from_db()
    assert applicant.status == S.APPLIED


def test_a_tampered_link_does_not_work(applicant):
    token = agreement_token(applicant)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_not_valid(Client().get(f"/champions/agreement/{tampered}/"))
