"""The harness every benchmark here uses: the database, the demo, signing in, timing, the
yardsticks, the table and the JSON file.

A benchmark script builds its pages (name: URL), then

    with bench(args) as run:               # database ready, Django set up, demo loaded
        client = run.signed_in("coordinator@example.org")
        run.measure(client, pages)         # adds the home page and a bare Django view
        run.report("Coordinators' reports", targets={"training": Within(ms=500)})
    return run.exit_code

Each page is requested a few times to warm caches (as a running site has them), once with its
queries counted, then `--requests` times timed through Django's test client: the whole request
(middleware, routing, queries, templates) without a network. The pages measured together are
timed in turn, a request each a round (`time_pages`), so that a slow spell of the machine falls
on all of them alike and the ratios hold; a form post is timed just after a home page and a bare
view of its own (`Run.measure_action`). The figures are the median and the
95th percentile in milliseconds and the queries per request, beside two yardsticks measured in
the same run on the same machine: the home page (a bare Wagtail page) and a bare Django view (a
view that returns a few bytes through the same middleware). Ratios to them are what compare
between machines; milliseconds are what a person waits.

The database: a fresh SQLite file in a temporary folder with the demo loaded, or the
PostgreSQL database named by DATABASE_URL (created if missing and dropped afterwards unless
`--keep`). `bench(args, fresh=False)` uses the database as configured (VAR_DIR or DATABASE_URL)
as it is, for data seeded beforehand (bench/every_page.py).

`--json FILE` writes the figures for bench/compare.py.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOME = "home page (bare Wagtail page)"
BARE = "bare Django view"
BARE_URL = "/__bench__/bare/"


def arguments(description: str, *, requests: int) -> argparse.ArgumentParser:
    """A parser with the options every benchmark takes; a script adds its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--requests", type=int, default=requests, help=f"timed requests per page (default {requests})")
    parser.add_argument("--keep", action="store_true", help="keep a PostgreSQL database this run created")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE, for bench/compare.py")
    parser.add_argument("--only", metavar="TEXT", action="append", default=[],
                        help="time only the pages whose name contains TEXT (repeatable; the yardsticks always)")
    return parser


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


def set_up_django(*, fresh: bool) -> None:
    """Django with the development settings, as the test client needs them (DEBUG off)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    if fresh:
        os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="vawg-bench-"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    # The site's URLs and one bare view before them (bench/urls.py): the floor of a request here.
    settings.ROOT_URLCONF = "bench.urls"


def load_demo() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", verbosity=0, stdout=quiet)


@dataclass
class Figures:
    median_ms: float
    p95_ms: float
    queries: int


@dataclass
class Line:
    name: str
    url: str
    figures: Figures
    size: str = ""
    x_home: float = 0.0
    x_bare: float = 0.0
    target: str = ""
    met: bool | None = None


@dataclass(frozen=True)
class Within:
    """A target for a page: its median at most `ms` milliseconds, or at most `home` times the
    home page's median; or, with `same_queries`, the same number of queries at every size."""

    ms: float | None = None
    home: float | None = None
    same_queries: bool = False

    def describe(self) -> str:
        if self.ms is not None:
            return f"<= {self.ms:g} ms"
        if self.home is not None:
            return f"<= {self.home:g}x home"
        return "same queries at every size"


def percentile(timings: list[float], share: float) -> float:
    """The value below which `share` of the sorted timings fall (nearest rank)."""
    ordered = sorted(timings)
    return ordered[max(int(len(ordered) * share + 0.999999) - 1, 0)]


def summarise(timings: list[float], queries: int = 0) -> Figures:
    return Figures(median_ms=statistics.median(timings), p95_ms=percentile(timings, 0.95), queries=queries)


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}, not 200: nothing to time.")
    return response


def _timed_get(client, url: str) -> float:
    start = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - start) * 1000


def time_pages(client, pages: dict[str, str], requests: int, warm: int = 5) -> dict[str, Figures]:
    """Warm each page (name: URL) up and count one request's queries, then time `requests`
    rounds, each asking for every page once in turn. Interleaved, a spell when the machine is
    slower (other work, a busy host: medians here moved by a third between identical runs)
    falls on every page alike, rather than on whichever page was being timed then, so the
    ratios between pages hold."""
    from django.db import connection

    queries: dict[str, int] = {}
    for name, url in pages.items():
        for _ in range(warm):
            _get(client, url)
        counted: list[str] = []

        def count(execute, sql, *rest, counted=counted):
            counted.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url)
        queries[name] = len(counted)
    timings: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(requests):
        for name, url in pages.items():
            timings[name].append(_timed_get(client, url))
    return {name: summarise(timings[name], queries[name]) for name in pages}


@dataclass
class Run:
    """One benchmark run: its lines, its targets, its verdict."""

    script: str
    requests: int
    json_path: str | None = None
    lines: list[Line] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    only: list[str] = field(default_factory=list)
    yardstick_clients: dict[str, object] = field(default_factory=dict)

    def wanted(self, name: str) -> bool:
        """Whether `--only` leaves this page in."""
        return not self.only or any(text.lower() in name.lower() for text in self.only)

    def signed_in(self, email: str, password: str | None = None):
        """A test client signed in as `email` through the sign-in form, with the demo's TOTP code
        when the account has two-factor authentication (staff always do)."""
        from django.test import Client

        from lms.demo.management.commands.seed_demo import DEFAULT_PASSWORD, demo_totp_secret
        from lms.demo.two_factor import totp_code

        client = Client()
        password = password or os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        response = client.post("/accounts/login/", {"login": email, "password": password})
        if response.status_code != 302:
            raise SystemExit(f"Signing in as {email} failed ({response.status_code}): is the demo loaded?")
        if response["Location"].startswith("/accounts/2fa/"):
            remaining = 30 - time.time() % 30
            if remaining < 3:  # a code about to turn could reach the server stale
                time.sleep(remaining + 0.1)
            response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(demo_totp_secret())})
            if response.status_code != 302:
                raise SystemExit(f"The two-factor code for {email} was refused ({response.status_code}).")
        return client

    def measure(self, client, pages: dict[str, str], *, size: str = "", warm: int = 5) -> dict[str, Figures]:
        """Time the yardsticks and `pages` (name: URL) with `client`, interleaved (`time_pages`);
        returns their figures. `client` stays the yardstick for actions of the same `size`."""
        pages = {name: url for name, url in pages.items() if self.wanted(name)}
        measured = time_pages(client, {HOME: "/", BARE: BARE_URL, **pages}, self.requests, warm=warm)
        self.yardstick_clients[size] = client
        for name, figures in measured.items():
            self.lines.append(Line(name=name, url={HOME: "/", BARE: BARE_URL, **pages}[name], figures=figures,
                                   size=size))
        home, bare = measured[HOME].median_ms, measured[BARE].median_ms
        for line in self.lines[-len(measured):]:
            line.x_home = line.figures.median_ms / home if home else 0.0
            line.x_bare = line.figures.median_ms / bare if bare else 0.0
        return measured

    def measure_action(self, name: str, prepare, *, size: str = "", expect: int = 302, warm: int = 3) -> Figures | None:
        """Time a request that changes something (a form post), so each must be a fresh one:
        `prepare(n)` sets up the n-th (untimed) and returns a callable that makes the request. Warm
        up, count one request's queries, then time `requests` of them; each must answer `expect`.
        Just before each, the home page and the bare view are timed with the yardsticks' client of
        the same `size`: the ratios are to those, taken at the same moments."""
        from django.db import connection

        if not self.wanted(name):
            return None

        yardstick = self.yardstick_clients.get(size)

        def perform(number: int, paired: list[float] | None = None):
            request = prepare(number)
            if paired is not None and yardstick is not None:
                # The home page and the bare view just before each action: the ratios are to
                # what they took at the same moments (see time_pages).
                paired[0].append(_timed_get(yardstick, "/"))
                paired[1].append(_timed_get(yardstick, BARE_URL))
            start = time.perf_counter()
            response = request()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != expect:
                raise SystemExit(f"{name} answered {response.status_code}, not {expect}: nothing to time.")
            return elapsed

        for number in range(warm):
            perform(number)
        queries: list[str] = []

        def count(execute, sql, *rest):
            queries.append(sql)
            return execute(sql, *rest)

        request = prepare(warm)
        with connection.execute_wrapper(count):
            response = request()
        if response.status_code != expect:
            raise SystemExit(f"{name} answered {response.status_code}, not {expect}: nothing to time.")
        paired: tuple[list[float], list[float]] = ([], [])
        timings = [perform(warm + 1 + number, paired) for number in range(self.requests)]
        figures = summarise(timings, len(queries))
        line = Line(name=name, url="", figures=figures, size=size)
        yardsticks = {y.name: y.figures.median_ms for y in self.lines if y.size == size and y.name in (HOME, BARE)}
        if paired[0]:
            yardsticks = {HOME: statistics.median(paired[0]), BARE: statistics.median(paired[1])}
        line.x_home = figures.median_ms / yardsticks[HOME] if yardsticks.get(HOME) else 0.0
        line.x_bare = figures.median_ms / yardsticks[BARE] if yardsticks.get(BARE) else 0.0
        self.lines.append(line)
        return figures

    def compare_queries(self, path: str) -> None:
        """Mark each page against the queries it made in an earlier run (`--json` of the demo run):
        a page whose count grew with the data has a query per row somewhere, and fails the run."""
        earlier = {(line["name"], line.get("size", "")): line["queries"]
                   for line in json.loads(Path(path).read_text())["lines"]}
        for line in self.lines:
            before = earlier.get((line.name, line.size))
            if before is None:
                continue
            same = before == line.figures.queries
            verdict = "same queries as the demo" if same else f"{before} queries on the demo"
            line.target = f"{line.target}; {verdict}" if line.target else verdict
            line.met = same and line.met is not False
            if not same and line.name not in self.missed:
                self.missed.append(line.name)

    def check(self, targets: dict[str, Within]) -> None:
        """Mark each line against its page's target; a missed target makes the run fail."""
        for name, target in targets.items():
            lines = [line for line in self.lines if line.name == name]
            met = True
            if target.same_queries:
                met = len({line.figures.queries for line in lines}) <= 1
            for line in lines:
                if target.ms is not None:
                    met = line.figures.median_ms <= target.ms
                elif target.home is not None:
                    met = line.x_home <= target.home
                line.target, line.met = target.describe(), met
            if lines and not all(line.met for line in lines) and name not in self.missed:
                self.missed.append(name)

    def report(self, title: str, targets: dict[str, Within] | None = None, *, queries_as: str | None = None) -> int:
        """Check the targets (and the queries against an earlier run's JSON file), print the table
        (and write the JSON file); the exit code."""
        from django.db import connection

        self.check(targets or {})
        if queries_as:
            self.compare_queries(queries_as)
        load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
        print(f"{title}: {self.requests} requests a page ({connection.vendor}, Python test client, "
              f"load average {load})")
        sized = any(line.size for line in self.lines)
        width = max(len(line.name) for line in self.lines) + 1
        head = f"{'page':{width}}" + (f" {'size':>14}" if sized else "")
        print(f"{head} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'x home':>7} {'x bare':>7}  target")
        for line in self.lines:
            verdict = f"{line.target}: {'met' if line.met else 'MISSED'}" if line.target else ""
            size = f" {line.size:>14}" if sized else ""
            print(f"{line.name:{width}}{size} {line.figures.median_ms:10.2f} {line.figures.p95_ms:8.2f} "
                  f"{line.figures.queries:8d} {line.x_home:6.2f}x {line.x_bare:6.2f}x  {verdict}")
        if any(line.target for line in self.lines):
            print("All targets met." if not self.missed else f"Targets missed: {', '.join(self.missed)}")
        self.write_json()
        return self.exit_code

    @property
    def exit_code(self) -> int:
        return 1 if self.missed else 0

    def write_json(self) -> None:
        if not self.json_path:
            return
        from django.db import connection

        data = {
            "script": self.script,
            "database": connection.vendor,
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "requests": self.requests,
            "load_average": list(os.getloadavg()),
            "lines": [{**asdict(line.figures), **{k: v for k, v in asdict(line).items() if k != "figures"}}
                      for line in self.lines],
            "missed": self.missed,
            **self.extra,
        }
        path = Path(self.json_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2) + "\n")
        print(f"Figures written to {path}")


def coordinator_reports() -> dict[str, str]:
    """Every coordinator's report worth timing (name: URL), the benchmarks' shared list."""
    year_ago = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    return {
        "training by module": "/admin/reports/training/?group_by=module",
        "training by sector": "/admin/reports/training/?group_by=sector",
        "training by month": "/admin/reports/training/?group_by=month",
        "training by sector, last year": f"/admin/reports/training/?group_by=sector&since={year_ago}",
        "certificates by organisation": "/admin/reports/certificates/?group_by=organisation",
        "network by district": "/admin/reports/network/?group_by=district",
        "White Ribbon pipeline": "/admin/white-ribbon/",
        "White Ribbon target": "/admin/white-ribbon/target/",
        "confidence by module": "/admin/reports/confidence/?group_by=module",
        "confidence by month": "/admin/reports/confidence/?group_by=month",
        "use in work by module": "/admin/reports/follow-up/?group_by=module",
        "use in work by sector": "/admin/reports/follow-up/?group_by=sector",
        "guidance updates take-up": "/admin/reports/guidance-updates/",
    }


@contextmanager
def bench(args, *, script: str, fresh: bool = True, demo: bool = True):
    """A `Run` with Django set up on the benchmark's database: fresh (a temporary SQLite file or
    the DATABASE_URL database, migrated, the demo loaded) or, with `fresh=False`, as configured."""
    url = os.environ.get("DATABASE_URL", "")
    run = Run(script=script, requests=args.requests, json_path=getattr(args, "json", None),
              only=getattr(args, "only", []))
    if fresh and url.startswith(("postgres://", "postgresql://")):
        with postgres_database(url, args.keep):
            set_up_django(fresh=True)
            if demo:
                load_demo()
            yield run
        return
    set_up_django(fresh=fresh)
    if fresh and demo:
        load_demo()
    yield run
