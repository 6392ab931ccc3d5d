"""Authorisation matrix rows for guidance updates (see tests/champions/matrix_rows.py).

The updates themselves are Wagtail pages under /updates/ (the matrix's Wagtail page row covers
them; a signed-out visitor is asked to sign in, see test_updates.py). Completing one is a POST:
GET is refused for anyone signed in. The take-up report is for coordinators and administrators;
Wagtail turns the other staff roles away."""

from tests.matrix_visitors import COORDINATORS, row
from tests.updates.factories import GuidanceUpdatePageFactory

RULES: list = [
    (r"^my-learning/updates/<id:update_id>/complete/$", "/my-learning/updates/{guidance_update}/complete/",
     row("405", signed_out="login")),
    (r"^admin/reports/guidance-updates/$", "/admin/reports/guidance-updates/", COORDINATORS),
]


def extend_world(world) -> dict:
    update = GuidanceUpdatePageFactory(modules=[world.module])
    return {"guidance_update": update.pk}
