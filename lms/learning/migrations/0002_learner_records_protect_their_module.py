# Learners' records keep their module: a started module cannot be deleted, only withdrawn.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('content', '0011_support_page_intro_not_all_free'),
        ('learning', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='attempt',
            name='quiz',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='attempts', to='learning.quiz'),
        ),
        migrations.AlterField(
            model_name='confidencerating',
            name='module',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='content.trainingmodulepage'),
        ),
        migrations.AlterField(
            model_name='enrolment',
            name='module',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='enrolments', to='content.trainingmodulepage'),
        ),
        migrations.AlterField(
            model_name='lessoncompletion',
            name='module',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='content.trainingmodulepage'),
        ),
        migrations.AlterField(
            model_name='lessonvisit',
            name='module',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='content.trainingmodulepage'),
        ),
    ]
