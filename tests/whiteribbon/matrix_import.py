"""Authorisation matrix rows for White Ribbon accreditation (import), see tests/champions/matrix_rows.py:
the coordinators' import of organisations and White Ribbon records (its page, the confirmation, the
template) and the export of every organisation, with its staff-only contacts. Editors, moderators
and reviewers are turned away by Wagtail; learners and leads get 403."""

from tests.matrix_visitors import COORDINATORS, NOT_FOR_STAFF_WITHOUT, staff_only

RULES: list = [
    (r"^admin/white-ribbon/import/$", "/admin/white-ribbon/import/", COORDINATORS),
    # Confirming is a POST with the checked file's fingerprint: opened by its address, 405.
    (r"^admin/white-ribbon/import/confirm/$", "/admin/white-ribbon/import/confirm/",
     staff_only(coordinator="405", administrator="405", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/white-ribbon/import/template\.csv$", "/admin/white-ribbon/import/template.csv", COORDINATORS),
    (r"^admin/white-ribbon/export/organisations\.csv$", "/admin/white-ribbon/export/organisations.csv",
     COORDINATORS),
    (r"^admin/white-ribbon/export/organisations\.xlsx$", "/admin/white-ribbon/export/organisations.xlsx",
     COORDINATORS),
]


def extend_world(world) -> dict:
    return {}
