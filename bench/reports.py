"""Benchmark: the coordinators' reports with the demo's data, then with thousands of learners
more, against the home page in the same run.

Run: `.venv/bin/python bench/reports.py [--requests 50] [--learners 5000] [--json out.json]`. Like
bench/whiteribbon.py it builds a fresh SQLite database in a temporary folder (or uses
DATABASE_URL), loads the demo, and signs in as the demo coordinator with password and code. It
times, through Django's test client:

- the home page (a bare Wagtail page) and a bare Django view, the yardsticks;
- training activity by module and by month (with the medians), and by sector for a period;
- certificates by organisation;
- the champions network by district covered;
- confidence before and after by module and by month.

then adds learners in bulk (each with two enrolments, most completed, a quiz attempt or two and
a certificate per completion, a confidence rating before each module and after each completed
one, spread over two years, the sectors, districts and forty organisations) and times them again.
Prints, per page and size: median and 95th percentile in milliseconds, queries per request, and
the ratios of its median to the home page's and a bare Django view's (bench/common.py). The
target: each report costs the same number of queries at both sizes. Exits 1 when it is missed. A
report the site does not have (yet) is left out.
"""

import datetime
import sys

from common import Within, arguments, bench, coordinator_reports

# The reports this script times with the demo and with more learners (bench/every_page.py times them all).
REPORTS = ("training by module", "training by month", "training by sector, last year",
           "certificates by organisation", "network by district", "confidence by module", "confidence by month")


def report_pages() -> dict[str, str]:
    return {name: url for name, url in coordinator_reports().items() if name in REPORTS}


def add_learners(count: int) -> None:
    """`count` learners with enrolments, attempts and certificates, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from content.models import Sector, TrainingModulePage
    from lms.accounts.models import District, User
    from lms.certificates.models import Certificate
    from lms.certificates.services import new_code
    from lms.learning.models import Attempt, ConfidenceRating, Enrolment, Quiz
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
    enrolments, attempts, certificates, ratings = [], [], [], []
    for n, user in enumerate(users):
        for k in range(2):
            module = modules[(n + k) % len(modules)]
            started = now - datetime.timedelta(days=(n * 7 + k * 30) % 700, hours=n % 24)
            completed = started + datetime.timedelta(days=(n + k) % 40, hours=3) if (n + k) % 4 else None
            if completed and completed > now:
                completed = None
            enrolments.append(Enrolment(user=user, module=module, started_at=started, completed_at=completed))
            ratings.append(ConfidenceRating(user=user, module=module, stage="before", created_at=started,
                                            ratings=[1 + (n + k) % 3, 2, 3], skipped=n % 10 == 0))
            if completed:
                ratings.append(ConfidenceRating(user=user, module=module, stage="after", created_at=completed,
                                                ratings=[3 + (n + k) % 3, 4, 3], skipped=n % 7 == 0))
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
    given = [rating.created_at for rating in ratings]
    ConfidenceRating.objects.bulk_create(ratings, batch_size=1000)
    for rating, day in zip(ratings, given, strict=True):
        rating.created_at = day
    ConfidenceRating.objects.bulk_update(ratings, ["created_at"], batch_size=1000)


def main() -> int:
    parser = arguments(__doc__.splitlines()[0], requests=50)
    parser.add_argument("--learners", type=int, default=5000, help="learners added for the large size (5000)")
    args = parser.parse_args()
    with bench(args, script="reports") as run:
        from lms.learning.models import Enrolment

        client = run.signed_in("coordinator@example.org")
        pages = report_pages()
        run.measure(client, pages, size=f"{Enrolment.objects.count()} enrolments", warm=3)
        add_learners(args.learners)
        run.measure(client, pages, size=f"{Enrolment.objects.count()} enrolments", warm=3)
        return run.report("Coordinators' reports, then with more learners",
                          {name: Within(same_queries=True) for name in pages})


if __name__ == "__main__":
    sys.exit(main())
