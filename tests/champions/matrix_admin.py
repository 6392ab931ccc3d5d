"""Authorisation matrix rows for the champions network's admin pages (see matrix_rows.py): the
coordinators' applications, champions, a champion's page and its decisions, the import; the
editors' tiers and languages.

The sample champion has applied and waits for their line manager, so every decision page has
something to show. Coordinators and administrators see the champion screens; editors,
moderators and reviewers are turned away by Wagtail ("denied"). Nobody adds, edits or deletes a
champion record by hand (the decisions and the import change them), nor deletes a tier.
"""

from champions.models import ChampionTier, Language
from tests.champions.factories import ChampionFactory
from tests.matrix_visitors import COORDINATORS, NOT_FOR_STAFF_WITHOUT, STAFF, staff_only

NOBODY = staff_only(**dict.fromkeys(STAFF, "denied"))
# Tiers and languages: editors keep them; coordinators may look (champions.view_*), not change.
EDITORS_KEEP = staff_only(editor="200", administrator="200", coordinator="denied", moderator="denied",
                          reviewer="denied")
EDITORS_AND_COORDINATORS_SEE = staff_only(editor="200", administrator="200", coordinator="200",
                                          moderator="denied", reviewer="denied")
LANGUAGE_DELETE = staff_only(administrator="200", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)

RULES: list = [
    (r"^admin/champions/$", "/admin/champions/", COORDINATORS),
    (r"^admin/champions/results/$", "/admin/champions/results/", COORDINATORS),
    (r"^admin/champions/applications/$", "/admin/champions/applications/", COORDINATORS),
    (r"^admin/champions/applications/results/$", "/admin/champions/applications/results/", COORDINATORS),
    (r"^admin/champions/inspect/<id:pk>/$", "/admin/champions/inspect/{applied_champion}/", COORDINATORS),
    (r"^admin/champions/agreement/<id:pk>/$", "/admin/champions/agreement/{applied_champion}/", COORDINATORS),
    (r"^admin/champions/approve/<id:pk>/$", "/admin/champions/approve/{applied_champion}/", COORDINATORS),
    (r"^admin/champions/decline/<id:pk>/$", "/admin/champions/decline/{applied_champion}/", COORDINATORS),
    (r"^admin/champions/withdraw/<id:pk>/$", "/admin/champions/withdraw/{applied_champion}/", COORDINATORS),
    (r"^admin/champions/import/$", "/admin/champions/import/", COORDINATORS),
    # Confirming an import is a POST with the checked file's fingerprint.
    (r"^admin/champions/import/confirm/$", "/admin/champions/import/confirm/",
     staff_only(coordinator="405", administrator="405", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/champions/import/template\.csv$", "/admin/champions/import/template.csv", COORDINATORS),
    # Wagtail's own screens for a champion record: no adding, editing or deleting by hand, and so
    # none of Wagtail's edit history or usage screens (which need the change permission): the
    # record's history is on the champion's page, from StatusChange.
    (r"^admin/champions/new/$", "/admin/champions/new/", NOBODY),
    (r"^admin/champions/edit/<id:pk>/$", "/admin/champions/edit/{applied_champion}/", NOBODY),
    (r"^admin/champions/delete/<id:pk>/$", "/admin/champions/delete/{applied_champion}/", NOBODY),
    (r"^admin/champions/history/<id:pk>/$", "/admin/champions/history/{applied_champion}/", NOBODY),
    (r"^admin/champions/history-results/<id:pk>/$", "/admin/champions/history-results/{applied_champion}/", NOBODY),
    (r"^admin/champions/usage/<id:pk>/$", "/admin/champions/usage/{applied_champion}/", NOBODY),
    # Tiers and languages. Wagtail's edit history and usage screens need the change permission:
    # editors only. Tiers are never deleted; editors hold no delete permission for languages, so
    # only administrators remove one.
    *[(rf"^admin/champions/{kind}/{screen}$", f"/admin/champions/{kind}/{screen.replace('<id:pk>', key)}", answers)
      for kind, key, delete in (("tiers", "{tier}", NOBODY), ("languages", "{language}", LANGUAGE_DELETE))
      for screen, answers in (
          ("", EDITORS_AND_COORDINATORS_SEE), ("results/", EDITORS_AND_COORDINATORS_SEE), ("new/", EDITORS_KEEP),
          ("inspect/<id:pk>/", EDITORS_AND_COORDINATORS_SEE), ("edit/<id:pk>/", EDITORS_KEEP),
          ("delete/<id:pk>/", delete), ("history/<id:pk>/", EDITORS_KEEP),
          ("history-results/<id:pk>/", EDITORS_KEEP), ("usage/<id:pk>/", EDITORS_KEEP),
      )],
]


def extend_world(world) -> dict:
    from champions.models import Champion

    applied = ChampionFactory(status=Champion.Status.APPLIED, approved_at=None, manager_agreed_at=None)
    return {
        "applied_champion": applied.pk,
        "tier": ChampionTier.objects.get(slug="community").pk,
        "language": Language.objects.order_by("pk").first().pk,
    }
