"""Benchmark: how long the learner's pages take to serve, against a bare Wagtail page.

Run: `make bench` (or `.venv/bin/python bench/pages.py [--requests 200] [--json out.json]`). It
builds a fresh SQLite database in a temporary folder (or uses DATABASE_URL), loads the demo,
signs in the demo learner and times requests through Django's test client (bench/common.py).

Prints, per page: median and 95th percentile in milliseconds, queries per request, and the
ratios of its median to the home page's and to a bare Django view's in the same run. The design
targets: the lesson within 1.5 times the home page, the catalogue and the module overview within
2 times. Exits 1 when a target is missed.

PostgreSQL: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages .venv/bin/python
bench/pages.py` creates that database if it does not exist, and drops it afterwards (unless
`--keep`).
"""

import sys

from common import Within, arguments, bench

TARGETS = {
    "lesson (longest variant set)": Within(home=1.5),
    "catalogue /modules/": Within(home=2.0),
    "module overview": Within(home=2.0),
}


def main() -> int:
    args = arguments(__doc__.splitlines()[0], requests=200).parse_args()
    with bench(args, script="pages") as run:
        from content.models import LessonPage, TrainingModulePage
        from lms.accounts.models import User
        from lms.learning.progress import acknowledge_warning
        from lms.learning.quizzes import record_confidence

        learner = User.objects.get(email="learner@example.org")
        module = TrainingModulePage.objects.get(slug="post-separation-abuse")
        lesson = LessonPage.objects.child_of(module).live().order_by("path").last()
        # Past the warning and the self-assessment, as a learner who has started the module.
        acknowledge_warning(learner, lesson)
        record_confidence(learner, module, "before", None)
        client = run.signed_in(learner.email)
        run.measure(client, {
            "catalogue /modules/": "/modules/",
            "module overview": module.url,
            "lesson (longest variant set)": lesson.url,
            "dashboard /my-learning/": "/my-learning/",
        }, warm=10)
        return run.report("Learner's pages", TARGETS)


if __name__ == "__main__":
    sys.exit(main())
