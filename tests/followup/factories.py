"""Factories of lms.followup's models (FACTORIES in tests/factories.py gathers them)."""

import datetime

import factory
from django.utils import timezone

from lms.followup.models import FollowUp, FollowUpRefusal


class FollowUpFactory(factory.django.DjangoModelFactory):
    """An invitation sent and waiting for an answer (of a new learner and module unless given)."""

    class Meta:
        model = FollowUp

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")
    module = factory.SubFactory("tests.content.factories.TrainingModulePageFactory")
    completed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=90))
    # Masked text given: it waits for a moderator, as an answer's would (the database insists).
    account_status = factory.LazyAttribute(lambda made: "waiting" if made.what_happened_masked else "")

    class Params:
        # Answered, with an account of what happened (masked) waiting for a moderator.
        waiting = factory.Trait(
            status="answered", responded_at=factory.LazyFunction(timezone.now), used_in_work="once",
            what_happened="I asked her directly and we made a referral together.",
            what_happened_masked="I asked her directly and we made a referral together.",
            account_status="waiting",
        )


class FollowUpRefusalFactory(factory.django.DjangoModelFactory):
    """A learner who said "No thanks, do not ask me again"."""

    class Meta:
        model = FollowUpRefusal

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")


FACTORY_CLASSES: tuple = (FollowUpFactory, FollowUpRefusalFactory)
