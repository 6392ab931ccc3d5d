"""A lead's training report as a download: the same tables as the page (summary, certificates,
members' training, certificates expiring soon, not started, guidance updates not done), as one
CSV (a section per table) or one Excel workbook (a sheet per table). Cells go through
`Table.cells`, so formula text stays text."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from lms.certificates.models import Certificate
from lms.reports.lead import TrainingReport
from lms.site.tables import BOM, XLSX, Table


def report_tables(report: TrainingReport) -> list[Table]:
    """The report's tables, with the organisation and the day in each table's first line."""
    about = f"{report.organisation.name}, {report.day:%-d %B %Y}"
    titles = [module.title for module in report.expectation.modules]
    return [
        Table(
            title="Summary", period=about, headings=["Expected module", "Completed", "In progress", "Not started"],
            rows=[[line.module.title, *line.figures] for line in report.modules],
            total=["Confirmed members", report.member_count, "", ""],
        ),
        Table(
            title="Certificates", period=about, headings=["Certificates held, any module", "Number"],
            rows=[[label, figure] for label, figure in report.certificate_figures], total=[],
        ),
        Table(
            title="Members' training", period=about, headings=["Name", "Email", *titles],
            rows=[[line.name, line.person.email, *[cell.label for cell in line.cells]] for line in report.members],
            total=[],
        ),
        Table(
            title=f"Expiring within {Certificate.EXPIRING_DAYS} days", period=about,
            headings=["Name", "Email", "Module", "Expires on"],
            rows=[[c.user.full_name or c.user.email, c.user.email, c.module_title, c.expires_on]
                  for c in report.expiring],
            total=[],
        ),
        Table(
            title="Not started", period=about, headings=["Name", "Email", "Module"],
            rows=[[line.name, line.person.email, module.title]
                  for line, modules in report.not_started for module in modules],
            total=[],
        ),
        Table(
            title="Guidance updates not done", period=about,
            headings=["Name", "Email", "Update", "Update of", "Due by", "Outstanding"],
            rows=[[person.name, person.email, line.update.title, line.update.update_day, person.due_on,
                   "Yes" if person.outstanding else "No"]
                  for line in report.updates for person in line.not_done],
            total=[],
        ),
    ]


def file_name(report: TrainingReport) -> str:
    return f"training-{slugify(report.organisation.name)[:60] or 'organisation'}-{report.day:%Y-%m-%d}"


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def csv_download(tables: list[Table], name: str) -> HttpResponse:
    """One CSV (UTF-8 with a byte order mark, for Excel): each table in turn, a blank line between."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    for number, table in enumerate(tables):
        if number:
            writer.writerow([])
        writer.writerows([["" if cell is None else cell for cell in row] for row in table.cells()])
    return _attachment(
        HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"), f"{name}.csv"
    )


def xlsx_download(tables: list[Table], name: str) -> HttpResponse:
    """One Excel workbook, a sheet per table, headings in bold, dates as dates."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=table.title[:31])
        for row in table.cells():
            sheet.append(row)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            for cell in column:
                if cell.is_date:
                    cell.number_format = "d mmm yyyy"
            widest = max((len(str(cell.value)) for cell in column[1:] if cell.value is not None), default=10)
            sheet.column_dimensions[column[0].column_letter].width = min(max(widest + 2, 12), 50)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX), f"{name}.xlsx")
