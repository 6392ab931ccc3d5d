"""The audit trail's shared entries: one function every app calls when a person takes data out
of the site (a report, a list, the audit trail itself), so exports read the same in the trail
whichever screen they came from.

Entries are Wagtail log entries (`ModelLogEntry`), like every other change the trail shows; an
export is logged against the object it is about where there is one (an organisation for a
lead's report), else against the person who exported."""

from __future__ import annotations

from wagtail.log_actions import log

EXPORT_ACTION = "lms.export"


def log_export(by, *, what: str, file_format: str, rows: int | None = None, filters: dict | None = None,
               instance=None):
    """Record that `by` exported `what` ("Training activity report") as `file_format` ("csv",
    "xlsx", "zip"), with the number of rows and the filters it was narrowed by (labels, not
    ids: {"Module": "Post-separation abuse", "From": "2026-04-01"})."""
    data = {"what": what, "format": file_format.upper()}
    if rows is not None:
        data["rows"] = rows
    if filters:
        data["filters"] = {str(key): str(value) for key, value in filters.items() if value not in (None, "")}
        # PostgreSQL's JSON keeps keys in its own order, not ours: the order they were given in.
        data["filter_order"] = list(data["filters"])
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
    return text + ")"


IMPORT_ACTION = "lms.import"


def log_import(by, *, what: str, file_name: str, created: int = 0, changed: int = 0, unchanged: int = 0,
               instance=None):
    """Record one confirmed import run (never a dry run): who imported which file into what
    ("People", "White Ribbon organisations"), and how many rows it created, changed and left as
    they were. Each record's own history keeps its row; this entry is the run as a whole."""
    data = {"what": what, "file": file_name, "created": created, "changed": changed, "unchanged": unchanged}
    return log(instance if instance is not None else by, IMPORT_ACTION, user=by, data=data)


def import_message(data: dict) -> str:
    """"Imported “staff.csv” into People: 12 created, 0 changed, 3 unchanged" for the trail."""
    return (f"Imported “{data.get('file', '')}” into {data.get('what', 'the site')}: {data.get('created', 0)} "
            f"created, {data.get('changed', 0)} changed, {data.get('unchanged', 0)} unchanged")


def may_read_audit_trail(user) -> bool:
    """Administrators only: the trail shows every person's actions, staff's included. The site has
    no administrator group (lms.site.roles): administrators are superusers."""
    return bool(user.is_authenticated and user.is_superuser)
