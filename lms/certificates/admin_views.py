"""The admin's revoke and restore screens: a coordinator withdraws a certificate, giving a reason
that is kept, and may undo it within CERTIFICATE_REVOCATION_UNDO_DAYS, giving another."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.certificates.models import Certificate
from lms.certificates.services import (
    CertificateError,
    can_undo_revocation,
    revocation_undo_window,
    revoke_certificate,
    undo_revocation,
)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text="Kept for coordinators; the public check shows only that it was revoked, and when.",
        error_messages={"required": "Give the reason for revoking this certificate."},
    )


class RestoreForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = "Kept in the certificate's history, beside the revocation it undoes."
        self.fields["reason"].error_messages["required"] = "Give the reason for restoring this certificate."


class CertificateActionView(WagtailAdminTemplateMixin, FormView):
    """A coordinator's action on one certificate, headed by whose it is, for which module, and its code."""

    header_icon = "doc-full-inverse"
    action_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("certificates.change_certificate"):
            raise PermissionDenied
        self.certificate = get_object_or_404(Certificate.objects.select_related("revoked_by"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.action_label} certificate {self.certificate.code}"

    def get_page_subtitle(self):
        return f"{self.certificate.holder_name}, {self.certificate.module_title}"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("certificates:index"), "label": "Certificates"},
            {"url": reverse("certificates:inspect", args=[self.certificate.pk]),
             "label": f"{self.certificate.holder_name} – {self.certificate.module_title}"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate, index_url=reverse("certificates:index"), **kwargs
        )


class CertificateRevokeView(CertificateActionView):
    """A coordinator withdraws a certificate, giving a reason."""

    template_name = "certificates/admin/certificate_revoke.html"
    form_class = ReasonForm
    action_label = "Revoke"

    def get_context_data(self, **kwargs):
        return super().get_context_data(undo_days=revocation_undo_window().days, **kwargs)

    def form_valid(self, form):
        try:
            revoke_certificate(self.certificate, by=self.request.user, reason=form.cleaned_data["reason"])
        except CertificateError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Certificate {self.certificate.code} ({self.certificate.holder_name}, {self.certificate.module_title}) "
            f"is revoked. You can undo this within {revocation_undo_window().days} days.",
        )
        return redirect("certificates:index")


class CertificateRestoreView(CertificateActionView):
    """A coordinator undoes a revocation made in error, within the stated window, giving a reason.
    After the window the page says why it can no longer be undone and offers no form."""

    template_name = "certificates/admin/certificate_restore.html"
    form_class = RestoreForm
    action_label = "Undo revocation of"

    def get_context_data(self, **kwargs):
        window = revocation_undo_window()
        revoked_at = self.certificate.revoked_at
        return super().get_context_data(
            undo_days=window.days,
            can_undo=can_undo_revocation(self.certificate),
            undo_until=timezone.localtime(revoked_at + window) if revoked_at else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            undo_revocation(self.certificate, by=self.request.user, reason=form.cleaned_data["reason"])
        except CertificateError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Certificate {self.certificate.code} ({self.certificate.holder_name}, {self.certificate.module_title}) "
            "is valid again. The revocation and its undoing are in the certificate's history.",
        )
        return redirect("certificates:index")
