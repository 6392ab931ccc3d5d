"""Cells of the spreadsheets the site writes (CSV exports): a cell starting with = + - @ (or a
tab or carriage return) is run as a formula by Excel and LibreOffice unless neutralised (OWASP's
CSV injection advice). `spreadsheet_text` neutralises one value; `neutralise_wagtail_csv_exports`
makes every CSV export of Wagtail's admin (snippets, reports, site history) do the same, and
every CSV and Excel export drop the control characters Excel refuses; `log_wagtail_exports` puts
every one of those exports in the audit trail with the listing's own filters (`export_filters`),
never its raw query string; and
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


# Excel keeps at most this many characters in a cell, and says the file needs repairing if one has more.
XLSX_CELL_MAX = 32767


def neutralise_wagtail_csv_exports() -> None:
    """Replace Wagtail's CSV row writer with one that neutralises every cell after it has been
    prepared (so an object whose name starts with "=" is caught too). Its XLSX writer already
    stores such cells as text. An editor's draft reaches these exports before any review, so
    without this anyone able to type a name could plant a formula for a coordinator.

    Every cell of both formats also loses the control characters a spreadsheet refuses (openpyxl
    raises IllegalCharacterError on them, so one stored name or audit entry holding one would
    make the download fail for good), and an Excel cell is cut to what Excel keeps."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin.write_csv_row, "neutralises_formulas", False):
        return
    prepare = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = prepare(self, field, value, export_format)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if export_format == self.FORMAT_XLSX:
                value = value[:XLSX_CELL_MAX]
        return value

    def write_csv_row(self, writer, row_dict):
        return writer.writerow({
            field: _cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        })

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.write_csv_row = write_csv_row


def export_filters(view) -> dict:
    """What an admin listing's export was narrowed by, as a person reads it: the view's own labels
    where it gives them (`export_filters_for_log()`), else `listing_filters`. Never the query
    string as it was: anyone can add to that ("?note=…"), and the listing ignores what it does
    not filter by."""
    labelled = getattr(view, "export_filters_for_log", None)
    if labelled is not None:
        return labelled()
    return listing_filters(view)


def listing_filters(view) -> dict:
    """A Wagtail listing's own filters that were set ({"Status": "Confirmed"}), its search
    ({"Search": "river"}) and its ordering when it is one the listing offers ({"Ordered by":
    "Name, descending"}). A filter form that cannot be read is not applied by Wagtail, which then
    exports everything: its values are kept as typed, under "Status (not applied)"."""
    chosen: dict[str, str] = {}
    filterset = getattr(view, "filters", None)
    if filterset is not None:
        chosen.update(_filterset_labels(filterset))
    if getattr(view, "is_searchable", False) and getattr(view, "search_query", ""):
        chosen["Search"] = view.search_query
    ordering = view.request.GET.get("ordering", "")
    valid_orderings = view.get_valid_orderings() if hasattr(view, "get_valid_orderings") else []
    if ordering and ordering in valid_orderings:
        chosen["Ordered by"] = _ordering_label(view, ordering)
    return chosen


def _filterset_labels(filterset) -> dict:
    form = filterset.form
    labels = {}
    if form.is_valid():
        for name in form.changed_data:
            text = _readable(form.fields[name], form.cleaned_data.get(name))
            if text:
                labels[_filter_label(filterset, name)] = text
        return labels
    for name in form.fields:
        raw = form[name].value()
        parts = [str(part) for part in (raw if isinstance(raw, (list, tuple)) else [raw]) if part not in (None, "")]
        if parts:
            labels[f"{_filter_label(filterset, name)} (not applied)"] = ", ".join(parts)
    return labels


def _filter_label(filterset, name: str) -> str:
    definition = filterset.filters.get(name)
    return str(getattr(definition, "label", None) or filterset.form.fields[name].label or name)


def _readable(field, value) -> str:
    """A filter's cleaned value as its form shows it: a choice by its label, a record by its
    name, a date range as "from … to …", several values joined with commas."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Model, QuerySet
    from wagtail.coreutils import get_content_type_label

    if value is None or value == "":
        return ""
    if isinstance(value, slice):
        start, stop = (_readable(field, end) for end in (value.start, value.stop))
        return " ".join(filter(None, [start and f"from {start}", stop and f"to {stop}"]))
    if isinstance(value, (list, tuple, set, QuerySet)):
        return ", ".join(filter(None, (_readable(field, item) for item in value)))
    if isinstance(value, ContentType):
        return str(get_content_type_label(value))
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        return (timezone.localtime(value) if timezone.is_aware(value) else value).date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    choices = dict(_flat_choices(getattr(field, "choices", None) or []))
    return str(choices.get(str(value), value))


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, (list, tuple)):  # a group: (group name, [(key, label), ...])
            yield from _flat_choices(label)
        else:
            yield str(key), str(label)


def _ordering_label(view, ordering: str) -> str:
    key = ordering.removeprefix("-")
    column = next((column for column in getattr(view, "columns", []) if getattr(column, "sort_key", None) == key),
                  None)
    label = str(getattr(column, "label", "") or key)
    return f"{label}, descending" if ordering.startswith("-") else f"{label}, ascending"


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
