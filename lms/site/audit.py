"""The audit trail's shared entries: one function every app calls when a person takes data out
of the site (a report, a list, the audit trail itself), so exports read the same in the trail
whichever screen they came from.

Entries are Wagtail log entries (`ModelLogEntry`), like every other change the trail shows; an
export is logged against the object it is about where there is one (an organisation for a
lead's report), else against the person who exported, which the trail shows as no object
(`is_about_no_one_else`). What an entry keeps of its filters and file names is printable text,
capped in length and number (`export_data`): they arrive from query strings and uploads."""

from __future__ import annotations

import unicodedata

from wagtail.log_actions import log

EXPORT_ACTION = "lms.export"

# What an export's entry keeps of the filters it was given, whoever gave them: a filter's name
# and value are printable text of at most FILTER_VALUE_MAX characters, and at most FILTERS_MAX
# filters are kept (the rest counted). A query string is anyone's to write: none of it reaches the
# trail, or its spreadsheets, as it was typed.
FILTER_VALUE_MAX = 200
FILTERS_MAX = 20
# Control and formatting characters, private use, lone surrogates, line and paragraph separators:
# invisible, or refused by Excel (openpyxl's IllegalCharacterError), or able to disguise text.
UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})


def printable(value, limit: int = FILTER_VALUE_MAX) -> str:
    """`value` as one line of printable text, runs of spaces as one, at most `limit` characters
    (a longer one ends in "…")."""
    text = " ".join(str(value).split())
    text = "".join(character for character in text if unicodedata.category(character) not in UNPRINTABLE_CATEGORIES)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def export_data(*, what: str, file_format: str, rows: int | None = None, filters: dict | None = None) -> dict:
    """An export's entry as stored: `filters` cleaned to printable names and values (empty ones
    left out), their order kept, and those over FILTERS_MAX counted, not kept."""
    data = {"what": printable(what) or "data", "format": printable(file_format).upper()}
    if rows is not None:
        data["rows"] = rows
    kept: dict[str, str] = {}
    left_out = 0
    for key, value in (filters or {}).items():
        if value is None:
            continue
        key, value = printable(key), printable(value)
        if not key or not value or key in kept:
            continue
        if len(kept) < FILTERS_MAX:
            kept[key] = value
        else:
            left_out += 1
    if kept:
        data["filters"] = kept
        # PostgreSQL's JSON keeps keys in its own order, not ours: the order they were given in.
        data["filter_order"] = list(kept)
    if left_out:
        data["filters_left_out"] = left_out
    return data


def log_export(by, *, what: str, file_format: str, rows: int | None = None, filters: dict | None = None,
               instance=None):
    """Record that `by` exported `what` ("Training activity report") as `file_format` ("csv",
    "xlsx", "zip"), with the number of rows and the filters it was narrowed by (labels, not
    ids: {"Module": "Post-separation abuse", "From": "2026-04-01"}), cleaned by `export_data`."""
    data = export_data(what=what, file_format=file_format, rows=rows, filters=filters)
    return log(instance if instance is not None else by, EXPORT_ACTION, user=by, data=data)


def export_message(data: dict) -> str:
    """"Exported Training activity report (CSV, 42 rows; Module: …)" for the trail."""
    details = [data.get("format", "")]
    if data.get("rows") is not None:
        details.append(f"{data['rows']} row{'' if data['rows'] == 1 else 's'}")
    text = f"Exported {data.get('what', 'data')} ({', '.join(d for d in details if d)}"
    filters = data.get("filters") or {}
    if filters:
        order = [key for key in data.get("filter_order") or [] if key in filters]
        keys = order + [key for key in filters if key not in order]
        text += "; " + ", ".join(f"{key}: {filters[key]}" for key in keys)
    left_out = data.get("filters_left_out")
    if left_out:
        text += f"; and {left_out} more filter{'' if left_out == 1 else 's'}"
    return text + ")"


IMPORT_ACTION = "lms.import"


def log_import(by, *, what: str, file_name: str, created: int = 0, changed: int = 0, unchanged: int = 0,
               instance=None):
    """Record one confirmed import run (never a dry run): who imported which file into what
    ("People", "White Ribbon organisations"), and how many rows it created, changed and left as
    they were. Each record's own history keeps its row; this entry is the run as a whole."""
    data = {"what": printable(what), "file": printable(file_name), "created": created, "changed": changed,
            "unchanged": unchanged}
    return log(instance if instance is not None else by, IMPORT_ACTION, user=by, data=data)


def import_message(data: dict) -> str:
    """"Imported “staff.csv” into People: 12 created, 0 changed, 3 unchanged" for the trail."""
    return (f"Imported “{data.get('file', '')}” into {data.get('what', 'the site')}: {data.get('created', 0)} "
            f"created, {data.get('changed', 0)} changed, {data.get('unchanged', 0)} unchanged")


def is_about_no_one_else(entry) -> bool:
    """An export or import run logged against the person who made it (`log_export` and
    `log_import` do so when the data is about no one record): its object is no object at all."""
    if entry.action not in (EXPORT_ACTION, IMPORT_ACTION) or entry.user_id is None:
        return False
    object_id = entry.object_id() if callable(entry.object_id) else entry.object_id
    return str(object_id) == str(entry.user_id) and entry.content_type_id == _user_content_type_id()


def _user_content_type_id() -> int:
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(get_user_model()).pk  # cached after the first call


def may_read_audit_trail(user) -> bool:
    """Administrators only: the trail shows every person's actions, staff's included. The site has
    no administrator group (lms.site.roles): administrators are superusers."""
    return bool(user.is_authenticated and user.is_superuser)
