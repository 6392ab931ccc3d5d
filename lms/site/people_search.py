"""Finding people by what someone typed: every word of it (ten at most) somewhere in the person's
name or email address, in any case. The same rule on the lead's members page, the data
protection officer's record search and the audit trail's "who"."""

from django.db.models import Q

MOST_WORDS = 10


def search_words(text: str) -> list[str]:
    return text.split()[:MOST_WORDS]


def people_matching(text: str, prefix: str = "") -> Q:
    """A filter for accounts (`prefix` "user__" for rows that point to one) whose name or email
    holds every word of `text`."""
    match = Q()
    for word in search_words(text):
        match &= Q(**{f"{prefix}full_name__icontains": word}) | Q(**{f"{prefix}email__icontains": word})
    return match
