# A certificate keeps its module: a module with certificates cannot be deleted, only withdrawn.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("certificates", "0004_certificate_holder_name_folded"),
        ("content", "0011_support_page_intro_not_all_free"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="module",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="certificates",
                to="content.trainingmodulepage",
            ),
        ),
    ]
