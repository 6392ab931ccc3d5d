"""Authorisation matrix rows for lms.followup (see tests/champions/matrix_rows.py).

The follow-up form opens from a signed link only for its owner, the matrix's learner; anyone else
signed in gets "not found" (a link tells a stranger nothing), and a signed-out visitor is sent
to sign in and back. The follow-up setting is each signed-in person's own page. The report of
use in work is the coordinators' (see tests/reports' rows for the report screens). Screening
accounts of what happened is for content moderators and administrators: other staff are turned
away by Wagtail ("denied"), learners, champions and leads get 403, as for lesson feedback."""

from lms.followup.services import link_token
from tests.followup.factories import FollowUpFactory
from tests.matrix_visitors import COORDINATORS, SIGNED_IN_PAGE, row, staff_only

SCREENERS = staff_only(**dict.fromkeys(("coordinator", "editor", "reviewer"), "denied"),
                       moderator="200", administrator="200")

RULES: list = [
    (r"^my-learning/follow-up/<str:token>/$", "/my-learning/follow-up/{follow_up_link}/",
     row("404", signed_out="login", learner="200")),
    (r"^profile/follow-up/$", "/profile/follow-up/", SIGNED_IN_PAGE),
    (r"^admin/reports/follow-up/$", "/admin/reports/follow-up/", COORDINATORS),
    (r"^admin/follow-up/screening/$", "/admin/follow-up/screening/", SCREENERS),
    (r"^admin/follow-up/screening/<int:pk>/$", "/admin/follow-up/screening/{waiting_account}/", SCREENERS),
    (r"^admin/follow-up/screening/<int:pk>/withhold/$", "/admin/follow-up/screening/{waiting_account}/withhold/",
     SCREENERS),
]


def extend_world(world) -> dict:
    follow_up = FollowUpFactory(user=world.membership.user, module=world.module)
    waiting = FollowUpFactory(waiting=True)
    return {"follow_up_link": link_token(follow_up), "waiting_account": waiting.pk}
