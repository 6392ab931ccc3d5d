"""Data at the partnership's expected size, on top of the demo, for benchmarks (bench/every_page.py).

    manage.py seed_demo
    manage.py seed_scale                     # 20,000 learners, 1,000,000 lesson completions, ...
    manage.py seed_scale --learners 200 --completions 5000 --attempts 800 ...
    manage.py seed_scale --check             # exit 0 if the scale data is here, 1 if not

Everything is made in one transaction: an error leaves the database as it was. It runs once per
database and refuses a second run with a message. See lms/demo/scale.py for what it makes.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from lms.demo.scale import SCALE_DOMAIN, ScaleCounts, ScaleError, Seeder, already_seeded, field_names, table_counts

HELP = {
    "learners": "learners to add (default %(default)s)",
    "organisations": "organisations to add, of very different sizes (default %(default)s)",
    "modules": "modules in all, the demo's included; the rest are added (default %(default)s)",
    "lessons": "lessons in each added module (default %(default)s)",
    "completions": "lesson completions (default %(default)s)",
    "attempts": "quiz attempts submitted, about 70%% passed (default %(default)s)",
    "certificates": "certificates, each for a passing attempt (default %(default)s)",
    "champions": "champions, chosen among the learners (default %(default)s)",
    "cycles": "White Ribbon cycles, one per added organisation, most with an action plan (default %(default)s)",
}


class Command(BaseCommand):
    help = "Add scale data (learners, learning records, champions, White Ribbon cycles) on top of the demo, once."

    def add_arguments(self, parser):
        defaults = ScaleCounts()
        for name in field_names():
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name), help=HELP[name])
        parser.add_argument("--seed", type=int, default=2026, help="random seed: the same seed, the same data")
        parser.add_argument("--check", action="store_true",
                            help="only say whether the scale data is here: exit 0 if so, 1 if not (`make bench`)")

    def handle(self, *args, **options):
        if options["check"]:
            return self.check_only()
        if not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError("Scale data is not allowed with these settings (production never allows it).")
        counts = ScaleCounts(**{name: options[name] for name in field_names()})
        self.stdout.write("Seeding scale data: " + ", ".join(f"{options[n]:,} {n}" for n in field_names()))
        start = time.perf_counter()
        try:
            timings = Seeder(counts, say=self.stdout.write, seed=options["seed"]).run()
        except ScaleError as error:
            raise CommandError(str(error)) from error
        total = time.perf_counter() - start
        self.stdout.write(f"{'table':52} {'rows':>10} {'seconds':>8}")
        for table, (seconds, rows) in timings.items():
            self.stdout.write(f"{table:52} {rows:10,d} {seconds:8.1f}")
        now = table_counts()
        self.stdout.write("In the database now: " + ", ".join(f"{rows:,} {name}" for name, rows in now.items()))
        self.stdout.write(self.style.SUCCESS(f"Scale data is ready in {total:.0f} s."))

    def check_only(self) -> None:
        try:
            seeded = already_seeded()
        except DatabaseError:  # not migrated yet
            seeded = 0
        if not seeded:
            self.stdout.write("There is no scale data in this database yet.")
            raise SystemExit(1)
        self.stdout.write(f"The scale data is here ({seeded:,} learners at @{SCALE_DOMAIN}).")
