"""Factories for lms.certificates: certificates, their reminders and the zips leads download."""

import datetime

import factory
from django.utils import timezone

from lms.certificates.models import Certificate, CertificateReminder
from lms.certificates.services import add_months, new_code
from lms.site.roles import Role


def _today() -> datetime.date:
    return timezone.localdate()


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate issued today for a new module, as issuing one would record it.

    `module=None` gives a certificate whose module has since been deleted."""

    class Meta:
        model = Certificate

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")
    module = factory.SubFactory("tests.content.factories.TrainingModulePageFactory")
    code = factory.LazyFunction(new_code)
    holder_name = factory.LazyAttribute(lambda certificate: certificate.user.full_name or certificate.user.email)
    module_title = factory.LazyAttribute(
        lambda certificate: certificate.module.title if certificate.module else "Coercive control and stalking"
    )
    level = factory.LazyAttribute(
        lambda certificate: certificate.module.get_level_display() if certificate.module else "Awareness"
    )
    cpd_minutes = factory.LazyAttribute(
        lambda certificate: certificate.module.cpd_minutes if certificate.module else 45
    )
    issued_on = factory.LazyFunction(_today)
    expires_on = factory.LazyAttribute(
        lambda certificate: add_months(
            certificate.issued_on, certificate.module.certificate_validity_months if certificate.module else 24
        )
    )


class CertificateReminderFactory(factory.django.DjangoModelFactory):
    """A record that the 30-day reminder was sent."""

    class Meta:
        model = CertificateReminder

    certificate = factory.SubFactory(CertificateFactory)
    days_before = 30


class CertificateBundleFactory(factory.django.DjangoModelFactory):
    """A zip asked for by an organisation lead, of their organisation, waiting to start.

    `organisations=[...]` names others; the requester is made a lead of each, as only a lead may ask."""

    class Meta:
        # By label: the model is new, and a factory module must import even where it is not yet.
        model = "certificates.CertificateBundle"
        skip_postgeneration_save = True

    requested_by = factory.SubFactory("tests.accounts.factories.LearnerFactory", roles=[Role.ORGANISATION_LEAD])

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if not create:
            return
        organisations = extracted if extracted is not None else [self.requested_by.organisation]
        for organisation in organisations:
            organisation.leads.add(self.requested_by)
        self.organisations.set(organisations)
