from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    """Guidance updates: short pages attached to modules, reviewed by the co-production panel
    like any lesson, that holders of current certificates for those modules are told about and
    complete; completing one is recorded on the holder's certificate history."""

    name = "lms.updates"
    label = "updates"
    verbose_name = "Guidance updates"

    def ready(self):
        from wagtail.signals import page_published

        from lms.updates.models import GuidanceUpdatePage
        from lms.updates.notices import on_update_published

        page_published.connect(on_update_published, sender=GuidanceUpdatePage, dispatch_uid="updates_notify_holders")
