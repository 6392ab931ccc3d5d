"""Print the current six-digit code for the demo staff accounts' TOTP secret."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo.management.commands.seed_demo import demo_totp_secret
from lms.demo.two_factor import totp_code


class Command(BaseCommand):
    help = "Print the current two-factor code for the demo staff accounts."

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError("Demo data is not allowed with these settings.")
        self.stdout.write(totp_code(demo_totp_secret()))
