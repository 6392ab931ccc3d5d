"""Factories for lms.organisations: organisations and memberships."""

import factory
from django.utils import timezone

from content.models import Sector
from lms.accounts.models import District
from lms.organisations.models import Membership, Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A confirmed voluntary group (VCFSE) in Watford, in the health sector."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    kind = Organisation.Kind.VCFSE
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))
    status = Organisation.Status.CONFIRMED

    @factory.post_generation
    def leads(self, create, extracted, **kwargs):
        """`leads=[person, ...]`: the people who answer its requests to join."""
        if create and extracted:
            self.leads.set(extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    """A request to join the organisation on the person's profile."""

    class Meta:
        model = Membership

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")
    organisation = factory.LazyAttribute(lambda membership: membership.user.organisation)

    class Params:
        confirmed = factory.Trait(
            status=Membership.Status.CONFIRMED, decided_at=factory.LazyFunction(timezone.now),
        )


def confirmed_member(user, organisation=None):
    """Make `user` a confirmed member of `organisation` (by default the one on their profile), as if a
    lead had confirmed them. Returns the membership."""
    organisation = organisation or user.organisation
    if user.organisation_id != organisation.pk:
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    Membership.objects.open().filter(user=user).exclude(organisation=organisation).update(
        status=Membership.Status.ENDED, ending=Membership.Ending.LEFT, ended_at=timezone.now(),
    )
    membership = Membership.objects.open().filter(user=user, organisation=organisation).first()
    if membership is None:
        return MembershipFactory(user=user, organisation=organisation, confirmed=True)
    membership.status = Membership.Status.CONFIRMED
    membership.decided_at = timezone.now()
    membership.save()
    return membership
