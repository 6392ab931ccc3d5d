"""The organisation lead's access rule, beside the site-wide ones in lms.site.permissions."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from lms.site.permissions import sign_in_first


def organisation_lead(view):
    """Signed in and leading at least one organisation; the view limits data to those organisations."""

    @wraps(view)
    def check(request, *args, **kwargs):
        if not request.user.led_organisations.exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped = sign_in_first(check)
    wrapped.access_rule = "organisation_lead"
    return wrapped
