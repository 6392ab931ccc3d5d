"""Membership of an organisation, confirmed by the organisation.

Everyone who had named an organisation before this migration is asked to be confirmed again:
naming one was never proof of working there, so their leads see them once they confirm it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def request_for_everyone_with_an_organisation(apps, schema_editor):
    User = apps.get_model("lms", "User")
    Membership = apps.get_model("lms", "Membership")
    Membership.objects.bulk_create(
        Membership(user_id=user_id, organisation_id=organisation_id, status="requested")
        for user_id, organisation_id in User.objects.filter(organisation__isnull=False)
        .values_list("id", "organisation_id").iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('lms', '0006_lessonvisit'),
    ]

    operations = [
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('requested', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('declined', 'Declined'), ('ended', 'Ended')], default='requested', max_length=20)),
                ('requested_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('ended_at', models.DateTimeField(blank=True, null=True)),
                ('ending', models.CharField(blank=True, choices=[('left', 'Left the organisation'), ('removed', 'Removed by the organisation')], max_length=20, verbose_name='how it ended')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ended_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='lms.organisation')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-requested_at', '-id'],
                'indexes': [models.Index(fields=['organisation', 'status'], name='lms_members_organis_032602_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status__in', ['requested', 'confirmed'])), fields=('user',), name='membership_one_open_per_person', violation_error_message='This person already belongs to, or has asked to join, an organisation.'), models.CheckConstraint(condition=models.Q(models.Q(('ended_at__isnull', False), ('status', 'ended'), models.Q(('ending', ''), _negated=True)), models.Q(models.Q(('status', 'ended'), _negated=True), ('ending', '')), _connector='OR'), name='membership_ended_says_how')],
            },
        ),
        migrations.AlterField(
            model_name='organisation',
            name='leads',
            field=models.ManyToManyField(blank=True, help_text='People who answer requests to join this organisation, and see the training records of its confirmed members and its White Ribbon plan.', related_name='led_organisations', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(request_for_everyone_with_an_organisation, migrations.RunPython.noop),
    ]
