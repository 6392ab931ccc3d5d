"""How content pages ask the learning engine about a learner, without importing it.

`content` sits below `lms`: pages must not import the engine, nor name its URLs or template
tags. Content owns this interface: one call per page, each answering with a frozen dataclass
that carries everything the page shows (statuses as an Enum, and the engine's URLs). The
engine registers an object with these methods at start-up (lms.learning.apps) and pages call
`engine()`. Tests may register a stand-in.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from content.models import LessonPage, TrainingModulePage


class Status(enum.Enum):
    """Where a learner is with a module."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    # Templates call callables they are given: an Enum class is one, its members are not.
    do_not_call_in_templates = enum.nonmember(True)

    @property
    def label(self) -> str:
        return {"not_started": "Not started", "in_progress": "In progress", "completed": "Completed"}[self.value]

    @property
    def tag_class(self) -> str:
        """The GOV.UK tag modifier that goes with the status (whole, so the stylesheet's build
        finds it and keeps only the colours used)."""
        return {
            "not_started": "govuk-tag--grey", "in_progress": "govuk-tag--blue", "completed": "govuk-tag--green",
        }[self.value]


class Barrier(enum.Enum):
    """Why a learner may not read a lesson (or start a module) yet, in the order they meet them."""

    SIGN_IN = "sign_in"
    PREREQUISITES = "prerequisites"
    CONTENT_WARNING = "content_warning"
    SELF_ASSESSMENT = "self_assessment"

    do_not_call_in_templates = enum.nonmember(True)


@dataclass(frozen=True)
class PageLink:
    """A page to link to: a lesson before or after this one, or a module to complete first."""

    title: str
    url: str
    completed: bool = False


@dataclass(frozen=True)
class ModuleProgress:
    """One learner's progress through one module."""

    module_id: int
    status: Status
    done: int
    total: int
    next_url: str | None  # the first lesson not yet complete (or the first lesson): where to resume
    next_title: str | None  # the next lesson's title; once every lesson is read, the quiz step ("Take the quiz")
    completed_at: datetime | None = None
    quiz_url: str | None = None  # None when the module has no quiz
    quiz_passed: bool = False

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def lessons_done(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def is_completed(self) -> bool:
        return self.status is Status.COMPLETED

    @property
    def is_in_progress(self) -> bool:
        return self.status is Status.IN_PROGRESS

    @property
    def is_not_started(self) -> bool:
        return self.status is Status.NOT_STARTED

    @property
    def label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class LessonAccess:
    """Everything a lesson page needs to know about its learner, in one answer."""

    lesson_id: int
    module_id: int
    barrier: Barrier | None  # None: they may read it
    message: str = ""  # why not, in words a learner understands
    redirect_url: str | None = None  # where to send them first (for example a self-assessment)
    missing_prerequisites: tuple[PageLink, ...] = ()
    progress: ModuleProgress | None = None
    position: int = 1  # of this lesson among the module's live lessons, from 1
    lesson_count: int = 0
    previous_lesson: PageLink | None = None
    next_lesson: PageLink | None = None
    completed: bool = False
    opened: bool = False  # opened before this request
    complete_url: str = ""  # POST here to mark the lesson complete
    acknowledge_warning_url: str = ""  # POST here to continue past the content warning
    quiz_url: str | None = None
    my_learning_url: str = ""

    @property
    def may_read(self) -> bool:
        return self.barrier is None


@dataclass(frozen=True)
class LessonEntry:
    """A live lesson of a module, with whether this learner has completed it."""

    lesson_id: int
    title: str
    url: str | None
    summary: str = ""
    completed: bool = False


@dataclass(frozen=True)
class ModuleOverview:
    """What a module's overview page shows its visitor."""

    progress: ModuleProgress
    lessons: tuple[LessonEntry, ...]  # the live lessons, in order
    prerequisites: tuple[PageLink, ...]  # the live modules to complete first, each marked done or not
    barrier: Barrier | None  # SIGN_IN, PREREQUISITES or None
    message: str = ""
    my_learning_url: str = ""

    @property
    def may_start(self) -> bool:
        return self.barrier is None


@dataclass(frozen=True)
class Catalogue:
    """Progress on a list of modules, and the learner's own pages."""

    progress: Mapping[int, ModuleProgress] = field(default_factory=dict)
    my_learning_url: str = ""
    profile_url: str = ""

    def for_module(self, module) -> ModuleProgress | None:
        return self.progress.get(module.pk)


class LearningEngine(Protocol):
    def lesson_access(self, user, lesson: LessonPage) -> LessonAccess:
        """May `user` read `lesson` now, and if not why and where to go; with the module's
        progress, the lessons either side and the URLs the page posts to. At most two queries (one here)."""

    def lesson_opened(self, user, lesson: LessonPage, access: LessonAccess) -> None:
        """The learner is shown the lesson itself (past any warning): only then can it count.
        A write, and no read: `access.opened` already says whether it is the first time."""

    def module_overview(self, user, module: TrainingModulePage) -> ModuleOverview:
        """The module page's lessons, prerequisites and progress for `user`. Constant queries."""

    def catalogue(self, user, modules) -> Catalogue:
        """Progress on each of `modules` for `user` (signed in or not). Constant queries,
        whatever the number of modules."""


_engine: LearningEngine | None = None


def register_engine(engine: LearningEngine) -> None:
    global _engine
    _engine = engine


def engine() -> LearningEngine:
    if _engine is None:
        raise RuntimeError("No learning engine is registered: is 'lms.learning' in INSTALLED_APPS?")
    return _engine
