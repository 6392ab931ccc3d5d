"""Load the demo training content (plain data in this package) into Wagtail pages.

Idempotent: pages are matched by slug and updated; a new revision is published only when
something changed. Used by `seed_demo`.
"""

from __future__ import annotations

import datetime
import importlib
import json
import pkgutil

from django.db import transaction

from content.demo import modules as module_package
from content.demo.paths import LEARNING_PATHS
from content.demo.support_services import SUPPORT_SERVICES
from content.models import (
    LearningPath,
    LearningPathItem,
    LessonPage,
    ModuleIndexPage,
    Sector,
    SupportService,
    Topic,
    TrainingModulePage,
)


def demo_modules() -> list[dict]:
    """Every MODULE in content/demo/modules, prerequisites before the modules that need them."""
    found = []
    for info in pkgutil.iter_modules(module_package.__path__):
        found.append(importlib.import_module(f"{module_package.__name__}.{info.name}").MODULE)
    by_slug = {m["slug"]: m for m in found}
    ordered, seen = [], set()

    def visit(module):
        if module["slug"] in seen:
            return
        seen.add(module["slug"])
        for slug in module.get("prerequisites", []):
            visit(by_slug[slug])
        ordered.append(module)

    for module in sorted(found, key=lambda m: m["slug"]):
        visit(module)
    return ordered


def _raw_block(block, services: dict[str, int]) -> dict:
    kind, value = block
    if kind == "signpost":
        value = {"service": services[value["service"]], "text": value.get("text", "")}
    elif kind == "sector_variant":
        # The data names sectors by slug; lessons store their primary keys.
        sector_ids = dict(Sector.objects.filter(slug__in=value["sectors"]).values_list("slug", "pk"))
        value = {
            "sectors": [sector_ids[slug] for slug in value["sectors"]],
            "content": [_raw_block(b, services) for b in value["blocks"]],
        }
    elif kind == "accordion":
        value = {"heading": value.get("heading", ""), "items": value["items"]}
    return {"type": kind, "value": value}


def _strip_ids(data):
    if isinstance(data, dict):
        return {k: _strip_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_strip_ids(v) for v in data]
    return data


def _publish_if_changed(page, changed: bool) -> None:
    if changed or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()


def _set(page, **fields) -> bool:
    changed = False
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed


def load_support_services() -> dict[str, int]:
    """Demo services, published: a new or changed one gets a revision that goes live at once
    (seed_demo is an administrator's tool; editors' changes go through the review workflow)."""
    ids = {}
    for order, data in enumerate(SUPPORT_SERVICES):
        fields = {k: data.get(k, "") for k in (
            "name", "phone", "text_or_web_contact", "hours", "languages", "who_for", "description"
        )}
        service = SupportService.objects.filter(slug=data["slug"]).first()
        if service is None:
            service = SupportService(slug=data["slug"], live=False, **fields, sort_order=order)
            service.save()
            changed = True
        else:
            changed = _set(service, **fields, sort_order=order)
        if changed or not service.live:
            service.save_revision().publish()
        ids[data["slug"]] = service.pk
    return ids


def load_module(index: ModuleIndexPage, data: dict, services: dict[str, int]) -> TrainingModulePage:
    fields = {
        "title": data["title"],
        "summary": data["summary"],
        "learning_outcomes": "\n".join(data["learning_outcomes"]),
        "level": data["level"],
        "estimated_minutes": data["estimated_minutes"],
        "cpd_minutes": data["cpd_minutes"],
        "content_warning": data.get("content_warning", ""),
        "last_reviewed": datetime.date.fromisoformat(data["last_reviewed"]),
        "certificate_validity_months": data.get("certificate_validity_months", 24),
    }
    module = TrainingModulePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if module is None:
        module = TrainingModulePage(slug=data["slug"], **fields)
        index.add_child(instance=module)
        changed = True
    else:
        changed = _set(module, **fields)
    topics = list(Topic.objects.filter(slug__in=data["topics"]))
    sectors = list(Sector.objects.filter(slug__in=data["sectors"]))
    prerequisites = list(TrainingModulePage.objects.filter(slug__in=data.get("prerequisites", [])))
    for name, wanted in (("topics", topics), ("sectors", sectors), ("prerequisites", prerequisites)):
        if {o.pk for o in getattr(module, name).all()} != {o.pk for o in wanted}:
            getattr(module, name).set(wanted)
            changed = True
    _publish_if_changed(module, changed)

    for lesson_data in data["lessons"]:
        body = [_raw_block(block, services) for block in lesson_data["body"]]
        lesson = LessonPage.objects.child_of(module).filter(slug=lesson_data["slug"]).first()
        if lesson is None:
            lesson = LessonPage(
                slug=lesson_data["slug"], title=lesson_data["title"], summary=lesson_data.get("summary", ""),
                body=json.dumps(body),
            )
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
            continue
        changed = _set(lesson, title=lesson_data["title"], summary=lesson_data.get("summary", ""))
        if _strip_ids(list(lesson.body.raw_data)) != _strip_ids(body):
            lesson.body = json.dumps(body)
            changed = True
        _publish_if_changed(lesson, changed)
    return module


def load_learning_paths() -> None:
    modules = {m.slug: m for m in TrainingModulePage.objects.all()}
    for sector_slug, data in LEARNING_PATHS.items():
        sector = Sector.objects.get(slug=sector_slug)
        path, _ = LearningPath.objects.update_or_create(sector=sector, defaults={"intro": data["intro"]})
        wanted = [(slug, True) for slug in data["required"]] + [(slug, False) for slug in data["recommended"]]
        path.items.all().delete()
        for order, (slug, required) in enumerate(wanted):
            if slug in modules:
                LearningPathItem.objects.create(path=path, module=modules[slug], required=required, sort_order=order)


@transaction.atomic
def load_demo_content() -> list[TrainingModulePage]:
    """Support services, every demo module with its lessons, and each sector's learning path."""
    index = ModuleIndexPage.objects.get()
    services = load_support_services()
    loaded = [load_module(index, data, services) for data in demo_modules()]
    load_learning_paths()
    return loaded
