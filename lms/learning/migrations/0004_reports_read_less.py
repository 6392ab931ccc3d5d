# The reports read less: each after rating keeps its before rating's mean (the ratings already
# given get theirs here), and two covering indexes serve the training report on PostgreSQL.

from django.conf import settings
from django.db import migrations, models


def fill_before_means(apps, schema_editor):
    ConfidenceRating = apps.get_model("learning", "ConfidenceRating")
    before = ConfidenceRating.objects.filter(
        user=models.OuterRef("user"), module=models.OuterRef("module"), stage="before",
    ).values("mean")[:1]
    ConfidenceRating.objects.exclude(stage="before").update(
        before_mean=models.Subquery(before, output_field=models.FloatField()),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('content', '0011_support_page_intro_not_all_free'),
        ('learning', '0003_confidence_rating_mean'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='confidencerating',
            name='before_mean',
            field=models.FloatField(blank=True, editable=False, help_text="On a later rating: the mean of the same person's before rating of this module.", null=True),
        ),
        migrations.RunPython(fill_before_means, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name='attempt',
            index=models.Index(condition=models.Q(('status', 'submitted')), fields=['quiz', 'passed'], include=('id', 'submitted_at'), name='attempt_submitted_quiz'),
        ),
        migrations.AddIndex(
            model_name='enrolment',
            index=models.Index(fields=['module', 'user'], include=('id',), name='enrolment_module_user'),
        ),
    ]
