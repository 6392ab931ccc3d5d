"""Authorisation matrix rows for the coordinators' White Ribbon screens in the admin (see
tests/champions/matrix_rows.py): the pipeline, the target, cycles (list, start, details, page,
stage, track, history, renewals due), action plans (list, overdue, add, edit, progress, evidence)
and White Ribbon ambassadors and champions, and the target's setting.

The sample is an organisation of its own, accredited, with one action, a document as evidence and
a White Ribbon ambassador. Coordinators and administrators see every screen; editors, moderators
and reviewers are turned away by Wagtail ("denied"); learners and leads get 403. Nobody deletes a
cycle (its stages, plan and evidence hang on it): a mistaken one is withdrawn.
"""

import datetime

from django.utils import timezone

from tests.matrix_visitors import COORDINATORS, STAFF, staff_only
from tests.organisations.factories import OrganisationFactory
from tests.whiteribbon.factories import (
    ActionItemFactory,
    EvidenceFactory,
    WhiteRibbonPersonFactory,
    accredited_cycle,
)

NOBODY = staff_only(**dict.fromkeys(STAFF, "denied"))
CYCLES = "/admin/white-ribbon/cycles/"
ACTIONS = "/admin/white-ribbon/actions/"
PEOPLE = "/admin/white-ribbon/people/"

RULES: list = [
    (r"^admin/white-ribbon/$", "/admin/white-ribbon/", COORDINATORS),
    (r"^admin/white-ribbon/target/$", "/admin/white-ribbon/target/", COORDINATORS),
    # Cycles: Wagtail's screens (no deleting), and changing the stage or the track.
    *[(rf"^admin/white-ribbon/cycles/{screen}$", CYCLES + sample, answers) for screen, sample, answers in (
        ("", "", COORDINATORS),
        ("results/", "results/", COORDINATORS),
        ("new/", "new/", COORDINATORS),
        ("edit/<id:pk>/", "edit/{wr_cycle}/", COORDINATORS),
        ("inspect/<id:pk>/", "inspect/{wr_cycle}/", COORDINATORS),
        ("history/<id:pk>/", "history/{wr_cycle}/", COORDINATORS),
        ("history-results/<id:pk>/", "history-results/{wr_cycle}/", COORDINATORS),
        ("usage/<id:pk>/", "usage/{wr_cycle}/", COORDINATORS),
        ("delete/<id:pk>/", "delete/{wr_cycle}/", NOBODY),
        ("stage/<id:pk>/", "stage/{wr_cycle}/", COORDINATORS),
        # The sample is accredited, so the page says the track can no longer change.
        ("track/<id:pk>/", "track/{wr_cycle}/", COORDINATORS),
        ("renewals/", "renewals/", COORDINATORS),
        ("renewals/results/", "renewals/results/", COORDINATORS),
    )],
    # Action plans across every organisation; progress and evidence.
    *[(rf"^admin/white-ribbon/actions/{screen}$", ACTIONS + sample, answers) for screen, sample, answers in (
        ("", "", COORDINATORS),
        ("results/", "results/", COORDINATORS),
        ("new/", "new/", COORDINATORS),
        ("edit/<id:pk>/", "edit/{wr_item}/", COORDINATORS),
        ("inspect/<id:pk>/", "inspect/{wr_item}/", COORDINATORS),
        ("history/<id:pk>/", "history/{wr_item}/", COORDINATORS),
        ("history-results/<id:pk>/", "history-results/{wr_item}/", COORDINATORS),
        ("usage/<id:pk>/", "usage/{wr_item}/", COORDINATORS),
        ("delete/<id:pk>/", "delete/{wr_item}/", COORDINATORS),
        ("overdue/", "overdue/", COORDINATORS),
        ("overdue/results/", "overdue/results/", COORDINATORS),
        ("progress/<id:pk>/", "progress/{wr_item}/", COORDINATORS),
        ("evidence/<id:pk>/new/", "evidence/{wr_item}/new/", COORDINATORS),
        # The private download: coordinators only (leads have their own, in their area).
        ("evidence/download/<id:pk>/", "evidence/download/{wr_evidence}/", COORDINATORS),
        ("evidence/remove/<id:pk>/", "evidence/remove/{wr_evidence}/", COORDINATORS),
    )],
    # White Ribbon ambassadors and champions.
    *[(rf"^admin/white-ribbon/people/{screen}$", PEOPLE + sample, COORDINATORS) for screen, sample in (
        ("", ""), ("results/", "results/"), ("new/", "new/"), ("edit/<id:pk>/", "edit/{wr_person}/"),
        ("inspect/<id:pk>/", "inspect/{wr_person}/"), ("history/<id:pk>/", "history/{wr_person}/"),
        ("history-results/<id:pk>/", "history-results/{wr_person}/"), ("usage/<id:pk>/", "usage/{wr_person}/"),
        ("delete/<id:pk>/", "delete/{wr_person}/"),
    )],
    # The site's only setting is the White Ribbon target: its address sends to the record's page,
    # which only those who may change it (coordinators, administrators) open.
    (r"^admin/settings/<slug:app_name>/<slug:model_name>/$", "/admin/settings/champions/whiteribbonsettings/",
     staff_only(**dict.fromkeys(STAFF, "302"))),
    (r"^admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/$",
     "/admin/settings/champions/whiteribbonsettings/{wr_settings}/", COORDINATORS),
]


def extend_world(world) -> dict:
    from champions.whiteribbon.models import WhiteRibbonSettings

    organisation = OrganisationFactory(name="Matrix White Ribbon Organisation")
    cycle = accredited_cycle(organisation, approved_on=timezone.localdate() - datetime.timedelta(days=300))
    item = ActionItemFactory(cycle=cycle, title="Matrix admin action")
    evidence = EvidenceFactory(item=item, title="Matrix admin evidence")
    person = WhiteRibbonPersonFactory(organisation=organisation, name="Matrix Ambassador")
    return {
        "wr_cycle": cycle.pk, "wr_item": item.pk, "wr_evidence": evidence.pk, "wr_person": person.pk,
        "wr_settings": WhiteRibbonSettings.load().pk,
    }
