"""Factories for lms.privacy: data downloads, erased certificates' codes, inactivity warnings."""

import factory
from django.utils import timezone

from lms.certificates.services import new_code
from lms.privacy.models import DataExport, ErasedCertificate, InactivityWarning


class DataExportFactory(factory.django.DjangoModelFactory):
    """A download of a learner's data, waiting for the worker."""

    class Meta:
        model = DataExport

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")


class ErasedCertificateFactory(factory.django.DjangoModelFactory):
    """The code of a certificate whose holder erased their account."""

    class Meta:
        model = ErasedCertificate

    code = factory.LazyFunction(new_code)


class InactivityWarningFactory(factory.django.DjangoModelFactory):
    """The warning sent to a learner who has not signed in for nearly three years."""

    class Meta:
        model = InactivityWarning

    user = factory.SubFactory("tests.accounts.factories.LearnerFactory")
    sent_at = factory.LazyFunction(timezone.now)
    last_login_when_sent = factory.SelfAttribute("user.last_login")
