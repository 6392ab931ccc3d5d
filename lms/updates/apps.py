from django.apps import AppConfig


def _forget_live_updates(**kwargs):
    """lms.updates.services.live_update_index: a page, a view restriction or the site changed."""
    from lms.updates.services import forget_live_update_index

    forget_live_update_index()


class UpdatesConfig(AppConfig):
    """Guidance updates: short pages attached to modules, reviewed by the co-production panel
    like any lesson, that holders of current certificates for those modules are told about and
    complete; completing one is recorded on the holder's certificate history."""

    name = "lms.updates"
    label = "updates"
    verbose_name = "Guidance updates"

    def ready(self):
        from wagtail.signals import page_published

        from content.signals import pages_changed
        from lms.updates.models import GuidanceUpdatePage
        from lms.updates.notices import on_update_published

        pages_changed.connect(_forget_live_updates, dispatch_uid="updates.live_updates")
        page_published.connect(on_update_published, sender=GuidanceUpdatePage, dispatch_uid="updates_notify_holders")
