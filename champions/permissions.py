"""The network's access rules, beside the site-wide ones in lms.site.permissions.

Every champions view is wrapped in one of these (tests/site/test_permissions.py proves none
was left without a declared rule). Object-level checks (which champion, whose booking) are the
view's, through champions.visibility.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from champions.models import Champion
from champions.services import has_verified_email
from lms.site.permissions import sign_in_first


def verified_professional(view):
    """Signed in with a verified email address: the directory and applying."""

    @wraps(view)
    def check(request, *args, **kwargs):
        if not has_verified_email(request.user):
            messages.info(request, "Confirm your email address to use the champions network.")
            return redirect("account_email")
        return view(request, *args, **kwargs)

    wrapped = sign_in_first(check)
    wrapped.access_rule = "verified_professional"
    return wrapped


def champion_self(view):
    """A person with a champion record (applied, approved, paused…): their own profile, sessions,
    briefings and blocks. The view is given `champion` and never touches anyone else's."""

    @wraps(view)
    def check(request, *args, **kwargs):
        champion = Champion.objects.select_related("user", "tier", "organisation").filter(user=request.user).first()
        if champion is None:
            raise PermissionDenied
        return view(request, *args, champion=champion, **kwargs)

    wrapped = sign_in_first(check)
    wrapped.access_rule = "champion_self"
    return wrapped


def line_manager_link(view):
    """Anyone holding a line manager's signed link: no account is needed, the signed token in the
    address is the key, and the view answers "not found" for any other."""
    view.access_rule = "line_manager_link"
    return view
