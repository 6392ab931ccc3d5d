"""Finding people by what someone typed: every word of it (ten at most) somewhere in the person's
name or email address, in any case. The same rule on the lead's members page, the data
protection officer's record search and the audit trail's "who"."""

from django.db.models import Q

MOST_WORDS = 10


def people_matching(text: str, prefix: str = "") -> Q:
    """A filter for accounts (`prefix` "user__" for rows that point to one) whose name or email
    holds every word of `text`; none for more than MOST_WORDS words (a search is never widened
    by leaving words out)."""
    words = text.split()
    if len(words) > MOST_WORDS:
        return Q(pk__in=[])
    match = Q()
    for word in words:
        match &= Q(**{f"{prefix}full_name__icontains": word}) | Q(**{f"{prefix}email__icontains": word})
    return match
