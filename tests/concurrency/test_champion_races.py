"""Champions' decisions taken at the same instant on PostgreSQL: several coordinators approving
one application, approving and declining it at once, and a line manager's link answered from
several clicks while a coordinator records the same agreement. One decision is made, logged
and emailed once; every other request is refused with the rules' message, never a 500.
"""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.models import Champion, StatusChange
from champions.services import STATUS_ACTION, agreement_token
from lms.site.roles import Role
from tests.concurrency.racing import CONCURRENT, RACERS, ROUNDS, no_errors, posting, race
from tests.conftest import staff_client
from tests.factories import ChampionFactory, LearnerFactory

pytestmark = CONCURRENT

S = Champion.Status
REFUSED = "Nothing was changed."


@pytest.fixture
def coordinators():
    """Several coordinators, each signed in (password and code) in their own browser."""
    return [staff_client(Role.COORDINATOR) for _ in range(RACERS)]


def waiting_for_approval(name: str) -> Champion:
    return ChampionFactory(
        user=LearnerFactory(full_name=name), status=S.MANAGER_AGREED, approved_at=None,
        applied_at=timezone.now() - datetime.timedelta(days=3),
    )


def status_log(champion: Champion) -> list[str]:
    return [entry.data["to"] for entry in ModelLogEntry.objects.filter(
        content_type__model="champion", object_id=str(champion.pk), action=STATUS_ACTION,
    )]


def emails_to(champion: Champion) -> list:
    return [message for message in mail.outbox if message.to == [champion.user.email]]


def test_several_coordinators_approving_one_application_at_once_approve_it_once(coordinators):
    for round_ in range(ROUNDS):
        champion = waiting_for_approval(f"Applicant {round_}")
        mail.outbox.clear()

        responses = no_errors(race(*posting(coordinators, f"/admin/champions/approve/{champion.pk}/", {"reason": ""})))

        approved = [r for r in responses if r.status_code == 302]
        refused = [r for r in responses if r.status_code == 200]
        assert len(approved) == 1 and len(refused) == RACERS - 1, [r.status_code for r in responses]
        assert approved[0]["Location"] == f"/admin/champions/inspect/{champion.pk}/"
        for response in refused:
            assert "so they cannot become “active”. Nothing was changed." in response.content.decode()
        champion.refresh_from_db()
        assert champion.status == S.ACTIVE and champion.approved_at is not None
        assert StatusChange.objects.filter(champion=champion, to_status=S.ACTIVE).count() == 1
        assert status_log(champion) == [S.ACTIVE]
        assert champion.user.groups.filter(name=Role.CHAMPION).exists()
        assert len(emails_to(champion)) == 1


def test_approving_and_declining_one_application_at_once_makes_one_decision(coordinators):
    for round_ in range(ROUNDS):
        champion = waiting_for_approval(f"Applicant {round_}")
        mail.outbox.clear()
        decisions = ["approve", "decline"] * (RACERS // 2)
        reason = "The lead tier needs the risk module first; do apply again after it."

        responses = no_errors(race(*[
            partial(client.post, f"/admin/champions/{decision}/{champion.pk}/", {"reason": reason})
            for client, decision in zip(coordinators, decisions, strict=True)
        ]))

        made = [decision for decision, r in zip(decisions, responses, strict=True) if r.status_code == 302]
        assert len(made) == 1, [r.status_code for r in responses]
        for response in responses:
            if response.status_code != 302:
                assert response.status_code == 200 and REFUSED in response.content.decode()
        champion.refresh_from_db()
        expected = S.ACTIVE if made == ["approve"] else S.DECLINED
        assert champion.status == expected
        assert list(StatusChange.objects.filter(champion=champion).values_list("to_status", flat=True)) == [expected]
        assert status_log(champion) == [expected]
        assert len(emails_to(champion)) == 1


def test_a_line_managers_link_answered_from_several_clicks_and_a_coordinator_at_once_agrees_once(coordinators):
    for round_ in range(ROUNDS):
        champion = ChampionFactory(
            user=LearnerFactory(full_name=f"Priya Shah {round_}"), status=S.APPLIED, manager_agreed_at=None,
            approved_at=None, line_manager_name="Morgan Reed",
        )
        link = f"/champions/agreement/{agreement_token(champion)}/"
        # The manager's clicks (no account: the signed link is the key), each its own request.
        clicks = posting([Client() for _ in range(RACERS - 1)], link, {"decision": "agree"})
        coordinator = posting(coordinators[:1], f"/admin/champions/agreement/{champion.pk}/",
                              {"reason": "Email from the line manager of 3 March."})

        responses = no_errors(race(*clicks, *coordinator))

        champion.refresh_from_db()
        assert champion.status == S.MANAGER_AGREED
        assert StatusChange.objects.filter(champion=champion, to_status=S.MANAGER_AGREED).count() == 1
        assert status_log(champion) == [S.MANAGER_AGREED]
        by_coordinator = champion.manager_agreement_recorded_by_id is not None
        *clicks, coordinator = responses
        if by_coordinator:
            assert coordinator.status_code == 302
            # The manager's link was answered by someone else: it no longer opens the application.
            assert {r.status_code for r in clicks} == {404}
        else:
            assert coordinator.status_code == 200
            assert "so there is no agreement to record." in coordinator.content.decode()
            # Every click by the manager sees their answer, however many were sent.
            assert {r.status_code for r in clicks} == {200}
            assert all("You agreed" in r.content.decode() for r in clicks)
