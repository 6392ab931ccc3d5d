"""Races on PostgreSQL: the same request fired from several threads at the same instant.

Each thread has its own database connection (Django's connections are per thread), as two
gunicorn workers would, and is released by one barrier, so that the requests meet inside the
database rather than one after the other. Every test repeats its race a few times with fresh
records, and asserts what a person would notice: one result, and a clear refusal for the rest.

SQLite serialises writers (and the in-memory test database is one connection), so there is no
race to see there: these tests skip on it, and `.ci/run` runs them on PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

import pytest
from django.db import connection, connections

# What each test in this folder needs: real commits (threads see each other's rows only once
# committed), the migrated data restored afterwards, and PostgreSQL.
CONCURRENT = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers, so nothing can race there; .ci/run runs these on PostgreSQL",
    ),
]

# How many requests meet at once, and how many times each race is run.
RACERS = 4
ROUNDS = 3
# Bounded waits: a thread still waiting after this is a deadlock or a lock never released.
TIMEOUT = 60


@dataclass
class Outcome:
    """What one racing call returned, or the exception it raised (a 500, under the test client)."""

    value: Any = None
    error: BaseException | None = None


def race(*calls, timeout: float = TIMEOUT) -> list[Outcome]:
    """Run each call in its own thread, all released at once by a barrier; their outcomes, in order.

    Fails the test if a thread is still running after `timeout` seconds. Each thread closes its
    database connection when done, so the test database can be flushed afterwards.
    """
    barrier = threading.Barrier(len(calls))
    outcomes = [Outcome() for _ in calls]

    def run(index, call):
        try:
            barrier.wait(timeout=timeout)
            outcomes[index].value = call()
        except BaseException as error:  # reported by the test, not lost in the thread
            outcomes[index].error = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call), daemon=True) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = sum(thread.is_alive() for thread in threads)
    assert not stuck, f"{stuck} of {len(threads)} racing requests were still running after {timeout} seconds"
    return outcomes


def no_errors(outcomes: list[Outcome]) -> list:
    """The values, once every call is known to have ended without an exception (no 500s)."""
    errors = [repr(outcome.error) for outcome in outcomes if outcome.error is not None]
    assert errors == [], f"racing requests failed: {errors}"
    return [outcome.value for outcome in outcomes]


def posting(clients, path: str, data: dict | None = None, **extra) -> list:
    """One call for each client: a POST of `data` to `path`, ready to race."""
    return [partial(client.post, path, data or {}, **extra) for client in clients]


def shared_session(client, count: int) -> list:
    """`count` test clients holding `client`'s session cookie: one browser's double (or triple)
    click, each click its own request."""
    from http.cookies import SimpleCookie

    from django.test import Client

    clicks = []
    for _ in range(count):
        click = Client()
        click.cookies = SimpleCookie({name: morsel.value for name, morsel in client.cookies.items()})
        clicks.append(click)
    return clicks
