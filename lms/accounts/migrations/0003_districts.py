"""Seed the ten Hertfordshire districts and "outside Hertfordshire"."""

from django.db import migrations

DISTRICTS = [
    ("broxbourne", "Broxbourne"),
    ("dacorum", "Dacorum"),
    ("east-hertfordshire", "East Hertfordshire"),
    ("hertsmere", "Hertsmere"),
    ("north-hertfordshire", "North Hertfordshire"),
    ("st-albans", "St Albans"),
    ("stevenage", "Stevenage"),
    ("three-rivers", "Three Rivers"),
    ("watford", "Watford"),
    ("welwyn-hatfield", "Welwyn Hatfield"),
]


def seed(apps, schema_editor):
    District = apps.get_model("accounts", "District")
    for order, (slug, name) in enumerate(DISTRICTS):
        District.objects.update_or_create(
            slug=slug, defaults={"name": name, "in_hertfordshire": True, "sort_order": order}
        )
    District.objects.update_or_create(
        slug="outside-hertfordshire",
        defaults={"name": "Outside Hertfordshire", "in_hertfordshire": False, "sort_order": 100},
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_user_sector_district_organisation")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
