"""The follow-up evaluation: invitations on the right day exactly once (frozen dates), the signed
link for its owner only and only once, "no thanks" for good, the banner on My learning, and the
learning views' own self-assessment URL refusing the three-month stage."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.mail import send_mail
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from lms.followup.invitations import follow_up_url, send_follow_up_invitations
from lms.followup.models import FollowUp, FollowUpRefusal
from lms.followup.services import CATCH_UP_DAYS, link_token
from lms.learning.models import ConfidenceRating
from tests.factories import EnrolmentFactory, LearnerFactory, make_module

pytestmark = pytest.mark.django_db

COMPLETED = datetime.date(2026, 1, 10)


def at(day: datetime.date, hour: int = 6):
    """A moment on `day` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def completed(user, module, day: datetime.date = COMPLETED, hour: int = 23):
    """`user` completed `module` late on `day` (late: the day, not the hour, decides)."""
    return EnrolmentFactory(user=user, module=module, completed_at=at(day, hour))


def run_on(day: datetime.date) -> int:
    with time_machine.travel(at(day), tick=False):
        return send_follow_up_invitations()


@pytest.fixture
def module():
    return make_module("follow-up-module", lessons=1, title="Responding to disclosures",
                       learning_outcomes="Spot the signs\nRespond safely")


@pytest.fixture
def learner():
    return LearnerFactory(email="sam@example.org", full_name="Sam Learner")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Invitations on the right day, once ------------------------------------------------------------


def test_the_invitation_goes_out_on_day_90_exactly_once(module, learner):
    completed(learner, module)
    day_90 = COMPLETED + datetime.timedelta(days=90)
    assert run_on(day_90 - datetime.timedelta(days=1)) == 0
    assert mail.outbox == [] and not FollowUp.objects.exists()
    assert run_on(day_90) == 1
    assert len(mail.outbox) == 1
    assert run_on(day_90) == 0  # the same day again
    assert run_on(day_90 + datetime.timedelta(days=1)) == 0  # the next day
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sam@example.org"]
    # The subject names no module: an inbox may be read over a shoulder.
    assert "Responding to disclosures" not in message.subject and "Responding to disclosures" in message.body
    follow_up = FollowUp.objects.get()
    assert follow_up.completed_on == COMPLETED and follow_up.status == FollowUp.Status.OPEN
    # The email's link opens this follow-up for its owner.
    link = re.search(r"http://\S+(/my-learning/follow-up/\S+/)", message.body).group(1)
    with time_machine.travel(at(day_90), tick=False):
        assert "Three months on" in client_for(learner).get(link).content.decode()
    assert "No thanks, do not ask me again" in message.body


def test_two_modules_due_the_same_day_come_in_one_email_with_a_link_each(module, learner):
    other = make_module("second-module", lessons=1, title="Coercive control", learning_outcomes="Name it")
    completed(learner, module)
    completed(learner, other, hour=9)
    completed(LearnerFactory(email="alex@example.org"), module)
    day_90 = COMPLETED + datetime.timedelta(days=90)
    assert run_on(day_90) == 3
    assert sorted(message.to[0] for message in mail.outbox) == ["alex@example.org", "sam@example.org"]
    message = next(message for message in mail.outbox if message.to == ["sam@example.org"])
    assert "completed 2 modules" in message.body
    links = re.findall(r"http://\S+(/my-learning/follow-up/\S+/)", message.body)
    assert len(links) == 2
    with time_machine.travel(at(day_90), tick=False):
        pages = [client_for(learner).get(link).content.decode() for link in links]
    assert {"Responding to disclosures" in page for page in pages} == {True, False}
    assert {"Coercive control" in page for page in pages} == {True, False}
    assert run_on(day_90) == 0 and len(mail.outbox) == 2


@override_settings(FOLLOW_UP_DAYS=30)
def test_the_days_come_from_the_setting(module, learner):
    completed(learner, module)
    assert run_on(COMPLETED + datetime.timedelta(days=29)) == 0
    assert run_on(COMPLETED + datetime.timedelta(days=30)) == 1


def test_a_missed_day_still_sends_once_within_the_catch_up_window(module, learner):
    completed(learner, module)
    assert run_on(COMPLETED + datetime.timedelta(days=90 + CATCH_UP_DAYS)) == 1
    assert run_on(COMPLETED + datetime.timedelta(days=90 + CATCH_UP_DAYS + 1)) == 0
    assert len(mail.outbox) == 1


def test_completions_far_older_than_the_window_are_not_swept_up(module, learner):
    completed(learner, module)
    assert run_on(COMPLETED + datetime.timedelta(days=90 + CATCH_UP_DAYS + 1)) == 0
    assert mail.outbox == [] and not FollowUp.objects.exists()


def test_inactive_people_and_unfinished_modules_are_not_invited(module, learner):
    completed(LearnerFactory(is_active=False), module)
    EnrolmentFactory(user=learner, module=module, completed_at=None)
    assert run_on(COMPLETED + datetime.timedelta(days=90)) == 0


def test_a_refused_email_leaves_no_record_and_does_not_hold_up_the_others(module, learner, monkeypatch):
    other = LearnerFactory(email="kim@example.org")
    completed(learner, module)
    completed(other, module)
    day = COMPLETED + datetime.timedelta(days=90)
    real_send_mail = send_mail

    def refuse_sam(*args, recipient_list, **kwargs):
        if recipient_list == [learner.email]:
            raise ConnectionRefusedError("the mail server refuses this address")
        return real_send_mail(*args, recipient_list=recipient_list, **kwargs)

    monkeypatch.setattr("lms.followup.invitations.send_mail", refuse_sam)
    assert run_on(day) == 1
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert list(FollowUp.objects.values_list("user__email", flat=True)) == [other.email]
    monkeypatch.undo()
    assert run_on(day) == 1  # the next run tries Sam again, and only Sam
    assert sorted(FollowUp.objects.values_list("user__email", flat=True)) == sorted([learner.email, other.email])


def test_the_command_refuses_a_date_after_today(module, learner):
    completed(learner, module)
    with pytest.raises(CommandError, match="later than today"):
        call_command("send_follow_up_invitations", "--date",
                     (timezone.localdate() + datetime.timedelta(days=1)).isoformat())
    assert not FollowUp.objects.exists() and mail.outbox == []


def test_the_command_sends_for_the_date_given(module, learner, capsys):
    completed(learner, module)
    call_command("send_follow_up_invitations", "--date", (COMPLETED + datetime.timedelta(days=90)).isoformat())
    assert "Sent 1 follow-up invitation." in capsys.readouterr().out
    call_command("send_follow_up_invitations", "--date", (COMPLETED + datetime.timedelta(days=90)).isoformat())
    assert "Sent 0 follow-up invitations." in capsys.readouterr().out


def test_the_command_refuses_a_date_that_is_not_one():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_follow_up_invitations", "--date", "90 days ago")


# The signed link -------------------------------------------------------------------------------


def invited(learner, module) -> FollowUp:
    completed(learner, module, day=timezone.localdate() - datetime.timedelta(days=90))
    assert send_follow_up_invitations() == 1
    return FollowUp.objects.get(user=learner, module=module)


ANSWER = {"outcome_0": "4", "outcome_1": "5", "used_in_work": "several",
          "what_happened": "I asked Jane Smith (jane@example.org) about home and referred her on."}


def test_the_link_opens_the_form_for_its_owner_once(module, learner):
    follow_up = invited(learner, module)
    client = client_for(learner)
    url = follow_up_url(follow_up)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Spot the signs" in html and "Respond safely" in html
    assert "No thanks, do not ask me again" in html
    response = client.post(url, ANSWER)
    assert response.status_code == 302 and response["Location"] == "/my-learning/"
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.ANSWERED and follow_up.used_in_work == "several"
    assert "jane@example.org" not in follow_up.what_happened_masked
    assert "Jane Smith" not in follow_up.what_happened_masked
    rating = ConfidenceRating.objects.get(user=learner, module=module, stage=ConfidenceRating.Stage.FOLLOW_UP)
    assert rating.ratings == [4, 5]
    # The same link again, and a second post (a double click): "already answered", nothing more.
    again = client.get(url)
    assert again.status_code == 200 and "You have already answered this follow-up" in again.content.decode()
    second = client.post(url, {**ANSWER, "used_in_work": "never"})
    assert "You have already answered this follow-up" in second.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.used_in_work == "several"
    assert ConfidenceRating.objects.filter(stage=ConfidenceRating.Stage.FOLLOW_UP).count() == 1


def test_someone_else_signed_in_gets_not_found(module, learner):
    url = follow_up_url(invited(learner, module))
    other = client_for(LearnerFactory())
    assert other.get(url).status_code == 404
    assert other.post(url, ANSWER).status_code == 404
    assert FollowUp.objects.get().status == FollowUp.Status.OPEN


def test_a_changed_link_is_not_found(module, learner):
    follow_up = invited(learner, module)
    client = client_for(learner)
    token = link_token(follow_up)
    assert client.get(f"/my-learning/follow-up/{token[:-2]}xx/").status_code == 404
    assert client.get("/my-learning/follow-up/not-a-link/").status_code == 404
    # A value signed for something else (another salt) opens nothing either.
    from django.core import signing

    assert client.get(f"/my-learning/follow-up/{signing.dumps(follow_up.pk)}/").status_code == 404


def test_signed_out_the_link_asks_to_sign_in_and_comes_back(module, learner):
    url = follow_up_url(invited(learner, module))
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") and "next=" in response["Location"]


def test_a_refused_answer_shows_the_errors_and_records_nothing(module, learner):
    follow_up = invited(learner, module)
    response = client_for(learner).post(follow_up_url(follow_up), {"outcome_0": "9", "what_happened": "x" * 1001})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "Select whether you have used the training in your work" in html
    assert "What happened must be 1,000 characters or fewer" in html
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.OPEN
    assert not ConfidenceRating.objects.filter(stage=ConfidenceRating.Stage.FOLLOW_UP).exists()


def test_the_form_heads_the_ratings_and_the_use_in_work_and_names_a_long_aim_briefly_in_errors(learner):
    long_aim = ("Recognise how post-separation abuse continues through child arrangements, finances and the "
                "family courts")
    module = make_module("long-aims", lessons=1, learning_outcomes=f"{long_aim}\nRespond safely")
    follow_up = invited(learner, module)
    client = client_for(learner)
    html = client.get(follow_up_url(follow_up)).content.decode()
    confident, using = html.index("How confident do you feel now?"), html.index("Using what you learned")
    assert confident < html.index("Respond safely") < using < html.index("Have you used what you learned")
    refused = client.post(follow_up_url(follow_up), {"outcome_1": "3", "used_in_work": "once"}).content.decode()
    # The error summary names the aim by its first words; the aim is in full above its choices.
    assert ("Choose how confident you feel: Recognise how post-separation abuse continues through child…"
            in refused)
    assert f"Choose how confident you feel: {long_aim}" not in refused
    assert long_aim in refused


def test_a_follow_up_closes_after_its_answer_days(module, learner):
    follow_up = invited(learner, module)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31), tick=False):
        page = client_for(learner).get(follow_up_url(follow_up))
        assert "This follow-up has closed" in page.content.decode()
        assert "Three months on" not in client_for(learner).get("/my-learning/").content.decode()


# No thanks ------------------------------------------------------------------------------------


def test_no_thanks_declines_this_one_and_every_later_one(module, learner):
    follow_up = invited(learner, module)
    client = client_for(learner)
    response = client.post(follow_up_url(follow_up), {"action": "decline"})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.DECLINED
    assert FollowUpRefusal.objects.filter(user=learner).exists()
    assert "You chose not to answer follow-ups" in client.get(follow_up_url(follow_up)).content.decode()
    # The next module they complete is never followed up.
    second = make_module("second-module", lessons=1)
    completed(learner, second, day=timezone.localdate() - datetime.timedelta(days=90))
    assert send_follow_up_invitations() == 0
    assert len(mail.outbox) == 1
    assert not FollowUp.objects.filter(module=second).exists()


def test_the_setting_page_stops_and_resumes_follow_ups(module, learner):
    client = client_for(learner)
    assert "Do not ask me follow-up questions" in client.get("/profile/follow-up/").content.decode()
    client.post("/profile/follow-up/", {"action": "stop"})
    assert FollowUpRefusal.objects.filter(user=learner).exists()
    completed(learner, module, day=timezone.localdate() - datetime.timedelta(days=90))
    assert send_follow_up_invitations() == 0
    client.post("/profile/follow-up/", {"action": "resume"})
    assert not FollowUpRefusal.objects.filter(user=learner).exists()
    assert send_follow_up_invitations() == 1
    response = client.post("/profile/follow-up/", {"action": "something else"})
    assert response.status_code == 302
    assert not FollowUpRefusal.objects.filter(user=learner).exists()


def test_the_profile_page_links_to_the_setting(learner):
    assert "/profile/follow-up/" in client_for(learner).get("/profile/").content.decode()


# My learning ----------------------------------------------------------------------------------


def test_my_learning_shows_the_open_follow_up_with_its_link(module, learner):
    follow_up = invited(learner, module)
    client = client_for(learner)
    html = client.get("/my-learning/").content.decode()
    assert 'Three months on: has "Responding to disclosures" helped in your work?' in html
    # The link is signed with the second it was made in, so compare where it leads, not its text.
    links = re.findall(r'href="(/my-learning/follow-up/[^"]+/)"', html)
    assert len(links) == 1
    assert client.get(links[0]).context["follow_up"] == follow_up
    client.post(links[0], ANSWER)
    assert "Three months on" not in client.get("/my-learning/").content.decode()


def test_nobody_else_sees_the_banner(module, learner):
    invited(learner, module)
    assert "Three months on" not in client_for(LearnerFactory()).get("/my-learning/").content.decode()


def test_the_learning_views_refuse_the_three_month_stage(module, learner):
    response = client_for(learner).get(f"/my-learning/modules/{module.pk}/confidence/follow_up/")
    assert response.status_code == 404
