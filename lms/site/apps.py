from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles_after_last_app(sender, app_config, **kwargs):
    # post_migrate fires once per app; the permissions of every app exist only after the last.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is with_models[-1]:
        from lms.site.roles import sync_roles

        sync_roles(using=kwargs.get("using", "default"))


class SiteConfig(AppConfig):
    """Site-wide plumbing every other app may use: middleware, GOV.UK template tags, roles, safety pages."""

    name = "lms.site"
    label = "site"
    verbose_name = "Site"

    def ready(self):
        from wagtail.admin.views.reports.audit_logging import LogEntriesView

        from lms.site import checks  # noqa: F401  (registers the deploy checks)
        from lms.site.audit_trail import administrators_only
        from lms.site.spreadsheets import log_wagtail_exports, neutralise_wagtail_csv_exports

        neutralise_wagtail_csv_exports()
        # Every download of an admin listing goes in the audit trail, and Wagtail's Site history
        # (every person's actions) is for administrators only, as the audit trail is.
        log_wagtail_exports()
        administrators_only(LogEntriesView)

        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="site.sync_roles")
