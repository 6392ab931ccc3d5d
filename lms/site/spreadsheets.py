"""Cells of the spreadsheets the site writes (CSV exports): a cell starting with = + - @ (or a
tab or carriage return) is run as a formula by Excel and LibreOffice unless neutralised (OWASP's
CSV injection advice). `spreadsheet_text` neutralises one value; `neutralise_wagtail_csv_exports`
makes every CSV export of Wagtail's admin (snippets, reports, site history) do the same."""

from __future__ import annotations

# OWASP's list of characters that start a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value) -> str:
    """`value` as a cell's text; one that a spreadsheet would run as a formula gets a leading
    apostrophe, which Excel and LibreOffice show as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def neutralise_wagtail_csv_exports() -> None:
    """Wrap Wagtail's CSV row writer so that text cells never run as formulas. Its XLSX writer
    already stores such cells as text. An editor's draft reaches these exports before any
    review, so without this anyone able to type a name could plant a formula for a coordinator."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.write_csv_row, "neutralises_formulas", False):
        return
    original = SpreadsheetExportMixin.write_csv_row

    def write_csv_row(self, writer, row_dict):
        return original(self, writer, {
            field: spreadsheet_text(value) if isinstance(value, str) else value
            for field, value in row_dict.items()
        })

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
