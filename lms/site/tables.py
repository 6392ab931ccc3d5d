"""A table of figures as a download: CSV (UTF-8 with a byte order mark, for Excel) or Excel. The
coordinators' reports (lms.reports) and the guidance updates' take-up (lms.updates) use it.
Every text cell goes through `spreadsheet_text`, so a name starting with = + - @ is read as text
by Excel and LibreOffice, never run as a formula."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from lms.site.spreadsheets import spreadsheet_text

BOM = "\ufeff"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    """What a report shows: a heading per column, a line per group, and the line "In all".
    `column_groups` ("Before", its short headings) lets the page head the columns in two rows;
    downloads keep `headings`, one full heading a column."""

    title: str
    headings: list[str]
    rows: list[list]
    total: list
    period: str = ""
    column_groups: list[tuple[str, list[str]]] = field(default_factory=list)

    def cells(self) -> list[list]:
        """Every row as spreadsheet cells: the period first, then the headings, lines and total
        (if the table has one)."""
        rows = [[self.title, self.period], self.headings, *self.rows, *([self.total] if self.total else [])]
        return [[spreadsheet_text(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def csv_response(table: Table, name: str) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerows([["" if cell is None else cell for cell in row] for row in table.cells()])
    return _attachment(
        HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"), f"{name}.csv"
    )


def xlsx_response(table: Table, name: str) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    # Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]
    sheet.title = re.sub(r"[:\\/?*\[\]]", " ", table.title)[:31].strip() or "Report"
    for row in table.cells():
        sheet.append(row)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX), f"{name}.xlsx")
