from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_save


def _renew_champion_on_new_certificate(sender, instance, created, **kwargs):
    if created:
        from champions.services import restore_if_renewed

        user_id = instance.user_id
        transaction.on_commit(lambda: restore_if_renewed(user_id))


class ChampionsConfig(AppConfig):
    """The VAWG champions network, built on the certificates and organisations of the training core."""

    name = "champions"
    verbose_name = "Champions network"

    def ready(self):
        from lms.certificates.models import Certificate

        post_save.connect(
            _renew_champion_on_new_certificate, sender=Certificate, dispatch_uid="champions.renew_on_certificate",
        )
