"""Request-wide rules about the signed-in account: two-factor for staff, a complete profile."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from lms.accounts.staff_enrolment import enrolment_confirmed
from lms.accounts.staff_mfa import PASSED_ATTR, holds_staff_role, session_passed_mfa, withhold_staff_powers

PROFILE_EXEMPT_PREFIXES = (
    "/accounts/", "/profile/", "/static/", "/media/", "/quick-exit/", "/online-safety/",
    "/healthz", "/admin/", "/verify/", "/support/", "/robots.txt", "/favicon.ico",
)


class StaffMFARequiredMiddleware:
    """Staff powers only for a session that passed the second factor (see lms.staff_mfa).

    For every signed-in request: a session that did not pass two-factor holds no permission
    for the rest of the request, wherever the permission is asked for. On top of that:
    - the admin sends such a staff account to set up an authenticator (none yet) or to give a
      code (it has one), and answers 403 to accounts with no staff role at all, instead of
      Wagtail's redirect to a sign-in page that would send them straight back;
    - the two-factor management pages (recovery codes above all) open only after a code, so
      that a password alone never reveals what would pass the second factor.
    """

    # Two-factor pages a staff session that has not passed it may still open.
    OPEN_WITH_AUTHENTICATOR = ("/accounts/2fa/reauthenticate/", "/accounts/2fa/authenticate/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            if session_passed_mfa(request):
                setattr(user, PASSED_ATTR, True)
            else:
                withhold_staff_powers(user)
                refusal = self._refusal(request, user)
                if refusal is not None:
                    return refusal
            if request.path.startswith("/admin/") and not holds_staff_role(user):
                return render(request, "403.html", status=403)
        return self.get_response(request)

    def _refusal(self, request, user):
        path = request.path
        if not path.startswith(("/admin/", "/accounts/2fa/")) or not holds_staff_role(user):
            return None
        query = urlencode({"next": request.get_full_path()})
        has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        if not has_totp:
            if path.startswith("/accounts/2fa/authenticate/"):
                return None
            if path.startswith("/accounts/2fa/totp/activate/"):
                if enrolment_confirmed(request, user):
                    return None
                # Setting up the second factor needs the account's email, not only its password.
                return redirect(f"{reverse('staff_enrolment')}?{query}")
            messages.warning(
                request,
                "Your role needs two-factor authentication. Set it up with an authenticator "
                "app before you use the staff pages.",
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        if path.startswith(self.OPEN_WITH_AUTHENTICATOR):
            return None
        return redirect(f"{reverse('mfa_reauthenticate')}?{query}")


class ProfileCompletionMiddleware:
    """Send a signed-in learner to finish their profile before anything that needs it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.method == "GET"
            and not user.has_complete_profile
            and not request.path.startswith(PROFILE_EXEMPT_PREFIXES)
        ):
            return redirect(f"{reverse('profile')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
