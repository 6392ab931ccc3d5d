"""Certificates as spreadsheet cells: what the admin's CSV export and the staff zip's index share.

Excel opens a UTF-8 CSV correctly only when it starts with a byte order mark (BOM); a cell
starting with = + - @ (or a tab or carriage return) is run as a formula unless neutralised;
people read times in the site's time zone (Europe/London), to the minute.
"""

import datetime

from django.utils import timezone

from lms.site.spreadsheets import BOM, FORMULA_STARTS, spreadsheet_text  # noqa: F401  (this module's cells, as before)


def local_datetime_text(value: datetime.datetime) -> str:
    """A moment as read in the site's time zone, to the minute: "2026-03-01 14:05"."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
