# The index of submitted attempts also carries the learner, so the training report by sector,
# district or organisation counts attempts from the index alone on PostgreSQL.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0004_reports_read_less'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='attempt',
            name='attempt_submitted_quiz',
        ),
        migrations.AddIndex(
            model_name='attempt',
            index=models.Index(condition=models.Q(('status', 'submitted')), fields=['quiz', 'passed'], include=('id', 'submitted_at', 'user'), name='attempt_submitted_by_quiz'),
        ),
    ]
