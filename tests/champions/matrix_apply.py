"""Authorisation matrix rows for the champions network's apply pages (see matrix_rows.py)."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
