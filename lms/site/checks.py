"""System checks for settings that only the people running the site can decide."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def training_contact_email_is_set(app_configs, **kwargs):
    """Pages and emails that send people to the training coordinator should give an address."""
    if settings.TRAINING_CONTACT_EMAIL:
        return []
    return [checks.Warning(
        "TRAINING_CONTACT_EMAIL is not set, so pages that send people to the partnership's "
        "training coordinator (a lost authenticator, a withdrawn certificate, a refused page) "
        "give no address to write to.",
        hint="Set the TRAINING_CONTACT_EMAIL environment variable to the coordinators' shared mailbox.",
        id="site.W001",
    )]
