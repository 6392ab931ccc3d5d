"""Where to send someone next: a `next` parameter is followed only to a path on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_safe_path(target: str) -> bool:
    """Whether `target` is a path on this site: starts with one slash, no scheme, no host.

    A relative value ("abc") would be taken for a URL name by `redirect()`, and "//host" or
    "/\\host" for another site; control characters never belong in a link we follow.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ord(character) < 32 or ord(character) == 127 for character in target):
        return False
    return url_has_allowed_host_and_scheme(target, allowed_hosts=None)


def safe_next(request, default: str = "/") -> str:
    """The request's `next` (form field first, then query) if it is safe to follow, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if is_safe_path(target) else default
