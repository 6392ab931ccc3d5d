"""Authorisation matrix rows for White Ribbon accreditation (admin), see tests/champions/matrix_rows.py."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
