from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    """Certificates: issued on a pass, rendered as PDF, verified in public, reminded before expiry."""

    name = "lms.certificates"
    label = "certificates"
    verbose_name = "Certificates"

    def ready(self):
        from lms.certificates.receivers import issue_certificate_on_pass
        from lms.learning.progress import module_passed

        module_passed.connect(issue_certificate_on_pass, dispatch_uid="certificates.certificate_on_pass")
