"""The Wagtail admin as a whole: the site's branding, and a dashboard without what a person cannot use.

Each app adds its own dashboard panels in its own `wagtail_hooks.py`, shown by permission.
Here, Wagtail's stock page panels are taken away from people who hold no page permission at all
(a coordinator): they would cost queries and could only ever be empty. The page search and the
page count follow the same rule (`wagtailadmin/home.html`, and Wagtail's own summary item).
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from lms.site.audit import EXPORT_ACTION, IMPORT_ACTION, export_message, import_message, may_read_audit_trail
from lms.site.audit_trail import AuditTrailView

# Wagtail's own dashboard panels that list pages (or objects in a page workflow) for the user.
PAGE_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "recent_edits",
    "locked_pages",
}


@hooks.register("insert_global_admin_css")
def site_branding_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# Before any app adds its own panels (lower order runs first), so only Wagtail's are looked at.
@hooks.register("construct_homepage_panels", order=-10)
def hide_page_panels_from_people_without_page_permissions(request, panels):
    user = request.user
    if user.is_superuser or user_has_any_page_permission(user):
        return
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in PAGE_PANELS]


# Wagtail's help menu items that open wagtail.org in a new tab ("What's new", "Editor Guide").
OFF_SITE_HELP_ITEMS = {"whats-new-in-wagtail", "editor-guide"}


@hooks.register("construct_help_menu")
def keep_help_on_this_site(request, menu_items):
    """Staff are not sent to another site from the admin: only the keyboard shortcuts stay."""
    menu_items[:] = [
        item for item in menu_items
        if not any(item.name.startswith(prefix) for prefix in OFF_SITE_HELP_ITEMS)
    ]


@hooks.register("register_log_actions")
def register_export_log_action(actions):
    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = "Data exported"

        def format_message(self, log_entry):
            return export_message(log_entry.data or {})

    @actions.register_action(IMPORT_ACTION)
    class ImportFormatter(LogFormatter):
        label = "File imported"

        def format_message(self, log_entry):
            return import_message(log_entry.data or {})


# The audit trail (lms.site.audit_trail), for administrators. Every download of an admin listing is
# logged and Wagtail's stock Site history is for administrators only: both set up in
# SiteConfig.ready(). Site history leaves the menu, which offers the audit trail instead.


@hooks.register("register_admin_urls")
def register_audit_trail_urls():
    return [
        path("audit/", AuditTrailView.as_view(), name="audit_trail"),
        path("audit/results/", AuditTrailView.as_view(results_only=True), name="audit_trail_results"),
    ]


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_trail(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_trail_menu_item():
    return AuditTrailMenuItem("Audit trail", reverse("audit_trail"), name="audit-trail", icon_name="history",
                              order=1000)


@hooks.register("construct_reports_menu")
def replace_site_history_with_the_audit_trail(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "site-history"]
