from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles_after_last_app(sender, app_config, **kwargs):
    # post_migrate fires once per app; the permissions of every app exist only after the last.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is with_models[-1]:
        from lms.roles import sync_roles

        sync_roles(using=kwargs.get("using", "default"))


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = "Learning"

    def ready(self):
        from allauth.mfa.signals import authenticator_added
        from django.db.models.signals import post_save, pre_save

        from content.learning import register_engine
        from lms.progress import LmsLearningEngine, module_passed
        from lms.receivers import (
            count_new_authenticator_as_mfa,
            issue_certificate_on_pass,
        )
        from lms.staff_mfa import lower_flags_again_after_save, restore_stored_flags_before_save

        register_engine(LmsLearningEngine())
        pre_save.connect(restore_stored_flags_before_save, sender="lms.User", dispatch_uid="staff-flags-pre-save")
        post_save.connect(lower_flags_again_after_save, sender="lms.User", dispatch_uid="staff-flags-post-save")
        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="lms.sync_roles")
        authenticator_added.connect(count_new_authenticator_as_mfa, dispatch_uid="lms.new_authenticator_mfa")
        module_passed.connect(issue_certificate_on_pass, dispatch_uid="lms.certificate_on_pass")
