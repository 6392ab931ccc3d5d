"""Factories for lms.accounts: districts and people."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils.text import slugify

from content.models import Sector
from lms.accounts.models import District, User


class DistrictFactory(factory.django.DjangoModelFactory):
    """A district; an existing slug (the migrations seed Hertfordshire's ten) gives that district."""

    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test district {n}")
    slug = factory.LazyAttribute(lambda district: slugify(district.name))
    in_hertfordshire = True
    sort_order = 50


def _seeded_sector(slug: str = "health"):
    return factory.LazyFunction(lambda: Sector.objects.get(slug=slug))


def _seeded_district(slug: str = "watford"):
    return factory.LazyFunction(lambda: District.objects.get(slug=slug))


class UserFactory(factory.django.DjangoModelFactory):
    """A verified account with no profile yet, as just after sign-up and confirmation.

    `roles=[Role.EDITOR, ...]` puts the account in those groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get(name=name) for name in extracted])


class LearnerFactory(UserFactory):
    """A verified account with a complete profile: a nurse in Watford with an organisation of their own."""

    full_name = factory.Faker("name", locale="en_GB")
    job_role = "Practice nurse"
    sector = _seeded_sector()
    district = _seeded_district()
    # A string path: organisations' factories need districts from here.
    organisation = factory.SubFactory("tests.organisations.factories.OrganisationFactory")


def profile_form_data(**overrides) -> dict:
    """A valid profile form post; overrides replace fields."""
    data = {
        "full_name": "Łucja Nowak-O'Brien",
        "job_role": "Housing officer",
        "sector": Sector.objects.get(slug="housing").pk,
        "organisation_name": "Demo Homes",
        "organisation_kind": "housing",
        "district": District.objects.get(slug="dacorum").pk,
    }
    data.update(overrides)
    return data
