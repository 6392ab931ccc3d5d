"""Demo data for White Ribbon accreditation: about sixty organisations across all ten districts,
of every type, at every stage (supporters among them), with the stage history the rules allow,
three-year action plans (some overdue, one tied to a training module), and White Ribbon
ambassadors and champions. `orglead@example.org` leads Demo Primary School, Watford: accredited,
with renewal falling due within the year.

Idempotent: organisations are matched by name; an organisation that already has a cycle is
left as it is. Cycles are walked through champions.whiteribbon.services, so the demo obeys the
same rules as the site, dated in the past and without emails.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from champions.whiteribbon.models import (
    AccreditationCycle,
    ActionItem,
    ActionUpdate,
    Criterion,
    Evidence,
    Focus,
    WhiteRibbonPerson,
)
from champions.whiteribbon.services import add_months, change_stage, start_cycle
from content.models import Sector, TrainingModulePage
from lms.accounts.models import District, User
from lms.organisations.models import Organisation

S = AccreditationCycle.Stage
T = AccreditationCycle.Track
K = Organisation.Kind

# Towns by district slug, for names.
TOWNS = {
    "broxbourne": ["Cheshunt", "Hoddesdon"], "dacorum": ["Hemel Hempstead", "Berkhamsted", "Tring"],
    "east-hertfordshire": ["Hertford", "Bishop's Stortford", "Ware"],
    "hertsmere": ["Borehamwood", "Potters Bar", "Bushey"], "north-hertfordshire": ["Hitchin", "Letchworth", "Royston"],
    "st-albans": ["St Albans", "Harpenden"], "stevenage": ["Stevenage", "Old Stevenage"],
    "three-rivers": ["Rickmansworth", "Abbots Langley"], "watford": ["Watford", "North Watford"],
    "welwyn-hatfield": ["Welwyn Garden City", "Hatfield"],
}
# (name pattern, type, sector slug, male-dominated workforce, workforce size)
KINDS = [
    ("Demo Pharmacy, {town}", K.PHARMACY, "health", False, "1-9"),
    ("Demo {town} Academy", K.SCHOOL, "education", False, "50-249"),
    ("Demo Builders Merchant, {town}", K.EMPLOYER, "employers", True, "50-249"),
    ("Demo {town} Community Association", K.COMMUNITY, "community", False, "1-9"),
    ("Demo Fire Station, {town}", K.PUBLIC_BODY, "employers", True, "10-49"),
    ("Demo Surgery, {town}", K.HEALTH, "health", False, "10-49"),
    ("Demo {town} Football Club", K.COMMUNITY, "community", True, "10-49"),
    ("Demo Little Acorns Nursery, {town}", K.EARLY_YEARS, "education", False, "10-49"),
    ("Demo {town} Men's Shed", K.VCFSE, "community", True, "1-9"),
    ("Demo {town} Homes", K.HOUSING, "housing", False, "250-999"),
    ("Demo Bus Depot, {town}", K.EMPLOYER, "employers", True, "250-999"),
    ("Demo {town} Mosque and Community Centre", K.FAITH, "community", False, "1-9"),
    ("Demo {town} Town Council", K.PUBLIC_BODY, "social-care", False, "50-249"),
    ("Demo {town} Rugby Club", K.OTHER, "community", True, "1-9"),
]
# How the organisations spread over the stages (None: no cycle yet). Supporters are apart.
STAGE_PLAN = [
    S.ACCREDITED, S.INTERESTED, S.COMMITTED, S.PREPARING, S.ACCREDITED, S.SUBMITTED, None, S.RENEWAL_DUE,
    S.ACCREDITED, "supporter", S.LAPSED, S.ACCREDITED, S.WITHDRAWN, S.REACCREDITED, S.PREPARING, "supporter",
    S.INTERESTED, S.ACCREDITED, None, S.COMMITTED,
]
# Action plan items, by criterion: (focus, year, action, owner).
PLAN = [
    (Criterion.STRATEGIC_LEADERSHIP, Focus.POLICIES, 1, "Adopt a domestic abuse and sexual harassment workplace "
     "policy, agreed by the board", "Head of HR"),
    (Criterion.STRATEGIC_LEADERSHIP, Focus.WORKFORCE_EQUALITY, 2, "Publish a gender pay and progression review "
     "with actions", "Chief executive"),
    (Criterion.CHANGING_CULTURE, Focus.TRAINING, 1, "All managers complete the recognising VAWG module",
     "Training lead"),
    (Criterion.CHANGING_CULTURE, Focus.POLICIES, 2, "Add a clear route to report sexual harassment at work",
     "Head of HR"),
    (Criterion.RAISING_AWARENESS, Focus.TRAINING, 1, "Mark White Ribbon Day with a staff briefing and "
     "signposting to local services", "Communications officer"),
    (Criterion.RAISING_AWARENESS, Focus.MALE_AMBASSADORS, 3, "Ambassadors run a yearly session on healthy "
     "relationships with local young people", "Lead ambassador"),
    (Criterion.ENGAGING_MEN_AND_BOYS, Focus.MALE_AMBASSADORS, 1, "Recruit and induct White Ribbon ambassadors "
     "across every site", "Steering group chair"),
    (Criterion.ENGAGING_MEN_AND_BOYS, Focus.TRAINING, 2, "Bystander training for teams with mostly male staff",
     "Operations manager"),
]
MEN = ["Tom", "Kwabena", "Ravi", "Daniel", "Liam", "Hassan", "Piotr", "Marcus", "Owen", "Jamal", "Callum"]
WOMEN = ["Megan", "Aaliyah", "Joanna", "Sophie", "Chidinma", "Alex", "Priti", "Grace", "Niamh", "Leila", "Hannah"]
SURNAMES = ["Fletcher", "Owusu", "Sharma", "Kowalski", "O'Sullivan", "Ali", "Price", "Khan", "Nowak", "Turner",
            "Eze", "Rivers", "Begum", "Murphy", "Campbell", "Okafor", "Patel"]


def _name(first_names: list[str], number: int) -> str:
    """A different name for each number (first names and surnames step at different rates)."""
    return f"{first_names[number % len(first_names)]} {SURNAMES[(number * 7) % len(SURNAMES)]}"


def _organisations() -> list[Organisation]:
    """The demo's existing organisations, then new ones to about sixty, over every district and type."""
    sectors = {s.slug: s for s in Sector.objects.all()}
    districts = {d.slug: d for d in District.objects.filter(slug__in=TOWNS)}
    made = list(Organisation.objects.filter(name__startswith="Demo ", status=Organisation.Status.CONFIRMED))
    slugs = list(TOWNS)
    number = 0
    while len(made) < 60:
        slug = slugs[number % len(slugs)]
        town = TOWNS[slug][(number // len(slugs)) % len(TOWNS[slug])]
        pattern, kind, sector, male, size = KINDS[number % len(KINDS)]
        organisation, _ = Organisation.objects.get_or_create(
            name=pattern.format(town=town), defaults={
                "kind": kind, "sector": sectors.get(sector), "district": districts.get(slug),
                "male_dominated_workforce": male, "workforce_size": size, "partnership_member": number % 3 == 0,
                "status": Organisation.Status.CONFIRMED,
            },
        )
        if organisation.status == Organisation.Status.CONFIRMED and organisation not in made:
            made.append(organisation)
        number += 1
    return made


def _walk(organisation, stages, *, started: datetime.date, approved: datetime.date | None, by, track=T.ACCREDITED,
          contact: User | None = None):
    """Start a cycle and move it through `stages`, a few weeks apart (approval on `approved`)."""
    cycle = start_cycle(
        organisation, by=by, track=track, on=started, note="First conversation with the partnership.",
        lead_contact_name=contact.full_name if contact else _name(WOMEN, organisation.pk + 3),
        lead_contact_email=contact.email if contact else f"white-ribbon@org{organisation.pk}.example.org",
        lead_contact_user=contact,
        steering_group="Chief executive (chair)\nHead of HR\nStaff network representative",
    )
    day = started
    for stage in stages:
        if stage in (S.ACCREDITED, S.REACCREDITED):
            day = approved
        elif stage == S.RENEWAL_DUE:
            day = add_months(cycle.expires_on, -6)
        elif stage == S.LAPSED:
            day = cycle.expires_on + datetime.timedelta(days=1)
        else:
            day = day + datetime.timedelta(days=35)
        notes = {
            S.COMMITTED: "The board signed the commitment to White Ribbon's aims.",
            S.PREPARING: "Steering group formed; drafting the three-year action plan.",
            S.SUBMITTED: "Application and action plan sent to White Ribbon UK.",
            S.ACCREDITED: "Approved by the accreditation panel.",
            S.LAPSED: "No renewal application came before the accreditation ended.",
            S.WITHDRAWN: "The organisation paused the work after a restructure.",
        }
        cycle = change_stage(
            cycle, stage, by=by, on=day, note=notes.get(stage, ""), approved_on=approved, announce=False,
        )
        if stage == S.REACCREDITED:
            approved = None
    return cycle


def _plan(cycle: AccreditationCycle, module, number: int, by, today: datetime.date) -> None:
    base = cycle.approved_on or today
    for index, (criterion, focus, year, title, owner) in enumerate(PLAN):
        due = add_months(base, 12 * year - 4 + index % 3)
        if due < today:
            status = ActionItem.Status.DONE if (index + number) % 4 else ActionItem.Status.RED
        else:
            status = [ActionItem.Status.GREEN, ActionItem.Status.AMBER, ActionItem.Status.GREEN][(index + number) % 3]
        item = ActionItem.objects.create(
            cycle=cycle, criterion=criterion, focus=focus, year=year, title=title, owner=owner, due_on=due,
            status=status, module=module if focus == Focus.TRAINING and year == 1 and index == 2 else None,
            detail="Agreed with the steering group; progress reported to the board each quarter.",
        )
        if status in (ActionItem.Status.DONE, ActionItem.Status.AMBER, ActionItem.Status.RED):
            ActionUpdate.objects.create(
                item=item, by=by, status=status,
                written_at=timezone.make_aware(datetime.datetime.combine(min(due, today), datetime.time(10))),
                text={
                    ActionItem.Status.DONE: "Done and reported to the board.",
                    ActionItem.Status.AMBER: "Started, but the date is at risk: waiting on sign-off.",
                    ActionItem.Status.RED: "Not started: the owner left; the steering group is finding a new one.",
                }[status],
            )
        if status == ActionItem.Status.DONE and index == 0:
            Evidence.objects.create(
                item=item, title="Policy on the staff intranet", added_by=by,
                link=f"https://intranet.example.org/{cycle.organisation_id}/policies/domestic-abuse",
            )


def _people(organisation: Organisation, number: int, today: datetime.date, account=None) -> None:
    for k in range(1 + number % 3):
        WhiteRibbonPerson.objects.create(
            organisation=organisation, role=WhiteRibbonPerson.Role.AMBASSADOR, name=_name(MEN, 3 * number + k),
            job_title=["Site manager", "Deputy head", "Operations lead"][k % 3],
            induction_on=today - datetime.timedelta(days=40 + 90 * k + number),
        )
    WhiteRibbonPerson.objects.create(
        organisation=organisation, role=WhiteRibbonPerson.Role.CHAMPION,
        name=account.full_name if account else _name(WOMEN, number),
        job_title="White Ribbon lead contact", user=account,
        induction_on=today - datetime.timedelta(days=60 + number),
    )


@transaction.atomic
def load_demo_white_ribbon(by: User) -> int:
    """Make the demo's White Ribbon records; returns how many organisations have a cycle."""
    today = timezone.localdate()
    organisations = _organisations()
    module = TrainingModulePage.objects.live().filter(slug="recognising-vawg-and-responding-to-disclosure").first()
    orglead = User.objects.filter(email="orglead@example.org").first()
    school = Organisation.objects.filter(name="Demo Primary School, Watford").first()
    ordered = sorted(organisations, key=lambda o: (o != school, o.pk))
    pharmacies = 0
    for number, organisation in enumerate(ordered):
        if organisation.accreditation_cycles.exists():
            continue
        stage = S.ACCREDITED if organisation == school else STAGE_PLAN[number % len(STAGE_PLAN)]
        if organisation.kind == Organisation.Kind.PHARMACY:  # a strategy target: one accredited, others on the way
            stage = (S.ACCREDITED, S.PREPARING, S.COMMITTED, "supporter")[pharmacies % 4]
            pharmacies += 1
        if stage is None:
            continue
        started = today - datetime.timedelta(days=120 + 17 * number)
        approved = None
        if stage == "supporter":
            _walk(organisation, [S.COMMITTED], started=started, approved=None, by=by, track=T.SUPPORTER)
            continue
        walk = {
            S.INTERESTED: [], S.COMMITTED: [S.COMMITTED], S.PREPARING: [S.COMMITTED, S.PREPARING],
            S.SUBMITTED: [S.COMMITTED, S.PREPARING, S.SUBMITTED],
            S.ACCREDITED: [S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED],
            S.RENEWAL_DUE: [S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE],
            S.REACCREDITED: [S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE, S.REACCREDITED],
            S.LAPSED: [S.COMMITTED, S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE, S.LAPSED],
            S.WITHDRAWN: [S.COMMITTED, S.WITHDRAWN],
        }[stage]
        if organisation == school:
            # Accredited two years and four months ago: renewal falls due in about two months.
            approved = add_months(today, -28)
        elif stage == S.ACCREDITED:
            approved = today - datetime.timedelta(days=60 + (23 * number) % 800)  # renewal not yet due
        elif stage == S.RENEWAL_DUE:
            approved = add_months(today, -32)
        elif stage in (S.REACCREDITED, S.LAPSED):
            approved = add_months(today, -38)
        if approved:
            started = approved - datetime.timedelta(days=150)
        if stage == S.REACCREDITED:
            cycle = _walk(organisation, walk[:-1], started=started, approved=approved, by=by)
            cycle = change_stage(cycle, S.REACCREDITED, by=by, on=add_months(today, -1),
                                 approved_on=add_months(today, -1), note="Renewal approved by the panel.",
                                 announce=False)
        else:
            cycle = _walk(organisation, walk, started=started, approved=approved, by=by,
                          contact=orglead if organisation == school else None)
        if stage in (S.PREPARING, S.SUBMITTED, S.ACCREDITED, S.RENEWAL_DUE, S.REACCREDITED):
            _plan(cycle, module, number, by, today)
        if stage in (S.ACCREDITED, S.RENEWAL_DUE, S.REACCREDITED, S.LAPSED):
            _people(organisation, number, today, account=orglead if organisation == school else None)
    return AccreditationCycle.objects.values("organisation").distinct().count()
