"""Factories of lms.followup's models (FACTORIES in tests/factories.py gathers them)."""

FACTORY_CLASSES: tuple = ()
