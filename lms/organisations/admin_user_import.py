"""The coordinators' bulk import of people (admin, *Import people*): upload a spreadsheet, see what
it would do (new, unchanged and failed rows, every problem in words), then confirm.

As the other imports do: the file is read into a table of text, the resource runs as a dry run
inside a transaction that is always rolled back, and only a file without a failed row can be
confirmed. The confirmation imports the very table the coordinator saw (kept in their session
under its digest for 30 minutes), in one transaction, or nothing. Rows are handled within the
request, up to user_import.MAX_ROWS; the page gives the honest count of what was checked and,
after the import, of accounts made and invitations queued.
"""

from __future__ import annotations

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from lms.accounts.models import District
from lms.organisations import user_import
from lms.organisations.user_import import (
    MAX_ROWS,
    REQUIRED,
    FileProblem,
    can_import_people,
    count,
    outcome_rows,
    read_table,
    run_import,
)
from lms.site import kept_imports
from lms.site.audit import log_import

SESSION_KEY = "people_import"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
BOM = "\ufeff"


class PeopleUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet of people",
        help_text=f"A CSV file (saved as “CSV UTF-8”) or an Excel workbook (.xlsx), one person a row, at most "
                  f"{MAX_ROWS:,} rows.",
        error_messages={
            "required": "Choose a CSV or Excel file to upload.",
            "empty": "The file you chose is empty.",
            "invalid": "Choose a CSV or Excel file to upload.",
            "missing": "Choose a CSV or Excel file to upload.",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The file must be smaller than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. "
                                        "Split it into smaller files.")
        return upload


class PeopleConfirmForm(forms.Form):
    """Carries the fingerprint of the file the coordinator saw in the dry run."""

    digest = forms.CharField(max_length=64, min_length=64, widget=forms.HiddenInput)


def column_guide() -> list[dict]:
    districts = "; ".join(District.objects.values_list("name", flat=True))
    return [
        {"column": "email", "what": "The person’s work email address. Their invitation goes there. One row a "
         "person: an address on two rows fails both."},
        {"column": "full_name", "what": "Their full name, as it should appear on their certificates. They can "
         "change it later."},
        {"column": "job_role", "what": "Optional. Their job, like Practice nurse or Housing officer."},
        {"column": "organisation", "what": "The organisation they work or volunteer for, by its name exactly as "
         "listed under Organisations (capitals and spaces aside). It must be confirmed: add or confirm it first."},
        {"column": "district", "what": f"Optional. Where they work: {districts}."},
        {"column": "sector", "what": "Optional. Their sector, by its name, like Health or Housing."},
    ]




class ImportAccess:
    def dispatch(self, request, *args, **kwargs):
        if not can_import_people(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PeopleImportView(ImportAccess, WagtailAdminTemplateMixin, FormView):
    """Upload a spreadsheet of people and see, before anything is written, which rows make a new
    account, which change nothing, and which cannot be imported, and why."""

    template_name = "organisations/admin/user_import.html"
    form_class = PeopleUploadForm
    header_icon = "upload"
    page_title = "Import people"

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": "Home"},
                {"url": reverse("organisations:index"), "label": "Organisations"},
                {"url": "", "label": "Import people"}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            column_guide=column_guide(), required=REQUIRED, max_rows=MAX_ROWS,
            template_url=reverse("user_import_template"), **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        name = (upload.name or "upload")[:200]
        try:
            table = read_table(name, upload.read())
        except FileProblem as problem:
            form.add_error("file", str(problem))
            return self.form_invalid(form)
        with transaction.atomic():
            result, resource = run_import(table, self.request.user, dry_run=True, file_name=name)
            transaction.set_rollback(True)  # the dry run writes nothing, whatever happened inside
        rows = outcome_rows(result, resource)
        counts = count(rows)
        base_errors = [str(error.error) for error in result.base_errors]
        digest = kept_imports.digest(table)
        can_confirm = not counts["Failed"] and not base_errors and bool(counts["New"])
        if can_confirm:
            kept_imports.keep(self.request, SESSION_KEY, table=table, name=name,
                              preview=kept_imports.preview_digest(rows))
        else:
            kept_imports.forget(self.request, SESSION_KEY)
        return self.render_to_response(self.get_context_data(
            form=self.get_form_class()(), dry_run=True, file_name=name, rows=rows, counts=counts,
            checked=len(rows), failed_rows=[row for row in rows if row["problems"]], base_errors=base_errors,
            shown_rows=[row for row in rows if row["outcome"] != "Unchanged"],
            can_confirm=can_confirm, confirm_form=PeopleConfirmForm(initial={"digest": digest}),
        ))


class PeopleImportConfirmView(ImportAccess, View):
    """Import the file shown in the dry run, all or nothing. Refused if the file kept in this
    session is missing, older than kept_imports.KEEP, someone else's, or not the one the page showed."""

    http_method_names = ["post"]

    def post(self, request):
        form = PeopleConfirmForm(request.POST)
        kept = kept_imports.take(request, SESSION_KEY, form.cleaned_data["digest"] if form.is_valid() else None)
        if kept is None:
            messages.error(request, kept_imports.NO_LONGER_WAITING)
            return redirect("user_import")
        table = kept["table"]
        with transaction.atomic():
            result, resource = run_import(table, request.user, dry_run=False, file_name=str(kept.get("name", "")))
            rows = outcome_rows(result, resource)
            counts = count(rows)
            failed = bool(counts["Failed"] or result.base_errors)
            moved = kept_imports.preview_digest(rows) != kept.get("preview")  # someone signed up or joined since
            if failed or moved:
                transaction.set_rollback(True)
            else:
                log_import(request.user, what="People", file_name=str(kept.get("name", "")),
                           created=counts["New"], unchanged=counts["Unchanged"])
        if failed or moved:
            messages.error(request, "Accounts or memberships changed since you checked the file, so importing it "
                                    "would no longer do what the preview showed: nothing was imported. Upload the "
                                    "file again to see what it would do now.")
            return redirect("user_import")
        new, plural = counts["New"], "" if counts["New"] == 1 else "s"
        messages.success(
            request,
            f"Imported “{kept.get('name', 'the file')}”: {new} new account{plural}, each a confirmed member of their "
            f"organisation, and {new} invitation{plural} queued to be emailed; {counts['Unchanged']} unchanged. "
            "Each account’s history says it was imported, and by whom.",
        )
        return redirect("user_import")


class PeopleImportTemplateView(ImportAccess, View):
    """The headings of an import file and one example row, as a CSV that Excel opens."""

    def get(self, request):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(user_import.template_rows())
        response = HttpResponse((BOM + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="people-import-template.csv"'
        return response


class PeopleImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_people(request.user)


@hooks.register("register_admin_urls")
def register_people_import_urls():
    return [
        path("people/import/", PeopleImportView.as_view(), name="user_import"),
        path("people/import/confirm/", PeopleImportConfirmView.as_view(), name="user_import_confirm"),
        path("people/import/template.csv", PeopleImportTemplateView.as_view(), name="user_import_template"),
    ]


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return PeopleImportMenuItem("Import people", reverse("user_import"), name="people-import", icon_name="upload",
                                order=306)


@hooks.register("register_log_actions")
def register_people_import_log_actions(actions):
    @actions.register_action(user_import.CREATE_ACTION)
    class CreatedFormatter(LogFormatter):
        label = "Account created by an import"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            where = f" (row {data['row']} of “{data.get('file', '')}”)" if data.get("row") else ""
            return f"Account created by an import{where}, a confirmed member of {data.get('organisation', '')}"

    actions.register_action(user_import.INVITE_ACTION, "Invitation emailed", "Invitation emailed")

