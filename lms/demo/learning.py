"""Demo learning activity, so that reports, learner records, leads' training reports and
"My learning" have something to show: enrolments, opened and completed lessons, quiz attempts
(some failed before a pass), confidence ratings before and after, and certificates, spread over
the last eighteen months.

Who learns: the demo learner accounts (learner@, champion@, orglead@ and the school's staff) and
the sixty people of the demo champions network. `newstarter@example.org` stays a brand-new
account with nothing started. Every certificate the champions seed made gets the completed
enrolment and passing attempt behind it; a module completed here gets its certificate, as the
site issues one for every pass.

The rows keep the site's rules (the same ones `seed_scale` keeps): a completed lesson was opened
past the content warning, a module with prerequisites starts after they are complete, a
completed module has every live lesson done and a passing attempt whose snapshot holds
questions (drawn as the quiz draws them) and choices of its quiz, an "after" rating follows a
pass, and a certificate belongs to its passing attempt.

Idempotent and repeatable: a person who already has an enrolment is left alone, and each
person's activity comes from a random generator seeded with their address.
"""

from __future__ import annotations

import datetime
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from content.models import TrainingModulePage
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.services import add_months, new_code
from lms.demo.scale import given_timestamps
from lms.learning.models import Attempt, Choice, ConfidenceRating, Enrolment, LessonCompletion, LessonVisit, Quiz
from lms.learning.progress import live_lessons_by_module
from lms.learning.quizzes import draw_questions

# The learners among the demo accounts; newstarter@ is left out on purpose (a fresh account).
DEMO_LEARNERS = ["learner@example.org", "champion@example.org", "orglead@example.org",
                 "teacher@example.org", "senco@example.org"]
NETWORK_LEARNERS = "champion%02d@example.org"

# The demo accounts' own stories (module slug, what happened, days ago it finished or stopped,
# lessons read when in progress, failed attempts before a pass or without one).
COMPLETE, IN_PROGRESS, FAILED = "complete", "in progress", "failed"
STORIES = {
    "learner@example.org": [
        ("coercive-control-and-stalking", COMPLETE, 300, None, 1),
        ("harmful-practices", IN_PROGRESS, 6, 2, 0),
    ],
    "orglead@example.org": [
        ("recognising-vawg-and-responding-to-disclosure", COMPLETE, 480, None, 0),
        ("coercive-control-and-stalking", COMPLETE, 95, None, 0),
    ],
    "teacher@example.org": [
        ("recognising-vawg-and-responding-to-disclosure", COMPLETE, 150, None, 1),
        ("risk-assessment-dash-and-marac", IN_PROGRESS, 12, 1, 0),
    ],
    "senco@example.org": [
        ("recognising-vawg-and-responding-to-disclosure", COMPLETE, 420, None, 0),
        ("harmful-practices", COMPLETE, 240, None, 2),
        ("post-separation-abuse", FAILED, 14, None, 1),
    ],
}
# Days over which the network's own (uncertified) activity is spread: the last eighteen months.
SPREAD_DAYS = 540


@dataclass
class ModuleFacts:
    page: TrainingModulePage
    lessons: list[int]
    quiz: Quiz | None
    outcomes: int
    prerequisites: set[int]


@dataclass
class Rows:
    enrolments: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    completions: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    ratings: list = field(default_factory=list)
    # (index into attempts of the pass, certificate to attach it to, or None to issue one)
    certified: list = field(default_factory=list)


class DemoLearning:
    def __init__(self):
        self.now = timezone.now()
        self.modules = self._read_modules()
        self.by_slug = {facts.page.slug: facts for facts in self.modules.values()}
        self.choices: dict[int, list[int]] = defaultdict(list)
        self.correct: dict[int, set[int]] = defaultdict(set)
        for question_id, choice_id, is_correct in Choice.objects.filter(
            question__module__in=list(self.modules)
        ).order_by("sort_order", "id").values_list("question_id", "id", "is_correct"):
            self.choices[question_id].append(choice_id)
            if is_correct:
                self.correct[question_id].add(choice_id)

    def _read_modules(self) -> dict[int, ModuleFacts]:
        pages = list(TrainingModulePage.objects.live().order_by("path").prefetch_related("prerequisites"))
        lessons = live_lessons_by_module(pages)
        quizzes = {quiz.module_id: quiz for quiz in Quiz.objects.filter(module__in=pages).select_related("module")}
        return {
            page.pk: ModuleFacts(
                page=page, lessons=[lesson.pk for lesson in lessons[page.pk]], quiz=quizzes.get(page.pk),
                outcomes=max(len([line for line in page.learning_outcomes.splitlines() if line.strip()]), 1),
                prerequisites={p.pk for p in page.prerequisites.all()},
            )
            for page in pages if lessons[page.pk]
        }

    # One person ---------------------------------------------------------------------------

    def plan_person(self, user: User, rows: Rows) -> None:
        rng = random.Random(f"demo-learning-{user.email}")  # noqa: S311 - repeatable demo data
        done: dict[int, datetime.datetime] = {}  # module id: when it was completed
        certificates = list(
            Certificate.objects.filter(user=user, attempt__isnull=True, module__in=list(self.modules))
            .order_by("issued_on", "module__path")
        )
        for certificate in certificates:
            facts = self.modules[certificate.module_id]
            finished = self._moment(certificate.issued_on, rng)
            for prerequisite in facts.prerequisites - set(done):
                if prerequisite in self.modules:  # completed the same morning, just before
                    done[prerequisite] = self._complete(user, self.modules[prerequisite], rng, rows,
                                                        finished - datetime.timedelta(hours=4), certificate=None)
            started_after = max([done[p] for p in facts.prerequisites if p in done], default=None)
            if started_after is not None:  # the same day's certificates: this one later that day
                finished = max(finished, started_after + datetime.timedelta(hours=3))
            done[facts.page.pk] = self._complete(user, facts, rng, rows, finished, certificate=certificate,
                                                 started_after=started_after)
        for slug, outcome, days_ago, lessons_read, failures in self._story(user, rng, done):
            facts = self.by_slug.get(slug)
            if facts is None or facts.page.pk in done:
                continue
            if not facts.prerequisites <= set(done):
                continue
            ended = self._moment(timezone.localdate(self.now) - datetime.timedelta(days=days_ago), rng)
            started_after = max([done[p] for p in facts.prerequisites], default=None)
            if started_after is not None and ended <= started_after + datetime.timedelta(hours=2):
                continue
            if outcome == COMPLETE:
                done[facts.page.pk] = self._complete(user, facts, rng, rows, ended, certificate=None,
                                                     started_after=started_after, failures=failures)
            else:
                self._unfinished(user, facts, rng, rows, ended, started_after, lessons_read, failures)

    def _story(self, user: User, rng: random.Random, done) -> list[tuple]:
        if user.email in STORIES:
            return STORIES[user.email]
        # Someone in the network: one or two more modules, started some time in the last 18 months.
        open_modules = [f for f in self.modules.values() if f.page.pk not in done]
        rng.shuffle(open_modules)
        story = []
        for facts in open_modules[: rng.choice([0, 1, 1, 2, 2])]:
            outcome = rng.choices([COMPLETE, IN_PROGRESS, FAILED], weights=[5, 3, 1])[0]
            read = rng.randint(0, len(facts.lessons) - 1) if outcome == IN_PROGRESS else None
            story.append((facts.page.slug, outcome, rng.randint(3, SPREAD_DAYS), read,
                          rng.choice([0, 0, 0, 1]) if outcome == COMPLETE else 1))
        return story

    def _moment(self, day: datetime.date, rng: random.Random) -> datetime.datetime:
        at = datetime.time(rng.randint(13, 17), rng.randint(0, 59))
        return min(timezone.make_aware(datetime.datetime.combine(day, at)), self.now - datetime.timedelta(hours=1))

    def _read_lessons(self, user, facts, rows, started, finished, count, *, opened_next: bool) -> None:
        page = facts.page
        lessons = facts.lessons[: count + (1 if opened_next and count < len(facts.lessons) else 0)]
        step = (finished - started) / max(len(lessons), 1)
        for place, lesson in enumerate(lessons):
            opened = started + step * place + datetime.timedelta(minutes=2)
            rows.visits.append(LessonVisit(user=user, lesson_id=lesson, module=page, first_opened_at=opened))
            if place < count:
                rows.completions.append(LessonCompletion(
                    user=user, lesson_id=lesson, module=page, completed_at=opened + datetime.timedelta(minutes=15),
                ))

    def _start(self, finished, started_after, rng, *, earliest_days=2, latest_days=40) -> datetime.datetime:
        started = finished - datetime.timedelta(days=rng.randint(earliest_days, latest_days), hours=rng.randint(1, 5))
        if started_after is not None:
            started = max(started, started_after + datetime.timedelta(minutes=20))
        return started

    def _complete(self, user, facts, rng, rows, finished, *, certificate, started_after=None, failures=None):
        """Every lesson read, any failures, then a pass at `finished`; its certificate attached
        (`certificate`) or issued. Returns when the module was completed."""
        page = facts.page
        started = self._start(finished, started_after, rng)
        if started_after is not None and started >= finished - datetime.timedelta(hours=1):
            started = started_after + datetime.timedelta(minutes=20)
        failures = rng.choice([0, 0, 0, 1]) if failures is None else failures
        quiz_time = finished - datetime.timedelta(minutes=35 * (failures + 1))
        self._read_lessons(user, facts, rows, started, max(quiz_time, started + datetime.timedelta(minutes=30)),
                           len(facts.lessons), opened_next=False)
        rows.enrolments.append(Enrolment(user=user, module=page, started_at=started, warning_acknowledged_at=started,
                                         completed_at=finished))
        self._rate(user, facts, rng, rows, ConfidenceRating.Stage.BEFORE, started, chance=0.8)
        if facts.quiz is not None:
            previous: set[int] = set()
            for k in range(failures):
                attempt = self._attempt(user, facts, rng, quiz_time + datetime.timedelta(minutes=35 * k),
                                        passed=False, avoid=previous)
                previous = {item["question"] for item in attempt.snapshot}
                rows.attempts.append(attempt)
            rows.attempts.append(self._attempt(user, facts, rng, finished, passed=True, avoid=previous))
            rows.certified.append((len(rows.attempts) - 1, certificate, user, facts, finished))
            self._rate(user, facts, rng, rows, ConfidenceRating.Stage.AFTER,
                       finished + datetime.timedelta(minutes=3), chance=0.75)
        return finished

    def _unfinished(self, user, facts, rng, rows, ended, started_after, lessons_read, failures) -> None:
        """In progress (some lessons read), or every lesson read and the quiz failed so far."""
        started = self._start(ended, started_after, rng, earliest_days=1, latest_days=20)
        failed = lessons_read is None
        count = len(facts.lessons) if failed else min(lessons_read, len(facts.lessons))
        rows.enrolments.append(Enrolment(user=user, module=facts.page, started_at=started,
                                         warning_acknowledged_at=started))
        self._read_lessons(user, facts, rows, started, ended, count, opened_next=not failed)
        self._rate(user, facts, rng, rows, ConfidenceRating.Stage.BEFORE, started, chance=0.8)
        if failed and facts.quiz is not None:
            previous: set[int] = set()
            for k in range(max(failures, 1)):
                attempt = self._attempt(user, facts, rng, ended + datetime.timedelta(minutes=35 * k + 20),
                                        passed=False, avoid=previous)
                previous = {item["question"] for item in attempt.snapshot}
                rows.attempts.append(attempt)

    def _attempt(self, user, facts, rng, submitted, *, passed: bool, avoid: set[int]) -> Attempt:
        """A submitted attempt drawn and marked as the quiz draws and marks them."""
        quiz = facts.quiz
        questions = draw_questions(quiz, user.sector_id, rng, avoid=avoid)
        size = len(questions)
        needed = math.ceil(quiz.pass_mark * size / 100)
        right = rng.randint(needed, size) if passed else rng.randint(max(needed - 3, 0), max(needed - 1, 0))
        right_ones = set(rng.sample(range(size), right))
        snapshot, answers = [], {}
        for place, question in enumerate(questions):
            order = list(self.choices[question.pk])
            if quiz.shuffle_choices and question.kind != question.Kind.TRUE_FALSE:
                rng.shuffle(order)
            snapshot.append({"question": question.pk, "choices": order})
            wrong = [c for c in order if c not in self.correct[question.pk]]
            chosen = sorted(self.correct[question.pk]) if place in right_ones or not wrong else [rng.choice(wrong)]
            answers[str(question.pk)] = chosen
        correct = sum(1 for q in questions if set(answers[str(q.pk)]) == self.correct[q.pk])
        score = round(100 * correct / size) if size else 0
        return Attempt(
            user=user, quiz=quiz, status=Attempt.Status.SUBMITTED, snapshot=snapshot, answers=answers,
            started_at=submitted - datetime.timedelta(minutes=rng.randint(8, 25)), submitted_at=submitted,
            score=score, correct_count=correct, passed=score >= quiz.pass_mark,
        )

    def _rate(self, user, facts, rng, rows, stage, moment, *, chance: float) -> None:
        storied = user.email in STORIES  # the demo accounts always rate, to show both columns
        if not storied and rng.random() >= chance:
            return
        if not storied and rng.random() < 0.06:
            rows.ratings.append(ConfidenceRating(user=user, module=facts.page, stage=stage, ratings=[], skipped=True,
                                                 created_at=moment))
            return
        low, high = (1, 3) if stage == ConfidenceRating.Stage.BEFORE else (3, 5)
        rows.ratings.append(ConfidenceRating(user=user, module=facts.page, stage=stage, created_at=moment,
                                             ratings=[rng.randint(low, high) for _ in range(facts.outcomes)]))

    # Writing --------------------------------------------------------------------------------

    def write(self, rows: Rows) -> None:
        stamps = [Enrolment._meta.get_field("started_at"), LessonVisit._meta.get_field("first_opened_at"),
                  LessonCompletion._meta.get_field("completed_at"), Attempt._meta.get_field("started_at"),
                  ConfidenceRating._meta.get_field("created_at")]
        with given_timestamps(*stamps):
            Enrolment.objects.bulk_create(rows.enrolments)
            LessonVisit.objects.bulk_create(rows.visits)
            LessonCompletion.objects.bulk_create(rows.completions)
            made = Attempt.objects.bulk_create(rows.attempts)
            ConfidenceRating.objects.bulk_create(rows.ratings)  # fills `mean`
        for index, certificate, user, facts, finished in rows.certified:
            attempt = made[index]
            if certificate is not None:
                Certificate.objects.filter(pk=certificate.pk).update(attempt=attempt)
                continue
            page, issued = facts.page, timezone.localdate(finished)
            Certificate.objects.create(
                user=user, module=page, attempt=attempt, code=new_code(), holder_name=user.full_name or user.email,
                module_title=page.title, module_revision=page.latest_revision_id, level=page.get_level_display(),
                cpd_minutes=page.cpd_minutes, issued_on=issued,
                expires_on=add_months(issued, page.certificate_validity_months),
            )


def demo_learners() -> list[User]:
    emails = DEMO_LEARNERS + [NETWORK_LEARNERS % number for number in range(1, 61)]
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    return [people[email] for email in emails if email in people]


def load_demo_learning() -> int:
    """Make the demo learning activity for anyone in it who has none yet; returns how many
    enrolments the demo learners have afterwards. Needs the demo modules; without them it
    makes nothing."""
    people = demo_learners()
    with transaction.atomic():
        seeder = DemoLearning()
        if not seeder.modules:
            return 0
        started = set(Enrolment.objects.filter(user__in=people).values_list("user_id", flat=True))
        rows = Rows()
        for user in people:
            if user.pk not in started:
                seeder.plan_person(user, rows)
        seeder.write(rows)
    return Enrolment.objects.filter(user__in=people).count()
