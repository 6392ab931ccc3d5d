"""Cells of the spreadsheets the site writes (CSV exports): a cell starting with = + - @ (or a
tab or carriage return) is run as a formula by Excel and LibreOffice unless neutralised (OWASP's
CSV injection advice). `spreadsheet_text` neutralises one value; `neutralise_wagtail_csv_exports`
makes every CSV export of Wagtail's admin (snippets, reports, site history) do the same;
`log_wagtail_exports` puts every one of those exports in the audit trail; and
`ExcelFriendlyExport` is what our own admin listings add to Wagtail's exports."""

from __future__ import annotations

import datetime
import decimal

# Excel opens a UTF-8 CSV correctly only when it starts with a byte order mark.
BOM = "\ufeff"

# OWASP's list of characters that start a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value) -> str:
    """`value` as a cell's text; one that a spreadsheet would run as a formula gets a leading
    apostrophe, which Excel and LibreOffice show as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value):
    """A CSV cell: numbers, dates and empties as they are; anything else (text, or an object
    written as its text, such as an organisation by its name) as neutralised text."""
    if value is None or isinstance(value, (bool, int, float, decimal.Decimal, datetime.date)):
        return value
    return spreadsheet_text(value)


def neutralise_wagtail_csv_exports() -> None:
    """Replace Wagtail's CSV row writer with one that neutralises every cell after it has been
    prepared (so an object whose name starts with "=" is caught too). Its XLSX writer already
    stores such cells as text. An editor's draft reaches these exports before any review, so
    without this anyone able to type a name could plant a formula for a coordinator."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.write_csv_row, "neutralises_formulas", False):
        return

    def write_csv_row(self, writer, row_dict):
        return writer.writerow({
            field: _cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        })

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row


def export_filters(view) -> dict:
    """What an admin listing's export was narrowed by: the view's own labels where it gives them
    (`export_filters_for_log()`), else the query string as it was (search, filters, ordering)."""
    labelled = getattr(view, "export_filters_for_log", None)
    if labelled is not None:
        return labelled()
    query = view.request.GET
    return {key: ", ".join(query.getlist(key)) for key in query if key != "export"}


def log_listing_export(view, queryset, spreadsheet_format: str):
    """One audit entry for an export of a Wagtail listing: which listing, the format, how many
    rows (one COUNT query, never a query per row) and its filters."""
    from lms.site.audit import log_export

    title = view.get_page_title() if hasattr(view, "get_page_title") else getattr(view, "page_title", "")
    rows = len(queryset) if isinstance(queryset, (list, tuple)) else queryset.count()
    return log_export(view.request.user, what=str(title or "an admin list"), file_format=spreadsheet_format,
                      rows=rows, filters=export_filters(view))


def log_wagtail_exports() -> None:
    """Every CSV or Excel download of a Wagtail admin listing (ours through ExcelFriendlyExport,
    Wagtail's own, the audit trail's) writes an "lms.export" entry, in this one place."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.as_spreadsheet, "logs_exports", False):
        return
    write_spreadsheet = SpreadsheetExportMixin.as_spreadsheet

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = write_spreadsheet(self, queryset, spreadsheet_format)
        if response is not None:  # an unknown format is not an export
            log_listing_export(self, queryset, spreadsheet_format)
        return response

    as_spreadsheet.logs_exports = True
    SpreadsheetExportMixin.as_spreadsheet = as_spreadsheet


def value_at(item, dotted: str):
    """`item.a.b.c` for "a.b.c", or None where a step is empty (a method at the end is called)."""
    value = item
    for part in dotted.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value() if callable(value) else value


class ExcelFriendlyExport:
    """For a Wagtail IndexView with `list_export`: CSV that Excel opens as UTF-8 (a byte order
    mark first), and export fields that follow related objects ("organisation.district.name")
    through empty ones. Formulas are neutralised, and the export logged, for every export (above)."""

    def to_row_dict(self, item):
        return {field: value_at(item, field) for field in self.list_export}

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)
