"""`manage.py apply_retention`: the retention rules of lms.privacy.retention, daily from cron."""

from django.core.management.base import BaseCommand

from lms.privacy.retention import apply_retention


class Command(BaseCommand):
    help = ("Apply the retention rules: warn, then erase, accounts unused for three years; remove lapsed or "
            "withdrawn champions' details after two years; delete expired data downloads. Safe to run daily.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done, and do nothing.")

    def handle(self, *args, dry_run=False, **options):
        result = apply_retention(dry_run=dry_run)
        would = "Would have " if dry_run else ""
        lines = [
            f"{would}warned {len(result.warned)} inactive account(s) by email{_ids(result.warned)}",
            f"{would}erased {len(result.erased)} inactive account(s){_ids(result.erased)}",
            f"{would}removed the details of {len(result.champions_anonymised)} ended champion record(s)"
            f"{_ids(result.champions_anonymised)}",
            f"{would}deleted {result.downloads_deleted} expired data download(s)",
        ]
        for line in lines:
            self.stdout.write(line[0].upper() + line[1:] + ".")


def _ids(ids: list[int]) -> str:
    return f" (account or record ids {', '.join(map(str, ids))})" if ids else ""
