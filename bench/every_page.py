"""Benchmark: every page people use most, as each of them, on the demo or on the scale data.

    make bench                                   # both, then the certificate zip (bench/certificates.py)
    .venv/bin/python bench/every_page.py [--requests 20] [--json demo.json]          # a fresh demo
    VAR_DIR=var/scale .venv/bin/python bench/every_page.py --scale --queries-as demo.json [--json scale.json]

Without `--scale` it builds a fresh database with the demo (a temporary SQLite file, or
DATABASE_URL's PostgreSQL database, bench/common.py). With `--scale` it uses the database as
configured (VAR_DIR or DATABASE_URL), which `manage.py seed_scale` filled beforehand (`make
seed-scale`, minutes). Everything the run changes (a lead added to an organisation, quiz attempts,
the accounts that take them) is rolled back at the end, so runs can be repeated on the same data;
work a request leaves for after its commit (emails queued) is not timed.

Timed through Django's test client (the whole request without a network), as each visitor:

- the demo's learner (learner@, on both data sets): the catalogue, a module overview, its lesson
  with the longest set of sector variants, the quiz page, starting a quiz and submitting one
  (each by a fresh learner who has read every lesson: a start or submit can happen once), Your
  learning, and their certificate as a PDF (the kept copy, and the first download, which renders
  it); and Your learning of the learner with the most lessons done;
- someone signed out: a certificate's verify page (the rate limit per address is lifted here);
- a champion: the directory searched by district, specialism and name, and a champion's profile;
- the demo's organisation lead, their organisation given the members of the biggest one besides:
  their members, the staff training report and the White Ribbon area;
- a coordinator: every report, the White Ribbon pipeline and the accreditation target.

Each visitor's table has the home page (a bare Wagtail page) and a bare Django view measured with
the same client, and the ratios to them. Targets: every learner page within 2 times the home
page's median and the lesson within 1.5 times; every coordinator page within 500 ms on PostgreSQL
(shown, not checked, on SQLite, the embedded default); with
`--queries-as` (the demo run's JSON file), every page the same number of queries as on the demo,
as a page that makes a query per row would not be. Exits 1 when a target is missed, 2 when
`--scale` finds no scale data.
"""

from __future__ import annotations

import re
import sys
from urllib.parse import urlencode

from common import Within, arguments, bench, coordinator_reports

MODULE_SLUG = "post-separation-abuse"
LESSON = "lesson (longest variant set)"
QUIZ_START = "quiz: start (POST)"
QUIZ_SUBMIT = "quiz: submit (POST)"
LEARNER_PAGES = ["catalogue /modules/", "module overview", "quiz page", QUIZ_START, QUIZ_SUBMIT,
                 "Your learning /my-learning/", "verify a certificate", "directory: district + specialism + name",
                 "a champion's profile"]
COORDINATOR_LIMIT_MS = 500
SHOWN = re.compile(r'name="shown" value="(\d+)"')


def targets() -> dict[str, Within]:
    """The learner pages' ratios everywhere; the coordinator pages' time on PostgreSQL, what the
    site runs on in production (DESIGN: reports over a million rows in well under a second)."""
    from django.db import connection

    coordinator = {}
    if connection.vendor == "postgresql":
        coordinator = {name: Within(ms=COORDINATOR_LIMIT_MS) for name in coordinator_reports()}
    return {LESSON: Within(home=1.5), **{name: Within(home=2.0) for name in LEARNER_PAGES}, **coordinator}


class Pool:
    """Fresh learners who have read every lesson of `module`, made on demand (rolled back with
    the rest): a quiz can be started or submitted once by each."""

    def __init__(self, like, module, label: str):
        from lms.learning.progress import live_lessons_by_module

        self.like, self.module, self.label = like, module, label
        self.lessons = live_lessons_by_module([module])[module.pk]

    def learner(self, number: int):
        from django.test import Client

        from lms.accounts.models import User
        from lms.learning.progress import acknowledge_warning, complete_lesson, record_lesson_opened

        like = self.like
        user = User.objects.create_user(
            email=f"bench.{self.label}.{number}@example.org", password=None, full_name=f"Bench Learner {number}",
            job_role=like.job_role or "Support worker", sector=like.sector, district=like.district,
        )
        for lesson in self.lessons:
            acknowledge_warning(user, lesson)
            record_lesson_opened(user, lesson.pk, self.module.pk)
            complete_lesson(user, lesson)
        client = Client()
        client.force_login(user)
        return user, client


def demo_learner():
    """The demo's learner (learner@), on both data sets, so their pages can be compared query for
    query: a guidance update to complete, a follow-up open, certificates; and their newest
    certificate."""
    from lms.accounts.models import User

    learner = User.objects.get(email="learner@example.org")
    return learner, learner.certificates.filter(revoked_at__isnull=True).order_by("-issued_on", "-pk").first()


def busiest_learner(scale: bool):
    """The learner with the most lessons done (a scale learner on the scale data)."""
    from django.db.models import Count

    from lms.accounts.models import User
    from lms.demo.scale import SCALE_DOMAIN

    people = User.objects.filter(is_staff=False)
    if scale:
        people = people.filter(email__endswith=f"@{SCALE_DOMAIN}")
    return people.annotate(done=Count("lesson_completions")).order_by("-done", "pk").first()


def lead_with_most_members():
    """The demo lead (orglead@) and their organisation, given the members of the organisation with
    the most confirmed members besides (about 1,900 on the scale data): the same organisation on
    both data sets, its White Ribbon cycle and all, with many more people."""
    from django.db.models import Count, Q

    from lms.accounts.models import User
    from lms.organisations.models import Membership, Organisation

    lead = User.objects.get(email="orglead@example.org")
    organisation = lead.led_organisations.order_by("pk").first()
    lead.led_organisations.set([organisation])
    confirmed = Count("memberships", filter=Q(memberships__status=Membership.Status.CONFIRMED))
    biggest = Organisation.objects.exclude(pk=organisation.pk).annotate(n=confirmed).order_by("-n", "pk").first()
    (Membership.objects.filter(organisation=biggest).exclude(user__memberships__organisation=organisation)
     .update(organisation=organisation))
    User.objects.filter(organisation=biggest).update(organisation=organisation)
    return lead, organisation, organisation.memberships.filter(status=Membership.Status.CONFIRMED).count()


def main() -> int:
    parser = arguments(__doc__.splitlines()[0], requests=20)
    parser.add_argument("--scale", action="store_true", help="use the configured database's scale data as it is")
    parser.add_argument("--queries-as", metavar="FILE",
                        help="the demo run's JSON file: every page's queries must match it")
    args = parser.parse_args()
    with bench(args, script="every_page", fresh=not args.scale) as run:
        from django.conf import settings
        from django.db import transaction
        from django.test import Client

        from champions.models import Champion
        from champions.visibility import visible_to
        from content.models import LessonPage, Topic, TrainingModulePage
        from lms.accounts.models import District, User
        from lms.certificates.pdf import forget_certificate_pdf
        from lms.demo.scale import already_seeded
        from lms.learning.models import Attempt, Choice
        from lms.learning.progress import acknowledge_warning
        from lms.learning.quizzes import record_confidence

        if args.scale and not already_seeded():
            print("There is no scale data in this database: run `make seed-scale` first (with the same "
                  "SCALE_VAR or DATABASE_URL).")
            return 2
        settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "verify_certificate": False}
        with transaction.atomic():
            learner, certificate = demo_learner()
            module = TrainingModulePage.objects.live().get(slug=MODULE_SLUG)
            lesson = LessonPage.objects.child_of(module).live().order_by("path").last()
            acknowledge_warning(learner, lesson)  # past the warning and the self-assessment
            record_confidence(learner, module, "before", None)
            correct = set(Choice.objects.filter(question__module=module, is_correct=True).values_list("pk", flat=True))
            client = Client()
            client.force_login(learner)
            size = "learner"
            run.measure(client, {
                "catalogue /modules/": "/modules/",
                "module overview": module.url,
                LESSON: lesson.url,
                "quiz page": f"/my-learning/modules/{module.pk}/quiz/",
                "Your learning /my-learning/": "/my-learning/",
            }, size=size, warm=5)

            starters = Pool(learner, module, "start")

            def start(number: int):
                _user, pooled = starters.learner(number)
                return lambda: pooled.post(f"/my-learning/modules/{module.pk}/quiz/start/")

            run.measure_action(QUIZ_START, start, size=size)
            submitters = Pool(learner, module, "submit")

            def submit(number: int):
                _user, pooled = submitters.learner(number)
                attempt_url = pooled.post(f"/my-learning/modules/{module.pk}/quiz/start/")["Location"]
                shown = SHOWN.findall(pooled.get(attempt_url).content.decode())
                # Every answer right (the heaviest submit: a pass and a certificate). The form names
                # a choice by its position in the attempt.
                attempt = Attempt.objects.get(pk=int(attempt_url.rstrip("/").rsplit("/", 1)[1]))
                answers = {"shown": shown, "action": "submit"}
                for item in attempt.snapshot:
                    answers[f"q{item['question']}"] = [
                        str(position) for position, choice in enumerate(item["choices"], 1) if choice in correct]
                checked = pooled.post(attempt_url, answers)
                if checked.status_code != 302:
                    raise SystemExit(f"Checking the answers of {attempt_url} answered {checked.status_code}.")
                return lambda: pooled.post(attempt_url, {"action": "confirm"})

            run.measure_action(QUIZ_SUBMIT, submit, size=size)
            holder = Client()
            holder.force_login(certificate.user)
            pdf_url = f"/my-learning/certificates/{certificate.code}/pdf/"
            run.measure(holder, {"certificate PDF, kept copy": pdf_url}, size="certificate holder", warm=2)

            def first_download(_number: int):
                forget_certificate_pdf(certificate)  # as if never downloaded: rendered, then kept
                return lambda: holder.get(pdf_url)

            run.measure_action("certificate PDF, first download", first_download, size="certificate holder",
                               expect=200, warm=1)
            run.measure(Client(), {"verify a certificate": f"/verify/{certificate.code}/"}, size="signed out")

            champion = User.objects.get(email="champion@example.org")
            watford, domestic_abuse = District.objects.get(slug="watford"), Topic.objects.get(slug="domestic-abuse")
            found = (visible_to(champion).filter(districts=watford, specialisms=domestic_abuse)
                     .exclude(user=champion).select_related("user").order_by("pk").first())
            profile = found or visible_to(champion).exclude(user=champion).order_by("pk").first()
            surname = (found or profile).user.full_name.split()[-1]
            search = "/champions/?" + urlencode({"district": watford.pk, "specialism": domestic_abuse.pk, "q": surname})
            run.measure(run.signed_in(champion.email), {
                "directory: district + specialism + name": search,
                "a champion's profile": f"/champions/{profile.pk}/",
            }, size="champion")

            lead, organisation, members = lead_with_most_members()
            run.measure(run.signed_in(lead.email), {
                "lead: members": "/organisations/members/",
                "lead: staff training report": f"/organisations/{organisation.pk}/training/",
                "lead: White Ribbon area": "/organisations/",
            }, size="lead")
            run.measure(run.signed_in("coordinator@example.org"), coordinator_reports(), size="coordinator", warm=2)

            busiest = busiest_learner(args.scale)
            client.force_login(busiest)
            run.measure(client, {f"Your learning, the busiest learner ({busiest.done} lessons done)": "/my-learning/"},
                        size="busiest learner", warm=2)
            listed = Champion.objects.listed().count()
            run.extra = {"busiest_learner_lessons_done": busiest.done, "lead_organisation_members": members,
                         "listed_champions": listed, "scale": args.scale}
            transaction.set_rollback(True)
        data = "the scale data" if args.scale else "the demo data"
        return run.report(
            f"Every page on {data} (the lead's organisation has {members} confirmed members; {listed} "
            "champions listed)", targets(), queries_as=args.queries_as)


if __name__ == "__main__":
    sys.exit(main())
