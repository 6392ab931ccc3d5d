"""Choosing which parts of a lesson a learner sees, by sector.

Sector variant blocks that stand next to each other form a group: one point of the lesson,
written several ways. For a learner in sector S a group shows the variants written for S; if
none is, it shows the group's fallback variants (those with no sectors chosen). Viewing "all
sectors" shows every variant, each labelled with who it is for.
"""

from dataclasses import dataclass, field

ALL_SECTORS = "all"


@dataclass
class LessonPart:
    block: object  # a StreamValue child (has .block_type, .value, .render_as_block)
    audience: list[str] = field(default_factory=list)  # sector names a variant is for; [] = shared
    is_variant: bool = False
    is_fallback: bool = False


def tailor(body, sector_id: int | str | None, sector_names: dict[int, str]) -> list[LessonPart]:
    """The parts of `body` to show for a sector (its primary key), or for every sector
    (ALL_SECTORS or None). Variants store sector primary keys, never slugs."""
    parts: list[LessonPart] = []
    group: list = []

    def flush():
        if not group:
            return
        if sector_id in (None, ALL_SECTORS):
            chosen = group
        else:
            chosen = [v for v in group if sector_id in v.value["sectors"]]
            if not chosen:
                chosen = [v for v in group if not v.value["sectors"]]
        for variant in chosen:
            audience = [sector_names.get(pk, "a sector no longer listed") for pk in variant.value["sectors"]]
            for child in variant.value["content"]:
                parts.append(LessonPart(child, audience, is_variant=True, is_fallback=not audience))
        group.clear()

    for child in body:
        if child.block_type == "sector_variant":
            group.append(child)
        else:
            flush()
            parts.append(LessonPart(child))
    flush()
    return parts
