from django.db import migrations, models

from lms.organisations.names import fold


def fill_folded_names(apps, schema_editor):
    """Certificates issued before the field existed get their folded name, so search finds them."""
    Certificate = apps.get_model("certificates", "Certificate")
    batch = []
    for certificate in Certificate.objects.only("pk", "holder_name").iterator(chunk_size=2000):
        certificate.holder_name_folded = fold(certificate.holder_name)
        batch.append(certificate)
        if len(batch) >= 2000:
            Certificate.objects.bulk_update(batch, ["holder_name_folded"])
            batch = []
    if batch:
        Certificate.objects.bulk_update(batch, ["holder_name_folded"])


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0003_certificate_bundle'),
    ]

    operations = [
        migrations.AddField(
            model_name='certificate',
            name='holder_name_folded',
            field=models.CharField(db_index=True, default='', editable=False, help_text="The holder's name without accents, in lower case, for searching (filled on save).", max_length=300),
        ),
        migrations.RunPython(fill_folded_names, migrations.RunPython.noop),
    ]
