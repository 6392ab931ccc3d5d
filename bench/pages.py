"""Benchmark: how long the learner's pages take to serve, against a bare Wagtail page.

Run: `make bench` (or `.venv/bin/python bench/pages.py [--requests 200]`). It builds a fresh
SQLite database in a temporary folder (or uses DATABASE_URL), loads the demo content, signs in
a learner and times requests through Django's test client, so the figures cover the whole
request (middleware, routing, queries, templates) without a network in between.

Prints, per page: median and 90th percentile in milliseconds, queries per request, and the
ratio of its median to the home page's median in the same run. The design targets: the lesson
within 1.5 times the home page, the catalogue and the module overview within 2 times. Exits 1
when a target is missed.

PostgreSQL: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages .venv/bin/python
bench/pages.py` creates that database if it does not exist, and drops it afterwards (unless
`--keep`).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# page name: (target ratio to the home page's median, or None)
TARGETS = {
    "lesson (longest variant set)": 1.5,
    "catalogue /modules/": 2.0,
    "module overview": 2.0,
}
HOME = "bare Wagtail page (home)"


@contextmanager
def postgres_database(url: str, keep: bool):
    """Create the PostgreSQL database named in `url` if missing; drop it afterwards if we made it."""
    import psycopg
    from psycopg import sql

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield
    finally:
        if not exists and not keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (default 200)")
    parser.add_argument("--keep", action="store_true", help="keep a PostgreSQL database this run created")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        with postgres_database(url, args.keep):
            return run(args)
    return run(args)


def run(args) -> int:

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="vawg-bench-"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from content.models import LessonPage, TrainingModulePage
    from lms.accounts.models import User

    learner = User.objects.get(email="learner@example.org")
    module = TrainingModulePage.objects.get(slug="post-separation-abuse")
    lesson = LessonPage.objects.child_of(module).live().order_by("path").last()
    # Past the warning and the self-assessment, as a learner who has started the module.
    from lms.learning.progress import acknowledge_warning
    from lms.learning.quizzes import record_confidence

    acknowledge_warning(learner, lesson)
    record_confidence(learner, module, "before", None)

    client = Client()
    client.force_login(learner)
    pages = {
        "bare Wagtail page (home)": "/",
        "catalogue /modules/": "/modules/",
        "module overview": module.url,
        "lesson (longest variant set)": lesson.url,
        "dashboard /my-learning/": "/my-learning/",
    }
    results = {}
    for name, url in pages.items():
        for _ in range(10):  # warm caches, as a running site has them
            assert client.get(url).status_code == 200, url
        queries = []

        def count(execute, sql, *rest, seen=queries):
            seen.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        results[name] = (statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(queries))

    base = results[HOME][0]
    print(f"Page timings over {args.requests} requests each ({connection.vendor}, Python test client)")
    print(f"{'page':34} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'x home':>7}  target")
    missed = []
    for name, (median, p90, count) in results.items():
        ratio = median / base
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"<= {target}x: {'met' if ratio <= target else 'MISSED'}"
            if ratio > target:
                missed.append(name)
        print(f"{name:34} {median:10.2f} {p90:8.2f} {count:8d} {ratio:6.2f}x  {verdict}")
    print("All targets met." if not missed else f"Targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
