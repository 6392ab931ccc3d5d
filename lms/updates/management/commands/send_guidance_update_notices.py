"""Tell certificate holders about guidance updates they have not been told of. Run daily from
cron; safe to run more often (nobody is emailed twice)."""

from django.core.management.base import BaseCommand

from lms.updates.notices import notify_all_holders, notify_all_holders_task


class Command(BaseCommand):
    help = (
        "Email everyone who holds a current certificate for a module with a published guidance update, "
        "has not been told of it and has not completed it (each person once per update)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true",
            help="Queue the job for the background worker instead of sending now.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = notify_all_holders_task.enqueue()
            self.stdout.write(f"Queued guidance update job {result.id}.")
            return
        sent = notify_all_holders()
        self.stdout.write(f"Told {sent} holder{'s' if sent != 1 else ''} about guidance updates.")
