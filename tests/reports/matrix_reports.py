"""Authorisation matrix rows for coordinator and lead reports, learner record, audit trail."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
