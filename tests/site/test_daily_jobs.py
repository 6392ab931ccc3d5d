"""The daily jobs' commands (lms.site.daily_jobs): each runs now or queued for the worker, and a
dated one refuses a bad day, a day still to come and a queued dated run, changing nothing."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

JOBS = ["send_certificate_reminders", "send_guidance_update_notices", "send_follow_up_invitations",
        "review_champions", "review_white_ribbon"]
DATED = ["send_follow_up_invitations", "review_champions", "review_white_ribbon"]


@pytest.mark.parametrize("command", JOBS)
def test_each_job_runs_now_and_queued(command):
    now, queued = io.StringIO(), io.StringIO()
    call_command(command, stdout=now)
    call_command(command, "--enqueue", stdout=queued)  # the test settings' worker runs it at once
    assert now.getvalue().strip() and queued.getvalue().startswith("Queued ")


@pytest.mark.parametrize("command", DATED)
@pytest.mark.parametrize(("arguments", "message"), [
    (["--date", "tomorrow"], "YYYY-MM-DD"),
    (["--date", "2026-02-30"], "YYYY-MM-DD"),
    (["--date", "LATER"], "later than today"),
    (["--date", "YESTERDAY", "--enqueue"], "cannot be queued"),
])
def test_a_dated_job_refuses_what_it_cannot_do(command, arguments, message):
    today = timezone.localdate()
    days = {"LATER": today + datetime.timedelta(days=1), "YESTERDAY": today - datetime.timedelta(days=1)}
    arguments = [days[a].isoformat() if a in days else a for a in arguments]
    with pytest.raises(CommandError, match=message):
        call_command(command, *arguments, stdout=io.StringIO())


@pytest.mark.parametrize("command", ["send_certificate_reminders", "send_guidance_update_notices"])
def test_an_undated_job_has_no_date_option(command):
    with pytest.raises(CommandError):
        call_command(command, "--date", "2026-01-01", stdout=io.StringIO())
