from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """What coordinators and organisation leads read about the programme: reports across
    training, certificates, confidence, the champions network and White Ribbon; the learner
    record; the audit trail. Above every app it reports on."""

    name = "lms.reports"
    label = "reports"
    verbose_name = "Reports"
