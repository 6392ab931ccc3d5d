"""Authorisation matrix rows for the champions network's apply pages (see matrix_rows.py)."""

from champions.models import Champion
from champions.services import agreement_token
from tests.champions.factories import ChampionFactory

# Every visitor of the matrix (tests/test_authorisation_matrix.py imports this module while it
# loads, so its helpers cannot be imported from it).
VISITORS = (
    "anonymous", "unverified", "learner", "champion", "lead_a", "lead_b", "coordinator",
    "coordinator_password_only", "editor", "moderator", "reviewer", "administrator",
)


def row(default: str, **answers: str) -> dict[str, str]:
    """Every visitor gets `default` unless named; `signed_out` names the anonymous and unverified."""
    result = dict.fromkeys(VISITORS, default)
    if "signed_out" in answers:
        result.update(dict.fromkeys(("anonymous", "unverified"), answers.pop("signed_out")))
    assert not set(answers) - set(VISITORS)
    result.update(answers)
    return result

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
