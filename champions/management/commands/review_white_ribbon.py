"""The daily White Ribbon check. Run daily from cron; safe to run twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from champions.tasks import mark_renewals_due_task
from champions.whiteribbon.services import mark_renewals_due


class Command(BaseCommand):
    help = (
        "Move every White Ribbon accreditation within the notice period of its expiry (the coordinators' "
        "setting, six months unless changed) to 'renewal due', emailing its lead contact and the coordinators. "
        "Idempotent: a second run the same day changes and sends nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the job for the background worker instead of running now.",
        )
        parser.add_argument("--date", help="Check as of this day (YYYY-MM-DD) instead of today.")

    def handle(self, *args, **options):
        if options["enqueue"]:
            if options["date"]:
                raise CommandError("--date cannot be queued: run it in place.")
            result = mark_renewals_due_task.enqueue()
            self.stdout.write(f"Queued the White Ribbon check as job {result.id}.")
            return
        day = None
        if options["date"]:
            try:
                day = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date must be a date like 2027-03-31 ({error}).") from None
        self.stdout.write(f"Renewal due: {mark_renewals_due(day)}.")
