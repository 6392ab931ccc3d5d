"""Support services go through the "Content review" workflow, as pages do.

A wrong helpline number shown to a survivor is a safety problem: the co-production panel
reviews a change, then a moderator's approval publishes what the panel approved.
"""

from django.db import migrations


def assign_content_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    workflow = Workflow.objects.filter(name="Content review").first()
    if workflow is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="content", model="supportservice")
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def unassign_content_review(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="content", content_type__model="supportservice", workflow__name="Content review",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0009_support_service_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign_content_review, unassign_content_review)]
