"""A learner's record for coordinators: finding a person, and everything about their training on
one page (modules, attempts, confidence, follow-ups, certificates, champion status, White Ribbon roles) with
the history of changes to their account and records.

Each part is one query whatever its size, so the page costs the same number of queries for a
person with one attempt or a hundred; the history is a page of log entries (a count and a page).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import ModelLogEntry

from champions.models import Champion, WhiteRibbonPerson
from content.models import TrainingModulePage
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.followup.models import FollowUp
from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion, LessonVisit
from lms.learning.progress import live_lessons_by_module
from lms.organisations.models import Membership
from lms.privacy.erasure import erased_accounts
from lms.site.audit import EXPORT_ACTION, IMPORT_ACTION
from lms.site.people_search import people_matching
from lms.updates.models import UpdateCompletion, UpdateNotice

RECORD_VIEWED = "lms.privacy.record_viewed"
# A search needs this many letters or digits: fewer would list half the county.
SHORTEST_SEARCH = 3


def find_people(query: str):
    """Accounts whose name or email holds every word of `query` (case ignored), erased accounts
    left out, by name. A word is matched anywhere in the name or the address."""
    people = User.objects.exclude(pk__in=erased_accounts().values("pk")).filter(people_matching(query))
    return people.select_related("organisation", "sector", "district").order_by("full_name", "email", "pk")


@dataclass
class ModuleLine:
    """One module the person has touched, and how far they got."""

    module: TrainingModulePage | None
    title: str
    started_at: datetime.datetime | None = None
    completed_at: datetime.datetime | None = None
    lessons_completed: int = 0
    lessons_total: int = 0
    attempts: list[Attempt] = field(default_factory=list)
    confidence_before: ConfidenceRating | None = None
    confidence_after: ConfidenceRating | None = None
    follow_up: FollowUp | None = None  # its status only is shown: the answers are the learner's
    certified_on: datetime.date | None = None  # the latest certificate's issue date


@dataclass
class UpdateLine:
    """A guidance update the person was told about, and whether they completed it."""

    title: str
    notified_at: datetime.datetime
    due_on: datetime.date
    completed_at: datetime.datetime | None

    @property
    def outstanding(self) -> bool:
        return self.completed_at is None and self.due_on < timezone.localdate()


@dataclass
class LearnerRecord:
    person: User
    roles: list[str]
    memberships: list[Membership]
    led_organisations: list
    modules: list[ModuleLine]
    certificates: list[Certificate]
    champion: Champion | None
    white_ribbon_roles: list[WhiteRibbonPerson]
    guidance_updates: list[UpdateLine] = field(default_factory=list)

    @property
    def current_membership(self) -> Membership | None:
        return next((membership for membership in self.memberships if membership.is_open), None)


def learner_record(person: User) -> LearnerRecord:
    """Everything the record page shows about `person`, but the history (see `history_of`)."""
    roles = sorted(person.groups.values_list("name", flat=True))
    if person.is_superuser:
        roles.insert(0, "Administrator")
    memberships = list(Membership.objects.filter(user=person).select_related("organisation"))
    led = list(person.led_organisations.order_by("name"))
    certificates = list(
        Certificate.objects.filter(user=person).with_status_on(timezone.localdate()).order_by("-issued_on", "-pk")
    )
    champion = Champion.objects.filter(user=person).select_related("tier", "organisation").first()
    white_ribbon = list(WhiteRibbonPerson.objects.filter(user=person).select_related("organisation"))
    return LearnerRecord(
        person=person, roles=roles, memberships=memberships, led_organisations=led,
        modules=_modules(person, certificates), certificates=certificates, champion=champion,
        white_ribbon_roles=white_ribbon, guidance_updates=_guidance_updates(person),
    )


def _guidance_updates(person: User) -> list[UpdateLine]:
    completed = dict(UpdateCompletion.objects.filter(user=person).values_list("update_id", "completed_at"))
    return [
        UpdateLine(title=notice.update.title, notified_at=notice.notified_at, due_on=notice.due_on,
                   completed_at=completed.get(notice.update_id))
        for notice in UpdateNotice.objects.filter(user=person).select_related("update").order_by("-notified_at")
    ]


def _modules(person: User, certificates: list[Certificate]) -> list[ModuleLine]:
    enrolments = {enrolment.module_id: enrolment for enrolment in Enrolment.objects.filter(user=person)}
    completed = dict(
        LessonCompletion.objects.filter(user=person).values("module_id").annotate(n=Count("id"))
        .values_list("module_id", "n")
    )
    visited = set(LessonVisit.objects.filter(user=person).values_list("module_id", flat=True).distinct())
    attempts = defaultdict(list)
    for attempt in Attempt.objects.filter(user=person).select_related("quiz").order_by("started_at", "pk"):
        attempts[attempt.quiz.module_id].append(attempt)
    ratings = defaultdict(dict)
    for rating in ConfidenceRating.objects.filter(user=person):
        ratings[rating.module_id][rating.stage] = rating
    follow_ups = {item.module_id: item for item in FollowUp.objects.filter(user=person).only(
        "id", "module_id", "status", "invited_at", "responded_at")}
    module_ids = (set(enrolments) | set(completed) | visited | set(attempts) | set(ratings)
                  | {certificate.module_id for certificate in certificates if certificate.module_id})
    modules = {module.pk: module for module in TrainingModulePage.objects.filter(pk__in=module_ids)
               .only("id", "title", "path", "depth")} if module_ids else {}
    lessons = live_lessons_by_module(list(modules.values()))
    lines = []
    for module_id in module_ids:
        module = modules.get(module_id)
        enrolment = enrolments.get(module_id)
        lines.append(ModuleLine(
            module=module, title=module.title if module else "A module no longer on the site",
            started_at=enrolment.started_at if enrolment else None,
            completed_at=enrolment.completed_at if enrolment else None,
            lessons_completed=completed.get(module_id, 0), lessons_total=len(lessons.get(module_id, [])),
            attempts=attempts.get(module_id, []),
            confidence_before=ratings[module_id].get(ConfidenceRating.Stage.BEFORE),
            confidence_after=ratings[module_id].get(ConfidenceRating.Stage.AFTER),
            follow_up=follow_ups.get(module_id),
            certified_on=max((c.issued_on for c in certificates if c.module_id == module_id), default=None),
        ))
    far_past = timezone.make_aware(datetime.datetime(1970, 1, 1))
    return sorted(lines, key=lambda line: (line.started_at or far_past, line.title), reverse=True)


def attempts_of(modules: list[ModuleLine]) -> list[tuple[ModuleLine, int, Attempt]]:
    """Every quiz attempt, newest first, with its module and its number among that module's."""
    numbered = [(line, number, attempt) for line in modules
                for number, attempt in enumerate(line.attempts, start=1)]
    return sorted(numbered, key=lambda item: (item[2].started_at, item[2].pk), reverse=True)


def records_about(record: LearnerRecord) -> Q:
    """Log entries about the person's account and their own records: memberships, certificates,
    champion record and White Ribbon roles."""
    person = record.person
    about = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
    for model, objects in (
        (Membership, record.memberships), (Certificate, record.certificates),
        (Champion, [record.champion] if record.champion else []), (WhiteRibbonPerson, record.white_ribbon_roles),
    ):
        if objects:
            about |= Q(content_type=ContentType.objects.get_for_model(model),
                       object_id__in=[str(obj.pk) for obj in objects])
    return about


# Entries logged against a person because they were the one acting, with no other object: views
# of records, and their exports and imports (a staff member's searches and filters). They are
# for the administrators' audit trail, not for whoever reads this person's record.
ACTOR_ONLY_ACTIONS = (RECORD_VIEWED, EXPORT_ACTION, IMPORT_ACTION)


def history_of(record: LearnerRecord):
    """The history of changes to the person and their records, newest first. What the person
    did as staff (records viewed, exports, imports) is not a change to them: it is in the
    audit trail, for administrators only."""
    return (
        ModelLogEntry.objects.filter(records_about(record)).exclude(action__in=ACTOR_ONLY_ACTIONS)
        .select_related("user", "content_type").order_by("-timestamp", "-pk")
    )
