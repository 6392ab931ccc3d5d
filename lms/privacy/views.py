"""The privacy notice, and each person's "Your data": downloading it and deleting their account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.files.storage import storages
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from champions.models import Champion
from lms.certificates.models import Certificate
from lms.privacy import retention
from lms.privacy.erasure import ErasureRefused, check_can_erase, erase_account
from lms.privacy.export import STORE, request_data_export
from lms.privacy.forms import DeleteAccountForm
from lms.privacy.models import DataExport
from lms.site.audit import log_export
from lms.site.permissions import public, signed_in

OWN_REQUEST = "their own request"


@public
@require_GET
def privacy_notice(request):
    """What is kept about people, why, who sees it, for how long, and how to get or erase it."""
    return render(request, "privacy/privacy_notice.html", {
        "inactive_years": retention.INACTIVE_ACCOUNT_ERASED_AFTER.days // 365,
        "warning_days": retention.INACTIVE_ACCOUNT_WARNING_BEFORE.days,
        "champion_years": retention.CHAMPION_ANONYMISED_AFTER.days // 365,
        "download_hours": int(DataExport.KEPT_FOR.total_seconds() // 3600),
    })


@signed_in
@require_GET
def your_data(request):
    """Download everything kept about you, or delete your account."""
    return render(request, "privacy/your_data.html", {
        "latest": DataExport.objects.for_user(request.user).first(),
        "download_hours": int(DataExport.KEPT_FOR.total_seconds() // 3600),
    })


@signed_in
@require_POST
def data_export_start(request):
    """Start preparing the zip in the background; a second click shows the one on its way."""
    export, created = request_data_export(request.user)
    if not created:
        messages.info(request, "Your data is already being gathered: this page shows how far it has got.")
    return redirect("data_export", export_id=export.pk)


@signed_in
@require_GET
def data_export(request, export_id: int):
    """How far the zip has got, and its download once ready. Only for its owner."""
    export = get_object_or_404(DataExport.objects.for_user(request.user), pk=export_id)
    return render(request, "privacy/data_export.html", {"export": export})


@signed_in
@require_GET
def data_export_download(request, export_id: int):
    """The finished zip, from the private store, for its owner only; once expired, back to the
    status page, which says so."""
    export = get_object_or_404(DataExport.objects.for_user(request.user), pk=export_id)
    store = storages[STORE]
    if not export.is_downloadable() or not store.exists(export.file_name):
        return redirect("data_export", export_id=export.pk)
    response = FileResponse(
        store.open(export.file_name, "rb"), as_attachment=True, content_type="application/zip",
        filename=f"my-data-{timezone.localtime(export.finished_at):%Y-%m-%d}.zip",
    )
    response["Cache-Control"] = "private, no-store"
    log_export(request.user, what="Their own personal data", file_format="zip")
    return response


@signed_in
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """Say what deleting the account means, then erase it once the password confirms."""
    user = request.user
    try:
        check_can_erase(user)
        refused = None
    except ErasureRefused as error:
        refused = str(error)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and not refused and form.is_valid():
        with transaction.atomic():
            erase_account(user, reason=OWN_REQUEST)
        logout(request)
        messages.success(request, "Your account has been deleted, with your records and certificates.")
        return redirect("/")
    return render(request, "privacy/delete_account.html", {
        "form": form, "refused": refused,
        "certificates": Certificate.objects.filter(user=user).count(),
        "champion": Champion.objects.filter(user=user).first(),
        "leads": user.led_organisations.exists(),
    }, status=400 if request.method == "POST" else 200)
