"""Authorisation matrix rows for coordinator and lead reports, learner record, audit trail.

The coordinators' reports (training activity, certificates, champions network, confidence before
and after): coordinators and administrators read them; editors, moderators and reviewers are
turned away by Wagtail ("denied"); learners and leads get 403."""

from tests.matrix_visitors import COORDINATORS

RULES: list = [
    (r"^admin/reports/training/$", "/admin/reports/training/?group_by=sector", COORDINATORS),
    (r"^admin/reports/certificates/$", "/admin/reports/certificates/?group_by=organisation", COORDINATORS),
    (r"^admin/reports/network/$", "/admin/reports/network/?group_by=district", COORDINATORS),
    (r"^admin/reports/confidence/$", "/admin/reports/confidence/?group_by=sector", COORDINATORS),
]


def extend_world(world) -> dict:
    return {}
