"""Importing and exporting organisations and White Ribbon accreditation records (django-import-export),
with a dry run first.

The coordinators' import (`whiteribbon_import`) follows the champions' import: the file is read
into plain text rows, the resource runs once as a dry run inside a transaction that is always
rolled back, and the page shows each row's outcome (new, changed, unchanged, failed, with every
problem in words). Only a file without a failed row can be confirmed; the confirmation imports
the very table the coordinator saw (kept in their session under its digest for 30 minutes), all
of it in one transaction or nothing. The export writes every confirmed organisation with its
current cycle through the same resource, as CSV or Excel, in the columns the import reads.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.views.generic import FormView, View
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from champions.forms.admin import ImportConfirmForm, ImportUploadForm
from champions.resources import FileProblem, dataset_of, one_import_at_a_time, read_rows
from champions.whiteribbon.models import AccreditationCycle
from champions.whiteribbon.resources import (
    COLUMNS,
    MAX_ROWS,
    REQUIRED,
    THINGS,
    OrganisationResource,
    heading,
)
from lms.accounts.models import District
from lms.certificates.exports import BOM
from lms.organisations.models import Organisation
from lms.site import kept_imports
from lms.site.audit import log_export, log_import

SESSION_KEY = "whiteribbon_import"
OUTCOMES = {"new": "New", "update": "Changed", "skip": "Unchanged", "invalid": "Failed", "error": "Failed",
            "delete": "Failed"}
IMPORT_PERMISSIONS = (
    "organisations.add_organisation", "organisations.change_organisation",
    "champions.add_accreditationcycle", "champions.change_accreditationcycle",
)
# The export holds the organisations' staff-only contacts: for those who manage organisations.
EXPORT_PERMISSIONS = ("organisations.change_organisation", "champions.view_accreditationcycle")

EXAMPLE_ROW = {
    "name": "Hightown Community Pharmacy", "type": "Pharmacy", "district": "Stevenage", "sector": "Health",
    "workforce_size": "10 to 49", "male_dominated_workforce": "no", "partnership_member": "yes",
    "website": "https://www.example.org", "contact_name": "Sam Okafor", "contact_email": "sam.okafor@example.org",
    "contact_phone": "01438 123456", "white_ribbon_track": "Accreditation", "white_ribbon_stage": "Accredited",
    "lead_contact_name": "Sam Okafor", "lead_contact_email": "sam.okafor@example.org",
}


def example_row() -> dict:
    """The template's example: accredited on the first of the month a year ago, so it always imports."""
    approved = timezone.localdate().replace(day=1)
    approved = approved.replace(year=approved.year - 1)
    return {**EXAMPLE_ROW, "approved_on": approved.isoformat()}


def _labels(choices) -> str:
    return "; ".join(f"{label}" for value, label in choices if value)


def column_guide() -> list[dict]:
    """Each column, whether it is required, and what it accepts, for the help on the page."""
    stages = AccreditationCycle.Stage
    return [
        {"column": "name", "what": "The organisation’s name. An organisation already listed is found by its name "
         "(capitals and spaces do not matter) and updated; any other name adds a new, confirmed organisation. Each "
         "organisation on one row only."},
        {"column": "type", "what": "The type of organisation, as one of: " + _labels(Organisation.Kind.choices)
         + " (or its short name, like early_years or public_body)."},
        {"column": "district", "what": "The district, by its name: "
         + "; ".join(District.objects.values_list("name", flat=True)) + "."},
        {"column": "sector", "what": "Optional. The sector, by its name, like Health or Housing."},
        {"column": "workforce_size", "what": "Optional. How many people work or volunteer there: "
         + _labels(Organisation.WorkforceSize.choices) + ". Blank means not known."},
        {"column": "male_dominated_workforce", "what": "Optional. yes if most of the people who work there are men, "
         "otherwise no. Blank means no."},
        {"column": "partnership_member", "what": "Optional. yes if it is a member of the VAWG partnership, otherwise "
         "no. Blank means no."},
        {"column": "website", "what": "Optional. Its website, in full: https://www.example.org."},
        {"column": "contact_name", "what": "Optional. A contact there, seen only by coordinators."},
        {"column": "contact_email", "what": "Optional. The contact’s email address, seen only by coordinators."},
        {"column": "contact_phone", "what": "Optional. The contact’s phone number, like 01707 123456, seen only by "
         "coordinators."},
        {"column": "white_ribbon_track", "what": "Accreditation, or Supporter organisation (supporter). Blank if the "
         "organisation has nothing to do with White Ribbon yet: then leave the next four blank too."},
        {"column": "white_ribbon_stage", "what": "Where it stands now: " + _labels(
            [(s, stages(s).label) for s in stages.values if s != stages.REACCREDITED])
         + ". Supporter organisations are only interested, committed, lapsed or withdrawn. A stage different from "
         "the organisation’s current one must be the next step from it (committed after interested, say); after "
         "re-accreditation, write Accredited with the new approval date."},
        {"column": "lead_contact_name", "what": "Optional. The organisation’s White Ribbon lead contact."},
        {"column": "lead_contact_email", "what": "Optional. The lead contact’s email address: they are emailed when "
         "renewal falls due."},
        {"column": "approved_on", "what": "The day White Ribbon UK’s panel approved the accreditation, as YYYY-MM-DD "
         "or DD/MM/YYYY, like 2025-03-31 or 31/03/2025. Needed for Accredited and Renewal due; blank before "
         "approval. Not in the future."},
    ]


def can_import(user) -> bool:
    return user.has_perms(IMPORT_PERMISSIONS)


def can_export(user) -> bool:
    return user.has_perms(EXPORT_PERMISSIONS)




def read_file(name: str, data: bytes) -> dict:
    """The upload as a table of text, or FileProblem with the reason."""
    return read_rows(name, data, columns=COLUMNS, required=REQUIRED, max_rows=MAX_ROWS, things=THINGS,
                     formulas_in_rows=True)


def run_import(table: dict, by, *, dry_run: bool, file_name: str = ""):
    """The resource run over the table: (import-export's result, the resource with its notes)."""
    resource = OrganisationResource(by=by, file_name=file_name)
    result = resource.import_data(
        dataset_of(table), dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True,
        raise_errors=False,
    )
    return result, resource


def outcome_rows(result, resource, table) -> list[dict]:
    """Each row of the file with what importing it does, and its problems, in words."""
    rows = []
    for index, row_result in enumerate(result.rows):
        number = index + 2
        note = resource.notes.get(number)
        problems = []
        if row_result.validation_error is not None:
            error = row_result.validation_error
            details = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for column in [c for c in COLUMNS if c in details] + [c for c in details if c not in COLUMNS]:
                for text in details[column]:
                    problems.append({"column": heading(column) if column in COLUMNS else "", "text": text})
        for row_error in row_result.errors:
            problems.append({"column": "", "text": f"This row could not be read: {row_error.error}"})
        outcome = OUTCOMES.get(row_result.import_type, "Failed")
        rows.append({
            "number": number,
            "name": note.name if note else "",
            "outcome": outcome,
            "changes": note.changes if note and outcome in ("New", "Changed") else [],
            "problems": problems,
        })
    return rows


def count(rows) -> dict:
    counts = {"New": 0, "Changed": 0, "Unchanged": 0, "Failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts


class ImportAccess:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganisationImportForm(ImportUploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Spreadsheet of organisations"
        self.fields["file"].help_text = (
            "A CSV file (saved as “CSV UTF-8”) or an Excel workbook (.xlsx), with one organisation a row, "
            f"at most {MAX_ROWS:,}."
        )


def _breadcrumbs() -> list[dict]:
    try:
        pipeline = reverse("whiteribbon_pipeline")
    except NoReverseMatch:  # the pipeline is another part's screen
        pipeline = ""
    return [{"url": reverse("wagtailadmin_home"), "label": "Home"}, {"url": pipeline, "label": "White Ribbon"},
            {"url": "", "label": "Import and export organisations"}]


class ImportView(ImportAccess, WagtailAdminTemplateMixin, FormView):
    """Upload a spreadsheet of organisations and their White Ribbon records, and see, before
    anything is written, which rows are new, changed, unchanged or failed, and why."""

    template_name = "champions/whiteribbon/import/import.html"
    form_class = OrganisationImportForm
    header_icon = "upload"
    page_title = "Import organisations and White Ribbon records"

    def get_breadcrumbs_items(self):
        return _breadcrumbs()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            column_guide=column_guide(), required=REQUIRED, max_rows=MAX_ROWS,
            template_url=reverse("whiteribbon_import_template"),
            export_csv_url=reverse("whiteribbon_export_csv"), export_xlsx_url=reverse("whiteribbon_export_xlsx"),
            can_export=can_export(self.request.user), **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        name = (upload.name or "upload")[:200]
        try:
            table = read_file(name, upload.read())
        except FileProblem as problem:
            form.add_error("file", str(problem))
            return self.form_invalid(form)
        with transaction.atomic():
            result, resource = run_import(table, self.request.user, dry_run=True, file_name=name)
            transaction.set_rollback(True)  # the dry run writes nothing, whatever happened inside
        rows = outcome_rows(result, resource, table)
        counts = count(rows)
        base_errors = [str(error.error) for error in result.base_errors]
        digest = kept_imports.digest(table)
        can_confirm = not counts["Failed"] and not base_errors and bool(counts["New"] or counts["Changed"])
        if can_confirm:
            kept_imports.keep(self.request, SESSION_KEY, table=table, name=name,
                              preview=kept_imports.preview_digest(rows, "changes"))
        else:
            kept_imports.forget(self.request, SESSION_KEY)
        return self.render_to_response(self.get_context_data(
            form=self.get_form_class()(), dry_run=True, file_name=name, rows=rows, counts=counts,
            failed_rows=[row for row in rows if row["problems"]], base_errors=base_errors,
            shown_rows=[row for row in rows if row["outcome"] != "Unchanged"],
            can_confirm=can_confirm, confirm_form=ImportConfirmForm(initial={"digest": digest}),
            to_write=counts["New"] + counts["Changed"],
        ))


class ImportConfirmView(ImportAccess, View):
    """Import the file shown in the dry run, all or nothing. Refused if the file kept in this
    session is missing, older than kept_imports.KEEP, someone else's, or not the one the page showed."""

    http_method_names = ["post"]

    def post(self, request):
        form = ImportConfirmForm(request.POST)
        kept = kept_imports.take(request, SESSION_KEY, form.cleaned_data["digest"] if form.is_valid() else None)
        if kept is None:
            messages.error(request, kept_imports.NO_LONGER_WAITING)
            return redirect("whiteribbon_import")
        table = kept["table"]
        with transaction.atomic():
            one_import_at_a_time("whiteribbon")  # so that the preview check below sees the others' imports
            result, resource = run_import(table, request.user, dry_run=False, file_name=str(kept.get("name", "")))
            rows = outcome_rows(result, resource, table)
            counts = count(rows)
            failed = bool(counts["Failed"] or result.base_errors)
            # Someone changed these records since the preview: importing now would not do what it said.
            moved = kept_imports.preview_digest(rows, "changes") != kept.get("preview")
            if failed or moved:
                transaction.set_rollback(True)
            else:
                log_import(request.user, what="White Ribbon organisations", file_name=str(kept.get("name", "")),
                           created=counts["New"], changed=counts["Changed"], unchanged=counts["Unchanged"])
        if failed or moved:
            messages.error(request, "The records changed since you checked the file, so importing it would no "
                                    "longer do what the preview showed: nothing was imported. Upload the file again "
                                    "to see what it would do now.")
            return redirect("whiteribbon_import")
        messages.success(
            request,
            f"Imported “{kept.get('name', 'the file')}”: {counts['New']} new, {counts['Changed']} changed, "
            f"{counts['Unchanged']} unchanged. Each change is in the organisation’s or the cycle’s history.",
        )
        return redirect("whiteribbon_import")


class ImportTemplateView(ImportAccess, View):
    """The headings of an import file and one example row, as a CSV that Excel opens."""

    def get(self, request):
        example = example_row()
        text = BOM + ",".join(COLUMNS) + "\r\n" + ",".join(f'"{example[column]}"' for column in COLUMNS) + "\r\n"
        response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="organisations-white-ribbon-template.csv"'
        return response


class ExportView(View):
    """Every confirmed organisation with its current White Ribbon cycle, in the import's columns."""

    file_format = "csv"
    CONTENT_TYPES = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def get(self, request):
        if not can_export(request.user):
            raise PermissionDenied
        dataset = OrganisationResource().export()
        dataset.title = "Organisations"
        log_export(request.user, what="White Ribbon organisations", file_format=self.file_format, rows=len(dataset))
        csv = self.file_format == "csv"
        body = (BOM + dataset.export("csv")).encode("utf-8") if csv else dataset.export("xlsx")
        response = HttpResponse(body, content_type=self.CONTENT_TYPES[self.file_format])
        name = f"organisations-white-ribbon-{timezone.localdate().isoformat()}.{self.file_format}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


@hooks.register("register_admin_urls")
def register_white_ribbon_import_urls():
    return [
        path("white-ribbon/import/", ImportView.as_view(), name="whiteribbon_import"),
        path("white-ribbon/import/confirm/", ImportConfirmView.as_view(), name="whiteribbon_import_confirm"),
        path("white-ribbon/import/template.csv", ImportTemplateView.as_view(), name="whiteribbon_import_template"),
        path("white-ribbon/export/organisations.csv", ExportView.as_view(file_format="csv"),
             name="whiteribbon_export_csv"),
        path("white-ribbon/export/organisations.xlsx", ExportView.as_view(file_format="xlsx"),
             name="whiteribbon_export_xlsx"),
    ]
