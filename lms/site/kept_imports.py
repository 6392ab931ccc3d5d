"""An uploaded file, checked in a dry run, kept in the person's session until they confirm the
import: the one piece every import here (people, champions, White Ribbon organisations) shares.

The dry-run page keeps the file's table with a digest of it and of what the preview said each
row would do (`keep`); its confirm button posts the digest back. `take` hands the file over
once, to the person who uploaded it, within KEEP and only if it is the file the page showed;
it is taken out of the session before the import, so a second click or a second tab finds
nothing. The
import then writes only if each row still does what the preview said (`preview_digest`)."""

from __future__ import annotations

import datetime
import hashlib
import json

from django.utils import timezone

KEEP = datetime.timedelta(minutes=30)
NO_LONGER_WAITING = (
    "That file is no longer waiting to be imported (it was imported already, replaced by another upload, or left "
    "for over 30 minutes). Nothing was changed. Upload it again to check it."
)


def digest(data) -> str:
    """A fingerprint of a table (or of anything JSON can hold)."""
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def preview_digest(rows, *keys: str) -> str:
    """What the preview said each row would do (its number, outcome and any `keys`)."""
    return digest([[row["number"], row["outcome"], *(row[key] for key in keys)] for row in rows])


def keep(request, key: str, *, table: dict, name: str, preview: str) -> None:
    """Keep the checked file for this person's confirmation (replacing any kept before)."""
    request.session[key] = {
        "table": table, "digest": digest(table), "at": timezone.now().isoformat(), "name": name[:200],
        "by": request.user.pk, "preview": preview,
    }


def forget(request, key: str) -> None:
    request.session.pop(key, None)


def take(request, key: str, posted_digest: str | None) -> dict | None:
    """The kept file if it is the one the confirming page showed (`posted_digest`), kept by this
    person less than KEEP ago; None otherwise. A file handed over leaves the session at once; a
    post naming another file (a stale tab, a changed form) leaves the kept one waiting."""
    kept = request.session.get(key)
    if not isinstance(kept, dict) or not posted_digest or kept.get("digest") != posted_digest:
        return None
    request.session.pop(key, None)
    request.session.save()
    if kept.get("by") != request.user.pk or digest(kept.get("table") or {}) != posted_digest:
        return None
    try:
        kept_at = datetime.datetime.fromisoformat(kept["at"])
    except (TypeError, ValueError, KeyError):
        return None
    return kept if timezone.now() - kept_at <= KEEP else None
