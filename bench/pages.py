"""Benchmark: how long the learner's pages take to serve, against a bare Wagtail page.

Run: `make bench` (or `.venv/bin/python bench/pages.py [--requests 200]`). It builds a fresh
SQLite database in a temporary folder (or uses DATABASE_URL), loads the demo content, signs in
a learner and times requests through Django's test client, so the figures cover the whole
request (middleware, routing, queries, templates) without a network in between.

Prints, per page: median and 90th percentile in milliseconds, and queries per request. The
design target is a lesson page within 1.5 times a bare Wagtail page's time in the same run.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (default 200)")
    args = parser.parse_args()

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

    engine = connection.vendor
    print(f"Page timings over {args.requests} requests each ({engine}, Python test client)")
    print(f"{'page':34} {'median ms':>10} {'p90 ms':>8} {'queries':>8}")
    for name, (median, p90, count) in results.items():
        print(f"{name:34} {median:10.2f} {p90:8.2f} {count:8d}")
    base = results["bare Wagtail page (home)"][0]
    ratio = results["lesson (longest variant set)"][0] / base
    print(f"lesson / bare page: {ratio:.2f}x (target: at most 1.5x)")


if __name__ == "__main__":
    main()
