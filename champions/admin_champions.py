"""Wagtail admin screens of the champions network (registered on import by wagtail_hooks.py)."""
