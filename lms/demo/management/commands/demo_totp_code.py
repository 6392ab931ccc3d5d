"""Print the current six-digit code for the demo staff accounts' TOTP secret."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo.management.commands.seed_demo import demo_totp_secret


class Command(BaseCommand):
    help = "Print the current two-factor code for the demo staff accounts."

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError("Demo data is not allowed with these settings.")
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(demo_totp_secret(), counter)))
