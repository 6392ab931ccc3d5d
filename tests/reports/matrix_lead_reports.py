"""Authorisation matrix rows for the organisation leads' training reports at /organisations/."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
