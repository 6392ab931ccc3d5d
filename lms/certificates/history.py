"""What a certificate's history adds beyond its dates: lines from apps above this one (the
guidance updates it includes, from lms.updates), shown on the holder's list and the public
verification page. This module never imports them: each registers a function under this Wagtail
hook that takes a list of certificates and returns {certificate id: [line, ...]} in a constant
number of queries. A line is anything with `day` (a date) and `title`."""

from wagtail import hooks

CERTIFICATE_HISTORY_HOOK = "certificate_history"


def history_of(certificates) -> dict[int, list]:
    """Every registered app's lines for each certificate, oldest first."""
    certificates = list(certificates)
    lines: dict[int, list] = {}
    for lines_for in hooks.get_hooks(CERTIFICATE_HISTORY_HOOK):
        for certificate_id, found in lines_for(certificates).items():
            lines.setdefault(certificate_id, []).extend(found)
    return {key: sorted(found, key=lambda line: line.day) for key, found in lines.items()}


def history_of_one(certificate) -> list:
    """history_of for one certificate: its lines, oldest first."""
    return history_of([certificate]).get(certificate.pk, [])
