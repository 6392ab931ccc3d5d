"""Authorisation matrix rows for personal data: download, erasure, privacy notice."""

RULES: list = []


def extend_world(world) -> dict:
    return {}
