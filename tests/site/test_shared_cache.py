"""lms.site.shared_cache: an entry read before a change is never used after it, even one written
back after the change by a page that read the old rows meanwhile."""

import pytest

from lms.site.shared_cache import SharedCache

pytestmark = pytest.mark.django_db  # forget() asks the connection whether a transaction is open


def test_an_entry_is_read_once_then_kept_until_forgotten():
    shared, reads = SharedCache("test:shared"), []

    def read():
        reads.append(1)
        return len(reads)

    assert shared.get(read) == 1
    assert shared.get(read) == 1
    shared.forget()
    assert shared.get(read) == 2


def test_an_entry_read_before_a_change_and_written_after_it_is_not_used():
    shared = SharedCache("test:shared-race")
    shared.get(lambda: "first")

    def read_old_rows_while_the_change_commits():
        shared.forget()  # the change lands while this page is reading
        return "old"

    assert shared.get(read_old_rows_while_the_change_commits, part="x") == "old"
    assert shared.get(lambda: "new", part="x") == "new"


def test_parts_are_kept_apart():
    shared = SharedCache("test:shared-parts")
    assert shared.get(lambda: "a", part=1) == "a"
    assert shared.get(lambda: "b", part=2) == "b"
    assert shared.get(lambda: "changed", part=1) == "a"
