"""Factories for champions: tiers, languages, champions (in any status), their history, relay
records, blocks, network sessions, bookings and briefings; and `make_champion`, which makes a
person eligible (valid certificates for a tier's pathway) and, if asked, approved."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from champions.models import (
    Briefing,
    Champion,
    ChampionTier,
    Language,
    NetworkSession,
    RelayBlock,
    RelayMessage,
    SessionBooking,
    StatusChange,
)
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.roles import Role


class ChampionTierFactory(factory.django.DjangoModelFactory):
    """A tier; an existing slug (the migrations make community, lead and strategic) gives that tier."""

    class Meta:
        model = ChampionTier
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test tier {n}")
    slug = factory.Sequence(lambda n: f"test-tier-{n}")
    description = "Champions who signpost."
    time_commitment = "About an hour a month"
    sort_order = 50

    @factory.post_generation
    def pathway_modules(self, create, extracted, **kwargs):
        """`pathway_modules=[module, ...]`: the modules whose certificates open the tier."""
        if create and extracted:
            self.pathway_modules.set(extracted)


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test language {n}")


class ChampionFactory(factory.django.DjangoModelFactory):
    """An active champion in Watford's health sector, listed to every verified professional.

    It records the facts only: for a person who is really eligible, use `make_champion`."""

    class Meta:
        model = Champion
        skip_postgeneration_save = True

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")
    tier = factory.LazyFunction(lambda: ChampionTier.objects.get(slug="community"))
    organisation = factory.LazyAttribute(lambda champion: champion.user.organisation)
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    availability = "Weekdays; I answer within two working days"
    statement = "I want colleagues to know where to turn."
    visibility = Champion.Visibility.PROFESSIONALS
    line_manager_name = "Morgan Manager"
    line_manager_email = factory.Sequence(lambda n: f"manager{n}@example.org")
    status = Champion.Status.ACTIVE
    manager_agreed_at = factory.LazyFunction(timezone.now)
    approved_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create:
            self.districts.set(extracted if extracted is not None else [District.objects.get(slug="watford")])

    @factory.post_generation
    def specialisms(self, create, extracted, **kwargs):
        if create:
            self.specialisms.set(
                extracted if extracted is not None else [Topic.objects.get(slug="domestic-abuse")]
            )

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """Approved champions hold the Champion role, as approving gives it."""
        if create and self.status in Champion.HOLD_ROLE:
            self.user.groups.add(Group.objects.get_or_create(name=Role.CHAMPION)[0])


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    champion = factory.SubFactory(ChampionFactory)
    from_status = Champion.Status.MANAGER_AGREED
    to_status = Champion.Status.ACTIVE
    reason = "Approved."


class RelayMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelayMessage

    champion = factory.SubFactory(ChampionFactory)
    sender = factory.SubFactory("tests.accounts.factories.LearnerFactory")


class RelayBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelayBlock

    champion = factory.SubFactory(ChampionFactory)
    sender = factory.SubFactory("tests.accounts.factories.LearnerFactory")


def _in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


class NetworkSessionFactory(factory.django.DjangoModelFactory):
    """An online network session three weeks from now, 10:00 to 12:00, for 30 champions."""

    class Meta:
        model = NetworkSession

    topic = "Network update: post-separation abuse"
    description = "Updates from the partnership and a case discussion."
    starts_at = factory.LazyFunction(lambda: _in_days(21, 10))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(hours=2))
    online_link = "https://meet.example.org/vawg-network"
    capacity = 30


class SessionBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionBooking

    session = factory.SubFactory(NetworkSessionFactory)
    champion = factory.SubFactory(ChampionFactory)


class BriefingFactory(factory.django.DjangoModelFactory):
    """A team briefing of 12 people on domestic abuse, a week ago."""

    class Meta:
        model = Briefing
        skip_postgeneration_save = True

    champion = factory.SubFactory(ChampionFactory)
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    audience = "Ward nurses"
    people_count = 12
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            self.topics.set(extracted if extracted is not None else [Topic.objects.get(slug="domestic-abuse")])


def make_champion(user=None, *, tier_slug: str = "community", modules: int = 1, approved: bool = True, **fields):
    """A person with valid certificates for every module of the tier's pathway (made here if the
    tier has none), a confirmed membership, and, if `approved`, an active champion record."""
    from tests.accounts.factories import LearnerFactory
    from tests.certificates.factories import CertificateFactory
    from tests.content.factories import make_module
    from tests.organisations.factories import confirmed_member

    user = user or LearnerFactory()
    confirmed_member(user)
    tier = ChampionTier.objects.get(slug=tier_slug)
    pathway = list(tier.pathway_modules.all())
    if not pathway:
        pathway = [make_module(f"{tier_slug}-pathway-{n}", lessons=1) for n in range(modules)]
        tier.pathway_modules.set(pathway)
    for module in pathway:
        CertificateFactory(user=user, module=module)
    if not approved:
        return user
    return ChampionFactory(user=user, tier=tier, **fields)


def professional(**fields):
    """A learner whose organisation has confirmed them: the widest audience of the directory
    (someone who has only confirmed an email address sees no champion)."""
    from tests.accounts.factories import LearnerFactory
    from tests.organisations.factories import confirmed_member

    user = LearnerFactory(**fields)
    confirmed_member(user)
    return user


def a_day_passes(champion) -> None:
    """As if the champion's last application were a day old (one application a day is allowed)."""
    import datetime

    from django.db.models import F

    Champion.objects.filter(pk=champion.pk).update(applied_at=F("applied_at") - datetime.timedelta(days=1))
