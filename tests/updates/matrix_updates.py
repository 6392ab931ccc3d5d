"""Authorisation matrix rows for lms.updates (see tests/champions/matrix_rows.py)."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
