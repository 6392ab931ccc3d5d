from django.apps import AppConfig
from django.db.models.signals import post_save


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Training content"

    def ready(self):
        from wagtail.models import Revision

        from content import signals
        from content.workflows import on_revision_saved

        signals.connect()

        post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="content_review_on_revision_saved")
