"""The demo's follow-ups (lms/demo/followup.py): made once however often the seed runs, with an
open follow-up for learner@ on My learning, answers with three-month ratings for the reports,
and no follow-up for anyone after they said no thanks."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from lms.accounts.models import User
from lms.demo.followup import seed_followups
from lms.followup.models import AccountStatus, FollowUp, FollowUpRefusal
from lms.followup.services import answerable
from lms.learning.models import ConfidenceRating

pytestmark = pytest.mark.django_db


def test_the_demo_follow_ups_are_made_once_and_show_on_my_learning():
    call_command("seed_demo", stdout=StringIO())
    made = seed_followups()
    assert made > 0 and seed_followups() == made
    learner = User.objects.get(email="learner@example.org")
    assert answerable(learner).count() == 1
    client = Client()
    client.force_login(learner)
    assert "Three months on" in client.get("/my-learning/").content.decode()
    answered = FollowUp.objects.filter(status=FollowUp.Status.ANSWERED)
    assert answered.count() >= 5
    assert ConfidenceRating.objects.filter(stage=ConfidenceRating.Stage.FOLLOW_UP).count() == answered.count()
    assert answered.exclude(what_happened="").filter(what_happened_masked__contains="[phone removed]").exists() \
        or not answered.filter(what_happened__contains="07700").exists()
    for refusal in FollowUpRefusal.objects.select_related("user"):
        declined = FollowUp.objects.get(user=refusal.user, status=FollowUp.Status.DECLINED)
        assert not FollowUp.objects.filter(user=refusal.user, invited_at__gt=declined.invited_at).exists()


def test_most_demo_accounts_are_released_and_a_few_wait_for_a_moderator():
    call_command("seed_demo", stdout=StringIO())
    accounts = FollowUp.objects.exclude(what_happened_masked="")
    waiting = accounts.filter(account_status=AccountStatus.WAITING).count()
    released = accounts.filter(account_status=AccountStatus.RELEASED).count()
    assert 2 <= waiting <= 3
    assert released > waiting and released >= 5  # enough for the report to list them
    assert waiting + released == accounts.count()
    seed_followups()
    assert accounts.filter(account_status=AccountStatus.WAITING).count() == waiting
