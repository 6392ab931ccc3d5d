"""Authorisation matrix rows for the champions network's apply pages (see matrix_rows.py)."""

from champions.models import Champion
from champions.services import agreement_token
from tests.champions.factories import ChampionFactory
from tests.matrix_visitors import row

RULES: list = [
    # Applying: anyone signed in with a verified address gets the page: the form, why they cannot
    # apply yet (the learner: no tier's pathway done), or where their application stands (the champion).
    (r"^champions/apply/$", "/champions/apply/", row("200", signed_out="login")),
    # The line manager's link needs no account: the signed token is the key, so everyone holding
    # it sees the page (a waiting application). Bad, expired, used or replaced tokens answer 404
    # for everyone (tests/champions/test_agreement.py), which one row per route cannot express.
    (r"^champions/agreement/<str:token>/$", "/champions/agreement/{agreement_token}/", row("200")),
]


def extend_world(world) -> dict:
    waiting = ChampionFactory(status=Champion.Status.APPLIED, manager_agreed_at=None, approved_at=None)
    return {"agreement_token": agreement_token(waiting)}
