"""Demo follow-ups, so that the confidence report has three-month figures, the use-in-work report
has answers (one naming a person with a phone number, to show the masking), and learner@ has a
follow-up waiting on My learning.

For each completion in the demo learning (lms/demo/learning.py) whose follow-up fell due more
than services.CATCH_UP_DAYS ago, a follow-up as if the daily job had sent it on its day: about
half answered (ratings a little below the person's after rating, as confidence settles), one in
ten declined (the person said no thanks, so none of their later completions is followed up),
the rest never answered and closed. Completions due more recently are left for
`send_follow_up_invitations` to invite, as it would on its next run: those are the follow-ups
due. learner@example.org's own follow-up is moved to this week and left open, so the banner and
the form can be seen. Of the accounts of what happened made in a run, the WAITING most recently
answered wait for a moderator's screening (Screen follow-ups in the admin); the others are
released, as if a moderator had read them, so the report lists them.

Idempotent and repeatable: a person and module with a follow-up, and a person who said no
thanks, are left alone; each choice comes from a random generator seeded with the person's
address and the module.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from lms.demo.learning import demo_learners
from lms.feedback.services import mask
from lms.followup.models import AccountStatus, FollowUp, FollowUpRefusal, UsedInWork
from lms.followup.services import CATCH_UP_DAYS, follow_up_days
from lms.learning.models import ConfidenceRating, Enrolment

OPEN_FOR = "learner@example.org"

# What happened, as learners might put it (a case, never a person who can be found; one with a
# name and a number, which the report shows masked).
STORIES = [
    "A parent mentioned that her phone is checked and her money is controlled. I asked her directly, as the module "
    "suggested, and we made a referral together.",
    "A patient said an ex-partner kept turning up at her work. I used the stalking questions and she agreed to a "
    "referral to the specialist service.",
    "I shared the coercive control examples at a team briefing. Two colleagues said it changed how they read a case.",
    "A tenant disclosed abuse during a repairs visit. I listened, did not push for detail, and passed it to our "
    "safeguarding lead the same day.",
    "I wrote down the disclosure in her own words, which I would not have done before.",
    "I rang Sarah Jones on 07700 900456 to check the referral had been picked up.",
    "No disclosure yet, but our reception team now asks about safety in a private room.",
    "A student's absences worried me after the module, and I talked to our designated safeguarding lead.",
]
ANSWERED, DECLINED = 0.55, 0.1
# How many of a run's new accounts are left waiting for a moderator.
WAITING = 3


def _settled(ratings: list[int], rng: random.Random) -> list[int]:
    """Three months on: each rating the same as after, or one lower (never below 1)."""
    return [max(1, rating - rng.choice((0, 0, 1))) for rating in ratings]


def seed_followups(now: datetime.datetime | None = None) -> int:
    """Make the demo follow-ups that do not exist yet; returns how many the demo learners have
    afterwards. Needs the demo learning (completed enrolments); without it it makes nothing."""
    now = now or timezone.now()
    people = demo_learners()
    last_due = timezone.localdate(now) - datetime.timedelta(days=CATCH_UP_DAYS + 1)
    latest_completion = datetime.datetime.combine(
        last_due - datetime.timedelta(days=follow_up_days()), datetime.time.max, tzinfo=now.tzinfo,
    )
    with transaction.atomic():
        done = set(FollowUp.objects.filter(user__in=people).values_list("user_id", "module_id"))
        refused = set(FollowUpRefusal.objects.filter(user__in=people).values_list("user_id", flat=True))
        after = {(rating.user_id, rating.module_id): rating.ratings for rating in ConfidenceRating.objects.filter(
            user__in=people, stage=ConfidenceRating.Stage.AFTER, skipped=False)}
        completions = (
            Enrolment.objects.filter(user__in=people, completed_at__lte=latest_completion)
            .select_related("user", "module").order_by("completed_at", "pk")
        )
        ratings = []
        accounts = []
        for enrolment in completions:
            user, module = enrolment.user, enrolment.module
            if (user.pk, module.pk) in done or user.pk in refused:
                continue
            rng = random.Random(f"{user.email}/{module.slug}/follow-up")  # noqa: S311  (demo data, not secrets)
            invited_at = enrolment.completed_at + datetime.timedelta(days=follow_up_days())
            pick = rng.random()
            if user.email == OPEN_FOR:
                status, invited_at = FollowUp.Status.OPEN, now - datetime.timedelta(days=3)
            elif pick < ANSWERED:
                status = FollowUp.Status.ANSWERED
            elif pick < ANSWERED + DECLINED:
                status = FollowUp.Status.DECLINED
            else:
                status = FollowUp.Status.OPEN  # never answered: closed ANSWER_DAYS after it was sent
            responded_at = None if status == FollowUp.Status.OPEN else invited_at + datetime.timedelta(
                days=rng.randint(0, 10), hours=rng.randint(1, 9))
            follow_up = FollowUp(
                user=user, module=module, completed_on=timezone.localdate(enrolment.completed_at), status=status,
                responded_at=responded_at,
            )
            if status == FollowUp.Status.ANSWERED:
                follow_up.used_in_work = rng.choices(UsedInWork.values, weights=(3, 4, 5))[0]
                if rng.random() < 0.5:
                    follow_up.what_happened = rng.choice(STORIES)
                    # The masking the form applies.
                    follow_up.what_happened_masked = mask(follow_up.what_happened)
                    follow_up.account_status = AccountStatus.RELEASED
                    follow_up.screened_at = responded_at + datetime.timedelta(days=2)
                    accounts.append(follow_up)
                ratings.append(ConfidenceRating(
                    user=user, module=module, stage=ConfidenceRating.Stage.FOLLOW_UP,
                    ratings=_settled(after.get((user.pk, module.pk)) or [3] * max(1, len(module.outcomes)), rng),
                ))
            follow_up.save()
            FollowUp.objects.filter(pk=follow_up.pk).update(invited_at=invited_at)
            done.add((user.pk, module.pk))
            if status == FollowUp.Status.DECLINED:
                FollowUpRefusal.objects.get_or_create(user=user)
                refused.add(user.pk)
        _leave_waiting(accounts)
        made = ConfidenceRating.objects.bulk_create(ratings, ignore_conflicts=True)
        _date_ratings(made)
    return FollowUp.objects.filter(user__in=people).count()


def _leave_waiting(accounts: list[FollowUp]) -> None:
    """The WAITING accounts made in this run that were answered last go back to waiting for
    screening (a later run makes none, so it changes nothing a moderator decided)."""
    latest = sorted(accounts, key=lambda one: (one.responded_at, one.pk), reverse=True)[:WAITING]
    FollowUp.objects.filter(pk__in=[one.pk for one in latest]).update(
        account_status=AccountStatus.WAITING, screened_at=None,
    )


def _date_ratings(ratings: list[ConfidenceRating]) -> None:
    """A three-month rating is dated when its follow-up was answered, so the report counts it in
    that month."""
    answered = {(one.user_id, one.module_id): one.responded_at for one in FollowUp.objects.filter(
        status=FollowUp.Status.ANSWERED, user__in={rating.user_id for rating in ratings})}
    for rating in ratings:
        when = answered.get((rating.user_id, rating.module_id))
        if when is not None:
            ConfidenceRating.objects.filter(
                user_id=rating.user_id, module_id=rating.module_id, stage=ConfidenceRating.Stage.FOLLOW_UP,
            ).update(created_at=when)
