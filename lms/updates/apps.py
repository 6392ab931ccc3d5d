from django.apps import AppConfig


def _forget_live_updates(sender, instance=None, **kwargs):
    """lms.updates.services.live_update_index: a page, a view restriction or the site changed."""
    from wagtail.models import Page, PageViewRestriction, Site

    from lms.updates.services import forget_live_update_index

    if instance is None or isinstance(instance, (Page, PageViewRestriction, Site)):
        forget_live_update_index()


class UpdatesConfig(AppConfig):
    """Guidance updates: short pages attached to modules, reviewed by the co-production panel
    like any lesson, that holders of current certificates for those modules are told about and
    complete; completing one is recorded on the holder's certificate history."""

    name = "lms.updates"
    label = "updates"
    verbose_name = "Guidance updates"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from lms.updates.models import GuidanceUpdatePage
        from lms.updates.notices import on_update_published

        # Pages save and delete with their own class as sender: every save reaches the receiver,
        # which keeps pages, view restrictions and sites; deletions are connected model by model,
        # since a receiver for every model would stop Django's fast bulk deletes. A page's
        # published signal comes after its modules are saved with it (the save's may come before).
        post_save.connect(_forget_live_updates, dispatch_uid="updates.live_updates.save")
        for model in {Page, PageViewRestriction, Site, *get_page_models()}:
            uid = f"updates.live_updates.{model._meta.label}"
            post_delete.connect(_forget_live_updates, sender=model, dispatch_uid=uid)
        page_published.connect(_forget_live_updates, dispatch_uid="updates.live_updates.published")
        page_unpublished.connect(_forget_live_updates, dispatch_uid="updates.live_updates.unpublished")
        post_page_move.connect(_forget_live_updates, dispatch_uid="updates.live_updates.moved")

        page_published.connect(on_update_published, sender=GuidanceUpdatePage, dispatch_uid="updates_notify_holders")
