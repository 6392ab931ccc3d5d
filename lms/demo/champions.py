"""Demo data for the champions network: tier pathways, about sixty champions across all ten
districts, every sector and tier, several languages and every visibility choice (some with a
refresher due, some lapsed, some paused or still applying), network sessions with bookings and
attendance, and briefings. `champion@example.org` is one of them, a lead champion.

Idempotent: people are matched by email, champion records by person, sessions by topic and
start; a champion's history and briefings are made once. Needs the demo modules
(content.demo) for the pathways; without them it makes nothing.
"""

from __future__ import annotations

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from champions.models import (
    Briefing,
    Champion,
    ChampionTier,
    Language,
    NetworkSession,
    SessionBooking,
    StatusChange,
)
from content.models import Sector, Topic, TrainingModulePage
from lms.accounts.models import District, User
from lms.certificates.models import Certificate
from lms.certificates.services import add_months, new_code
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role

S = Champion.Status
V = Champion.Visibility

# Which demo modules open which tier (only set while a tier has none: editors may change them).
PATHWAYS = {
    "community": ["recognising-vawg-and-responding-to-disclosure"],
    "lead": ["recognising-vawg-and-responding-to-disclosure", "risk-assessment-dash-and-marac",
             "post-separation-abuse"],
    "strategic": ["recognising-vawg-and-responding-to-disclosure", "identifying-the-primary-perpetrator"],
}

# More organisations, so that champions spread over the county (name, kind, sector, district).
NETWORK_ORGANISATIONS = [
    ("Demo GP Practice, Hemel Hempstead", "health", "health", "dacorum"),
    ("Demo Hospital Trust, Stevenage", "health", "health", "stevenage"),
    ("Demo Secondary Academy, Hitchin", "school", "education", "north-hertfordshire"),
    ("Demo Nursery, Hertford", "early_years", "education", "east-hertfordshire"),
    ("Demo Homes, Borehamwood", "housing", "housing", "hertsmere"),
    ("Demo Police Station, Watford", "public_body", "police", "watford"),
    ("Demo Probation Office, St Albans", "public_body", "police", "st-albans"),
    ("Demo Family Centre, Cheshunt", "public_body", "social-care", "broxbourne"),
    ("Demo Faith Community, Rickmansworth", "faith", "community", "three-rivers"),
    ("Demo Youth Project, Welwyn Garden City", "vcfse", "community", "welwyn-hatfield"),
    ("Demo Supermarket Depot, Hoddesdon", "employer", "employers", "broxbourne"),
    ("Demo Refuge Service", "vcfse", "specialist", "hertsmere"),
]

FIRST_NAMES = [
    "Aisha", "Ben", "Chloe", "Dev", "Efua", "Farah", "George", "Hana", "Imran", "Jade", "Kwame", "Leah",
    "Marek", "Nadia", "Oliver", "Parveen", "Qasim", "Rosa", "Simran", "Tariq", "Una", "Vikram", "Wendy",
    "Xin", "Yusuf", "Zofia", "Ama", "Bogdan", "Ciara", "Dilnoza",
]
SURNAMES = [
    "Ahmed", "Brown", "Costa", "Dąbrowska", "Evans", "Fernández", "Green", "Hussain", "Iqbal", "Jones",
    "Kaur", "Lewandowski", "Mensah", "Nowak", "O'Connor", "Patel", "Quinn", "Rahman", "Singh", "Thompson",
    "Ulusoy", "Vasquez", "Williams", "Xu", "Yıldız", "Zając", "Ali", "Begum", "Clarke", "Duarte",
]

# How the sixty spread over statuses (the rest are active).
STATUS_PLAN = (
    [S.REFRESHER_DUE] * 6 + [S.LAPSED] * 4 + [S.PAUSED] * 2 + [S.APPLIED] * 2 + [S.MANAGER_AGREED] * 2
)
VISIBILITY_PLAN = [V.PROFESSIONALS, V.CHAMPIONS, V.CHAMPIONS, V.COORDINATORS]
SESSION_TOPICS = [
    ("Network update: post-separation abuse and the family courts", -75),
    ("Case discussion: responding to disclosures at work", -20),
    ("Stalking: what the new guidance means for champions", 15),
    ("Harmful practices: working with community champions", 45),
    ("Network update and refresher: risk and safety planning", 90),
]
AUDIENCES = ["Team meeting", "Ward nurses", "Year 10 tutors", "Housing officers", "Volunteers' induction",
             "Managers' briefing", "Reception staff", "Depot supervisors"]


def _person(number: int, organisation: Organisation, password_hash: str) -> User:
    rng = random.Random(number)  # noqa: S311 - repeatable demo data, not secrets
    email = f"champion{number:02d}@example.org"
    full_name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {SURNAMES[(number * 7) % len(SURNAMES)]}"
    user, _ = User.objects.update_or_create(email=email, defaults={
        "full_name": full_name, "job_role": rng.choice([
            "Practice nurse", "Housing officer", "Teacher", "Family support worker", "Police constable",
            "HR adviser", "Youth worker", "Receptionist", "Team leader", "Safeguarding lead",
        ]),
        "sector": organisation.sector, "district": organisation.district, "organisation": organisation,
        "is_active": True, "password": password_hash,
    })
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    membership = Membership.objects.open().filter(user=user).first()
    if membership is None:
        Membership.objects.create(
            user=user, organisation=organisation, status=Membership.Status.CONFIRMED, decided_at=timezone.now(),
        )
    return user


def _certificates(user: User, modules: list[TrainingModulePage], issued_on: datetime.date) -> None:
    # A module that another of them needs first was finished a fortnight before: the learning
    # records behind the certificates (lms.demo.learning) start a module after its prerequisites.
    needed_first = {p.pk for module in modules for p in module.prerequisites.all()}
    for module in modules:
        if Certificate.objects.filter(user=user, module=module).exists():
            continue
        issued_on_this = issued_on - datetime.timedelta(days=14) if module.pk in needed_first else issued_on
        Certificate.objects.create(
            user=user, module=module, code=new_code(), holder_name=user.full_name, module_title=module.title,
            level=module.get_level_display(), cpd_minutes=module.cpd_minutes, issued_on=issued_on_this,
            expires_on=add_months(issued_on_this, module.certificate_validity_months),
        )


def _champion(user, tier, status, visibility, number, districts, topics, languages, today) -> Champion:
    champion = Champion.objects.filter(user=user).first()
    if champion is not None:
        return champion
    rng = random.Random(1000 + number)  # noqa: S311
    applied = timezone.now() - datetime.timedelta(days=rng.randint(120, 500))
    champion = Champion.objects.create(
        user=user, tier=tier, organisation=user.organisation, sector=user.sector, visibility=visibility,
        availability=rng.choice([
            "Weekdays; I answer within two working days", "Tuesdays and Thursdays", "Mornings, term time",
            "Most weekdays, by arrangement",
        ]),
        statement=rng.choice([
            "I want colleagues to know they can come to me, and where to turn next.",
            "Our service users trust us; I want us to notice and respond well.",
            "I have seen how much a calm first response matters, and I want to pass on what I learned.",
        ]),
        line_manager_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        line_manager_email=f"manager{number:02d}@example.org",
        status=status, applied_at=applied, status_changed_at=applied,
        manager_agreed_at=None if status == S.APPLIED else applied + datetime.timedelta(days=3),
        approved_at=applied + datetime.timedelta(days=10) if status not in Champion.WAITING else None,
    )
    champion.districts.set(districts)
    champion.specialisms.set(topics)
    champion.languages.set(languages)
    steps = [("", S.APPLIED, "")]
    if status != S.APPLIED:
        steps.append((S.APPLIED, S.MANAGER_AGREED, f"{champion.line_manager_name} agreed through the emailed link."))
    if status not in Champion.WAITING:
        steps.append((S.MANAGER_AGREED, S.ACTIVE, "Approved."))
    if status in (S.REFRESHER_DUE, S.LAPSED):
        steps.append((S.ACTIVE, S.REFRESHER_DUE, "A certificate on their pathway is no longer valid."))
    if status == S.LAPSED:
        steps.append((S.REFRESHER_DUE, S.LAPSED, "Pathway training not renewed within 60 days."))
    if status == S.PAUSED:
        steps.append((S.ACTIVE, S.PAUSED, "On leave until the spring."))
    for days, (before, after, reason) in enumerate(steps):
        StatusChange.objects.create(
            champion=champion, from_status=before, to_status=after, reason=reason,
            at=applied + datetime.timedelta(days=days * 5),
        )
    return champion


def load_demo_champions(coordinator: User | None = None) -> int:
    """Make the demo network; returns how many champion records exist afterwards."""
    wanted_slugs = {slug for slugs in PATHWAYS.values() for slug in slugs}
    modules = {m.slug: m for m in TrainingModulePage.objects.filter(slug__in=wanted_slugs)}
    if not modules:
        return 0
    tiers = {tier.slug: tier for tier in ChampionTier.objects.all()}
    for slug, wanted in PATHWAYS.items():
        tier = tiers.get(slug)
        if tier is not None and not tier.pathway_modules.exists():
            tier.pathway_modules.set([modules[s] for s in wanted if s in modules])
    pathway = {slug: list(tier.pathway_modules.all()) for slug, tier in tiers.items()}

    sectors = {s.slug: s for s in Sector.objects.all()}
    districts = list(District.objects.filter(in_hertfordshire=True).order_by("sort_order", "name"))
    by_slug = {d.slug: d for d in districts}
    topics = list(Topic.objects.order_by("name"))
    languages = list(Language.objects.order_by("sort_order"))
    organisations = []
    for name, kind, sector, district in NETWORK_ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(name=name, defaults={
            "kind": kind, "sector": sectors[sector], "district": by_slug[district],
            "status": Organisation.Status.CONFIRMED, "merged_into": None,
        })
        organisations.append(organisation)
    organisations += list(Organisation.objects.filter(name__startswith="Demo ").exclude(
        pk__in=[o.pk for o in organisations]).exclude(status=Organisation.Status.MERGED))

    today = timezone.localdate()
    group = Group.objects.get_or_create(name=Role.CHAMPION)[0]
    password_hash = User.objects.get(email="learner@example.org").password
    statuses = STATUS_PLAN + [S.ACTIVE] * (60 - len(STATUS_PLAN))
    tier_order = ["community", "community", "lead", "community", "strategic", "lead"]
    people: list[tuple[User, Champion]] = []
    for number in range(1, 61):
        organisation = organisations[number % len(organisations)]
        user = _person(number, organisation, password_hash)
        status = statuses[(number * 13) % 60]
        tier = tiers[tier_order[number % len(tier_order)]]
        if status == S.REFRESHER_DUE:
            issued = add_months(today, -24) - datetime.timedelta(days=10 + number % 30)
        elif status == S.LAPSED:
            issued = add_months(today, -24) - datetime.timedelta(days=75 + number % 40)
        else:
            issued = today - datetime.timedelta(days=30 + (number * 11) % 500)
        _certificates(user, pathway[tier.slug], issued)
        own = [organisation.district] + [districts[(number + k) % len(districts)] for k in (3, 7)][: number % 3]
        champion = _champion(
            user, tier, status, VISIBILITY_PLAN[number % len(VISIBILITY_PLAN)], number,
            districts=list(dict.fromkeys(own)),
            topics=[topics[(number + k) % len(topics)] for k in range(1 + number % 3)],
            languages=[languages[(number * 5 + k) % len(languages)] for k in range(number % 3)],
            today=today,
        )
        if champion.status in (S.REFRESHER_DUE, S.LAPSED) and champion.refresher_due_on is None:
            expiry = Certificate.objects.filter(user=user).order_by("expires_on").first().expires_on
            champion.refresher_due_on = expiry + datetime.timedelta(days=1)
            champion.save(update_fields=["refresher_due_on"])
        if champion.status in Champion.HOLD_ROLE:
            user.groups.add(group)
        else:
            user.groups.remove(group)
        people.append((user, champion))

    # The demo champion account: an active lead champion in Stevenage, seen by other champions.
    demo = User.objects.get(email="champion@example.org")
    _certificates(demo, pathway["lead"], today - datetime.timedelta(days=200))
    demo_champion = _champion(
        demo, tiers["lead"], S.ACTIVE, V.CHAMPIONS, 0,
        districts=[by_slug["stevenage"], by_slug["north-hertfordshire"]],
        topics=[t for t in topics if t.slug in {"domestic-abuse", "post-separation-abuse", "coercive-control"}],
        languages=[lang for lang in languages if lang.name == "Turkish"], today=today,
    )
    demo.groups.add(group)
    people.append((demo, demo_champion))

    _sessions_and_briefings(people, coordinator, topics, organisations, today)
    return Champion.objects.count()


def _sessions_and_briefings(people, coordinator, topics, organisations, today) -> None:
    now = timezone.now()
    approved = [champion for _user, champion in people if champion.approved_at is not None]
    # Only champions who hold the role have places at sessions still to come.
    current = [champion for champion in approved if champion.status in Champion.HOLD_ROLE]
    for index, (topic, days) in enumerate(SESSION_TOPICS):
        day = today + datetime.timedelta(days=days)
        starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10 if index % 2 else 14, 0)))
        session, created = NetworkSession.objects.get_or_create(topic=topic, defaults={
            "description": "Updates from the partnership, a case discussion and time to meet other champions.",
            "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2),
            "place": "" if index % 2 else "Demo Borough Council, Civic Centre, Hemel Hempstead",
            "online_link": "https://meet.example.org/herts-vawg-network" if index % 2 else "",
            "capacity": 40, "created_by": coordinator,
        })
        if not created:
            continue
        for number, champion in enumerate(approved if starts < now else current):
            if (number + index) % 3:
                continue
            SessionBooking.objects.create(
                session=session, champion=champion, booked_at=min(now, starts) - datetime.timedelta(days=7),
                attended=(number % 5 != 0) if starts < now else None,
            )
    for number, champion in enumerate(approved):
        if champion.briefings.exists():
            continue
        rng = random.Random(2000 + number)  # noqa: S311
        for _ in range(rng.randint(0, 3)):
            briefing = Briefing.objects.create(
                champion=champion, given_on=today - datetime.timedelta(days=rng.randint(5, 300)),
                audience=rng.choice(AUDIENCES), people_count=rng.randint(4, 40),
                organisation=champion.organisation, district=champion.districts.first(),
            )
            briefing.topics.set(rng.sample(topics, k=min(len(topics), rng.randint(1, 3))))
