"""Two people whose records touch at every point: the fixture that download and erasure tests share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log

from champions.models import Champion
from lms.certificates.bundles import build_certificate_bundle, request_certificate_bundle
from lms.certificates.models import Certificate
from lms.feedback.screening import mask_personal_details
from lms.followup.models import FollowUp, UsedInWork
from lms.learning.models import ConfidenceRating
from lms.organisations.models import Membership
from lms.organisations.services import confirm_membership, request_membership
from lms.site.roles import Role
from tests.factories import (
    AccreditationCycleFactory,
    ActionItemFactory,
    ActionUpdateFactory,
    BriefingFactory,
    ChampionFactory,
    LearnerFactory,
    LessonFeedbackFactory,
    OrganisationFactory,
    RelayBlockFactory,
    RelayMessageFactory,
    SessionBookingFactory,
    StatusChangeFactory,
    WhiteRibbonPersonFactory,
    accredited_cycle,
    answers_for,
    make_module,
    make_quiz,
    read_and_complete,
    start_quiz,
)
from tests.followup.factories import FollowUpFactory, FollowUpRefusalFactory
from tests.updates.factories import GuidanceUpdatePageFactory, UpdateCompletionFactory, UpdateNoticeFactory

PASSWORD = "a-long-test-password"


@dataclass
class TwoPeople:
    alice: object
    bob: object
    alice_client: Client
    bob_client: Client
    module: object


def pass_module(client, module, capture):
    for lesson in module.lessons():
        read_and_complete(client, lesson)
    attempt = start_quiz(client, module)
    with capture(execute=True):
        client.post(f"/my-learning/attempts/{attempt.pk}/", {**answers_for(attempt), "action": "confirm"})


@pytest.fixture
def two_people(db, django_capture_on_commit_callbacks) -> TwoPeople:
    """Alice and Bob: each a confirmed member of one organisation and a lead of the other's, so each
    decided the other's membership; both passed the same module (certificates, attempts, ratings);
    both champions who wrote to each other through the relay, at the same session; Bob asked for
    a zip of his staff's certificates (Alice's among them); both have White Ribbon roles."""
    organisation_x = OrganisationFactory(name="Oakfield Surgery")
    organisation_y = OrganisationFactory(name="Riverside Housing")
    alice = LearnerFactory(email="alice.quennell@example.org", full_name="Alice Quennell-Ashdown",
                           organisation=organisation_x, roles=[Role.ORGANISATION_LEAD])
    bob = LearnerFactory(email="bartholomew.oyelaran@example.org", full_name="Bartholomew Oyelaran",
                         organisation=organisation_y, roles=[Role.ORGANISATION_LEAD])
    organisation_x.leads.add(bob)
    organisation_y.leads.add(alice)
    confirm_membership(request_membership(alice, organisation_x), by=bob)
    confirm_membership(request_membership(bob, organisation_y), by=alice)

    module = make_module("privacy-module", lessons=2, title="Recognising coercive control")
    make_quiz(module, questions=2)
    clients = {}
    for person in (alice, bob):
        client = Client()
        client.force_login(person)
        clients[person.pk] = client
        pass_module(client, module, django_capture_on_commit_callbacks)
        ConfidenceRating.objects.update_or_create(
            user=person, module=module, stage=ConfidenceRating.Stage.AFTER,
            defaults={"ratings": [4] * len(module.outcomes), "reflection": f"{person.full_name} reflects"},
        )
    assert Certificate.objects.filter(user__in=[alice, bob]).count() == 2

    champions = {}
    for person in (alice, bob):
        champions[person.pk] = ChampionFactory(
            user=person, visibility=Champion.Visibility.CHAMPIONS, statement=f"{person.full_name}'s statement",
        )
    for person, other in ((alice, bob), (bob, alice)):
        champion = champions[person.pk]
        StatusChangeFactory(champion=champion, by=other, reason=f"Approved by {other.full_name}")
        RelayMessageFactory(champion=champion, sender=other)
        RelayBlockFactory(champion=champion, sender=other)
        BriefingFactory(champion=champion, audience=f"Colleagues of {person.full_name}")
    booking = SessionBookingFactory(champion=champions[alice.pk])
    SessionBookingFactory(champion=champions[bob.pk], session=booking.session)

    lesson = module.get_children().live().first().specific
    for person, other in ((alice, bob), (bob, alice)):
        comment = f"Clear, thanks. Signed {person.full_name}, {person.email}"
        LessonFeedbackFactory(lesson=lesson, user=person, comment=comment,
                              masked_comment=mask_personal_details(comment), considered_by=other,
                              panel_note=f"Discussed with {other.full_name}")
    # Each answered the three-month follow-up: Alice naming herself, Bob naming Alice; Alice also
    # said "no thanks" to any more.
    for person, text in ((alice, f"I ({alice.full_name}, {alice.email}) used it"),
                         (bob, f"I used it with {alice.full_name}")):
        FollowUpFactory(user=person, module=module, status=FollowUp.Status.ANSWERED, responded_at=timezone.now(),
                        used_in_work=UsedInWork.ONCE, what_happened=text,
                        what_happened_masked=mask_personal_details(text))
    FollowUpRefusalFactory(user=alice)
    update = GuidanceUpdatePageFactory(title="Protection orders update", modules=[module])
    UpdateNoticeFactory(update=update, user=alice)
    UpdateCompletionFactory(update=update, user=alice)
    for person, organisation in ((alice, organisation_x), (bob, organisation_y)):
        WhiteRibbonPersonFactory(organisation=organisation, user=person, name=person.full_name, email=person.email)
    AccreditationCycleFactory(organisation=organisation_x, lead_contact_user=alice,
                              lead_contact_name=alice.full_name, lead_contact_email=alice.email)
    cycle = accredited_cycle(organisation_y, approved_on=timezone.localdate() - datetime.timedelta(days=200))
    ActionUpdateFactory(item=ActionItemFactory(cycle=cycle), by=alice, text="Alice's progress note")
    log(alice, "lms.profile.update", user=alice)
    log(bob, "lms.profile.update", user=bob)

    bundle, _ = request_certificate_bundle(bob)
    build_certificate_bundle(bundle.pk)
    assert Membership.objects.confirmed().filter(user__in=[alice, bob]).count() == 2
    return TwoPeople(alice, bob, clients[alice.pk], clients[bob.pk], module)
