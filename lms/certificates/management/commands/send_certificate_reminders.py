"""Send the day's certificate expiry reminders. Run daily from cron; safe to run more often."""

from django.core.management.base import BaseCommand

from lms.certificates.reminders import send_expiry_reminders, send_expiry_reminders_task


class Command(BaseCommand):
    help = "Email holders whose certificates expire in 60, 30 or 7 days, or today (each reminder once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true",
            help="Queue the job for the background worker instead of sending now.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_expiry_reminders_task.enqueue()
            self.stdout.write(f"Queued reminder job {result.id}.")
            return
        sent = send_expiry_reminders()
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
