"""Benchmark: a filtered search of the champions directory, against the home page in the same run.

Run: `.venv/bin/python bench/champions.py [--requests 200] [--champions 2000] [--json out.json]`.
Like bench/every_page.py it builds a fresh SQLite database in a temporary folder (or uses DATABASE_URL),
loads the demo, then adds champions in bulk until about 2,000 are listed, spread over the
districts, sectors, tiers, specialisms, languages and visibility choices. Signed in as the demo
champion, it times through Django's test client:

- the home page (a bare Wagtail page) and a bare Django view, the yardsticks;
- the directory, unfiltered;
- the directory filtered by district and specialism with a text search (what a champion does
  to find a peer).

Prints, per page: median and 95th percentile in milliseconds, queries per request, and the
ratios of its median to the home page's and a bare Django view's (bench/common.py). The target:
the filtered search within 2.5 times the home page. Exits 1 when it is missed.
"""

import sys
from urllib.parse import urlencode

from common import Within, arguments, bench

FILTERED = "directory: district + specialism + text"
TARGETS = {FILTERED: Within(home=2.5)}


def add_champions(wanted: int) -> None:
    """Listed champions in bulk, until `wanted` are listed (save() is skipped: search_text is set here)."""
    from django.contrib.auth.hashers import make_password

    from champions.models import Champion, ChampionTier, Language
    from content.models import Sector, Topic
    from lms.accounts.models import District, User
    from lms.organisations.models import Organisation
    from lms.organisations.names import fold

    missing = wanted - Champion.objects.listed().count()
    if missing <= 0:
        return
    first_names = ["Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hari", "Iona", "Jonah", "Kasia", "Leon"]
    last_names = ["Adeyemi", "Brown", "Cohen", "Dąbrowska", "Evans", "Fernández", "Gill", "Hughes", "Nguyễn", "Patel"]
    organisations = [
        Organisation.objects.get_or_create(
            name=f"Bench Organisation {n}", defaults={"status": Organisation.Status.CONFIRMED},
        )[0]
        for n in range(40)
    ]
    tiers, sectors = list(ChampionTier.objects.all()), list(Sector.objects.all())
    districts, topics, languages = list(District.objects.all()), list(Topic.objects.all()), list(Language.objects.all())
    visibilities = list(Champion.Visibility.values)
    password = make_password(None)
    users = User.objects.bulk_create([
        User(
            email=f"bench.champion{n}@example.org", password=password, job_role="Support worker",
            full_name=f"{first_names[n % len(first_names)]} {last_names[(n // 3) % len(last_names)]}",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(missing)
    ])
    champions = Champion.objects.bulk_create([
        Champion(
            user=user, tier=tiers[n % len(tiers)], organisation=user.organisation, sector=sectors[n % len(sectors)],
            availability="Weekdays, within two working days", statement="I listen, respond safely and signpost.",
            visibility=visibilities[n % len(visibilities)], line_manager_name="Morgan Manager",
            line_manager_email="manager@example.org",
            status=Champion.Status.REFRESHER_DUE if n % 9 == 0 else Champion.Status.ACTIVE,
            search_text=fold(f"{user.full_name} {user.job_role} {user.organisation.name}"),
        )
        for n, user in enumerate(users)
    ])
    Champion.districts.through.objects.bulk_create([
        Champion.districts.through(champion=c, district=districts[(n + k) % len(districts)])
        for n, c in enumerate(champions) for k in range(2)
    ])
    Champion.specialisms.through.objects.bulk_create([
        Champion.specialisms.through(champion=c, topic=topics[(n + k) % len(topics)])
        for n, c in enumerate(champions) for k in range(3)
    ])
    Champion.languages.through.objects.bulk_create([
        Champion.languages.through(champion=c, language=languages[n % len(languages)])
        for n, c in enumerate(champions) if n % 4 == 0
    ])


def demo_champion():
    """The demo's champion account, with an active champion record (made here if the demo has none)."""
    from django.contrib.auth.models import Group

    from champions.models import Champion, ChampionTier
    from content.models import Sector
    from lms.accounts.models import District, User
    from lms.organisations.models import Organisation
    from lms.site.roles import Role

    user = User.objects.get(email="champion@example.org")
    champion = Champion.objects.filter(user=user).first()
    if champion is None:
        organisation = user.organisation or Organisation.objects.filter(status=Organisation.Status.CONFIRMED).first()
        champion = Champion.objects.create(
            user=user, tier=ChampionTier.objects.first(), organisation=organisation,
            sector=user.sector or Sector.objects.first(), availability="Weekdays", statement="I signpost.",
            line_manager_name="Morgan Manager", line_manager_email="manager@example.org",
            visibility=Champion.Visibility.CHAMPIONS,
        )
        champion.districts.set([District.objects.get(slug="watford")])
    if champion.status != Champion.Status.ACTIVE:
        Champion.objects.filter(pk=champion.pk).update(status=Champion.Status.ACTIVE)
    user.groups.add(Group.objects.get_or_create(name=Role.CHAMPION)[0])
    return user


def main() -> int:
    parser = arguments(__doc__.splitlines()[0], requests=200)
    parser.add_argument("--champions", type=int, default=2000, help="listed champions (default 2000)")
    args = parser.parse_args()
    with bench(args, script="champions") as run:
        from champions.models import Champion
        from champions.visibility import visible_to
        from content.models import Topic
        from lms.accounts.models import District

        add_champions(args.champions)
        user = demo_champion()
        client = run.signed_in(user.email)
        watford, domestic_abuse = District.objects.get(slug="watford"), Topic.objects.get(slug="domestic-abuse")
        # A surname that some champion visible to this person in Watford, knowing about domestic abuse, has.
        sample = visible_to(user).filter(districts=watford, specialisms=domestic_abuse).select_related("user").first()
        surname = sample.user.full_name.split()[-1] if sample else "Patel"
        filtered = "/champions/?" + urlencode({"district": watford.pk, "specialism": domestic_abuse.pk, "q": surname})
        run.measure(client, {"directory, unfiltered": "/champions/", FILTERED: filtered}, warm=10)
        listed = Champion.objects.listed().count()
        matches = client.get(filtered).content.decode().count('class="govuk-summary-card"')
        run.extra = {"listed_champions": listed, "filtered_matches": matches}
        return run.report(f"Champions directory, {listed} listed champions (the filtered search shows {matches} "
                          "on its first page)", TARGETS)


if __name__ == "__main__":
    sys.exit(main())
