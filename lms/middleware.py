"""Request-wide rules: the Content-Security-Policy, MFA for staff, and a complete profile."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from lms.roles import has_staff_role


class ContentSecurityPolicyMiddleware:
    """Send the CSP on every response: the site loads nothing from any other origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = (
                settings.CONTENT_SECURITY_POLICY_ADMIN
                if request.path.startswith("/admin/")
                else settings.CONTENT_SECURITY_POLICY
            )
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        return response


def _is_staff_path(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.STAFF_PATH_PREFIXES)


def _session_passed_mfa(request) -> bool:
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    return any(record.get("method") == "mfa" for record in records)


class StaffMFARequiredMiddleware:
    """Keep staff-role accounts off staff pages until this session has passed TOTP.

    An account with no authenticator yet is sent to set one up; an account that has one but
    whose session did not use it (any sign-in route that skipped the second step) is asked
    for a code before going on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and _is_staff_path(request.path) and has_staff_role(user):
            has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
            query = urlencode({"next": request.get_full_path()})
            if not has_totp:
                messages.warning(
                    request,
                    "Your role needs two-factor authentication. Set it up with an authenticator "
                    "app before you use the staff pages.",
                )
                return redirect(f"{reverse('mfa_activate_totp')}?{query}")
            if not _session_passed_mfa(request):
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)


# Pages a signed-in person may use before completing their profile.
PROFILE_EXEMPT_PREFIXES = (
    "/accounts/", "/profile/", "/static/", "/media/", "/quick-exit/", "/online-safety/",
    "/healthz", "/admin/", "/verify/", "/support/",
)


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
