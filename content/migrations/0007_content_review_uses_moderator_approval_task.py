"""The "Content review" workflow's second step becomes a ModeratorApprovalTask.

A plain group approval step let a moderator edit and approve in one go, publishing text the
co-production panel never saw. The new task type locks the step and publishes only what the
panel approved (see content/workflows.py).
"""

from django.db import migrations


def use_moderator_approval_task(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    ModeratorApprovalTask = apps.get_model("content", "ModeratorApprovalTask")

    workflow = Workflow.objects.filter(name="Content review").first()
    if workflow is None:
        return
    old = WorkflowTask.objects.filter(workflow=workflow, task__name="Moderator approval").select_related("task").first()
    task_type, _ = ContentType.objects.get_or_create(app_label="content", model="moderatorapprovaltask")
    new = ModeratorApprovalTask.objects.filter(name="Moderator approval").first()
    if new is None:
        new = ModeratorApprovalTask.objects.create(
            name="Moderator approval (after the panel)" if old else "Moderator approval",
            content_type=task_type, active=True,
        )
    new.groups.set(Group.objects.filter(name="Content moderator"))
    if old is not None and old.task_id != new.pk:
        sort_order = old.sort_order
        old_task = Task.objects.get(pk=old.task_id)
        old.delete()
        old_task.active = False
        old_task.name = "Moderator approval (retired)"
        old_task.save()
        new.name = "Moderator approval"
        new.save()
        WorkflowTask.objects.create(workflow=workflow, task=new, sort_order=sort_order)
    elif old is None and not WorkflowTask.objects.filter(workflow=workflow, task=new).exists():
        WorkflowTask.objects.create(workflow=workflow, task=new, sort_order=1)


class Migration(migrations.Migration):
    dependencies = [("content", "0006_moderatorapprovaltask")]

    operations = [migrations.RunPython(use_moderator_approval_task, migrations.RunPython.noop)]
