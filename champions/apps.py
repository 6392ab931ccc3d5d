from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def _renew_champion_on_new_certificate(sender, instance, created, **kwargs):
    if created:
        from champions.services import restore_if_renewed

        user_id = instance.user_id
        transaction.on_commit(lambda: restore_if_renewed(user_id))


def _check_renewals_when_the_notice_changes(sender, instance, **kwargs):
    """A longer notice period brings renewal forward: apply it at once rather than at the next
    daily check, so no page shows a renewal date already passed on an accreditation not yet due."""
    from champions.whiteribbon.services import mark_renewals_due

    transaction.on_commit(mark_renewals_due)


def _delete_evidence_file(sender, instance, **kwargs):
    """A private evidence document goes with its record, however the record goes (removed by a
    lead, with its action, or with its organisation), once the deletion is committed."""
    if instance.document:
        storage, name = instance.document.storage, instance.document.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


def _forget_cached_tiers(**kwargs):
    """champions.services.cached_tiers_with_pathways: a tier or its modules changed, or a page
    (a module's title, whether it is live, its address, or a parent's) changed (content.signals)."""
    from champions.services import forget_cached_tiers

    forget_cached_tiers()


class ChampionsConfig(AppConfig):
    """The VAWG champions network, built on the certificates and organisations of the training core."""

    name = "champions"
    verbose_name = "Champions network"

    def ready(self):
        from champions import directory_filters  # noqa: F401 (connects the receivers that refresh its cache)
        from champions.models import ChampionTier
        from champions.whiteribbon.models import Evidence, WhiteRibbonSettings
        from content.signals import pages_changed
        from lms.certificates.models import Certificate

        pages_changed.connect(_forget_cached_tiers, dispatch_uid="champions.tiers_cache.pages")
        post_save.connect(_forget_cached_tiers, sender=ChampionTier, dispatch_uid="champions.tiers_cache.save")
        post_delete.connect(_forget_cached_tiers, sender=ChampionTier, dispatch_uid="champions.tiers_cache.delete")
        m2m_changed.connect(
            _forget_cached_tiers, sender=ChampionTier.pathway_modules.through, dispatch_uid="champions.tiers_cache.m2m",
        )

        post_delete.connect(_delete_evidence_file, sender=Evidence, dispatch_uid="champions.whiteribbon.evidence_file")
        post_save.connect(
            _check_renewals_when_the_notice_changes, sender=WhiteRibbonSettings,
            dispatch_uid="champions.whiteribbon.renewals_on_settings",
        )
        post_save.connect(
            _renew_champion_on_new_certificate, sender=Certificate, dispatch_uid="champions.renew_on_certificate",
        )
