import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from content.models import Sector
from lms.models import District, Organisation, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    kind = Organisation.Kind.CHARITY
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))
    status = Organisation.Status.CONFIRMED


class UserFactory(factory.django.DjangoModelFactory):
    """A verified account with no profile yet, as just after sign-up and confirmation."""

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
    """A verified account with a complete profile."""

    full_name = factory.Faker("name", locale="en_GB")
    job_role = "Practice nurse"
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))
    organisation = factory.SubFactory(OrganisationFactory)
