"""The three champion tiers the strategy's network starts with, and the languages most spoken in
Hertfordshire after English. Editors change both in the admin; their pathway modules are set there."""

from django.db import migrations

TIERS = [
    ("Community champion", "community", 10,
     "A trusted person in a workplace, school, faith or community group who knows the signs of violence "
     "against women and girls, listens without judgement, responds safely and knows where to signpost. "
     "Community champions are not specialists and do not take on cases.",
     "About an hour a month, and a network session every three months"),
    ("Lead champion", "lead", 20,
     "A practitioner who is the contact point on VAWG in and out of their organisation: they understand "
     "the dynamics of abuse and risk, help colleagues plan an immediate safe response, keep referral "
     "information current and pass on what they learn.",
     "About two hours a month, and a network session every two to three months"),
    ("Strategic champion", "strategic", 30,
     "A manager or leader who makes sure their organisation's policies, training and culture support a "
     "safe response to VAWG, and who champions the strategy's aims with partners.",
     "About two hours a month, and a network session every three months"),
]

LANGUAGES = [
    "British Sign Language", "Polish", "Urdu", "Punjabi", "Bengali", "Gujarati", "Tamil", "Turkish",
    "Romanian", "Portuguese", "Spanish", "Italian", "Arabic", "Somali", "Farsi", "Ukrainian", "Albanian",
]


def create(apps, schema_editor):
    Tier = apps.get_model("champions", "ChampionTier")
    Language = apps.get_model("champions", "Language")
    for name, slug, order, description, time in TIERS:
        Tier.objects.get_or_create(slug=slug, defaults={
            "name": name, "sort_order": order, "description": description, "time_commitment": time,
        })
    for order, name in enumerate(LANGUAGES):
        Language.objects.get_or_create(name=name, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("champions", "0001_network")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
