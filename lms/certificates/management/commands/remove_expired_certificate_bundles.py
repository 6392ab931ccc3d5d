"""Delete organisation leads' certificate zips past their time. Run hourly from cron; safe to run more often."""

from django.core.management.base import BaseCommand

from lms.certificates.bundles import remove_expired_certificate_bundles, remove_expired_certificate_bundles_task


class Command(BaseCommand):
    help = (
        "Delete the files of staff-certificate zips older than 24 hours, mark zips that stopped "
        "part-way as failed, and forget records older than 30 days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true",
            help="Queue the job for the background worker instead of running it now.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = remove_expired_certificate_bundles_task.enqueue()
            self.stdout.write(f"Queued clean-up job {result.id}.")
            return
        removed = remove_expired_certificate_bundles()
        self.stdout.write(f"Deleted {removed} expired zip{'s' if removed != 1 else ''}.")
