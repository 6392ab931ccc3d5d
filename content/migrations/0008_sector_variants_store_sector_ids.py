"""Sector variants name their sectors by primary key, not slug.

A slug is an editable field: changing it orphaned every variant for the sector, and the next
save turned the orphan into a second "everyone else" version. Converts lesson bodies and every
lesson revision; a slug that names no sector is dropped (it already showed to nobody).
"""

import json

from django.db import migrations


def _convert(blocks, ids):
    changed = False
    for block in blocks:
        if block.get("type") == "sector_variant":
            old = block["value"].get("sectors") or []
            new = [ids.get(v, v) for v in old if v in ids or isinstance(v, int)]
            if new != old:
                block["value"]["sectors"] = new
                changed = True
    return changed


def forwards(apps, schema_editor):
    Sector = apps.get_model("content", "Sector")
    LessonPage = apps.get_model("content", "LessonPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ids = dict(Sector.objects.values_list("slug", "pk"))

    for lesson in LessonPage.objects.all():
        raw = list(lesson.body.raw_data) if hasattr(lesson.body, "raw_data") else json.loads(lesson.body)
        raw = json.loads(json.dumps(raw))
        if _convert(raw, ids):
            LessonPage.objects.filter(pk=lesson.pk).update(body=json.dumps(raw))

    lesson_type = ContentType.objects.filter(app_label="content", model="lessonpage").first()
    if lesson_type is None:
        return
    for revision in Revision.objects.filter(content_type=lesson_type).iterator():
        content = revision.content
        body = content.get("body")
        raw = json.loads(body) if isinstance(body, str) else body
        if raw and _convert(raw, ids):
            content["body"] = json.dumps(raw) if isinstance(body, str) else raw
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0007_content_review_uses_moderator_approval_task"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
