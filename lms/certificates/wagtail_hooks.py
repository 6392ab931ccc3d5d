"""The admin's certificates: a read-only listing with a revoke action."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.certificates.admin_views import CertificateRevokeView
from lms.certificates.models import Certificate, CertificateBundle


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates come from completions only: nobody adds, edits or deletes one in the admin.
    Coordinators revoke them instead (CertificateRevokeView), which keeps the record."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


# Registered before any viewset asks for the model's policy (see wagtail.permissions).
register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


class CertificateIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.revoked_at and self.request.user.has_perm("certificates.change_certificate"):
            buttons.insert(0, ListingButton(
                "Revoke", url=reverse("certificates:revoke", args=[instance.pk]), icon_name="warning", priority=1,
            ))
        return buttons


class CertificateViewSet(ModelViewSet):
    """Coordinators find, export and revoke certificates. Certificates are never edited by hand."""

    model = Certificate
    index_view_class = CertificateIndexView
    icon = "doc-full-inverse"
    menu_label = "Certificates"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "holder_name", "module_title", "issued_on", "expires_on",
                    Column("revoked_at", label="Revoked")]
    list_filter = ["module_title", "issued_on", "expires_on"]
    list_export = ["code", "holder_name", "module_title", "level", "cpd_minutes", "issued_on", "expires_on",
                   "revoked_at", "revocation_reason"]
    export_filename = "certificates"
    search_fields = ["code", "holder_name", "module_title"]
    search_backend_name = None
    inspect_view_enabled = True
    form_fields = ["revocation_reason"]  # never used: the policy below refuses add and edit

    def get_queryset(self, request):
        return Certificate.objects.for_user(request.user).select_related("user")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", CertificateRevokeView.as_view(), name="revoke"),
        ]


certificate_viewset = CertificateViewSet("certificates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset


@hooks.register("organisation_lead_page_panels")
def staff_certificates_panel(request):
    """The lead's members page: their latest zip of staff certificates, its state, and the button."""
    bundle = CertificateBundle.objects.for_user(request.user).first()
    return render_to_string("certificates/staff_certificates_panel.html", {
        "bundle": bundle,
        "lost_organisations": bundle.organisations_no_longer_led_by(request.user) if bundle else [],
    }, request=request)
