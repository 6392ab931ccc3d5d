"""Authorisation matrix rows for the administrators' audit trail, and Wagtail's stock Site history,
which is closed to everyone but administrators too (it showed other people's actions to any staff
role): coordinators, editors, moderators and reviewers are turned away by Wagtail ("denied");
learners and leads get 403."""

from tests.matrix_visitors import NOT_FOR_STAFF_WITHOUT, staff_only

ADMINISTRATORS = staff_only(administrator="200", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)

RULES: list = [
    (r"^admin/audit/$", "/admin/audit/?action=lms.export", ADMINISTRATORS),
    (r"^admin/audit/results/$", "/admin/audit/results/?who=matrix", ADMINISTRATORS),
    (r"^admin/reports/site-history/$", "/admin/reports/site-history/", ADMINISTRATORS),
    (r"^admin/reports/site-history/results/$", "/admin/reports/site-history/results/", ADMINISTRATORS),
]


def extend_world(world) -> dict:
    return {}
