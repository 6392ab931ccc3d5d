"""Benchmark: a filtered search of the champions directory, against the home page in the same run.

Run: `.venv/bin/python bench/champions.py [--requests 200] [--champions 2000]`. Like
bench/pages.py it builds a fresh SQLite database in a temporary folder (or uses DATABASE_URL),
loads the demo, then adds champions in bulk until about 2,000 are listed, spread over the
districts, sectors, tiers, specialisms, languages and visibility choices. Signed in as the demo
champion, it times through Django's test client:

- the home page (a bare Wagtail page), the yardstick;
- the directory, unfiltered;
- the directory filtered by district and specialism with a text search (what a champion does
  to find a peer).

Prints, per page: median and 90th percentile in milliseconds, queries per request, and the
ratio of its median to the home page's. The target: the filtered search within 2.5 times the
home page. Exits 1 when it is missed.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOME = "bare Wagtail page (home)"
FILTERED = "directory: district + specialism + text"
TARGETS = {FILTERED: 2.5}


def add_champions(wanted: int) -> None:
    """Listed champions in bulk, until `wanted` are listed (save() is skipped: search_text is set here)."""
    from django.contrib.auth.hashers import make_password

    from champions.models import Champion, ChampionTier, Language
    from content.models import Sector, Topic
    from lms.accounts.models import District, User
    from lms.organisations.models import Organisation
    from lms.organisations.names import fold

    missing = wanted - Champion.objects.listed().count()
    if missing <= 0:
        return
    first_names = ["Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hari", "Iona", "Jonah", "Kasia", "Leon"]
    last_names = ["Adeyemi", "Brown", "Cohen", "Dąbrowska", "Evans", "Fernández", "Gill", "Hughes", "Nguyễn", "Patel"]
    organisations = [
        Organisation.objects.get_or_create(
            name=f"Bench Organisation {n}", defaults={"status": Organisation.Status.CONFIRMED},
        )[0]
        for n in range(40)
    ]
    tiers, sectors = list(ChampionTier.objects.all()), list(Sector.objects.all())
    districts, topics, languages = list(District.objects.all()), list(Topic.objects.all()), list(Language.objects.all())
    visibilities = list(Champion.Visibility.values)
    password = make_password(None)
    users = User.objects.bulk_create([
        User(
            email=f"bench.champion{n}@example.org", password=password, job_role="Support worker",
            full_name=f"{first_names[n % len(first_names)]} {last_names[(n // 3) % len(last_names)]}",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(missing)
    ])
    champions = Champion.objects.bulk_create([
        Champion(
            user=user, tier=tiers[n % len(tiers)], organisation=user.organisation, sector=sectors[n % len(sectors)],
            availability="Weekdays, within two working days", statement="I listen, respond safely and signpost.",
            visibility=visibilities[n % len(visibilities)], line_manager_name="Morgan Manager",
            line_manager_email="manager@example.org",
            status=Champion.Status.REFRESHER_DUE if n % 9 == 0 else Champion.Status.ACTIVE,
            search_text=fold(f"{user.full_name} {user.job_role} {user.organisation.name}"),
        )
        for n, user in enumerate(users)
    ])
    Champion.districts.through.objects.bulk_create([
        Champion.districts.through(champion=c, district=districts[(n + k) % len(districts)])
        for n, c in enumerate(champions) for k in range(2)
    ])
    Champion.specialisms.through.objects.bulk_create([
        Champion.specialisms.through(champion=c, topic=topics[(n + k) % len(topics)])
        for n, c in enumerate(champions) for k in range(3)
    ])
    Champion.languages.through.objects.bulk_create([
        Champion.languages.through(champion=c, language=languages[n % len(languages)])
        for n, c in enumerate(champions) if n % 4 == 0
    ])


def demo_champion():
    """The demo's champion account, with an active champion record (made here if the demo has none)."""
    from django.contrib.auth.models import Group

    from champions.models import Champion, ChampionTier
    from content.models import Sector
    from lms.accounts.models import District, User
    from lms.organisations.models import Organisation
    from lms.site.roles import Role

    user = User.objects.get(email="champion@example.org")
    champion = Champion.objects.filter(user=user).first()
    if champion is None:
        organisation = user.organisation or Organisation.objects.filter(status=Organisation.Status.CONFIRMED).first()
        champion = Champion.objects.create(
            user=user, tier=ChampionTier.objects.first(), organisation=organisation,
            sector=user.sector or Sector.objects.first(), availability="Weekdays", statement="I signpost.",
            line_manager_name="Morgan Manager", line_manager_email="manager@example.org",
            visibility=Champion.Visibility.CHAMPIONS,
        )
        champion.districts.set([District.objects.get(slug="watford")])
    if champion.status != Champion.Status.ACTIVE:
        Champion.objects.filter(pk=champion.pk).update(status=Champion.Status.ACTIVE)
    user.groups.add(Group.objects.get_or_create(name=Role.CHAMPION)[0])
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page (default 200)")
    parser.add_argument("--champions", type=int, default=2000, help="listed champions (default 2000)")
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
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from champions.models import Champion
    from champions.visibility import visible_to
    from content.models import Topic
    from lms.accounts.models import District

    add_champions(args.champions)
    user = demo_champion()
    client = Client()
    client.force_login(user)
    watford, domestic_abuse = District.objects.get(slug="watford"), Topic.objects.get(slug="domestic-abuse")
    # A surname that some champion visible to this person in Watford, knowing about domestic abuse, has.
    sample = visible_to(user).filter(districts=watford, specialisms=domestic_abuse).select_related("user").first()
    surname = sample.user.full_name.split()[-1] if sample else "Patel"
    filtered = "/champions/?" + urlencode({"district": watford.pk, "specialism": domestic_abuse.pk, "q": surname})
    pages = {
        HOME: "/",
        "directory, unfiltered": "/champions/",
        FILTERED: filtered,
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

    listed = Champion.objects.listed().count()
    matches = client.get(filtered).content.decode().count('class="govuk-summary-card"')
    base = results[HOME][0]
    print(f"Champions directory over {args.requests} requests each, {listed} listed champions "
          f"({connection.vendor}, Python test client); the filtered search shows {matches} on its first page")
    print(f"{'page':42} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'x home':>7}  target")
    missed = []
    for name, (median, p90, queries) in results.items():
        ratio = median / base
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"<= {target}x: {'met' if ratio <= target else 'MISSED'}"
            if ratio > target:
                missed.append(name)
        print(f"{name:42} {median:10.2f} {p90:8.2f} {queries:8d} {ratio:6.2f}x  {verdict}")
    print("All targets met." if not missed else f"Targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
