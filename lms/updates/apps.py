from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    """Guidance updates: short pages attached to modules, reviewed by the co-production panel
    like any lesson, that holders of current certificates for those modules are told about and
    complete; completing one is recorded on the holder's certificate history."""

    name = "lms.updates"
    label = "updates"
    verbose_name = "Guidance updates"
