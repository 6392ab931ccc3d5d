"""Authorisation matrix rows for the champions network's directory pages (see matrix_rows.py)."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
