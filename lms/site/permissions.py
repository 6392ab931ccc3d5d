"""Who may use each view of the learning engine.

Every view is wrapped in one of these, so that `tests/site/test_permissions.py` can prove that no
URL was left without a declared rule.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from lms.site.redirects import safe_referer_path


def public(view):
    """Open to anyone, signed in or not: support, safety and verification pages."""
    view.access_rule = "public"
    return view


def sign_in_first(view):
    """Send a signed-out visitor to sign in, then back: to this page for a GET, or for a form post
    (their session ran out while the page was open) to the page the form was on."""

    @wraps(view)
    def check(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path())
        messages.info(request, "You were signed out, so nothing was saved. Sign in, then try again.")
        # Never the post's own address: after signing in the browser would open it with GET.
        return redirect_to_login(safe_referer_path(request, default=reverse("my_learning")))

    return check


def signed_in(view):
    """Any signed-in account: their own profile, their own learning."""
    wrapped = sign_in_first(view)
    wrapped.access_rule = "signed_in"
    return wrapped


def access_rule_of(view) -> str | None:
    """The declared rule of a view function or class-based view, if any."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        rule = getattr(candidate, "access_rule", None)
        if rule:
            return rule
    return None
