from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for development and tests (`seed_demo`): it sits above every other app."""

    name = "lms.demo"
    label = "demo"
    verbose_name = "Demo data"
