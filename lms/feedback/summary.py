"""What the panel and editors read: released feedback counted per lesson, in the database."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from lms.feedback.models import Answer, LessonFeedback


@dataclass(frozen=True)
class LessonCounts:
    module_id: int
    module_title: str
    lesson_id: int
    lesson_title: str
    total: int
    clear: dict[str, int]  # answer value → how many
    useful: dict[str, int]
    comments: int
    to_consider: int

    @property
    def clear_cells(self) -> list[int]:
        return [self.clear[value] for value in Answer.values]

    @property
    def useful_cells(self) -> list[int]:
        return [self.useful[value] for value in Answer.values]


def _answer_counts(prefix: str, field: str) -> dict:
    return {f"{prefix}_{value}": Count("id", filter=Q(**{field: value})) for value in Answer.values}


def lesson_counts(feedback=None, *, module_id: int | None = None, lesson_id: int | None = None) -> list[LessonCounts]:
    """Released feedback per lesson (modules by title, lessons in their order): how many
    answered yes, partly and no to each question, how many left a comment, and how many of
    those the panel has still to consider. One query, whatever the number of rows."""
    from lms.feedback.models import FeedbackStatus

    rows = (LessonFeedback.objects.for_panel() if feedback is None else feedback)
    if module_id is not None:
        rows = rows.filter(module_id=module_id)
    if lesson_id is not None:
        rows = rows.filter(lesson_id=lesson_id)
    rows = (
        rows.values("module_id", "module__title", "lesson_id", "lesson__title", "lesson__path")
        .annotate(
            total=Count("id"),
            comments=Count("id", filter=~Q(masked_comment="")),
            to_consider=Count("id", filter=~Q(masked_comment="") & Q(status=FeedbackStatus.RELEASED)),
            **_answer_counts("clear", "clear"), **_answer_counts("useful", "useful"),
        )
        .order_by("module__title", "module_id", "lesson__path")
    )
    return [
        LessonCounts(
            module_id=row["module_id"], module_title=row["module__title"], lesson_id=row["lesson_id"],
            lesson_title=row["lesson__title"], total=row["total"],
            clear={value: row[f"clear_{value}"] for value in Answer.values},
            useful={value: row[f"useful_{value}"] for value in Answer.values},
            comments=row["comments"], to_consider=row["to_consider"],
        )
        for row in rows
    ]


def by_module(counts: list[LessonCounts]) -> list[tuple[str, list[LessonCounts]]]:
    """The lessons' counts grouped under their module's title, in order."""
    grouped: list[tuple[str, list[LessonCounts]]] = []
    for line in counts:
        if not grouped or grouped[-1][1][0].module_id != line.module_id:
            grouped.append((line.module_title, []))
        grouped[-1][1].append(line)
    return grouped
