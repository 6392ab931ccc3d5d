"""Authorisation matrix rows for the champions network's directory pages (see matrix_rows.py).

The directory, profiles and the relay are for signed-in people with a verified email address;
which champion they may see is champions.visibility's rule: the profile sample is listed to
coordinators only (everyone else gets "not found", as for an id that does not exist), and the
relay sample to other champions. A champion's own pages (me/) answer 403 to anyone without a
champion record; the "champion" visitor is an active champion.
"""

from champions.models import Champion
from champions.relay import block_token
from tests.champions.factories import ChampionFactory
from tests.matrix_visitors import row

SIGNED_IN_VERIFIED = row("200", signed_out="login")
CHAMPION_ONLY = row("403", signed_out="login")

RULES: list = [
    (r"^champions/$", "/champions/?district=watford&q=nurse", SIGNED_IN_VERIFIED),
    # A coordinators-only profile: coordinators (with their second factor) and administrators.
    (r"^champions/<id:champion_id>/$", "/champions/{coordinators_only_champion}/",
     row("404", signed_out="login", coordinator="200", administrator="200")),
    # A profile listed to champions: the champion visitor writes to them; learners cannot see them.
    (r"^champions/<id:champion_id>/contact/$", "/champions/{champions_only_champion}/contact/",
     row("404", signed_out="login", champion="200", coordinator="200", administrator="200")),
    (r"^champions/me/$", "/champions/me/", {**CHAMPION_ONLY, "champion": "200"}),
    (r"^champions/me/preview/$", "/champions/me/preview/?as=professionals", {**CHAMPION_ONLY, "champion": "200"}),
    (r"^champions/me/pause/$", "/champions/me/pause/", {**CHAMPION_ONLY, "champion": "200"}),
    # Not paused: back to their profile with a message.
    (r"^champions/me/resume/$", "/champions/me/resume/", {**CHAMPION_ONLY, "champion": "302"}),
    (r"^champions/me/withdraw/$", "/champions/me/withdraw/", {**CHAMPION_ONLY, "champion": "200"}),
    (r"^champions/me/blocks/$", "/champions/me/blocks/", {**CHAMPION_ONLY, "champion": "200"}),
    (r"^champions/me/blocks/<id:block_id>/unblock/$", "/champions/me/blocks/{own_block}/unblock/",
     {**CHAMPION_ONLY, "champion": "405"}),
    (r"^champions/me/blocks/new/<str:token>/$", "/champions/me/blocks/new/{block_token}/",
     {**CHAMPION_ONLY, "champion": "200"}),
]


def extend_world(world) -> dict:
    coordinators_only = ChampionFactory(visibility=Champion.Visibility.COORDINATORS)
    champions_only = ChampionFactory(visibility=Champion.Visibility.CHAMPIONS)
    ChampionFactory(visibility=Champion.Visibility.PROFESSIONALS)
    own = world.champion_record
    blocked = ChampionFactory(visibility=Champion.Visibility.PROFESSIONALS).user
    block = own.blocks.create(sender=blocked)
    return {
        "coordinators_only_champion": coordinators_only.pk,
        "champions_only_champion": champions_only.pk,
        "own_block": block.pk,
        # A sender the champion visitor has not blocked: the link's confirmation page.
        "block_token": block_token(own, coordinators_only.user),
    }
