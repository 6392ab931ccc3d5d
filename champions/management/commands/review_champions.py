"""The daily pathway review of the champions network. Run daily from cron; safe to run twice."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from champions.services import review_pathways
from champions.tasks import review_pathways_task


class Command(BaseCommand):
    help = (
        "Mark champions whose pathway certificate expired as 'refresher due' (emailed), lapse those "
        "still not renewed after the grace period (emailed, Champion role removed), and restore "
        "those who renewed. Idempotent: a second run the same day changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the job for the background worker instead of running now.",
        )
        parser.add_argument(
            "--date", help="Review as of this day (YYYY-MM-DD) instead of today: for catching up after an outage.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            if options["date"]:
                raise CommandError("--date cannot be queued: run it in place.")
            result = review_pathways_task.enqueue()
            self.stdout.write(f"Queued the pathway review as job {result.id}.")
            return
        day = None
        if options["date"]:
            try:
                day = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(f"--date must be a date like 2027-03-31 ({error}).") from None
        result = review_pathways(day)
        self.stdout.write(
            f"Refresher due: {result.refresher_due}. Lapsed: {result.lapsed}. Restored: {result.restored}."
        )
