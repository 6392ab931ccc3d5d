"""The admin's revoke screen: a coordinator withdraws a certificate, giving a reason that is kept."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.certificates.models import Certificate
from lms.certificates.services import CertificateError, revoke_certificate


class RevokeForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text="Kept for coordinators; the public check shows only that it was revoked, and when.",
        error_messages={"required": "Give the reason for revoking this certificate."},
    )


class CertificateRevokeView(WagtailAdminTemplateMixin, FormView):
    """A coordinator withdraws a certificate, giving a reason."""

    template_name = "certificates/admin/certificate_revoke.html"
    form_class = RevokeForm
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("certificates.change_certificate"):
            raise PermissionDenied
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Revoke certificate {self.certificate.code}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate, index_url=reverse("certificates:index"), **kwargs
        )

    def form_valid(self, form):
        try:
            revoke_certificate(self.certificate, by=self.request.user, reason=form.cleaned_data["reason"])
        except CertificateError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Certificate {self.certificate.code} is revoked.")
        return redirect("certificates:index")
