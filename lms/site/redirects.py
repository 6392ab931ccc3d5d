"""Where to send someone next: a `next` parameter, or the page they came from, is followed only
to a path on this site."""

from urllib.parse import urlsplit

from django.urls import reverse
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


def safe_referer_path(request, default: str) -> str:
    """The path of the page the request came from (its Referer), if that page is on this site and
    is not the sign-in page, else `default`. For a form post that cannot be carried out (the
    session ran out): where to come back to afterwards."""
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return default
    path = urlsplit(referer).path
    if not is_safe_path(path) or path.startswith(reverse("account_login")):
        return default
    return path
