"""Load test: 50 visitors at once for 60 seconds against the site as production runs it.

Run: `make load` (or `.venv/bin/python bench/load.py --users 50 --seconds 60`). Needs locust
(bench/requirements-load.lock, which `make load` installs). Not part of `make test`.

In a temporary folder it makes a SQLite database with the demo (seed_demo, development settings:
production refuses demo data), or uses the PostgreSQL database named by DATABASE_URL as it is
(demo loaded beforehand, e.g. the scale data: `make seed-scale`); collects the static files and
serves the site with gunicorn and the production settings on 127.0.0.1, behind no proxy but with
every visitor sending what the TLS proxy would (bench/locustfile.py says how). Before it starts,
each demo learner and champion taking part is made ready for one module's quiz (content warning
read, lessons read) and signed in; their sessions go to the visitors, so no password is hashed
during the run.

Then locust runs headless with the mix in bench/locustfile.py (the catalogue, modules, lessons,
quizzes taken and submitted, /my-learning/, the champions directory, certificate checks, a lead's
staff training report), ramps up to the users in ten seconds, stops by itself after the time
given and stops the server. Prints requests per second, the median and 95th percentile per kind
of request and the errors; exits 1 on any error (a 5xx, an unexpected status, a refused form or a
request that failed). `--json FILE` writes the figures (bench/compare.py does not read these:
compare two runs' printed tables).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from production import ROOT, environments, gunicorn, manage

# Run inside the site (manage.py shell, production settings). Makes each learner and champion
# taking part ready for a quiz, signs them in, and prints what the visitors need as JSON.
PREPARE = """
import json, random
from urllib.parse import urlencode
from django.conf import settings
from django.test import Client
from champions.models import Champion
from content.models import LessonPage, ModuleIndexPage, Topic, TrainingModulePage
from lms.accounts.models import District, User
from lms.certificates.models import Certificate
from lms.certificates.services import today
from lms.learning.models import Quiz
from lms.learning.progress import ProgressError, acknowledge_warning, complete_lesson, record_lesson_opened
from lms.learning.quizzes import allowance, confidence_recorded, not_ready_reason, record_confidence

PEOPLE = {people}
rng = random.Random(2026)

def session(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value

catalogue = ModuleIndexPage.objects.live().get()
modules = list(TrainingModulePage.objects.live().child_of(catalogue).order_by("path"))
lessons = {{m.pk: list(LessonPage.objects.live().child_of(m).order_by("path")) for m in modules}}
quizzes = {{q.module_id: q for q in Quiz.objects.filter(module__in=modules)}}

def ready(user):
    # The first module with a quiz this person may take now, its lessons read; and the lessons
    # of every module they may read.
    readable, quiz_url = [], None
    for module in rng.sample(modules, len(modules)):
        module_lessons = lessons[module.pk]
        if not module_lessons:
            continue
        try:
            acknowledge_warning(user, module_lessons[0])
        except ProgressError:
            continue  # prerequisites not met
        if confidence_recorded(user, module, "before") is None:
            record_confidence(user, module, "before", None)
        readable += [lesson.url for lesson in module_lessons]
        quiz = quizzes.get(module.pk)
        if quiz_url or quiz is None:
            continue
        for lesson in module_lessons:
            record_lesson_opened(user, lesson.pk, module.pk)
            complete_lesson(user, lesson)
        if not_ready_reason(user, module) is None and allowance(user, quiz).can_start:
            quiz_url = f"/my-learning/modules/{{module.pk}}/quiz/"
    return readable, quiz_url

learners = []
people = (User.objects.filter(is_active=True, is_staff=False, is_superuser=False, email__endswith="@example.org")
          .exclude(email__startswith="champion").exclude(groups__name__in=["Organisation lead"]).order_by("email"))
champion_users = list(User.objects.filter(champion__status=Champion.Status.ACTIVE, is_active=True,
                                          email__endswith="@example.org").order_by("email")[:PEOPLE])
for user in [*people, *champion_users]:
    if len(learners) == PEOPLE:
        break
    readable, quiz_url = ready(user)
    if readable and quiz_url:
        learners.append({{"email": user.email, "session": session(user), "lessons": readable, "quiz": quiz_url}})

lead = User.objects.get(email="orglead@example.org")
organisation = lead.led_organisations.order_by("pk").first()
districts, topics = list(District.objects.all()), list(Topic.objects.all())
searches = [urlencode({{"district": d.pk}}) for d in districts] + [urlencode({{"specialism": t.pk}}) for t in topics]
names = User.objects.filter(champion__status=Champion.Status.ACTIVE).values_list("full_name", flat=True)[:20]
searches += [urlencode({{"q": name.split()[-1]}}) for name in names if name]
print(json.dumps({{
    "session_cookie": settings.SESSION_COOKIE_NAME,
    "catalogue": catalogue.url,
    "modules": [m.url for m in modules],
    "learners": learners,
    "champions": [{{"email": u.email, "session": session(u)}} for u in champion_users],
    "lead": {{"email": lead.email, "session": session(lead),
             "report": f"/organisations/{{organisation.pk}}/training/"}},
    "directory_searches": searches,
    "certificates": list(Certificate.objects.current_on(today()).order_by("?").values_list("code", flat=True)[:300]),
}}))
"""


def locust_figures(stats_csv: Path) -> tuple[list[dict], dict]:
    """The per-request rows and the aggregated row of locust's stats CSV."""
    with stats_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    kinds = [row for row in rows if row["Name"] != "Aggregated"]
    total = next(row for row in rows if row["Name"] == "Aggregated")
    return kinds, total


def print_table(kinds: list[dict], total: dict, users: int, seconds: int, database: str) -> None:
    print()
    print(f"Load test: {users} users for {seconds} s, gunicorn ({os.cpu_count()} CPUs), production settings, "
          f"{database}")
    print(f"{'request':32} {'count':>7} {'errors':>6} {'req/s':>7} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}")
    for row in sorted(kinds, key=lambda r: r["Name"]):
        print(f"{row['Name'][:32]:32} {int(row['Request Count']):7d} {int(row['Failure Count']):6d} "
              f"{float(row['Requests/s']):7.2f} {float(row['50%']):9.0f} {float(row['95%']):7.0f} "
              f"{float(row['Max Response Time']):7.0f}")
    print(f"{'all requests':32} {int(total['Request Count']):7d} {int(total['Failure Count']):6d} "
          f"{float(total['Requests/s']):7.2f} {float(total['50%']):9.0f} {float(total['95%']):7.0f} "
          f"{float(total['Max Response Time']):7.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent visitors (default 50)")
    parser.add_argument("--seconds", type=int, default=60, help="how long they keep going (default 60)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3, as README's)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, locust's CSV)")
    args = parser.parse_args()
    if shutil.which("locust", path=str(Path(sys.executable).parent)) is None:
        sys.exit("locust is not installed here: run `make load`, or pip install -r bench/requirements-load.lock")

    folder = Path(tempfile.mkdtemp(prefix="vawg-load-"))
    database_url = os.environ.get("DATABASE_URL", "")
    # The visitors send X-Forwarded-For as the proxy would: one proxy in front.
    development, production = environments(folder, keep_database=True, TRUSTED_PROXY_COUNT="1")
    try:
        if database_url:
            database = f"PostgreSQL ({database_url.rsplit('/', 1)[-1]}, as it is)"
        else:
            database = "SQLite (the demo)"
            print("Preparing a demo site…", flush=True)
            manage(development, "migrate", "--no-input", "--verbosity", "0")
            manage(development, "seed_demo", "--verbosity", "0")
        print("Collecting static files and signing the visitors in…", flush=True)
        manage(production, "collectstatic", "--no-input", "--verbosity", "0")
        site_json = manage(production, "shell", "-c", PREPARE.format(people=args.users)).strip().splitlines()[-1]
        site = json.loads(site_json)
        if not site["learners"] or not site["champions"] or not site["certificates"]:
            sys.exit("The demo has no learner ready for a quiz, no active champion or no certificate: run seed_demo.")
        (folder / "site.json").write_text(site_json, encoding="utf-8")
        # Asked as the proxy would ask: over "HTTPS", so the health check is not redirected.
        with gunicorn(production, workers=args.workers, timeout=60, headers={"X-Forwarded-Proto": "https"}) as base:
            print(f"{len(site['learners'])} learners, {len(site['champions'])} champions, a lead and people "
                  f"verifying certificates: {args.users} at once for {args.seconds} s…", flush=True)
            result = subprocess.run(  # noqa: S603 - locust from this virtual environment
                [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                 "--headless", "--host", base, "--users", str(args.users),
                 "--spawn-rate", str(max(args.users / 10, 1)), "--run-time", f"{args.seconds}s",
                 "--stop-timeout", "10", "--csv", str(folder / "locust"), "--only-summary", "--loglevel", "WARNING"],
                cwd=ROOT, env={**os.environ, "LOAD_SITE": str(folder / "site.json")},
                capture_output=True, text=True, timeout=args.seconds + 120, check=False,
            )
        kinds, total = locust_figures(folder / "locust_stats.csv")
        failures_csv = folder / "locust_failures.csv"
        failures = list(csv.DictReader(failures_csv.open(encoding="utf-8"))) if failures_csv.exists() else []
    finally:
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print_table(kinds, total, args.users, args.seconds, database)
    errors = int(total["Failure Count"])
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({"users": args.users, "seconds": args.seconds, "database": database,
                                               "requests": kinds, "all": total}, indent=2), encoding="utf-8")
    if errors or result.returncode not in (0, 1):
        for failure in failures:
            print(f"  {failure['Occurrences']} × {failure['Method']} {failure['Name']}: {failure['Error']}")
        if result.returncode not in (0, 1):
            print(result.stdout[-2000:], result.stderr[-2000:])
        print(f"FAILED: {errors} errors")
        return 1
    print(f"No errors; {float(total['Requests/s']):.1f} requests per second over the mix.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
