"""Who reads the coordinators' reports: whoever may see every learner's certificates
(coordinators and administrators). The reports count the same people, so they need the same
trust; editors, moderators and reviewers do not hold it."""

REPORTS_PERMISSION = "certificates.view_certificate"


def may_read_reports(user) -> bool:
    return user.is_authenticated and user.has_perm(REPORTS_PERMISSION)
