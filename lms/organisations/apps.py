from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations, people's confirmed membership of them, and the coordinator's review and merge."""

    name = "lms.organisations"
    label = "organisations"
    verbose_name = "Organisations"
