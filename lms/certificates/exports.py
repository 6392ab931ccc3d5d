"""Certificates as spreadsheet cells: what the admin's CSV export and the staff zip's index share.

Excel opens a UTF-8 CSV correctly only when it starts with a byte order mark (BOM); a cell
starting with = + - @ (or a tab or carriage return) is run as a formula unless neutralised;
people read times in the site's time zone (Europe/London), to the minute.
"""

import datetime

from django.utils import timezone

BOM = "\ufeff"

# OWASP's list of characters that start a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value) -> str:
    """`value` as a cell's text; one that a spreadsheet would run as a formula gets a leading
    apostrophe, which Excel and LibreOffice show as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_datetime_text(value: datetime.datetime) -> str:
    """A moment as read in the site's time zone, to the minute: "2026-03-01 14:05"."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
