"""The relay: a verified professional writes to a champion without seeing their email address.

The message goes by email to the champion, with the sender's name, job role and organisation
from their profile, a reply address of the sender's choosing, and a link with which the
champion can block the sender. What was written is never stored: RelayMessage records only who
wrote to whom and when, which is what the daily limit counts.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from champions.models import Champion, RelayBlock, RelayMessage
from champions.services import confirmed_organisations
from champions.visibility import visible_to
from lms.accounts.models import User

BLOCK_SALT = "champions.relay-block"
FORM_SALT = "champions.relay-form"
# A champion may act on the block link in a relay email for this long.
BLOCK_LINK_DAYS = 365
WINDOW = datetime.timedelta(hours=24)


class RelayError(Exception):
    """The message cannot be sent; the text says why, for the sender. Nothing was sent or logged."""


# The daily limit -------------------------------------------------------------------------


def sent_in_window(sender: User, now: datetime.datetime | None = None):
    """The sender's relay messages of the last 24 hours, to any champion."""
    return RelayMessage.objects.filter(sender=sender, sent_at__gt=(now or timezone.now()) - WINDOW)


def messages_left(sender: User, now: datetime.datetime | None = None) -> int:
    return max(0, settings.RELAY_MESSAGES_PER_DAY - sent_in_window(sender, now).count())


def next_message_at(sender: User, now: datetime.datetime | None = None) -> datetime.datetime | None:
    """When the sender may write again, once they have reached the limit (None if they may now)."""
    now = now or timezone.now()
    sent = list(sent_in_window(sender, now).order_by("-sent_at").values_list("sent_at", flat=True)
                [:settings.RELAY_MESSAGES_PER_DAY])
    if len(sent) < settings.RELAY_MESSAGES_PER_DAY:
        return None
    return sent[-1] + WINDOW


def limit_message(sender: User) -> str:
    when = next_message_at(sender)
    again = f" You can send another from {timezone.localtime(when):%-d %B at %H:%M}." if when else ""
    return (f"You have sent {settings.RELAY_MESSAGES_PER_DAY} messages through the network in the last 24 hours, "
            f"which is as many as anyone may send.{again}")


# Blocks ------------------------------------------------------------------------------------


def is_blocked(champion: Champion, sender: User) -> bool:
    return RelayBlock.objects.filter(champion=champion, sender=sender).exists()


def blocked_message(champion: Champion) -> str:
    return f"{champion.user.full_name or 'This champion'} cannot receive messages from you through the network."


def block_token(champion: Champion, sender: User) -> str:
    """The signed key in a relay email's block link: names the champion and the sender."""
    return signing.dumps({"c": champion.pk, "s": sender.pk}, salt=BLOCK_SALT, compress=True)


def sender_for_block_token(champion: Champion, token: str) -> User | None:
    """The sender a block link names, if the link is genuine, recent, and for this champion."""
    try:
        data = signing.loads(token, salt=BLOCK_SALT, max_age=datetime.timedelta(days=BLOCK_LINK_DAYS))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("c") != champion.pk or type(data.get("s")) is not int:
        return None
    return User.objects.select_related("organisation").filter(pk=data["s"]).first()


def block(champion: Champion, sender: User) -> tuple[RelayBlock, bool]:
    """Stop relay messages from `sender` to `champion`. Returns the block and whether it is new:
    blocking twice (a double click, an old email opened again) keeps the one block."""
    existing = RelayBlock.objects.filter(champion=champion, sender=sender).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return RelayBlock.objects.create(champion=champion, sender=sender), True
    except IntegrityError:  # the other click won
        return RelayBlock.objects.get(champion=champion, sender=sender), False


def unblock(champion: Champion, block_id: int) -> RelayBlock | None:
    """Lift one of this champion's blocks; None if they have no such block (already lifted)."""
    found = RelayBlock.objects.select_related("sender").filter(champion=champion, pk=block_id).first()
    if found is not None:
        found.delete()
    return found


# Sending ------------------------------------------------------------------------------------


def form_token() -> str:
    """A one-use key for one relay form, so a double click or a resubmitted page sends once."""
    return signing.dumps(get_random_string(24), salt=FORM_SALT)


def claim_form_token(token: str) -> bool | None:
    """True the first time a genuine form key is used, False after; None for a forged or old one."""
    try:
        signing.loads(token, salt=FORM_SALT, max_age=datetime.timedelta(days=1))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    key = "champions:relay-form:" + hashlib.sha256(token.encode()).hexdigest()
    return cache.add(key, 1, timeout=int(WINDOW.total_seconds()) * 2)


@dataclass(frozen=True)
class SenderDetails:
    """What the champion is told about who wrote: from the sender's own profile."""

    name: str
    job_role: str
    organisation: str
    organisation_confirmed: bool


def sender_details(sender: User) -> SenderDetails:
    organisation = sender.organisation
    return SenderDetails(
        name=" ".join((sender.full_name or "").split()) or "Name not given",
        job_role=" ".join((sender.job_role or "").split()) or "Not given",
        organisation=" ".join(organisation.name.split()) if organisation else "Not given",
        organisation_confirmed=bool(organisation)
        and confirmed_organisations(sender).filter(pk=organisation.pk).exists(),
    )


def refusal(champion: Champion, sender: User) -> str | None:
    """Why `sender` cannot write to `champion` now, in words for them; None if they can."""
    if champion.user_id == sender.pk:
        return "This is your own profile. You cannot send a message to yourself."
    if not visible_to(sender).filter(pk=champion.pk).exists():
        return "This champion is not in the directory at the moment, so you cannot write to them."
    if is_blocked(champion, sender):
        return blocked_message(champion)
    if messages_left(sender) <= 0:
        return limit_message(sender)
    return None


def send(champion: Champion, sender: User, *, message: str, reply_to: str) -> RelayMessage:
    """Email `message` to the champion and log that it was sent (not what it said).

    Call inside a transaction: the sender's account row is locked while the limit is counted,
    so two messages sent at once cannot both pass the last place of the day. The email goes
    once the log is committed; `message` is held only in memory until then."""
    User.objects.select_for_update().filter(pk=sender.pk).first()
    problem = refusal(champion, sender)
    if problem:
        raise RelayError(problem)
    logged = RelayMessage.objects.create(champion=champion, sender=sender)
    details = sender_details(sender)
    context = {
        "champion": champion,
        "user": champion.user,
        "email": champion.user.email,
        "sender": details,
        "message": message.strip(),
        "reply_to": reply_to.strip(),
        "block_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("champion_block_new", args=[block_token(champion, sender)]),
        "blocks_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("champion_blocks"),
    }
    email = EmailMessage(
        subject=" ".join(render_to_string("champions/email/relay_subject.txt", context).split()),
        body=render_to_string("champions/email/relay_message.txt", context),
        to=[champion.user.email],
        reply_to=[reply_to.strip()],
    )
    transaction.on_commit(email.send)
    return logged
