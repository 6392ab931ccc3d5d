"""The guidance updates index at /updates/, under the home page, where editors add updates.

Made only when the home page exists (a new site gets it from content's own migrations first) and
no index exists yet, so running again changes nothing."""

from django.db import migrations

INTRO = ("When the law, a service or good practice changes, we update the training and tell everyone "
         "who holds a current certificate for it.")


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("content", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    Index = apps.get_model("updates", "GuidanceUpdateIndexPage")
    home = HomePage.objects.first()
    if home is None or Index.objects.exists() or Page.objects.filter(url_path=f"{home.url_path}updates/").exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="updates", model="guidanceupdateindexpage")
    last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    next_index = int(last.path[-4:]) + 1 if last else 1
    Index.objects.create(
        title="Guidance updates", draft_title="Guidance updates", slug="updates", content_type=content_type,
        path=f"{home.path}{next_index:04d}", depth=home.depth + 1, numchild=0,
        url_path=f"{home.url_path}updates/", locale_id=home.locale_id, live=True, intro=INTRO,
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("updates", "0001_guidance_updates"),
        ("content", "0011_support_page_intro_not_all_free"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
