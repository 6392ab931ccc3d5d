"""Move each organisation to the new list of types, which follows what White Ribbon accreditation
asks for: police, probation and councils become public bodies, charities VCFSE, and so on."""

from django.db import migrations
from django.db.models import Case, F, Value, When

# Every old type, and the new type its organisations take.
OLD_TO_NEW = {
    "nhs": "health",
    "local_authority": "public_body",
    "school": "school",
    "police": "public_body",
    "housing": "housing",
    "charity": "vcfse",
    "faith": "faith",
    "business": "employer",
    "other": "other",
}

# Going back, each new type takes the old type that covered it (police and councils were both
# public bodies; going back, all become councils, the old list's nearest).
NEW_TO_OLD = {
    "school": "school",
    "early_years": "school",  # the old "School, college or early years setting"
    "pharmacy": "nhs",
    "health": "nhs",
    "housing": "housing",
    "employer": "business",
    "community": "faith",  # the old "Faith or community group"
    "faith": "faith",
    "vcfse": "charity",
    "public_body": "local_authority",
    "other": "other",
}


def move_kinds(Organisation, mapping: dict[str, str], onto: set[str]) -> None:
    """Give every organisation the type `mapping` names for its own, in one statement (so no row
    is moved twice). One already of a type in the list `onto` stays as it is, so running it again
    changes nothing; any other becomes "other", so none keeps a value the list does not hold."""
    Organisation.objects.update(kind=Case(
        *[When(kind=old, then=Value(new)) for old, new in mapping.items()],
        When(kind__in=sorted(onto), then=F("kind")),
        default=Value("other"),
    ))


def forwards(apps, schema_editor):
    move_kinds(apps.get_model("organisations", "Organisation"), OLD_TO_NEW, onto=set(NEW_TO_OLD))


def backwards(apps, schema_editor):
    move_kinds(apps.get_model("organisations", "Organisation"), NEW_TO_OLD, onto=set(OLD_TO_NEW))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_organisation_accreditation_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
