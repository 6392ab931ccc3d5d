"""The follow-up evaluation's rules: who is due an invitation on a day, the signed link that
opens one, answering it and saying "no thanks".

Each function takes explicit arguments, runs inside the caller's transaction where it writes,
and returns what it made or changed. A move the rules refuse raises FollowUpClosed with words
for the learner. A follow-up row is its own record (status, when answered or declined); nothing
goes to the staff audit trail, which would tell staff who answered what and when.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from lms.feedback.services import mask
from lms.followup.models import AccountStatus, FollowUp, FollowUpRefusal
from lms.learning.models import ConfidenceRating, Enrolment

# A day the job missed still sends that day's invitations when it runs again, for up to this many
# days after they fell due. Older completions are never swept up: when the feature goes live (or
# FOLLOW_UP_DAYS is shortened) people who finished long ago are not all invited at once to
# describe training they did many months back, and their answers would not be "three months
# after" anyway.
CATCH_UP_DAYS = 14
# An invitation can be answered for this many days after it was sent; after that the link and the
# banner say it has closed (the answer would no longer be about three months after), and it
# counts as invited but not answered.
ANSWER_DAYS = 30
# The signed link names the invitation (its id) under a salt of its own, so no other signed
# value of the site (a champion's agreement link, say) opens a follow-up.
LINK_SALT = "lms.followup.invitation"


class FollowUpClosed(Exception):
    """The follow-up cannot be answered or declined any more, in words for the learner."""


def follow_up_days() -> int:
    return settings.FOLLOW_UP_DAYS


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def completions_due(day: datetime.date) -> QuerySet:
    """Enrolments whose follow-up falls due on `day` or in the CATCH_UP_DAYS before it, for
    active people who have not said no thanks and have no follow-up for that module yet, in
    live modules. A completion's day is its day in the site's time zone, so an invitation is due
    FOLLOW_UP_DAYS whole days later whatever the hour it was completed."""
    newest = day - datetime.timedelta(days=follow_up_days())
    oldest = newest - datetime.timedelta(days=CATCH_UP_DAYS)
    return (
        Enrolment.objects.filter(
            completed_at__gte=_start_of(oldest), completed_at__lt=_start_of(newest + datetime.timedelta(days=1)),
            user__is_active=True, module__live=True,
        )
        .exclude(Exists(FollowUpRefusal.objects.filter(user=OuterRef("user"))))
        .exclude(Exists(FollowUp.objects.filter(user=OuterRef("user"), module=OuterRef("module"))))
        .select_related("user", "module")
        .order_by("completed_at", "pk")
    )


def invite(enrolment: Enrolment) -> FollowUp | None:
    """Make the follow-up for one completion, or None when it already exists (another run made
    it a moment ago) or the person has just said no thanks. Its own savepoint, so a clash
    rolls back nothing else."""
    if FollowUpRefusal.objects.filter(user_id=enrolment.user_id).exists():
        return None
    try:
        with transaction.atomic():
            return FollowUp.objects.create(
                user=enrolment.user, module=enrolment.module,
                completed_on=timezone.localdate(enrolment.completed_at),
            )
    except IntegrityError:
        return None


def closes_on(follow_up: FollowUp) -> datetime.date:
    """The last day the follow-up can be answered."""
    return timezone.localdate(follow_up.invited_at) + datetime.timedelta(days=ANSWER_DAYS)


def is_answerable(follow_up: FollowUp, day: datetime.date | None = None) -> bool:
    return follow_up.is_open and (day or timezone.localdate()) <= closes_on(follow_up)


def answerable(user, day: datetime.date | None = None) -> QuerySet:
    """`user`'s follow-ups they can answer now, oldest first (one query)."""
    since = _start_of((day or timezone.localdate()) - datetime.timedelta(days=ANSWER_DAYS))
    return FollowUp.objects.for_user(user).open().filter(invited_at__gte=since).order_by("invited_at", "pk")


def link_token(follow_up: FollowUp) -> str:
    return signing.dumps(follow_up.pk, salt=LINK_SALT)


def follow_up_from_token(token: str, user) -> FollowUp | None:
    """The follow-up a signed link names, if it is `user`'s own; None for a tampered or
    unknown link and for anyone else's (the view answers both with "not found", so a link
    tells a stranger nothing)."""
    try:
        pk = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return FollowUp.objects.for_user(user).select_related("module").filter(pk=pk).first()


def _locked_open(follow_up: FollowUp) -> FollowUp:
    """The follow-up, locked, if it can still be answered; FollowUpClosed if it cannot. Two
    posts at once (a double click) queue here, and the second finds it answered."""
    locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.status == FollowUp.Status.ANSWERED:
        raise FollowUpClosed("You have already answered this follow-up. Thank you.")
    if locked.status == FollowUp.Status.DECLINED:
        raise FollowUpClosed("You chose not to answer follow-ups. Nothing was recorded.")
    if not is_answerable(locked):
        raise FollowUpClosed("This follow-up has closed. Nothing was recorded.")
    return locked


def answer_follow_up(follow_up: FollowUp, *, ratings: list[int], used_in_work: str, what_happened: str) -> FollowUp:
    """Record the answer: the three-month confidence rating beside the before and after ones, and
    the use in work with what happened (kept as written and masked, and waiting for a moderator
    before the training team may read it). Once only: a second answer raises FollowUpClosed and
    changes nothing."""
    follow_up = _locked_open(follow_up)
    ConfidenceRating.objects.get_or_create(
        user_id=follow_up.user_id, module_id=follow_up.module_id, stage=ConfidenceRating.Stage.FOLLOW_UP,
        defaults={"ratings": ratings},
    )
    follow_up.status = FollowUp.Status.ANSWERED
    follow_up.responded_at = timezone.now()
    follow_up.used_in_work = used_in_work
    follow_up.what_happened = what_happened
    follow_up.what_happened_masked = mask(what_happened) if what_happened else ""
    follow_up.account_status = AccountStatus.WAITING if follow_up.what_happened_masked else AccountStatus.NONE
    follow_up.save(update_fields=[
        "status", "responded_at", "used_in_work", "what_happened", "what_happened_masked", "account_status",
    ])
    return follow_up


def decline_follow_ups(user, follow_up: FollowUp | None = None) -> FollowUpRefusal:
    """ "No thanks, do not ask me again": decline `follow_up` (if given and still open) and every
    other open one of theirs, and record the refusal so no invitation is ever made for them
    again. Saying it twice changes nothing."""
    if follow_up is not None:
        _locked_open(follow_up)
    refusal, _created = FollowUpRefusal.objects.get_or_create(user=user)
    FollowUp.objects.for_user(user).open().update(status=FollowUp.Status.DECLINED, responded_at=timezone.now())
    return refusal


def allow_follow_ups(user) -> bool:
    """The person changed their mind: invitations resume for modules whose follow-up falls due
    from now on, or fell due in the days the daily job still catches up (CATCH_UP_DAYS); those
    already declined stay declined. True if there was a refusal to lift."""
    deleted, _ = FollowUpRefusal.objects.filter(user=user).delete()
    return bool(deleted)
