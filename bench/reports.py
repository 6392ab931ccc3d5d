"""Benchmark: the coordinators' reports with the demo's data, then with thousands of learners
more, against the home page in the same run.

Run: `.venv/bin/python bench/reports.py [--requests 50] [--learners 5000]`. Like
bench/whiteribbon.py it builds a fresh SQLite database in a temporary folder (or uses
DATABASE_URL), loads the demo, and signs in as the demo coordinator with password and code. It
times, through Django's test client:

- the home page (a bare Wagtail page), the yardstick;
- training activity by module and by month (with the medians), and by sector for a period;
- certificates by organisation;
- the champions network by district covered.

then adds learners in bulk (each with two enrolments, most completed, a quiz attempt or two and
a certificate per completion, spread over two years, the sectors, districts and forty
organisations) and times them again. Prints, per page and size: median and 95th percentile in
milliseconds, queries per request, and the ratio of its median to the home page's. The target:
each report costs the same number of queries at both sizes. Exits 1 when it is missed.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOME = "bare Wagtail page (home)"


def add_learners(count: int) -> None:
    """`count` learners with enrolments, attempts and certificates, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from content.models import Sector, TrainingModulePage
    from lms.accounts.models import District, User
    from lms.certificates.models import Certificate
    from lms.certificates.services import new_code
    from lms.learning.models import Attempt, Enrolment, Quiz
    from lms.organisations.models import Organisation

    organisations = [
        Organisation.objects.get_or_create(
            name=f"Bench Reports Organisation {n}", defaults={"status": Organisation.Status.CONFIRMED},
        )[0]
        for n in range(40)
    ]
    sectors, districts = list(Sector.objects.all()), list(District.objects.all())
    modules = list(TrainingModulePage.objects.live())
    quizzes = {quiz.module_id: quiz for quiz in Quiz.objects.all()}
    modules = [module for module in modules if module.pk in quizzes] or modules
    password = make_password(None)
    users = User.objects.bulk_create([
        User(email=f"bench.reports{n}@example.org", password=password, full_name=f"Bench Learner {n}",
             job_role="Support worker", sector=sectors[n % len(sectors)], district=districts[n % len(districts)],
             organisation=organisations[n % len(organisations)])
        for n in range(count)
    ], batch_size=1000)
    now = timezone.now()
    enrolments, attempts, certificates = [], [], []
    for n, user in enumerate(users):
        for k in range(2):
            module = modules[(n + k) % len(modules)]
            started = now - datetime.timedelta(days=(n * 7 + k * 30) % 700, hours=n % 24)
            completed = started + datetime.timedelta(days=(n + k) % 40, hours=3) if (n + k) % 4 else None
            if completed and completed > now:
                completed = None
            enrolments.append(Enrolment(user=user, module=module, started_at=started, completed_at=completed))
            quiz = quizzes.get(module.pk)
            if quiz and completed:
                if n % 3 == 0:
                    attempts.append(Attempt(user=user, quiz=quiz, status=Attempt.Status.SUBMITTED,
                                            submitted_at=completed - datetime.timedelta(hours=1), passed=False))
                attempts.append(Attempt(user=user, quiz=quiz, status=Attempt.Status.SUBMITTED,
                                        submitted_at=completed, passed=True))
            if completed:
                issued = timezone.localdate(completed)
                certificates.append(Certificate(
                    user=user, module=module, code=new_code(), holder_name=user.full_name, module_title=module.title,
                    level="Awareness", cpd_minutes=45, issued_on=issued,
                    expires_on=issued + datetime.timedelta(days=365 * 2),
                    revoked_at=now if n % 50 == 0 else None,
                ))
    # started_at is set to now on creation (auto_now_add): put back the intended start.
    starts = [enrolment.started_at for enrolment in enrolments]
    Enrolment.objects.bulk_create(enrolments, batch_size=1000)
    for enrolment, started in zip(enrolments, starts, strict=True):
        enrolment.started_at = started
    Enrolment.objects.bulk_update(enrolments, ["started_at"], batch_size=1000)
    created = Attempt.objects.bulk_create(attempts, batch_size=1000)
    for attempt in created:
        attempt.started_at = attempt.submitted_at - datetime.timedelta(minutes=20)
    Attempt.objects.bulk_update(created, ["started_at"], batch_size=1000)
    Certificate.objects.bulk_create(certificates, batch_size=1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument("--learners", type=int, default=5000, help="learners added for the large size (5000)")
    parser.add_argument("--keep", action="store_true", help="keep a PostgreSQL database this run created")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        from bench.pages import postgres_database

        with postgres_database(url, args.keep):
            return run(args)
    return run(args)


def measure(client, pages: dict, requests: int) -> dict:
    from django.db import connection

    results = {}
    for name, url in pages.items():
        for _ in range(3):  # warm caches, as a running site has them
            assert client.get(url).status_code == 200, url
        queries = []

        def count(execute, sql, *rest, seen=queries):
            seen.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        results[name] = (statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], len(queries))
    return results


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
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from bench.whiteribbon import signed_in_coordinator
    from lms.learning.models import Enrolment

    client = signed_in_coordinator()
    year_ago = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    pages = {
        HOME: "/",
        "training by module": "/admin/reports/training/?group_by=module",
        "training by month": "/admin/reports/training/?group_by=month",
        "training by sector, last year": f"/admin/reports/training/?group_by=sector&since={year_ago}",
        "certificates by organisation": "/admin/reports/certificates/?group_by=organisation",
        "network by district": "/admin/reports/network/?group_by=district",
    }
    sizes = {}
    sizes[Enrolment.objects.count()] = measure(client, pages, args.requests)
    add_learners(args.learners)
    sizes[Enrolment.objects.count()] = measure(client, pages, args.requests)

    print(f"Coordinators' reports over {args.requests} requests each ({connection.vendor}, Python test client)")
    print(f"{'page':32} {'enrolments':>10} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'x home':>7}")
    for size, results in sizes.items():
        base = results[HOME][0]
        for name, (median, p95, queries) in results.items():
            print(f"{name:32} {size:10d} {median:10.2f} {p95:8.2f} {queries:8d} {median / base:6.2f}x")
    (small, small_results), (large, large_results) = sizes.items()
    missed = [name for name in pages if small_results[name][2] != large_results[name][2]]
    print(f"Queries the same with {small} and {large} enrolments: "
          + ("yes, on every report." if not missed else f"NO: {', '.join(missed)}"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
