"""An organisation lead's training report on their organisation (/organisations/<id>/training/),
its CSV and Excel downloads, and the form on it that chooses the modules the organisation expects.

Leads only (`lead_of_organisation`): anyone else signed in is refused (403), and another
organisation's report is "not found" (404), so a lead never learns whether it exists. Every
figure and name comes from `lms.reports.lead`, which sees the organisation's confirmed members
only. Each download is logged in the audit trail.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from champions.whiteribbon.permissions import lead_of_organisation
from lms.organisations.models import Organisation
from lms.reports.lead import NAMES_SHOWN, ExpectedModulesError, set_expected_modules, training_report
from lms.reports.lead_exports import csv_download, file_name, report_tables, xlsx_download
from lms.reports.lead_forms import ExpectedModulesForm
from lms.site.audit import log_export
from lms.site.pagination import page_links

DOWNLOADS = {"csv": csv_download, "xlsx": xlsx_download}


def report_url(organisation: Organisation) -> str:
    return reverse("lead_training_report", args=[organisation.pk])


def _page(request, organisation: Organisation, form: ExpectedModulesForm | None = None):
    # One page of members (50), the first names of each list, and every figure over everyone.
    report = training_report(request.user, organisation, timezone.localdate(), page_number=request.GET.get("page") or 1)
    expectation = report.expectation
    if form is None:
        form = ExpectedModulesForm(
            sector_name=expectation.sector_name,
            initial={"modules": [module.pk for module in expectation.modules] if expectation.chosen else []},
        )
    return render(request, "reports/lead/training.html", {
        "organisation": organisation, "report": report, "form": form,
        "page": report.page, "page_items": page_links(report.page), "names_shown": NAMES_SHOWN,
    })


@lead_of_organisation
@require_GET
def training(request, organisation: Organisation):
    """The organisation's training: summary figures (small ones suppressed), each member against
    each expected module (50 a page, `?page=`), certificates expiring soon and who has not started
    (the first 50 of each), with downloads of the whole report."""
    return _page(request, organisation)


@lead_of_organisation
@require_POST
def expected_modules(request, organisation: Organisation):
    """Choose the modules the organisation expects (none: its sector's learning path)."""
    form = ExpectedModulesForm(request.POST, sector_name=organisation.sector.name if organisation.sector else "")
    if not form.is_valid():
        return _page(request, organisation, form)
    modules = form.cleaned_data["modules"]
    try:
        changed = set_expected_modules(organisation, modules, by=request.user)
    except ExpectedModulesError as error:
        messages.error(request, str(error))
        return redirect(report_url(organisation))
    if not changed:
        messages.info(request, "You did not change the expected modules, so nothing was saved.")
    elif modules:
        messages.success(request, f"Saved. {organisation.name} now expects {len(modules)} "
                                  f"module{'' if len(modules) == 1 else 's'}.")
    else:
        messages.success(request, f"Saved. {organisation.name} now follows its sector’s learning path.")
    return redirect(report_url(organisation))


@lead_of_organisation
@require_GET
def download(request, file_format: str, organisation: Organisation):
    """The report as CSV or Excel, logged in the audit trail against the organisation."""
    if file_format not in DOWNLOADS:
        raise Http404
    report = training_report(request.user, organisation, timezone.localdate())
    tables = report_tables(report)
    response = DOWNLOADS[file_format](tables, file_name(report))
    log_export(
        request.user, what="Organisation training report", file_format=file_format,
        rows=sum(len(table.rows) for table in tables), instance=organisation,
    )
    return response
