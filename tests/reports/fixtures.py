"""A small world whose report figures are worked out by hand in the tests: three learners in two
sectors, two districts and two organisations, two modules, enrolments and quiz attempts in
February, March and April 2026 (Europe/London, before and after the clocks change)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from lms.learning.models import Attempt, ConfidenceRating, Enrolment
from tests.factories import (
    AttemptFactory,
    DistrictFactory,
    EnrolmentFactory,
    LearnerFactory,
    OrganisationFactory,
    QuizFactory,
    SectorFactory,
    TrainingModulePageFactory,
)


def at(day: str, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour)))


@dataclass
class World:
    module_a: object
    module_b: object
    health: object
    housing: object
    watford: object
    dacorum: object
    org_1: object
    org_2: object
    l1: object
    l2: object
    l3: object


def enrol(user, module, started: str, completed: str | None = None) -> Enrolment:
    enrolment = EnrolmentFactory(user=user, module=module)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        started_at=at(started), completed_at=at(completed) if completed else None,
    )
    return enrolment


def attempt(user, quiz, submitted: str, passed: bool) -> Attempt:
    made = AttemptFactory(user=user, quiz=quiz)
    Attempt.objects.filter(pk=made.pk).update(
        started_at=at(submitted, 9), submitted_at=at(submitted), passed=passed,
        status=Attempt.Status.SUBMITTED,
    )
    return made


def training_world() -> World:
    health, housing = SectorFactory(slug="health"), SectorFactory(slug="housing")
    watford, dacorum = DistrictFactory(slug="watford"), DistrictFactory(slug="dacorum")
    org_1, org_2 = OrganisationFactory(name="Alpha Surgery"), OrganisationFactory(name="Beta Homes")
    module_a = TrainingModulePageFactory(title="A: Awareness")
    module_b = TrainingModulePageFactory(title="B: Responding")
    quiz_a, quiz_b = QuizFactory(module=module_a), QuizFactory(module=module_b)
    l1 = LearnerFactory(sector=health, district=watford, organisation=org_1)
    l2 = LearnerFactory(sector=health, district=dacorum, organisation=org_1)
    l3 = LearnerFactory(sector=housing, district=watford, organisation=org_2)
    enrol(l1, module_a, "2026-03-02", "2026-03-04")  # 2 days
    enrol(l2, module_a, "2026-03-03", "2026-03-09")  # 6 days
    enrol(l3, module_a, "2026-03-05", "2026-03-06")  # 1 day
    enrol(l1, module_b, "2026-03-10")
    enrol(l3, module_b, "2026-02-20", "2026-03-20")  # 28 days, started before March
    enrol(l2, module_b, "2026-04-02")
    attempt(l1, quiz_a, "2026-03-03", False)
    attempt(l1, quiz_a, "2026-03-04", True)
    attempt(l2, quiz_a, "2026-03-09", True)
    attempt(l3, quiz_a, "2026-03-06", True)
    attempt(l3, quiz_b, "2026-03-19", False)
    attempt(l3, quiz_b, "2026-03-20", True)
    attempt(l1, quiz_b, "2026-03-12", False)
    attempt(l2, quiz_b, "2026-04-05", True)
    return World(module_a, module_b, health, housing, watford, dacorum, org_1, org_2, l1, l2, l3)


def rate(user, module, stage: str, day: str, ratings: list[int] | None) -> ConfidenceRating:
    """A self-assessment given on `day` (None: the learner chose not to rate)."""
    made = ConfidenceRating.objects.create(
        user=user, module=module, stage=stage, ratings=ratings or [], skipped=ratings is None,
    )
    ConfidenceRating.objects.filter(pk=made.pk).update(created_at=at(day))
    return made


def confidence_world() -> World:
    """training_world's people rating their confidence (each rating's mean in brackets)."""
    world = training_world()
    a, b = world.module_a, world.module_b
    rate(world.l1, a, "before", "2026-03-02", [2, 3])  # 2.5
    rate(world.l1, a, "after", "2026-03-04", [4, 4])  # 4.0: up 1.5
    rate(world.l2, a, "before", "2026-03-03", [3, 4])  # 3.5
    rate(world.l2, a, "after", "2026-03-09", [3, 3])  # 3.0: down 0.5
    rate(world.l3, a, "before", "2026-03-05", None)  # chose not to
    rate(world.l3, a, "after", "2026-03-06", [5, 4])  # 4.5, no pair
    rate(world.l1, b, "before", "2026-03-10", [1, 2])  # 1.5, no after
    rate(world.l3, b, "before", "2026-02-20", [2, 2])  # 2.0, in February
    rate(world.l3, b, "after", "2026-03-20", [3, 4])  # 3.5: up 1.5, a pair of March
    rate(world.l2, b, "before", "2026-04-02", [4, 4])  # 4.0
    rate(world.l2, b, "after", "2026-04-05", None)  # chose not to
    return world


def confidence_crowd(count: int, **profile) -> tuple[object, list]:
    """`count` learners of one profile (sector, district, organisation…) who each rated module
    "C: Crowd" before on 2026-03-02, [2, 2, 2, 3] (mean 2.25), and after on 2026-03-20, [5, 5, 5, 4]
    (4.75: up 2.5, so every pair improved): figures no other world has, to look for."""
    module = TrainingModulePageFactory(title="C: Crowd")
    learners = [LearnerFactory(**profile) for _ in range(count)]
    for learner in learners:
        rate(learner, module, "before", "2026-03-02", [2, 2, 2, 3])
        rate(learner, module, "after", "2026-03-20", [5, 5, 5, 4])
    return module, learners
