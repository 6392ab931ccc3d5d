"""`pages_changed`: one signal for "which pages are listed, and what they are called and where, may
have changed": a page saved, published, unpublished, moved or deleted, or a view restriction or a
site saved or deleted.

What every visitor's pages read from the page tree and keep in the cache (the catalogue and the
learning paths here, the live guidance updates, the champion tiers) is forgotten on it. Django's
and Wagtail's signals are wired to it once, here: pages save and delete with their own class as
sender, so it takes a receiver for every save (which keeps the pages, view restrictions and
sites) and one per page model for deletions, since a receiver for every model's deletions would
stop Django's fast bulk deletes everywhere (erasure, retention, cascades). Wagtail's published
signal comes after a page's own rows are saved with it; a save's may come before.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

pages_changed = Signal()


def _send(sender, instance=None, **kwargs):
    from wagtail.models import Page, PageViewRestriction, Site

    if instance is None or isinstance(instance, (Page, PageViewRestriction, Site)):
        pages_changed.send(sender=type(instance) if instance is not None else sender)


def connect() -> None:
    """Wire Django's and Wagtail's signals to `pages_changed` (ContentConfig.ready: every app's
    page models are known by then)."""
    from wagtail.models import Page, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_send, dispatch_uid="content.pages_changed.saved")
    for model in {Page, PageViewRestriction, Site, *get_page_models()}:
        post_delete.connect(_send, sender=model, dispatch_uid=f"content.pages_changed.deleted.{model._meta.label}")
    page_published.connect(_send, dispatch_uid="content.pages_changed.published")
    page_unpublished.connect(_send, dispatch_uid="content.pages_changed.unpublished")
    post_page_move.connect(_send, dispatch_uid="content.pages_changed.moved")
