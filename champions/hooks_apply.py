"""Wagtail hooks of the application part of the champions network (imported by wagtail_hooks.py)."""
