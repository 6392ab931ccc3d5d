"""Certificate downloads (holder, coordinators, organisation leads) and public verification."""

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks

from lms.certificates.bundles import request_certificate_bundle
from lms.certificates.history import history_of_one
from lms.certificates.models import Certificate, CertificateBundle, CertificateBundleError
from lms.certificates.pdf import certificate_filename
from lms.certificates.pdf import certificate_pdf as stored_certificate_pdf
from lms.certificates.services import normalise_code, state_label, today
from lms.organisations.permissions import organisation_lead
from lms.site.audit import log_export
from lms.site.permissions import public, signed_in

# Look-ups per client address, counted by allauth's rate limits: the rate is the
# "verify_certificate" entry of ACCOUNT_RATE_LIMITS in settings.
VERIFY_RATE_LIMIT = "verify_certificate"
# Apps above this one answer whether a code no longer found belonged to a certificate whose
# holder erased their account (lms.privacy): a function of the code, True if so.
CERTIFICATE_CODE_ERASED_HOOK = "certificate_code_erased"


@signed_in
@require_GET
def certificate_pdf(request, code: str):
    """The PDF, for its holder, a coordinator, or a lead of the holder's organisation; else 404."""
    if normalise_code(code) != code:  # not a code we issue (and PostgreSQL refuses NUL in text)
        raise Http404
    certificate = get_object_or_404(Certificate.objects.for_user(request.user), code=code)
    if certificate.revoked_at:
        return render(request, "certificates/certificate_revoked.html", {"certificate": certificate}, status=410)
    response = HttpResponse(stored_certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    return response


class VerifyForm(forms.Form):
    code = forms.CharField(
        label="Certificate code", max_length=40,
        help_text="The 16 letters and numbers printed on the certificate, for example 7K3M-9QXR-2B5T-HW4N.",
        error_messages={"required": "Enter the certificate code", "max_length": "Enter the certificate code"},
    )


def _rate_limited(request) -> bool:
    # allauth counts GETs only when asked to (limit_get). Its own "too many requests" answer is
    # replaced by ours, which explains what to do.
    return ratelimit.consume_or_429(request, action=VERIFY_RATE_LIMIT, limit_get=True) is not None


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@public
@never_cache
@require_http_methods(["GET"])
def verify(request):
    """Type a code to check a certificate."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        code = normalise_code(form.cleaned_data["code"]) or form.cleaned_data["code"].strip()
        return redirect("verify_code", code=code.replace("/", "")[:40] or "unknown")
    return _noindex(render(request, "certificates/verify.html", {"form": form}))


@public
@never_cache
@require_GET
def verify_code(request, code: str):
    """What a certificate says today. A malformed and an unknown code get the same answer."""
    if _rate_limited(request):
        return _noindex(render(request, "certificates/verify_limited.html", status=429))
    canonical = normalise_code(code)
    certificate = Certificate.objects.filter(code=canonical).first() if canonical else None
    if certificate is None and canonical and any(
        erased(canonical) for erased in hooks.get_hooks(CERTIFICATE_CODE_ERASED_HOOK)
    ):
        return _noindex(render(request, "certificates/verify_result.html", {"erased": True}, status=410))
    if certificate is None:
        form = VerifyForm(initial={"code": code[:40]})
        return _noindex(render(request, "certificates/verify_result.html", {"found": False, "form": form}, status=404))
    state = certificate.state_on(today())
    return _noindex(render(request, "certificates/verify_result.html", {
        "found": True, "certificate": certificate, "state": state, "state_label": state_label(state),
        "history": history_of_one(certificate),
    }))


@organisation_lead
@require_POST
def certificate_bundle_start(request):
    """Start a zip of the current certificates of this lead's confirmed staff, made in the
    background; a second click while one is on its way shows that one."""
    try:
        bundle, created = request_certificate_bundle(request.user)
    except CertificateBundleError as error:
        messages.info(request, str(error))
        return redirect("organisation_members")
    if not created:
        messages.info(request, "Your zip is already being prepared: this page shows how far it has got.")
    return redirect("certificate_bundle", bundle_id=bundle.pk)


@organisation_lead
@require_GET
def certificate_bundle(request, bundle_id: int):
    """How far a zip has got, and its download link once ready. Only for the lead who asked."""
    bundle = get_object_or_404(CertificateBundle.objects.for_user(request.user), pk=bundle_id)
    return render(request, "certificates/certificate_bundle.html", {
        "bundle": bundle,
        "lost_organisations": bundle.organisations_no_longer_led_by(request.user),
    })


@organisation_lead
@require_GET
def certificate_bundle_download(request, bundle_id: int):
    """The finished zip, streamed from the private store. Only for the lead who asked, while they
    still lead every organisation it covers and may still see every certificate it holds;
    otherwise back to the status page, which says why."""
    bundle = get_object_or_404(CertificateBundle.objects.for_user(request.user), pk=bundle_id)
    store = storages["certificates"]
    if (not bundle.is_downloadable() or bundle.organisations_no_longer_led_by(request.user)
            or bundle.holds_certificates_no_longer_shown or not store.exists(bundle.file_name)):
        return redirect("certificate_bundle", bundle_id=bundle.pk)
    log_export(request.user, what="Staff certificates (zip)", file_format="zip", rows=bundle.total,
               filters={"Organisations": ", ".join(sorted(o.name for o in bundle.organisations.all()))})
    response = FileResponse(
        store.open(bundle.file_name, "rb"), as_attachment=True, content_type="application/zip",
        filename=f"staff-certificates-{timezone.localtime(bundle.finished_at):%Y-%m-%d}.zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
