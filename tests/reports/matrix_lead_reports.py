"""Authorisation matrix rows for the organisation leads' training reports at /organisations/, see
tests/champions/matrix_rows.py.

"lead_a" leads organisation A (the learner's), so sees its report and downloads; "lead_b" leads
another organisation, so A's report is "not found" for them (a lead never learns whether another
organisation's report exists). Everyone else signed in, staff included, leads nothing and is
refused (403): coordinators read reports in the admin.
"""

from tests.matrix_visitors import row

LEADS_OWN = row("403", signed_out="login", lead_a="200", lead_b="404")
TRAINING = "/organisations/{organisation_pk}/training"

RULES: list = [
    (r"^organisations/<id:organisation_id>/training/$", TRAINING + "/", LEADS_OWN),
    # Chosen by the form on the report: a post only.
    (r"^organisations/<id:organisation_id>/training/expected-modules/$", TRAINING + "/expected-modules/",
     row("403", signed_out="login", lead_a="405", lead_b="404")),
    (r"^organisations/<id:organisation_id>/training\.csv$", TRAINING + ".csv", LEADS_OWN),
    (r"^organisations/<id:organisation_id>/training\.xlsx$", TRAINING + ".xlsx", LEADS_OWN),
]


def extend_world(world) -> dict:
    return {}
