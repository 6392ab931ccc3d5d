"""The file kept between an import's dry run and its confirmation (lms.site.kept_imports), shared
by the people, champions and White Ribbon imports: handed over once, to its uploader, within half
an hour, and only as the page showed it."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from lms.site import kept_imports

pytestmark = pytest.mark.django_db

TABLE = {"headers": ["email"], "rows": [["amira@example.org"]]}
KEY = "test_import"


def request_of(user_pk: int, session=None):
    return SimpleNamespace(session=session or SessionStore(), user=SimpleNamespace(pk=user_pk))


def kept_by(user_pk: int):
    request = request_of(user_pk)
    kept_imports.keep(request, KEY, table=TABLE, name="staff.csv", preview="preview")
    return request


def test_the_file_is_handed_over_once_to_its_uploader():
    request = kept_by(7)
    kept = kept_imports.take(request, KEY, kept_imports.digest(TABLE))
    assert kept["table"] == TABLE and kept["name"] == "staff.csv" and kept["preview"] == "preview"
    assert kept_imports.take(request, KEY, kept_imports.digest(TABLE)) is None  # a second click


def test_a_post_naming_another_file_leaves_the_kept_one_waiting():
    request = kept_by(7)
    assert kept_imports.take(request, KEY, "f" * 64) is None
    assert kept_imports.take(request, KEY, None) is None
    assert kept_imports.take(request, KEY, kept_imports.digest(TABLE)) is not None


def test_someone_else_or_a_file_kept_over_half_an_hour_gets_nothing():
    other = request_of(8, kept_by(7).session)
    assert kept_imports.take(other, KEY, kept_imports.digest(TABLE)) is None
    request = kept_by(7)
    with time_machine.travel(timezone.now() + kept_imports.KEEP + datetime.timedelta(seconds=1)):
        assert kept_imports.take(request, KEY, kept_imports.digest(TABLE)) is None


def test_a_table_changed_in_the_session_is_refused():
    request = kept_by(7)
    request.session[KEY]["table"] = {"headers": ["email"], "rows": [["someone.else@example.org"]]}
    assert kept_imports.take(request, KEY, kept_imports.digest(TABLE)) is None


def test_the_preview_digest_covers_each_row_and_the_keys_asked_for():
    rows = [{"number": 2, "outcome": "New", "changes": "stage"}]
    assert kept_imports.preview_digest(rows) != kept_imports.preview_digest(rows, "changes")
    assert kept_imports.preview_digest(rows) != kept_imports.preview_digest([{**rows[0], "outcome": "Changed"}])
