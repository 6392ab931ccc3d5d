from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Each person's rights over their data: downloading it, erasing their account, the
    retention rules that remove or anonymise old records, and the privacy notice. Above every
    app whose records it gathers or erases."""

    name = "lms.privacy"
    label = "privacy"
    verbose_name = "Personal data"
