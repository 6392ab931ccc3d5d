"""Data at the size the partnership expects after a few years, for benchmarks (`seed_scale`).

On top of the demo (seed_demo), in one transaction: more modules of a few lessons each with a
quiz and its bank (Wagtail pages, made one by one), then in bulk: organisations of very
different sizes, learners with their memberships, enrolments, opened and completed lessons,
quiz attempts (about seven in ten passed), certificates, confidence ratings before and after,
champions with their briefings and sessions, and White Ribbon cycles with action plans. Dates
spread over the two years before today.

The rows keep the site's rules: a completed lesson was opened, a completed module has every
lesson done and a passing attempt whose snapshot holds questions and choices of its quiz, a
certificate belongs to a passing attempt, a module with prerequisites is started only after
them, one open membership and one open White Ribbon cycle per organisation.

It refuses to run twice: the learners it makes have addresses at `scale.example.org`.
"""

from __future__ import annotations

import datetime
import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import accumulate

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, models, transaction
from django.utils import timezone

from champions.models import (
    Briefing,
    Champion,
    ChampionTier,
    Language,
    NetworkSession,
    SessionBooking,
    StatusChange,
)
from champions.whiteribbon.models import AccreditationCycle, ActionItem, Criterion, Focus, StageChange
from champions.whiteribbon.services import expiry_of
from content.models import LessonPage, ModuleIndexPage, Sector, Topic, TrainingModulePage
from lms.accounts.models import District, User
from lms.certificates.models import Certificate
from lms.certificates.services import add_months, new_code
from lms.learning.models import (
    Attempt,
    Choice,
    ConfidenceRating,
    Enrolment,
    LessonCompletion,
    LessonVisit,
    Question,
    Quiz,
)
from lms.organisations.models import Membership, Organisation
from lms.organisations.names import fold
from lms.site.roles import Role

SCALE_DOMAIN = "scale.example.org"
BATCH = 2000
PASS_SHARE = 0.7  # of quiz attempts submitted
FULL_SHARE = 0.8  # of enrolments with every lesson done
BANK_SIZE = 12  # questions in each new module's quiz bank
CHOICES_PER_QUESTION = 4
SPREAD_DAYS = 730  # learning spreads over the two years before today


class ScaleError(Exception):
    """The scale data cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class ScaleCounts:
    """How much to make. `modules` is the number of modules in all (the demo's included);
    `lessons` the lessons of each new module."""

    learners: int = 20_000
    organisations: int = 600
    modules: int = 60
    lessons: int = 6
    completions: int = 1_000_000
    attempts: int = 200_000
    certificates: int = 30_000
    champions: int = 2_000
    cycles: int = 600

    def problems(self) -> list[str]:
        found = [f"--{f.name} must be 0 or more." for f in fields(self) if getattr(self, f.name) < 0]
        if self.lessons < 1:
            found.append("--lessons must be at least 1: a module needs a lesson.")
        if self.modules < 1:
            found.append("--modules must be at least 1.")
        if self.champions > self.learners:
            found.append(f"--champions ({self.champions}) cannot be more than --learners ({self.learners}): "
                         "each champion is one of the learners.")
        if self.cycles > self.organisations:
            found.append(f"--cycles ({self.cycles}) cannot be more than --organisations ({self.organisations}): "
                         "an organisation has one open White Ribbon cycle.")
        if self.learners and not self.organisations:
            found.append("--organisations must be at least 1 when there are learners: each works somewhere.")
        if self.completions > self.learners * self.modules * self.lessons:
            found.append(f"--completions ({self.completions}) is more than every learner completing every lesson "
                         f"({self.learners} x {self.modules} x {self.lessons}).")
        return found


@dataclass
class ModuleInfo:
    """What the seeder needs to know of a live module, read once."""

    page: TrainingModulePage
    lessons: list[int]
    quiz: Quiz | None
    bank: list[tuple[int, list[int], set[int]]]  # (question, its choices, the correct ones)
    outcomes: int
    prerequisites: set[int]
    has_warning: bool
    revision: int | None


@dataclass
class EnrolmentPlan:
    learner: int
    module: int
    lessons_done: int
    started_at: datetime.datetime
    days: int  # from starting to the last lesson done
    completed_at: datetime.datetime | None = None
    failed_attempts: int = 0
    certificate: bool = False


def already_seeded() -> int:
    """How many learners an earlier run made (0: none)."""
    return User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").count()


@contextmanager
def given_timestamps(*model_fields) -> Iterator[None]:
    """Let bulk_create keep the times given for auto_now / auto_now_add fields (the seeder dates
    rows in the past); the fields are put back as they were afterwards."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in model_fields]
    for f, _now, _add in saved:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


@contextmanager
def quiet_logger(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def _field(model, name):
    return model._meta.get_field(name)


class Seeder:
    """Makes the rows, table by table, saying how long each took."""

    def __init__(self, counts: ScaleCounts, say: Callable[[str], None], seed: int = 2026):
        self.counts = counts
        self.say = say
        self.rng = random.Random(seed)  # noqa: S311 (made-up data, repeatable by seed; no secrets)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.timings: dict[str, list[float]] = {}  # table: [seconds, rows]

    def timed(self, table: str, rows: list, model, **options) -> list:
        start = time.perf_counter()
        made = model.objects.bulk_create(rows, batch_size=BATCH, **options)
        spent = self.timings.setdefault(table, [0.0, 0])
        spent[0] += time.perf_counter() - start
        spent[1] += len(rows)
        return made

    def run(self) -> dict[str, list[float]]:
        earlier = already_seeded()
        if earlier:
            raise ScaleError(
                f"Scale data is already in this database ({earlier} learners at @{SCALE_DOMAIN}); nothing was "
                "changed. seed_scale runs once per database: to seed other counts, start from an empty database "
                "(a new DATABASE_URL, or delete the SQLite file), then run seed_demo and seed_scale."
            )
        problems = self.counts.problems()
        if problems:
            raise ScaleError(" ".join(problems))
        if not User.objects.filter(email="coordinator@example.org").exists() or not ModuleIndexPage.objects.exists():
            raise ScaleError("The demo is not in this database: run `manage.py seed_demo` first.")
        with transaction.atomic():
            self.make_modules()
            self.modules = self.read_modules()
            self.make_organisations()
            self.make_learners()
            self.make_learning()
            self.make_champions()
            self.make_cycles()
        # Fresh planner statistics: without them PostgreSQL plans the reports for empty tables
        # until autovacuum gets round to them. On PostgreSQL, VACUUM too (outside a transaction,
        # as it must be): it marks the new pages all-visible, without which no index-only scan is
        # possible, and a server with autovacuum off (as on some development machines) never does.
        start = time.perf_counter()
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")
        self.timings["VACUUM and ANALYZE" if vacuum else "ANALYZE (planner statistics)"] = [
            time.perf_counter() - start, 0]
        return self.timings

    # Content ---------------------------------------------------------------------------------

    def make_modules(self) -> None:
        start = time.perf_counter()
        with quiet_logger("wagtail"):  # it logs every page created, edited and published
            made = self.add_modules()
        self.timings["modules (Wagtail pages, with lessons and quizzes)"] = [time.perf_counter() - start, made]
        self.say(f"  modules: {made} new, {made * self.counts.lessons} lessons ({time.perf_counter() - start:.1f} s)")

    def add_modules(self) -> int:
        index = ModuleIndexPage.objects.get()
        existing = TrainingModulePage.objects.live().count()
        wanted = max(self.counts.modules - existing, 0)
        topics, sectors = list(Topic.objects.all()), list(Sector.objects.all())
        levels = [value for value, _label in TrainingModulePage._meta.get_field("level").choices]
        made = 0
        for number in range(1, wanted + 1):
            subject = SUBJECTS[(number - 1) % len(SUBJECTS)]
            module = TrainingModulePage(
                slug=f"scale-{number:03d}-{subject[1]}", title=f"{subject[0]} ({number})",
                summary=f"Practice scenarios on {subject[0].lower()} for people who meet it at work.",
                learning_outcomes="\n".join(OUTCOMES), level=levels[number % len(levels)],
                estimated_minutes=30 + 5 * (number % 7), cpd_minutes=30 + 15 * (number % 3),
                last_reviewed=self.today - datetime.timedelta(days=number * 9 % 300),
                certificate_validity_months=12 if number % 4 == 0 else 24,
                content_warning="This module describes abuse." if number % 3 == 0 else "",
            )
            index.add_child(instance=module)
            if topics:
                module.topics.set(self.rng.sample(topics, min(2, len(topics))))
            if sectors:
                module.sectors.set(self.rng.sample(sectors, min(3, len(sectors))))
            module.save_revision().publish()
            lessons = []
            for place in range(1, self.counts.lessons + 1):
                lesson = LessonPage(
                    slug=f"lesson-{place}", title=f"Part {place}: {LESSON_TITLES[(place - 1) % len(LESSON_TITLES)]}",
                    summary="", body=json.dumps([{"type": "rich_text", "value": f"<p>{LESSON_TEXT}</p>"}]),
                )
                module.add_child(instance=lesson)
                lesson.save_revision().publish()
                lessons.append(lesson)
            self.make_quiz(module, lessons)
            made += 1
        return made

    def make_quiz(self, module: TrainingModulePage, lessons: list[LessonPage]) -> Quiz:
        quiz = Quiz.objects.create(module=module, questions_per_attempt=10, pass_mark=80)
        questions = Question.objects.bulk_create([
            Question(module=module, kind=Question.Kind.SINGLE, text=f"Question {n + 1} on {module.title}?",
                     explanation="Because it keeps the person safe.", lesson=lessons[n % len(lessons)])
            for n in range(BANK_SIZE)
        ])
        Choice.objects.bulk_create([
            Choice(question=question, text=f"Answer {k + 1}", is_correct=k == n % CHOICES_PER_QUESTION, sort_order=k)
            for n, question in enumerate(questions) for k in range(CHOICES_PER_QUESTION)
        ])
        return quiz

    def read_modules(self) -> list[ModuleInfo]:
        pages = list(TrainingModulePage.objects.live().order_by("path").prefetch_related("prerequisites"))
        lessons: dict[int, list[int]] = {page.pk: [] for page in pages}
        for page in pages:
            live = LessonPage.objects.child_of(page).live().order_by("path")
            lessons[page.pk] = list(live.values_list("pk", flat=True))
        quizzes = {quiz.module_id: quiz for quiz in Quiz.objects.all()}
        banks: dict[int, dict[int, tuple[list[int], set[int]]]] = {}
        for choice in Choice.objects.filter(question__active=True).order_by("question_id", "sort_order", "id") \
                .values("question_id", "question__module_id", "pk", "is_correct"):
            bank = banks.setdefault(choice["question__module_id"], {})
            ids, correct = bank.setdefault(choice["question_id"], ([], set()))
            ids.append(choice["pk"])
            if choice["is_correct"]:
                correct.add(choice["pk"])
        infos = []
        for page in pages:
            if not lessons[page.pk]:
                continue
            bank = [(qid, ids, correct) for qid, (ids, correct) in banks.get(page.pk, {}).items()]
            revision = page.latest_revision_id
            infos.append(ModuleInfo(
                page=page, lessons=lessons[page.pk], quiz=quizzes.get(page.pk) if bank else None, bank=bank,
                outcomes=max(len([line for line in page.learning_outcomes.splitlines() if line.strip()]), 1),
                prerequisites={p.pk for p in page.prerequisites.all()}, has_warning=bool(page.content_warning),
                revision=revision,
            ))
        return infos

    # People ----------------------------------------------------------------------------------

    def make_organisations(self) -> None:
        sectors = {s.slug: s for s in Sector.objects.all()}
        districts = list(District.objects.all())
        kinds = [k for k in Organisation.Kind.values if k != Organisation.Kind.OTHER]
        sizes = Organisation.WorkforceSize.values
        rows = []
        for n in range(self.counts.organisations):
            kind = kinds[n % len(kinds)]
            district = districts[(n * 7) % len(districts)]
            sector = sectors.get(KIND_SECTOR.get(kind, ""))
            rows.append(Organisation(
                name=f"{ORGANISATION_NAMES[kind]} {n + 1:04d}, {district.name}", kind=kind, sector=sector,
                district=district, workforce_size=sizes[min(int(self.rng.paretovariate(1.2)) - 1, len(sizes) - 1)],
                male_dominated_workforce=kind in ("employer", "public_body") and n % 3 == 0,
                partnership_member=n % 5 == 0, status=Organisation.Status.CONFIRMED,
                created_at=self.now - datetime.timedelta(days=self.rng.randint(400, 1200)),
            ))
        with given_timestamps(_field(Organisation, "created_at")):
            self.organisations = self.timed("organisations", rows, Organisation)
        self.say(f"  organisations: {len(rows)}")

    def make_learners(self) -> None:
        count = self.counts.learners
        sectors, districts = list(Sector.objects.all()), list(District.objects.all())
        # A few organisations train most people: weights fall with rank, as employers' sizes do.
        weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.organisations))]
        self.rng.shuffle(weights)
        homes = self.rng.choices(self.organisations, weights=weights, k=count) if self.organisations else []
        password = make_password(DEMO_PASSWORD)
        users = []
        for n in range(count):
            organisation = homes[n]
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            users.append(User(
                email=f"learner{n + 1:05d}@{SCALE_DOMAIN}", password=password, full_name=f"{first} {last}",
                job_role=self.rng.choice(JOB_ROLES),
                sector=organisation.sector if organisation.sector_id and n % 10 else self.rng.choice(sectors),
                district=organisation.district if n % 5 else self.rng.choice(districts), organisation=organisation,
                date_joined=self.now - datetime.timedelta(days=SPREAD_DAYS + 30),
            ))
        self.learners = self.timed("users", users, User)
        self.timed("email addresses", [
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in self.learners
        ], EmailAddress)
        learner_group = Group.objects.get(name=Role.LEARNER)
        self.timed("user groups", [
            User.groups.through(user_id=user.pk, group_id=learner_group.pk) for user in self.learners
        ], User.groups.through)
        confirmed, memberships = Membership.Status.CONFIRMED, []
        for n, user in enumerate(self.learners):
            asked = self.now - datetime.timedelta(days=SPREAD_DAYS + self.rng.randint(1, 25))
            waiting = n % 20 == 19
            memberships.append(Membership(
                user=user, organisation=user.organisation, requested_at=asked,
                status=Membership.Status.REQUESTED if waiting else confirmed,
                decided_at=None if waiting else asked + datetime.timedelta(days=self.rng.randint(0, 5)),
            ))
        self.timed("memberships", memberships, Membership)
        self.confirmed = [user for user, m in zip(self.learners, memberships, strict=True) if m.status == confirmed]
        self.say(f"  learners: {count}, with their email addresses, role and memberships")

    # Learning --------------------------------------------------------------------------------

    def plan_enrolments(self) -> list[EnrolmentPlan]:
        """Who started which module when, and how far they got; the completions add up to the count asked."""
        counts, modules, rng = self.counts, self.modules, self.rng
        if not counts.learners or not counts.completions or not modules:
            return []
        mean_lessons = sum(len(m.lessons) for m in modules) / len(modules)
        per_enrolment = FULL_SHARE * mean_lessons + (1 - FULL_SHARE) * (mean_lessons - 1) / 2
        wanted = counts.completions / max(per_enrolment, 0.5) * 1.05
        appetite = [rng.lognormvariate(0, 0.7) for _ in range(counts.learners)]
        scale = wanted / sum(appetite)
        popularity = [1 / (rank + 1) ** 0.5 for rank in range(len(modules))]
        rng.shuffle(popularity)
        popularity = list(accumulate(popularity))
        taken: list[set[int]] = [set() for _ in range(counts.learners)]
        done_modules: list[set[int]] = [set() for _ in range(counts.learners)]
        last_start: list[datetime.datetime] = [
            self.now - datetime.timedelta(days=rng.uniform(60, SPREAD_DAYS)) for _ in range(counts.learners)
        ]
        plans: list[EnrolmentPlan] = []
        total = 0
        order = list(range(counts.learners))
        rng.shuffle(order)
        rounds = 0
        while total < counts.completions and rounds < len(modules) + 2:
            for learner in order:
                quota = max(1, round(appetite[learner] * scale)) if rounds == 0 else 1
                for _ in range(quota):
                    if total >= counts.completions or len(taken[learner]) >= len(modules):
                        break
                    index = self.pick_module(learner, taken, done_modules, popularity)
                    if index is None:
                        break
                    module = modules[index]
                    size = len(module.lessons)
                    done = size if rng.random() < FULL_SHARE else rng.randint(0, size - 1)
                    done = min(done, counts.completions - total)
                    started = min(last_start[learner] + datetime.timedelta(days=rng.uniform(1, 40)),
                                  self.now - datetime.timedelta(hours=2))
                    last_start[learner] = started
                    days = min(int(rng.expovariate(1 / 9)), max((self.now - started).days - 1, 0))
                    taken[learner].add(index)
                    if done == size:
                        done_modules[learner].add(module.page.pk)
                    plans.append(EnrolmentPlan(learner=learner, module=index, lessons_done=done, started_at=started,
                                               days=days))
                    total += done
                if total >= counts.completions:
                    break
            rounds += 1
        return plans

    def pick_module(self, learner, taken, done_modules, popularity) -> int | None:
        for _ in range(8):
            index = self.rng.choices(range(len(self.modules)), cum_weights=popularity)[0]
            if index in taken[learner]:
                continue
            if self.modules[index].prerequisites <= done_modules[learner]:
                return index
        free = [i for i, m in enumerate(self.modules)
                if i not in taken[learner] and m.prerequisites <= done_modules[learner]]
        return self.rng.choice(free) if free else None

    def decide_outcomes(self, plans: list[EnrolmentPlan]) -> None:
        """Which finished enrolments passed their quiz (so are complete), which failed first, and
        which have a certificate."""
        rng, counts = self.rng, self.counts
        full = [p for p in plans if p.lessons_done == len(self.modules[p.module].lessons)]
        no_quiz = [p for p in full if self.modules[p.module].quiz is None]
        with_quiz = [p for p in full if self.modules[p.module].quiz is not None]
        passes = min(round(counts.attempts * PASS_SHARE), len(with_quiz))
        if counts.attempts and with_quiz and passes == 0:
            passes = 1
        passed = rng.sample(with_quiz, passes)
        for plan in passed + no_quiz:
            plan.completed_at = min(plan.started_at + datetime.timedelta(days=plan.days, hours=rng.uniform(1, 8)),
                                    self.now - datetime.timedelta(minutes=30))
        fails = counts.attempts - passes if with_quiz else 0
        for _ in range(fails):
            rng.choice(with_quiz).failed_attempts += 1
        for plan in rng.sample(passed, min(counts.certificates, len(passed))):
            plan.certificate = True

    def make_learning(self) -> None:
        start = time.perf_counter()
        plans = self.plan_enrolments()
        self.decide_outcomes(plans)
        self.say(f"  planned {len(plans)} enrolments ({time.perf_counter() - start:.1f} s)")
        plans.sort(key=lambda p: p.learner)
        stamps = [_field(Enrolment, "started_at"), _field(LessonVisit, "first_opened_at"),
                  _field(LessonCompletion, "completed_at"), _field(Attempt, "started_at"),
                  _field(ConfidenceRating, "created_at")]
        chunk = 4000
        with given_timestamps(*stamps):
            for first in range(0, len(plans), chunk):
                self.write_learning(plans[first:first + chunk])
                self.say(f"  learning records: {min(first + chunk, len(plans))} of {len(plans)} enrolments")

    def write_learning(self, plans: list[EnrolmentPlan]) -> None:
        rng = self.rng
        enrolments, visits, completions, ratings = [], [], [], []
        attempts: list[Attempt] = []
        certified: list[tuple[int, EnrolmentPlan]] = []  # (index of its passing attempt, plan)
        for plan in plans:
            user, module = self.learners[plan.learner], self.modules[plan.module]
            page = module.page
            finished = plan.started_at + datetime.timedelta(days=plan.days)
            enrolments.append(Enrolment(
                user=user, module=page, started_at=plan.started_at, completed_at=plan.completed_at,
                warning_acknowledged_at=plan.started_at if module.has_warning else None,
            ))
            opened = plan.lessons_done + (1 if plan.lessons_done < len(module.lessons) else 0)
            span = (finished - plan.started_at) / max(plan.lessons_done, 1)
            for place, lesson in enumerate(module.lessons[:opened]):
                moment = min(plan.started_at + span * place + datetime.timedelta(minutes=5), self.now)
                visits.append(LessonVisit(user=user, lesson_id=lesson, module=page, first_opened_at=moment))
                if place < plan.lessons_done:
                    completions.append(LessonCompletion(user=user, lesson_id=lesson, module=page,
                                                        completed_at=moment + datetime.timedelta(minutes=12)))
            if rng.random() < 0.7:
                ratings.append(self.rating(user, page, module, ConfidenceRating.Stage.BEFORE, plan.started_at))
            last = min(finished + datetime.timedelta(minutes=30), self.now)
            for k in range(plan.failed_attempts):
                moment = min(last + datetime.timedelta(minutes=25 * k), self.now - datetime.timedelta(minutes=1))
                attempts.append(self.attempt(user, module, moment, passed=False))
            if plan.completed_at is not None and module.quiz is not None:
                moment = max(plan.completed_at, last + datetime.timedelta(minutes=25 * plan.failed_attempts))
                plan.completed_at = moment = min(moment, self.now)
                enrolments[-1].completed_at = moment
                attempts.append(self.attempt(user, module, moment, passed=True))
                if plan.certificate:
                    certified.append((len(attempts) - 1, plan))
            if plan.completed_at is not None and rng.random() < 0.6:
                ratings.append(self.rating(user, page, module, ConfidenceRating.Stage.AFTER, plan.completed_at))
        self.timed("enrolments", enrolments, Enrolment)
        self.timed("lesson visits", visits, LessonVisit)
        self.timed("lesson completions", completions, LessonCompletion)
        made = self.timed("attempts", attempts, Attempt)
        self.timed("confidence ratings", ratings, ConfidenceRating)
        certificates = []
        for index, plan in certified:
            attempt, module = made[index], self.modules[plan.module]
            user = self.learners[plan.learner]
            issued = timezone.localdate(plan.completed_at)
            revoked = rng.random() < 0.01
            certificates.append(Certificate(
                user=user, module=module.page, attempt_id=attempt.pk, code=new_code(), holder_name=user.full_name,
                holder_name_folded=fold(user.full_name), module_title=module.page.title,
                module_revision=module.revision, level=module.page.get_level_display(),
                cpd_minutes=module.page.cpd_minutes, issued_on=issued,
                expires_on=add_months(issued, module.page.certificate_validity_months),
                revoked_at=self.now if revoked else None,
                revocation_reason="Issued in error: the quiz was taken for someone else." if revoked else "",
            ))
        self.timed("certificates", certificates, Certificate)

    def attempt(self, user, module: ModuleInfo, submitted: datetime.datetime, *, passed: bool) -> Attempt:
        quiz, rng = module.quiz, self.rng
        drawn = rng.sample(module.bank, min(quiz.questions_per_attempt, len(module.bank)))
        size = len(drawn)
        needed = math.ceil(quiz.pass_mark * size / 100)
        right = rng.randint(needed, size) if passed else rng.randint(0, max(needed - 1, 0))
        snapshot, answers = [], {}
        for place, (question, choices, correct) in enumerate(drawn):
            order = list(choices)
            rng.shuffle(order)
            snapshot.append({"question": question, "choices": order})
            wrong = [c for c in choices if c not in correct]
            answers[str(question)] = sorted(correct) if place < right or not wrong else [rng.choice(wrong)]
        score = round(100 * right / size) if size else 0
        return Attempt(
            user=user, quiz=quiz, status=Attempt.Status.SUBMITTED, snapshot=snapshot, answers=answers,
            started_at=submitted - datetime.timedelta(minutes=rng.randint(6, 30)), submitted_at=submitted,
            score=score, correct_count=right, passed=score >= quiz.pass_mark,
        )

    def rating(self, user, page, module: ModuleInfo, stage: str, moment) -> ConfidenceRating:
        rng = self.rng
        if rng.random() < 0.08:
            return ConfidenceRating(user=user, module=page, stage=stage, ratings=[], skipped=True, created_at=moment)
        low, high = (1, 4) if stage == ConfidenceRating.Stage.BEFORE else (3, 5)
        return ConfidenceRating(user=user, module=page, stage=stage, created_at=moment,
                                ratings=[rng.randint(low, high) for _ in range(module.outcomes)])

    # Champions and White Ribbon --------------------------------------------------------------

    def make_champions(self) -> None:
        rng, S = self.rng, Champion.Status
        people = rng.sample(self.confirmed, min(self.counts.champions, len(self.confirmed)))
        tiers, topics = list(ChampionTier.objects.all()), list(Topic.objects.all())
        districts, languages = list(District.objects.all()), list(Language.objects.all())
        if people and not tiers:
            raise ScaleError("There are no champion tiers: run `manage.py seed_demo` first.")
        statuses = [S.ACTIVE] * 14 + [S.REFRESHER_DUE] * 2 + [S.APPLIED, S.MANAGER_AGREED, S.LAPSED, S.PAUSED,
                                                                  S.WITHDRAWN, S.DECLINED]
        champions = []
        for n, user in enumerate(people):
            status = statuses[n % len(statuses)]
            applied = self.now - datetime.timedelta(days=rng.randint(30, SPREAD_DAYS))
            agreed = applied + datetime.timedelta(days=rng.randint(1, 10)) if status != S.APPLIED else None
            approved = agreed + datetime.timedelta(days=rng.randint(1, 20)) \
                if status not in (S.APPLIED, S.MANAGER_AGREED, S.DECLINED) else None
            champions.append(Champion(
                user=user, tier=tiers[n % len(tiers)], organisation=user.organisation, sector=user.sector,
                availability="Weekdays, within two working days", statement="I listen, respond safely and signpost.",
                visibility=Champion.Visibility.values[n % len(Champion.Visibility.values)],
                line_manager_name="Morgan Manager", line_manager_email=f"manager{n}@{SCALE_DOMAIN}",
                manager_agreed_at=agreed, status=status, applied_at=applied, approved_at=approved,
                status_changed_at=approved or agreed or applied,
                refresher_due_on=self.today - datetime.timedelta(days=n % 40) if status == S.REFRESHER_DUE else None,
                search_text=fold(f"{user.full_name} {user.job_role} {user.organisation.name}"),
            ))
        champions = self.timed("champions", champions, Champion)
        through = Champion.districts.through
        self.timed("champions' districts", [
            through(champion_id=c.pk, district_id=d.pk)
            for c in champions for d in rng.sample(districts, min(rng.randint(1, 3), len(districts)))
        ], through)
        if topics:
            through = Champion.specialisms.through
            self.timed("champions' specialisms", [
                through(champion_id=c.pk, topic_id=t.pk)
                for c in champions for t in rng.sample(topics, min(rng.randint(1, 3), len(topics)))
            ], through)
        if languages:
            through = Champion.languages.through
            self.timed("champions' languages", [
                through(champion_id=c.pk, language_id=rng.choice(languages).pk) for c in champions if rng.random() < 0.3
            ], through)
        self.timed("champion history", [
            StatusChange(champion=c, from_status="", to_status=c.status, at=c.status_changed_at) for c in champions
        ], StatusChange)
        group = Group.objects.get(name=Role.CHAMPION)
        self.timed("user groups", [
            User.groups.through(user_id=c.user_id, group_id=group.pk)
            for c in champions if c.status in Champion.HOLD_ROLE
        ], User.groups.through)
        self.make_network_activity([c for c in champions if c.approved_at is not None], districts, topics)
        self.say(f"  champions: {len(champions)}, with districts, specialisms, briefings and sessions")

    def make_network_activity(self, champions: list[Champion], districts, topics) -> None:
        rng = self.rng
        briefings = []
        for champion in champions:
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3, 5))):
                since = max((self.now - champion.approved_at).days, 1)
                day = self.today - datetime.timedelta(days=rng.randint(1, since))
                briefings.append(Briefing(
                    champion=champion, given_on=day, audience=rng.choice(AUDIENCES), people_count=rng.randint(3, 40),
                    organisation_id=champion.organisation_id, district=rng.choice(districts) if districts else None,
                ))
        briefings = self.timed("briefings", briefings, Briefing)
        if topics:
            through = Briefing.topics.through
            self.timed("briefings' topics", [through(briefing_id=b.pk, topic_id=rng.choice(topics).pk)
                                             for b in briefings], through)
        sessions = self.timed("network sessions", [
            NetworkSession(
                topic=f"Network meeting {n + 1}: {rng.choice(AUDIENCES)}", place="Council Chamber, Hertford",
                starts_at=self.now - datetime.timedelta(days=30 * n + 3), capacity=400,
                ends_at=self.now - datetime.timedelta(days=30 * n + 3) + datetime.timedelta(hours=2),
            )
            for n in range(24 if champions else 0)
        ], NetworkSession)
        bookings = []
        for champion in champions:
            for session in rng.sample(sessions, min(rng.randint(0, 4), len(sessions))):
                if session.starts_at > champion.approved_at:
                    bookings.append(SessionBooking(session=session, champion=champion,
                                                   booked_at=session.starts_at - datetime.timedelta(days=7),
                                                   attended=rng.random() < 0.8))
        self.timed("session bookings", bookings, SessionBooking)

    def make_cycles(self) -> None:
        rng, St = self.rng, AccreditationCycle.Stage
        stages = [St.INTERESTED, St.COMMITTED, St.PREPARING, St.PREPARING, St.SUBMITTED, St.ACCREDITED,
                  St.ACCREDITED, St.ACCREDITED, St.RENEWAL_DUE, St.LAPSED, St.WITHDRAWN]
        with_plans = {St.PREPARING, St.SUBMITTED, St.ACCREDITED, St.RENEWAL_DUE}
        cycles = []
        for n, organisation in enumerate(self.organisations[:self.counts.cycles]):
            stage = stages[n % len(stages)]
            started = self.today - datetime.timedelta(days=rng.randint(60, 1100))
            approved = None
            if stage == St.ACCREDITED:
                approved = self.today - datetime.timedelta(days=rng.randint(10, 900))
            elif stage == St.RENEWAL_DUE:
                approved = self.today - datetime.timedelta(days=rng.randint(1000, 1090))
            if approved and started > approved:
                started = approved - datetime.timedelta(days=rng.randint(60, 300))
            supporter = stage in (St.INTERESTED, St.COMMITTED) and n % 4 == 0
            cycles.append(AccreditationCycle(
                organisation=organisation, stage=stage, started_on=started, approved_on=approved,
                expires_on=expiry_of(approved) if approved else None,
                track=AccreditationCycle.Track.SUPPORTER if supporter else AccreditationCycle.Track.ACCREDITED,
                closed_on=self.today - datetime.timedelta(days=rng.randint(1, 50))
                if stage in AccreditationCycle.CLOSED else None,
                stage_changed_on=approved or started + datetime.timedelta(days=rng.randint(0, 50)),
                lead_contact_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                lead_contact_email=f"whiteribbon{n}@{SCALE_DOMAIN}",
                created_at=self.now - datetime.timedelta(days=(self.today - started).days),
            ))
        with given_timestamps(_field(AccreditationCycle, "created_at")):
            cycles = self.timed("White Ribbon cycles", cycles, AccreditationCycle)
        self.timed("White Ribbon stage changes", [
            StageChange(cycle=c, from_stage="", to_stage=c.stage, on=c.stage_changed_on) for c in cycles
        ], StageChange)
        modules = [m.page for m in self.modules]
        items = []
        for cycle in cycles:
            if cycle.stage not in with_plans:
                continue
            for k in range(rng.randint(6, 10)):
                year = k % 3 + 1
                if cycle.approved_on:
                    due = cycle.approved_on + datetime.timedelta(days=365 * (year - 1) + rng.randint(30, 360))
                else:
                    due = self.today + datetime.timedelta(days=rng.randint(30, 365 * 3))
                status = ActionItem.Status.DONE if due < self.today and rng.random() < 0.7 else \
                    rng.choice(ActionItem.Status.values)
                created = self.now - datetime.timedelta(days=(self.today - cycle.started_on).days)
                items.append(ActionItem(
                    cycle=cycle, criterion=Criterion.values[k % len(Criterion.values)],
                    focus=Focus.values[k % len(Focus.values)], year=year, title=rng.choice(ACTIONS),
                    owner=rng.choice(JOB_ROLES), due_on=due, status=status,
                    module=rng.choice(modules) if modules and Focus.values[k % len(Focus.values)] == Focus.TRAINING
                    else None, created_at=created, updated_at=created,
                ))
        with given_timestamps(_field(ActionItem, "created_at"), _field(ActionItem, "updated_at")):
            self.timed("White Ribbon action items", items, ActionItem)
        self.say(f"  White Ribbon: {len(cycles)} cycles, {len(items)} action plan items")


DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 (the demo's published password; demo settings only)

SUBJECTS = [
    ("Economic abuse", "economic-abuse"), ("Tech-facilitated abuse", "tech-abuse"),
    ("Sexual harassment at work", "workplace-harassment"), ("Adolescent relationship abuse", "teen-abuse"),
    ("Abuse of older women", "older-women"), ("Spiking and night-time safety", "spiking"),
    ("Image-based sexual abuse", "image-abuse"), ("Stalking by a stranger", "stranger-stalking"),
    ("Abuse and disability", "disability"), ("Migrant women and no recourse to public funds", "nrpf"),
]
LESSON_TITLES = ["What it looks like", "Who is affected", "Asking safely", "Responding", "Recording", "Referring on"]
LESSON_TEXT = ("Listen, believe, and do not judge. Ask directly and privately, record what you were told "
               "in the person's own words, and refer on with their consent unless a child is at risk.")
OUTCOMES = ["Recognise the signs", "Respond safely to a disclosure", "Refer to the right service"]
KIND_SECTOR = {"school": "education", "early_years": "education", "pharmacy": "health", "health": "health",
               "housing": "housing", "employer": "employers", "community": "community", "faith": "community",
               "vcfse": "specialist", "public_body": "social-care"}
ORGANISATION_NAMES = {"school": "Scale Academy", "early_years": "Scale Nursery", "pharmacy": "Scale Pharmacy",
                      "health": "Scale Surgery", "housing": "Scale Homes", "employer": "Scale Works",
                      "community": "Scale Community Group", "faith": "Scale Faith Centre",
                      "vcfse": "Scale Support Service", "public_body": "Scale Council Service",
                      "other": "Scale Organisation"}
FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hari", "Iona", "Jonah", "Kasia", "Leon",
               "Łucja", "Ayşe", "Siobhán", "Oluwaseun", "Priya", "Tomasz", "Zainab", "Mei", "Rhys", "Nia"]
LAST_NAMES = ["Adeyemi", "Brown", "Cohen", "Dąbrowska", "Evans", "Fernández", "Gill", "Hughes", "Nguyễn", "Patel",
              "Kowalczyk", "O'Brien", "Okonkwo", "Smith", "Yılmaz", "Chen", "Murphy", "Ahmed"]
JOB_ROLES = ["Support worker", "Practice nurse", "Class teacher", "Housing officer", "Pharmacist", "Receptionist",
             "Team leader", "Youth worker", "Social worker", "HR adviser", "Site manager", "Volunteer"]
AUDIENCES = ["ward nurses", "year 10 tutors", "front desk staff", "depot drivers", "volunteers", "new starters",
             "managers", "pharmacy counter staff"]
ACTIONS = ["Brief every manager on the VAWG policy", "Train front-line staff in responding to disclosures",
           "Appoint and induct male ambassadors", "Publish the gender pay gap and an action plan",
           "Run a 16 Days of Action campaign", "Review the dress code and uniform policy",
           "Add VAWG to the induction programme", "Survey staff on safety at work"]


def field_names() -> list[str]:
    """The counts seed_scale takes as options, in order."""
    return [f.name for f in fields(ScaleCounts)]


def table_counts() -> dict[str, int]:
    """Rows now in the tables the seeder fills, for its summary and its test."""
    tables: dict[str, type[models.Model]] = {
        "learners": User, "organisations": Organisation, "enrolments": Enrolment,
        "lesson completions": LessonCompletion, "attempts": Attempt, "certificates": Certificate,
        "champions": Champion, "White Ribbon cycles": AccreditationCycle, "modules": TrainingModulePage,
    }
    return {name: model.objects.count() for name, model in tables.items()}
