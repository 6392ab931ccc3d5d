"""White Ribbon accreditation's entries in Wagtail's history (loaded by champions/wagtail_hooks.py):
each says what changed, from what to what, with its note, not just which kind of change it was."""

import datetime

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from champions.whiteribbon.models import AccreditationCycle, ActionItem

STAGES = dict(AccreditationCycle.Stage.choices)
TRACKS = dict(AccreditationCycle.Track.choices)
STATUSES = dict(ActionItem.Status.choices)


def _day(value: str) -> str:
    """"2023-12-10" as "10 December 2023", like every other date in the admin."""
    try:
        return f"{datetime.date.fromisoformat(value):%-d %B %Y}"
    except (TypeError, ValueError):
        return str(value)


def _with_note(text: str, data: dict) -> str:
    note = (data.get("note") or "").strip()
    return f"{text}: {note}" if note else text


@hooks.register("register_log_actions")
def register_white_ribbon_log_actions(actions):
    @actions.register_action("champions.whiteribbon.stage")
    class StageFormatter(LogFormatter):
        label = "White Ribbon stage changed"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            to = STAGES.get(data.get("to"), data.get("to", ""))
            if data.get("from"):
                text = f"Stage: {STAGES.get(data['from'], data['from'])} → {to}"
            else:
                text = f"Cycle started as “{to}”"
            if data.get("on"):
                text += f" (on {_day(data['on'])})"
            return _with_note(text, data)

    @actions.register_action("champions.whiteribbon.track")
    class TrackFormatter(LogFormatter):
        label = "White Ribbon track changed"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            text = f"Track: {TRACKS.get(data.get('from'), '?')} → {TRACKS.get(data.get('to'), '?')}"
            return _with_note(text, data)

    @actions.register_action("champions.whiteribbon.import")
    class ImportFormatter(LogFormatter):
        label = "White Ribbon record imported"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            what = "Created" if data.get("created") else "Changed"
            changes = "; ".join(str(change) for change in data.get("changes") or [])
            text = f"{what} by import of “{data.get('file', 'a file')}”, row {data.get('row', '?')}"
            return f"{text}: {changes}" if changes else text

    @actions.register_action("champions.whiteribbon.item")
    class ItemFormatter(LogFormatter):
        label = "Action plan item changed"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            text = f"Action “{data.get('action', '')}” {data.get('change', 'changed')}"
            fields = data.get("fields")
            if isinstance(fields, dict) and fields:
                text += ": " + "; ".join(f"{name} {pair[0]} → {pair[1]}" for name, pair in fields.items())
            elif isinstance(fields, list) and fields:
                text += ": " + ", ".join(fields)
            return text

    @actions.register_action("champions.whiteribbon.update")
    class UpdateFormatter(LogFormatter):
        label = "Action plan progress recorded"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            status = data.get("status")
            text = f"Progress on “{data.get('action', '')}”"
            if isinstance(status, list) and len(status) == 2:
                text += f" ({STATUSES.get(status[0], status[0])} → {STATUSES.get(status[1], status[1])})"
            return f"{text}: {data['text']}" if data.get("text") else text

    for action, label, verb in (
        ("champions.whiteribbon.evidence", "Action plan evidence added", "added"),
        ("champions.whiteribbon.evidence_removed", "Action plan evidence removed", "removed"),
    ):
        actions.register_action(action)(_evidence_formatter(label, verb))


def _evidence_formatter(label_text: str, verb: str):
    class EvidenceFormatter(LogFormatter):
        label = label_text

        def format_message(self, log_entry):
            data = log_entry.data or {}
            what = data.get("file_name") or data.get("link") or ""
            return f"Evidence “{data.get('title', '')}” {verb}" + (f" ({what})" if what else "")

    return EvidenceFormatter
