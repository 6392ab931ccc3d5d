"""Factories for White Ribbon accreditation: cycles (at any stage, with consistent dates),
stage changes, action items with updates and evidence, ambassadors and champions, and
`accredited_cycle` for an organisation accredited on a given day."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from champions.whiteribbon.models import (
    AccreditationCycle,
    ActionItem,
    ActionUpdate,
    Criterion,
    Evidence,
    Focus,
    StageChange,
    WhiteRibbonPerson,
    WhiteRibbonSettings,
)
from champions.whiteribbon.services import expiry_of
from tests.organisations.factories import OrganisationFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class AccreditationCycleFactory(factory.django.DjangoModelFactory):
    """An interested organisation's cycle; pass `stage` and, for approved stages, `approved_on`."""

    class Meta:
        model = AccreditationCycle

    organisation = factory.SubFactory(OrganisationFactory)
    track = AccreditationCycle.Track.ACCREDITED
    stage = AccreditationCycle.Stage.INTERESTED
    lead_contact_name = "Alex Morgan"
    lead_contact_email = factory.Sequence(lambda n: f"white-ribbon-lead-{n}@example.org")
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=400))
    stage_changed_on = factory.LazyFunction(timezone.localdate)
    approved_on = factory.LazyAttribute(
        lambda o: (timezone.localdate() - datetime.timedelta(days=200))
        if o.stage in AccreditationCycle.APPROVED else None
    )
    expires_on = factory.LazyAttribute(lambda o: expiry_of(o.approved_on) if o.approved_on else None)


def accredited_cycle(organisation=None, *, approved_on: datetime.date, **kwargs) -> AccreditationCycle:
    """An organisation accredited by the panel on `approved_on` (expiring three years later)."""
    return AccreditationCycleFactory(
        organisation=organisation or OrganisationFactory(), stage=AccreditationCycle.Stage.ACCREDITED,
        approved_on=approved_on, stage_changed_on=approved_on, started_on=approved_on - datetime.timedelta(days=120),
        **kwargs,
    )


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    cycle = factory.SubFactory(AccreditationCycleFactory)
    from_stage = ""
    to_stage = AccreditationCycle.Stage.INTERESTED
    on = factory.LazyFunction(timezone.localdate)
    note = "Cycle started."


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    cycle = factory.SubFactory(
        AccreditationCycleFactory, stage=AccreditationCycle.Stage.ACCREDITED,
    )
    criterion = Criterion.STRATEGIC_LEADERSHIP
    focus = Focus.POLICIES
    year = 1
    title = factory.Sequence(lambda n: f"Publish a domestic abuse workplace policy ({n})")
    owner = "Head of HR"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
    status = ActionItem.Status.GREEN


class ActionUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    item = factory.SubFactory(ActionItemFactory)
    text = "Draft shared with the staff forum."
    status = ActionItem.Status.GREEN


class EvidenceFactory(factory.django.DjangoModelFactory):
    """A private PDF document; pass `link=...` and `document=""` for a link instead."""

    class Meta:
        model = Evidence

    item = factory.SubFactory(ActionItemFactory)
    title = "Signed policy"
    document = factory.LazyFunction(lambda: ContentFile(PDF, name="policy.pdf"))
    file_name = "policy.pdf"
    content_type = "application/pdf"
    size = len(PDF)


class WhiteRibbonPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WhiteRibbonPerson

    organisation = factory.SubFactory(OrganisationFactory)
    role = WhiteRibbonPerson.Role.AMBASSADOR
    name = factory.Sequence(lambda n: f"Ambassador {n}")
    induction_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class WhiteRibbonSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WhiteRibbonSettings
        django_get_or_create = ("id",)

    id = 1
    accredited_target = 60
    renewal_notice_months = 6
