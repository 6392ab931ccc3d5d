"""How content pages ask the learning engine about a learner, without importing it.

`content` sits below `lms`: pages must not import the engine. The engine registers an object
with these methods at start-up (lms.apps), and pages call `engine()`. Tests may register a
stand-in.
"""

from __future__ import annotations

from typing import Protocol


class LearningEngine(Protocol):
    def module_progress(self, user, modules) -> dict[int, dict]:
        """For each module id: {"done": n, "total": n, "percent": n, "status": str, "next_url": str|None}."""

    def access_problem(self, user, module) -> str | None:
        """Why `user` may not open this module's lessons yet (for example missing prerequisites), or None."""

    def lesson_opened(self, user, lesson) -> None:
        """The learner is shown the lesson itself (past any warning): only then can it count."""

    def lesson_state(self, user, lesson) -> dict:
        """{"completed": bool, "warning_acknowledged": bool, "before_lesson_url": str | None}.

        `before_lesson_url` is a page the learner is sent to before the lesson (for example a
        self-assessment), or None."""


_engine: LearningEngine | None = None


def register_engine(engine: LearningEngine) -> None:
    global _engine
    _engine = engine


def engine() -> LearningEngine:
    if _engine is None:
        raise RuntimeError("No learning engine is registered: is 'lms' in INSTALLED_APPS?")
    return _engine
