# Each confidence rating keeps the mean of its ratings, so reports average in the database;
# the ratings already given get theirs here.

from django.db import migrations, models


def fill_means(apps, schema_editor):
    ConfidenceRating = apps.get_model("learning", "ConfidenceRating")
    batch = []
    for rating in ConfidenceRating.objects.filter(skipped=False).only("pk", "ratings").iterator(chunk_size=2000):
        if rating.ratings:
            rating.mean = sum(rating.ratings) / len(rating.ratings)
            batch.append(rating)
        if len(batch) >= 2000:
            ConfidenceRating.objects.bulk_update(batch, ["mean"])
            batch = []
    ConfidenceRating.objects.bulk_update(batch, ["mean"])


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0002_learner_records_protect_their_module'),
    ]

    operations = [
        migrations.AddField(
            model_name='confidencerating',
            name='mean',
            field=models.FloatField(blank=True, editable=False, help_text='The mean of the ratings, set on saving; empty when the learner chose not to rate.', null=True),
        ),
        migrations.RunPython(fill_means, migrations.RunPython.noop, elidable=True),
    ]
