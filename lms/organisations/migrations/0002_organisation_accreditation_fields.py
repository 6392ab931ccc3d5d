"""Organisations: the list of types White Ribbon accreditation asks for, workforce size, whether
the workforce is mostly men, partnership membership, website and a staff-only contact."""

from django.db import migrations, models

import lms.organisations.models
import lms.site.validators


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='organisation',
            name='contact_email',
            field=models.EmailField(blank=True, help_text='Seen only by coordinators: never by learners, leads or visitors to the champions directory.', max_length=254, verbose_name='contact email'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='contact_name',
            field=models.CharField(blank=True, help_text='Seen only by coordinators: never by learners, leads or visitors to the champions directory.', max_length=200, validators=[lms.site.validators.printable_text], verbose_name='contact name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='contact_phone',
            field=models.CharField(blank=True, help_text='Seen only by coordinators: never by learners, leads or visitors to the champions directory.', max_length=40, validators=[lms.organisations.models.validate_phone_number], verbose_name='contact phone'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='male_dominated_workforce',
            field=models.BooleanField(default=False, help_text='Most of the people who work there are men. The VAWG strategy gives workforces that are mostly men particular attention, so these organisations can be found and reached.', verbose_name='Male-dominated workforce'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='partnership_member',
            field=models.BooleanField(default=False, verbose_name='Member of the VAWG partnership'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='website',
            field=models.URLField(blank=True, help_text="The organisation's own website, starting https://"),
        ),
        migrations.AddField(
            model_name='organisation',
            name='workforce_size',
            field=models.CharField(blank=True, choices=[('', 'Not known'), ('1-9', '1 to 9 people'), ('10-49', '10 to 49'), ('50-249', '50 to 249'), ('250-999', '250 to 999'), ('1000+', '1,000 or more')], help_text='How many people work or volunteer there. Leave it empty if it is not known.', max_length=10, verbose_name='workforce size'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='kind',
            field=models.CharField(choices=[('school', 'School or college'), ('early_years', 'Early years setting'), ('pharmacy', 'Pharmacy'), ('health', 'GP practice or health provider'), ('housing', 'Housing provider'), ('employer', 'Employer or business'), ('community', 'Community group'), ('faith', 'Faith group'), ('vcfse', 'Voluntary, community or social enterprise (VCFSE)'), ('public_body', 'Council or other public body'), ('other', 'Other')], default='other', max_length=30, verbose_name='type'),
        ),
    ]
