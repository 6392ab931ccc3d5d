"""Data every visitor's page reads and editors rarely change (champion tiers, live guidance updates,
learning paths), kept in Django's cache between the changes that empty it.

Each entry is kept with the *generation* it was read in, and `forget()` starts a new one: at the
change (from a signal receiver) and again once its transaction commits. So an entry read before a
change is never used after it, even one a page that read the old rows meanwhile wrote after the
change: a plain delete would let that page put the old rows back until the timeout. The timeouts
are backstops only; whatever empties an entry is the receivers' business, named where each
`SharedCache` is made.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction


class SharedCache:
    def __init__(self, name: str, timeout: int = 3600):
        self.name, self.timeout = name, timeout
        self.generation_key = f"{name}:generation"

    def get(self, read: Callable[[], Any], part: Any = "") -> Any:
        """The entry for `part` (a sector's id, say), from the cache when it is of the current
        generation, else `read()` and kept."""
        key = f"{self.name}:{part}"
        found = cache.get_many([self.generation_key, key])
        generation, entry = found.get(self.generation_key), found.get(key)
        if generation is None:
            cache.add(self.generation_key, uuid.uuid4().hex, timeout=self.timeout * 24)
            generation = cache.get(self.generation_key)
        if entry is None or entry[0] != generation:
            entry = (generation, read())
            cache.set(key, entry, timeout=self.timeout)
        return entry[1]

    def forget(self) -> None:
        """Start a new generation now and once the current transaction (if any) commits."""
        cache.delete(self.generation_key)
        transaction.on_commit(lambda: cache.delete(self.generation_key))
