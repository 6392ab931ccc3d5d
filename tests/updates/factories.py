"""Factories of lms.updates's models (FACTORIES in tests/factories.py gathers them)."""

FACTORY_CLASSES: tuple = ()
