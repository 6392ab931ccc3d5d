"""Seed the eight sectors and replace Wagtail's welcome page with our HomePage."""

from django.db import migrations

SECTORS = [
    ("health", "Health", "GPs, hospitals, community health, mental health, pharmacies and dental practices."),
    ("housing", "Housing", "Social and private landlords, housing options and homelessness teams."),
    ("education", "Education and early years", "Schools, colleges, universities and early years settings."),
    ("police", "Police and criminal justice", "Police, probation, courts, prisons and youth justice."),
    ("social-care", "Adult and children's social care", "Children's services, adult social care and early help."),
    ("employers", "Employers and workplaces", "Any employer supporting staff, from small firms to public bodies."),
    ("community", "Community, voluntary and faith", "Community groups, charities, volunteers and faith settings."),
    ("specialist", "Specialist VAWG services", "Domestic abuse, sexual violence and harmful practices services."),
]


def seed(apps, schema_editor):
    Sector = apps.get_model("content", "Sector")
    for order, (slug, name, description) in enumerate(SECTORS):
        Sector.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("content", "HomePage")
    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="content")
    locale = Locale.objects.first() or Locale.objects.create(language_code="en")
    # Wagtail's own first migration made a welcome page at /home/; ours takes its place.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Training for everyone working to end violence against women and girls",
        draft_title="Training for everyone working to end violence against women and girls",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        intro=(
            "Free training for people who work or volunteer in Hertfordshire: learn to recognise "
            "abuse, respond safely and know where to refer, with lessons tailored to your sector."
        ),
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "Hertfordshire VAWG Training"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
