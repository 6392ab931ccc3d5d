"""Benchmark: each coordinator's report on the scale data, against the home page and a bare Django
view in the same run; every report's median within 500 ms.

Run on a database seeded beforehand (it is not made here, it takes minutes):

    manage.py migrate && manage.py seed_demo && manage.py seed_scale
    .venv/bin/python bench/scale.py [--requests 20] [--json out.json]

on SQLite in VAR_DIR (var/ by default), or with DATABASE_URL=postgres://... on PostgreSQL
(`make seed-scale` and `make bench-scale` do both steps). Signed in as the demo coordinator with
password and code, it times through Django's test client (bench/common.py): training activity by
module, sector and month over all two years and by sector for the last year; certificates by
organisation; the champions network by district; the White Ribbon pipeline and target; the
confidence report where the site has it; and, for scale, Your learning for the learner with the
most lessons done. Prints the table rows each report counts over, then per page the median and
95th percentile in milliseconds, queries per request and the ratios to the yardsticks. Exits 1
when a report's median is over 500 ms, 2 when the scale data is not there.
"""

import sys

from common import Within, arguments, bench, coordinator_reports

LIMIT_MS = 500


def main() -> int:
    args = arguments(__doc__.splitlines()[0], requests=20).parse_args()
    with bench(args, script="scale", fresh=False) as run:
        from django.db.models import Count

        from champions.models import Champion
        from champions.whiteribbon.models import AccreditationCycle, ActionItem
        from lms.accounts.models import User
        from lms.certificates.models import Certificate
        from lms.demo.scale import SCALE_DOMAIN
        from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion
        from lms.organisations.models import Organisation

        if not User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").exists():
            print("There is no scale data in this database: run `manage.py seed_demo` and `manage.py seed_scale` "
                  "first (with the same VAR_DIR or DATABASE_URL).")
            return 2
        rows = {
            "learners": User.objects.count(), "organisations": Organisation.objects.count(),
            "enrolments": Enrolment.objects.count(), "lesson completions": LessonCompletion.objects.count(),
            "attempts": Attempt.objects.count(), "certificates": Certificate.objects.count(),
            "confidence ratings": ConfidenceRating.objects.count(), "champions": Champion.objects.count(),
            "White Ribbon cycles": AccreditationCycle.objects.count(), "action items": ActionItem.objects.count(),
        }
        print("Rows: " + ", ".join(f"{count:,} {name}" for name, count in rows.items()))
        run.extra = {"rows": rows}
        pages = coordinator_reports()
        run.measure(run.signed_in("coordinator@example.org"), pages, size="coordinator", warm=2)
        busiest = (LessonCompletion.objects.filter(user__email__endswith=f"@{SCALE_DOMAIN}")
                   .values("user__email").annotate(n=Count("pk")).order_by("-n").first())
        learner = run.signed_in(busiest["user__email"])
        run.measure(learner, {f"Your learning ({busiest['n']} lessons done)": "/my-learning/"}, size="learner", warm=2)
        return run.report(f"Coordinators' reports on the scale data (target: median <= {LIMIT_MS} ms)",
                          {name: Within(ms=LIMIT_MS) for name in pages})


if __name__ == "__main__":
    sys.exit(main())
