"""The authorisation matrix's visitors and the helpers its rows are written with.

tests/test_authorisation_matrix.py and each part's rows (tests/champions/matrix_*.py) import
them from here, so that every part answers for the same visitors in the same words.
"""

from __future__ import annotations

VISITORS = (
    "anonymous", "unverified", "learner", "champion", "lead_a", "lead_b", "coordinator",
    "coordinator_password_only", "editor", "moderator", "reviewer", "administrator",
)
STAFF = ("coordinator", "editor", "moderator", "reviewer", "administrator")
NOT_STAFF = ("learner", "champion", "lead_a", "lead_b")
SIGNED_OUT = ("anonymous", "unverified")
GROUPS = {"signed_out": SIGNED_OUT, "not_staff": NOT_STAFF, "staff": STAFF}


def row(default: str, **answers: str) -> dict[str, str]:
    """Every visitor gets `default` unless named; groups: signed_out, not_staff, staff."""
    result = dict.fromkeys(VISITORS, default)
    for group, members in GROUPS.items():
        if group in answers:
            result.update(dict.fromkeys(members, answers.pop(group)))
    unknown = set(answers) - set(VISITORS)
    assert not unknown, unknown
    result.update(answers)
    return result


SIGNED_IN_PAGE = row("200", signed_out="login")
ADMIN_STAFF_SCREEN = row("ok", signed_out="login", not_staff="403", coordinator_password_only="2fa")
NOT_FOR_STAFF_WITHOUT = dict(editor="denied", moderator="denied", reviewer="denied")


def staff_only(**staff_answers) -> dict[str, str]:
    """An admin screen: signed-out → sign in; learners → 403; password-only coordinator → 2fa."""
    return {**ADMIN_STAFF_SCREEN, **staff_answers}


# A coordinators' admin screen: editors, moderators and reviewers are turned away by Wagtail.
COORDINATORS = staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)
