"""Signal receivers of the certificates app, connected in CertificatesConfig.ready()."""

from lms.certificates.services import issue_certificate_if_due


def issue_certificate_on_pass(sender, user, module, attempt, **kwargs):
    """`module_passed`: the module is complete, first time or again: a certificate if one is due."""
    issue_certificate_if_due(user, module, attempt)
