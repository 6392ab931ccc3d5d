"""Send the day's follow-up invitations. Run daily from cron; safe to run more often."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lms.followup.invitations import send_follow_up_invitations, send_follow_up_invitations_task


class Command(BaseCommand):
    help = (
        "Invite learners whose module completion was FOLLOW_UP_DAYS ago (or up to 14 days more, for days "
        "the job missed) to the follow-up evaluation, each once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Send as if today were this day (YYYY-MM-DD).")
        parser.add_argument(
            "--enqueue", action="store_true",
            help="Queue the job for the background worker instead of sending now (for today).",
        )

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("Give the date as YYYY-MM-DD, like 2026-04-01.") from None
            if day > timezone.localdate():
                # The emails are real: a later day would invite people before their follow-up is due.
                raise CommandError("--date cannot be later than today: the invitations would go out early.")
        if options["enqueue"]:
            if day is not None:
                raise CommandError("--date cannot be used with --enqueue: the worker sends for its own today.")
            result = send_follow_up_invitations_task.enqueue()
            self.stdout.write(f"Queued follow-up invitation job {result.id}.")
            return
        sent = send_follow_up_invitations(day)
        self.stdout.write(f"Sent {sent} follow-up invitation{'s' if sent != 1 else ''}.")
