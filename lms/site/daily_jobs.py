"""The daily jobs' management commands (reminders, guidance update notices, follow-up invitations,
the champions' and White Ribbon reviews): one way to run them from cron.

Each job is safe to run more than once a day. A command runs it now, or with `--enqueue` queues it
for the background worker (`manage.py db_worker`). A job whose day matters (`dated = True`) also
takes `--date YYYY-MM-DD`, to run it as of an earlier day after an outage. A later day is refused,
because the job's emails are real and would go out early. A dated run is never queued: the worker
runs for its own today.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class DailyJobCommand(BaseCommand):
    """Subclasses set `help`, `task` (the django_tasks task) and `dated`, and write `run(day)`,
    which does the job (for `day`, or today when it is None) and returns what to print."""

    task = None
    dated = False
    # What the queued job is called in "Queued <name> as job <id>."
    queued_name = "the job"

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the job for the background worker instead of running now.",
        )
        if self.dated:
            parser.add_argument(
                "--date", help="Run as of this day (YYYY-MM-DD, not later than today) instead of today: "
                               "for catching up after an outage.",
            )

    def handle(self, *args, **options):
        day = self.day(options.get("date"))
        if options["enqueue"]:
            if day is not None:
                raise CommandError("--date cannot be queued: run it in place (the worker runs for its own today).")
            result = self.task.enqueue()
            self.stdout.write(f"Queued {self.queued_name} as job {result.id}.")
            return
        self.stdout.write(self.run(day))

    @staticmethod
    def day(text: str | None) -> datetime.date | None:
        if not text:
            return None
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            raise CommandError("--date must be a date written YYYY-MM-DD, like 2027-03-31.") from None
        if day > timezone.localdate():
            raise CommandError("--date cannot be later than today: the emails would go out early.")
        return day

    def run(self, day: datetime.date | None) -> str:
        raise NotImplementedError


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 reminder", "2 reminders"."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
