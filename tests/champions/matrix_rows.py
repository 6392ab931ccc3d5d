"""The authorisation matrix's rows kept beside each part's tests (the champions network, White
Ribbon, reports, personal data, the user import), and the objects they are tried with.

Each part of the network keeps its rows in its own module (matrix_<part>.py) with an
`extend_world(world) -> dict` that makes what its sample paths need and returns the values
they are formatted with. The world already has: an active champion record for the "champion"
visitor (visible to other champions), and the learner, leads and staff of the main matrix.
"""

from __future__ import annotations

from champions.models import Champion
from tests.champions import matrix_admin, matrix_apply, matrix_directory, matrix_network
from tests.champions.factories import ChampionFactory
from tests.feedback import matrix_feedback
from tests.followup import matrix_followup
from tests.organisations import matrix_user_import
from tests.privacy import matrix_privacy
from tests.reports import matrix_lead_reports, matrix_reports
from tests.site import matrix_audit
from tests.updates import matrix_updates
from tests.whiteribbon import matrix_admin as whiteribbon_admin
from tests.whiteribbon import matrix_import as whiteribbon_import
from tests.whiteribbon import matrix_lead as whiteribbon_lead

PARTS = (
    matrix_apply, matrix_directory, matrix_network, matrix_admin, whiteribbon_lead, whiteribbon_admin,
    whiteribbon_import, matrix_reports, matrix_lead_reports, matrix_privacy, matrix_user_import, matrix_audit,
    matrix_feedback, matrix_updates, matrix_followup,
)

RULES = [rule for part in PARTS for rule in part.RULES]


def extend_world(world) -> dict:
    world.champion_record = ChampionFactory(
        user=world.people["champion"], visibility=Champion.Visibility.CHAMPIONS,
    )
    values = {"own_champion": world.champion_record.pk}
    for part in PARTS:
        values.update(part.extend_world(world))
    return values
