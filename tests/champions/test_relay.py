"""The relay (issue 11, must show 3): a message reaches the champion by email with who sent it and
a reply address of the sender's choosing; the daily limit and blocks hold; the body is stored
nowhere."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest
from django.apps import apps
from django.core import mail
from django.db import models
from django.test import Client, override_settings
from django.utils import timezone

from champions import relay
from champions.models import Champion, RelayBlock, RelayMessage
from tests.champions.factories import ChampionFactory, RelayBlockFactory, RelayMessageFactory, professional
from tests.factories import LearnerFactory, confirmed_member

pytestmark = pytest.mark.django_db


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def form_token(client, champion) -> str:
    html = client.get(f"/champions/{champion.pk}/contact/").content.decode()
    found = re.search(r'name="form_token" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def post_message(client, champion, message="Could we talk about a referral pathway?", reply_to="me@example.net",
                 token=None, **extra):
    return client.post(f"/champions/{champion.pk}/contact/", {
        "message": message, "reply_to": reply_to, "no_personal_details": "on",
        "form_token": token if token is not None else form_token(client, champion), **extra,
    })


@pytest.fixture
def champion():
    return ChampionFactory(user=LearnerFactory(full_name="Chidi Champion"))


@pytest.fixture
def sender():
    person = professional(full_name="Sasha Sender", job_role="Housing officer")
    confirmed_member(person)
    return person


def test_a_message_goes_to_the_champion_with_who_sent_it_and_their_reply_address(
        champion, sender, django_capture_on_commit_callbacks):
    client = signed_in(sender)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_message(client, champion, message="Could we talk about a referral pathway?",
                                reply_to="sasha.work@example.net")

    assert response.status_code == 302 and response["Location"] == f"/champions/{champion.pk}/"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [champion.user.email]
    assert email.reply_to == ["sasha.work@example.net"]
    assert "Sasha Sender" in email.subject and "referral" not in email.subject
    assert "Could we talk about a referral pathway?" in email.body
    assert "Housing officer" in email.body and sender.organisation.name in email.body
    assert "the organisation has confirmed they work or volunteer there" in email.body
    block_link = re.search(r"http\S+/champions/me/blocks/new/(\S+)/", email.body)
    assert block_link
    assert relay.sender_for_block_token(champion, block_link.group(1)) == sender
    logged = RelayMessage.objects.get()
    assert (logged.champion, logged.sender) == (champion, sender)
    page = client.get(response["Location"]).content.decode()
    assert "Your message has been sent to Chidi Champion" in page
    assert champion.user.email not in page


def test_the_reply_address_starts_as_the_senders_own(champion, sender):
    html = signed_in(sender).get(f"/champions/{champion.pk}/contact/").content.decode()
    assert f'value="{sender.email}"' in html
    assert champion.user.email not in html


@pytest.mark.parametrize("fields, error", [
    ({"message": ""}, "Enter your message"),
    ({"message": "x" * 2001}, "Your message must be 2,000 characters or fewer"),
    ({"reply_to": "not an address"}, "Enter an email address in the right format"),
    ({"no_personal_details": ""}, "Confirm that your message does not name or describe anyone at risk"),
])
def test_a_refused_form_says_why_and_sends_nothing(champion, sender, fields, error,
                                                   django_capture_on_commit_callbacks):
    client = signed_in(sender)
    data = {"message": "Hello", "reply_to": "me@example.net", "no_personal_details": "on",
            "form_token": form_token(client, champion), **fields}
    if not data["no_personal_details"]:
        del data["no_personal_details"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/champions/{champion.pk}/contact/", data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert mail.outbox == [] and not RelayMessage.objects.exists()


@override_settings(RELAY_MESSAGES_PER_DAY=3)
def test_the_daily_limit_holds_across_champions_and_frees_up_after_24_hours(
        sender, django_capture_on_commit_callbacks):
    champions = [ChampionFactory() for _ in range(4)]
    client = signed_in(sender)
    with django_capture_on_commit_callbacks(execute=True):
        for champion in champions[:3]:
            assert post_message(client, champion).status_code == 302
        refused = post_message(client, champions[3], token="")
        page = client.get(f"/champions/{champions[3].pk}/contact/").content.decode()

    assert len(mail.outbox) == 3 and RelayMessage.objects.count() == 3
    assert refused.status_code == 200
    assert "You have sent 3 messages through the network in the last 24 hours" in refused.content.decode()
    assert "You have sent 3 messages" in page and 'name="message"' not in page

    # The oldest message leaves the 24-hour window: one more may go.
    oldest = RelayMessage.objects.order_by("sent_at").first()
    RelayMessage.objects.filter(pk=oldest.pk).update(sent_at=timezone.now() - datetime.timedelta(hours=24, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert post_message(client, champions[3]).status_code == 302
    assert len(mail.outbox) == 4


@override_settings(RELAY_MESSAGES_PER_DAY=2)
def test_the_service_refuses_past_the_limit_even_without_the_form(sender):
    champions = [ChampionFactory() for _ in range(3)]
    for champion in champions[:2]:
        relay.send(champion, sender, message="Hello", reply_to="me@example.net")
    with pytest.raises(relay.RelayError, match="You have sent 2 messages"):
        relay.send(champions[2], sender, message="Hello", reply_to="me@example.net")
    assert RelayMessage.objects.count() == 2


def test_a_blocked_sender_is_told_and_nothing_is_sent_or_logged(champion, sender, django_capture_on_commit_callbacks):
    RelayBlockFactory(champion=champion, sender=sender)
    client = signed_in(sender)
    page = client.get(f"/champions/{champion.pk}/contact/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_message(client, champion, token="anything")

    assert "Chidi Champion cannot receive messages from you through the network." in page
    assert 'name="message"' not in page
    assert "cannot receive messages from you" in response.content.decode()
    assert mail.outbox == [] and not RelayMessage.objects.exists()
    # Others still can.
    other = signed_in(professional())
    with django_capture_on_commit_callbacks(execute=True):
        assert post_message(other, champion).status_code == 302
    assert len(mail.outbox) == 1


def test_the_block_link_in_the_email_blocks_the_sender_once(champion, sender, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_message(signed_in(sender), champion)
    link = re.search(r"http\S+?(/champions/me/blocks/new/\S+/)", mail.outbox[0].body).group(1)
    own = signed_in(champion.user)

    confirm = own.get(link).content.decode()
    first = own.post(link)
    second = own.post(link)  # a double click, or the email opened again

    assert "Block Sasha Sender?" in confirm and sender.email not in confirm
    assert first.status_code == second.status_code == 302
    assert RelayBlock.objects.filter(champion=champion, sender=sender).count() == 1
    listing = own.get("/champions/me/blocks/").content.decode()
    assert "Sasha Sender" in listing and sender.email not in listing
    # Another champion cannot use this champion's link, and a forged one is "not found".
    assert signed_in(ChampionFactory().user).get(link).status_code == 404
    assert own.get("/champions/me/blocks/new/forged-token/").status_code == 404
    assert signed_in(LearnerFactory()).get(link).status_code == 403


def test_unblocking_lets_the_sender_write_again(champion, sender, django_capture_on_commit_callbacks):
    block = RelayBlockFactory(champion=champion, sender=sender)
    someone_elses = RelayBlockFactory()
    own = signed_in(champion.user)

    assert own.post(f"/champions/me/blocks/{someone_elses.pk}/unblock/").status_code == 302
    assert RelayBlock.objects.filter(pk=someone_elses.pk).exists()  # not theirs: untouched
    assert own.post(f"/champions/me/blocks/{block.pk}/unblock/").status_code == 302
    assert not RelayBlock.objects.filter(pk=block.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert post_message(signed_in(sender), champion).status_code == 302
    assert len(mail.outbox) == 1


def test_nobody_can_message_themselves(champion, django_capture_on_commit_callbacks):
    client = signed_in(champion.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/champions/{champion.pk}/contact/", {
            "message": "Hello", "reply_to": "me@example.net", "no_personal_details": "on",
            "form_token": relay.form_token(),
        })
    assert response.status_code == 302
    assert mail.outbox == [] and not RelayMessage.objects.exists()
    with pytest.raises(relay.RelayError, match="yourself"):
        relay.send(champion, champion.user, message="Hello", reply_to="me@example.net")


def test_a_champion_the_sender_may_not_see_cannot_be_written_to(sender):
    hidden = ChampionFactory(visibility=Champion.Visibility.COORDINATORS)
    paused = ChampionFactory(status=Champion.Status.PAUSED)
    client = signed_in(sender)
    for champion in (hidden, paused):
        response = post_message(client, champion, token=relay.form_token())
        assert response.status_code == 404
        with pytest.raises(relay.RelayError):
            relay.send(champion, sender, message="Hello", reply_to="me@example.net")
    assert not RelayMessage.objects.exists()


def test_a_double_submitted_form_sends_once(champion, sender, django_capture_on_commit_callbacks):
    client = signed_in(sender)
    token = form_token(client, champion)
    with django_capture_on_commit_callbacks(execute=True):
        first = post_message(client, champion, token=token)
        second = post_message(client, champion, token=token)
    assert first.status_code == second.status_code == 302
    assert len(mail.outbox) == 1 and RelayMessage.objects.count() == 1
    assert "has already been sent" in client.get(second["Location"]).content.decode()


def text_values(model) -> list[str]:
    """Every text-like value stored in `model`'s table."""
    fields = [f.attname for f in model._meta.concrete_fields
              if isinstance(f, (models.CharField, models.TextField, models.JSONField))]
    values = []
    for row in model.objects.values_list(*fields):
        values.extend(str(value) for value in row if value is not None)
    return values


def test_the_message_body_is_stored_nowhere(champion, sender, django_capture_on_commit_callbacks):
    marker = f"MARKER-{uuid.uuid4().hex}"
    client = signed_in(sender)
    with django_capture_on_commit_callbacks(execute=True):
        post_message(client, champion, message=f"Please call about {marker} when you can.")
    assert marker in mail.outbox[0].body  # it was sent

    assert RelayMessage.objects.count() == 1
    # RelayMessage has no text column for it, and no table of ours, Wagtail's log entries or
    # Django's admin log holds it.
    found = [
        model._meta.label for model in apps.get_models()
        if any(marker in value for value in text_values(model))
    ]
    assert found == []
    # The search does find text stored in a table (so its silence above means something).
    champion.history.create(to_status=Champion.Status.ACTIVE, reason=f"Noted: {marker}")
    assert [m._meta.label for m in apps.get_models() if any(marker in v for v in text_values(m))] == [
        "champions.StatusChange",
    ]


def test_the_relay_log_records_only_who_and_when():
    message = RelayMessageFactory()
    columns = {f.attname for f in RelayMessage._meta.concrete_fields}
    assert columns == {"id", "champion_id", "sender_id", "sent_at"}
    assert message.sent_at is not None
