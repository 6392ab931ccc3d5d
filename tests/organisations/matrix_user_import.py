"""Authorisation matrix rows for bulk user import (see tests/champions/matrix_rows.py)."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
