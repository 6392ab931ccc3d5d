"""Topics, the catalogue, support and search pages, and the content review workflow.

Pages go live only through the workflow: the co-production panel reviews, then a content
moderator approves, and approval publishes. Wagtail's own default groups and workflow are
removed so that nobody publishes around it by accident.
"""

from django.db import migrations

TOPICS = [
    ("domestic-abuse", "Domestic abuse"),
    ("coercive-control", "Coercive control"),
    ("post-separation-abuse", "Post-separation abuse"),
    ("stalking-harassment", "Stalking and harassment"),
    ("sexual-violence", "Sexual violence"),
    ("fgm", "Female genital mutilation (FGM)"),
    ("forced-marriage", "Forced marriage"),
    ("honour-based-abuse", "So-called honour-based abuse"),
    ("exploitation-trafficking", "Exploitation and trafficking"),
    ("tech-facilitated-abuse", "Technology-facilitated abuse"),
    ("child-to-parent-familial-abuse", "Child-to-parent and familial abuse"),
]

CHILD_PAGES = [
    # model, slug, title, extra fields
    ("moduleindexpage", "modules", "Training modules", {
        "intro": "Free online training, tailored to where you work. Start with your sector's learning path.",
    }),
    ("supportpage", "support", "Get support", {
        "intro": "<p>If you are worried about your own safety, or someone else's, these services can help. "
                 "They are free and confidential.</p>",
    }),
    ("searchpage", "search", "Search the training", {}),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("content", "Topic")
    for slug, name in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name})

    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("content", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    home = HomePage.objects.first()
    if home is not None:
        for model_name, slug, title, extra in CHILD_PAGES:
            Model = apps.get_model("content", model_name)
            if Model.objects.exists():
                continue
            content_type, _ = ContentType.objects.get_or_create(app_label="content", model=model_name)
            last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
            next_index = int(last.path[-4:]) + 1 if last else 1
            Model.objects.create(
                title=title, draft_title=title, slug=slug, content_type=content_type,
                path=f"{home.path}{next_index:04d}", depth=home.depth + 1, numchild=0,
                url_path=f"{home.url_path}{slug}/", locale_id=home.locale_id, live=True, **extra,
            )
            home.numchild += 1
        home.save(update_fields=["numchild"])

    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CoProductionReviewTask = apps.get_model("content", "CoProductionReviewTask")

    # Wagtail's starter groups could publish directly; our roles replace them.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    WorkflowPage.objects.all().delete()
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name="Moderators approval").delete()
    Task.objects.filter(name="Moderators approval").delete()

    reviewers, _ = Group.objects.get_or_create(name="Co-production reviewer")
    moderators, _ = Group.objects.get_or_create(name="Content moderator")
    task_type = ContentType.objects.get_or_create(app_label="content", model="coproductionreviewtask")[0]
    approval_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
    review, _ = CoProductionReviewTask.objects.get_or_create(
        name="Co-production panel review", defaults={"content_type": task_type, "active": True}
    )
    review.groups.set([reviewers])
    approval, _ = GroupApprovalTask.objects.get_or_create(
        name="Moderator approval", defaults={"content_type": approval_type, "active": True}
    )
    approval.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name="Content review", defaults={"active": True})
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_lessonpage_moduleindexpage_searchpage_supportpage_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
