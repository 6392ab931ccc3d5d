"""Benchmark: the coordinators' White Ribbon pages with the demo's sixty organisations, then with
thousands more, against the home page in the same run.

Run: `.venv/bin/python bench/whiteribbon.py [--requests 100] [--organisations 6000]`. Like
bench/champions.py it builds a fresh SQLite database in a temporary folder (or uses
DATABASE_URL), loads the demo, and signs in as the demo coordinator with password and code. It
times, through Django's test client:

- the home page (a bare Wagtail page), the yardstick;
- the pipeline, unfiltered and filtered by district and male-dominated workforce;
- the accreditation target (charts and tables by district and type);
- the cycle list's first page and the renewals due.

then adds organisations with a cycle each (every district, type and stage) in bulk until there
are `--organisations`, and times them again. Prints, per page and size: median and 90th
percentile in milliseconds, queries per request, and the ratio of its median to the home page's.
The target: each page costs the same number of queries at both sizes (Must show 4). Exits 1 when
it is missed.
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


def add_organisations(wanted: int) -> None:
    """Confirmed organisations, each with a White Ribbon cycle at some stage, in bulk, until there are `wanted`."""
    from django.utils import timezone

    from champions.whiteribbon.models import AccreditationCycle
    from champions.whiteribbon.services import expiry_of
    from lms.accounts.models import District
    from lms.organisations.models import Organisation

    missing = wanted - Organisation.objects.count()
    if missing <= 0:
        return
    S = AccreditationCycle.Stage
    districts, kinds = list(District.objects.all()), Organisation.Kind.values
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Bench White Ribbon Organisation {n}", kind=kinds[n % len(kinds)],
                     district=districts[n % len(districts)], male_dominated_workforce=n % 4 == 0,
                     partnership_member=n % 3 == 0, status=Organisation.Status.CONFIRMED)
        for n in range(missing)
    ], batch_size=1000)
    today = timezone.localdate()
    stages = [S.INTERESTED, S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.ACCREDITED, S.RENEWAL_DUE, S.LAPSED]
    cycles = []
    for n, organisation in enumerate(organisations):
        stage = stages[n % len(stages)]
        approved = today - datetime.timedelta(days=(n * 7) % 1000) if stage == S.ACCREDITED else \
            today - datetime.timedelta(days=1000) if stage == S.RENEWAL_DUE else None
        cycles.append(AccreditationCycle(
            organisation=organisation, stage=stage, approved_on=approved,
            expires_on=expiry_of(approved) if approved else None,
            track=AccreditationCycle.Track.SUPPORTER if stage in (S.INTERESTED, S.COMMITTED) and n % 5 == 0
            else AccreditationCycle.Track.ACCREDITED,
            closed_on=today - datetime.timedelta(days=n % 300) if stage == S.LAPSED else None,
            lead_contact_name=f"Lead Contact {n}",
        ))
    AccreditationCycle.objects.bulk_create(cycles, batch_size=1000)


def signed_in_coordinator():
    """A test client signed in as the demo coordinator, through password and code as a person would."""
    from django.test import Client

    from lms.demo.management.commands.seed_demo import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET
    from lms.demo.two_factor import totp_code

    password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
    secret = (os.environ.get("DEMO_TOTP_SECRET") or DEFAULT_TOTP_SECRET).strip().upper()
    client = Client()
    response = client.post("/accounts/login/", {"login": "coordinator@example.org", "password": password})
    assert response.status_code == 302, response.status_code
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.status_code
    assert client.get("/admin/white-ribbon/").status_code == 200
    return client


def measure(client, pages: dict, requests: int) -> dict:
    from django.db import connection

    results = {}
    for name, url in pages.items():
        for _ in range(5):  # warm caches, as a running site has them
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
        results[name] = (statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(queries))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page (default 100)")
    parser.add_argument("--organisations", type=int, default=6000, help="organisations at the large size (6000)")
    parser.add_argument("--keep", action="store_true", help="keep a PostgreSQL database this run created")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        from bench.pages import postgres_database

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
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from lms.accounts.models import District
    from lms.organisations.models import Organisation

    client = signed_in_coordinator()
    watford = District.objects.get(slug="watford")
    pages = {
        HOME: "/",
        "pipeline": "/admin/white-ribbon/",
        "pipeline: district + male-dominated": f"/admin/white-ribbon/?district={watford.pk}&male_dominated=true",
        "accreditation target": "/admin/white-ribbon/target/",
        "cycles, first page": "/admin/white-ribbon/cycles/",
        "renewals due": "/admin/white-ribbon/cycles/renewals/",
    }
    sizes = {}
    sizes[Organisation.objects.count()] = measure(client, pages, args.requests)
    add_organisations(args.organisations)
    sizes[Organisation.objects.count()] = measure(client, pages, args.requests)

    print(f"White Ribbon admin pages over {args.requests} requests each ({connection.vendor}, Python test client)")
    print(f"{'page':40} {'organisations':>13} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'x home':>7}")
    for size, results in sizes.items():
        base = results[HOME][0]
        for name, (median, p90, queries) in results.items():
            print(f"{name:40} {size:13d} {median:10.2f} {p90:8.2f} {queries:8d} {median / base:6.2f}x")
    (small, small_results), (large, large_results) = sizes.items()
    missed = [name for name in pages if small_results[name][2] != large_results[name][2]]
    print(f"Queries the same with {small} and {large} organisations: "
          + ("yes, on every page." if not missed else f"NO: {', '.join(missed)}"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
