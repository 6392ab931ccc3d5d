"""The support page's opening line said every service is free; two numbers listed there (the
Forced Marriage Unit's 020 and the Revenge Porn Helpline's 0345) cost the same as a call to a
landline. Only a page still as the first migration left it is changed: an editor's own text
(a page with revisions) is theirs to change, through the review workflow."""

from django.db import migrations

OLD = (
    "<p>If you are worried about your own safety, or someone else's, these services can help. "
    "They are free and confidential.</p>"
)
NEW = (
    "<p>If you are worried about your own safety, or someone else's, these services can help. "
    "They are confidential, and most are free to call: each says where a call costs the same as "
    "one to a landline.</p>"
)


def forwards(apps, schema_editor):
    SupportPage = apps.get_model("content", "SupportPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in SupportPage.objects.filter(intro=OLD):
        if not Revision.objects.filter(object_id=str(page.pk), base_content_type_id=page.content_type_id).exists():
            page.intro = NEW
            page.save(update_fields=["intro"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0010_support_services_use_content_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
