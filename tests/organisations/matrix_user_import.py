"""Authorisation matrix rows for bulk user import (see tests/champions/matrix_rows.py): the
coordinators' upload and dry run, the confirmation and the template file. Editors, moderators and
reviewers are turned away by Wagtail ("denied"); learners and leads get 403."""

from tests.matrix_visitors import COORDINATORS, NOT_FOR_STAFF_WITHOUT, staff_only

RULES: list = [
    (r"^admin/people/import/$", "/admin/people/import/", COORDINATORS),
    # Confirming is a POST with the checked file's fingerprint: opened by its address, 405.
    (r"^admin/people/import/confirm/$", "/admin/people/import/confirm/",
     staff_only(coordinator="405", administrator="405", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/people/import/template\.csv$", "/admin/people/import/template.csv", COORDINATORS),
]


def extend_world(world) -> dict:
    return {}
