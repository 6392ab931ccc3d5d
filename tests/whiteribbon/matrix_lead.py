"""Authorisation matrix rows for the organisation leads' area (/organisations/), see
tests/champions/matrix_rows.py.

Organisation A, which "lead_a" leads, is accredited and has an action with a document as evidence;
"lead_b" leads another organisation, so A's plan, action and evidence are "not found" for them
(a lead never learns whether another organisation's records exist). Everyone else signed in,
staff included, leads nothing and is refused (403): coordinators see plans in the admin.
"""

import datetime

from django.utils import timezone

from tests.matrix_visitors import row
from tests.whiteribbon.factories import ActionItemFactory, EvidenceFactory, accredited_cycle

LEADS_OWN = row("403", signed_out="login", lead_a="200", lead_b="404")
ITEM = "/organisations/{organisation_pk}/white-ribbon/items/{lead_item}/"

RULES: list = [
    # The area's first page: every lead sees their own organisations.
    (r"^organisations/$", "/organisations/", row("403", signed_out="login", lead_a="200", lead_b="200")),
    (r"^organisations/<id:organisation_id>/white-ribbon/$", "/organisations/{organisation_pk}/white-ribbon/",
     LEADS_OWN),
    (r"^organisations/<id:organisation_id>/white-ribbon/items/new/$",
     "/organisations/{organisation_pk}/white-ribbon/items/new/", LEADS_OWN),
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/$", ITEM, LEADS_OWN),
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/edit/$", ITEM + "edit/", LEADS_OWN),
    # Progress is recorded by the form on the action's page: a post only.
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/updates/$", ITEM + "updates/",
     row("403", signed_out="login", lead_a="405", lead_b="404")),
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/evidence/new/$", ITEM + "evidence/new/",
     LEADS_OWN),
    # The private download, and the check before removing it.
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/evidence/<id:evidence_id>/$",
     ITEM + "evidence/{lead_evidence}/", LEADS_OWN),
    (r"^organisations/<id:organisation_id>/white-ribbon/items/<id:item_id>/evidence/<id:evidence_id>/remove/$",
     ITEM + "evidence/{lead_evidence}/remove/", LEADS_OWN),
]


def extend_world(world) -> dict:
    approved = timezone.localdate() - datetime.timedelta(days=200)
    cycle = accredited_cycle(world.organisation_a, approved_on=approved)
    item = ActionItemFactory(cycle=cycle, title="Matrix action")
    evidence = EvidenceFactory(item=item, title="Matrix evidence")
    return {"lead_item": item.pk, "lead_evidence": evidence.pk}
