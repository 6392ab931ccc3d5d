"""Who may use each view of the learning engine.

Every view is wrapped in one of these, so that `tests/site/test_permissions.py` can prove that no
URL was left without a declared rule.
"""

from django.contrib.auth.decorators import login_required


def public(view):
    """Open to anyone, signed in or not: support, safety and verification pages."""
    view.access_rule = "public"
    return view


def signed_in(view):
    """Any signed-in account: their own profile, their own learning."""
    wrapped = login_required(view)
    wrapped.access_rule = "signed_in"
    return wrapped


def access_rule_of(view) -> str | None:
    """The declared rule of a view function or class-based view, if any."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "__wrapped__", None)):
        rule = getattr(candidate, "access_rule", None)
        if rule:
            return rule
    return None
