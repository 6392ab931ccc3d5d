"""Request-wide rules: the Content-Security-Policy, MFA for staff, and a complete profile."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.datastructures import MultiValueDictKeyError

from lms.staff_enrolment import enrolment_confirmed
from lms.staff_mfa import PASSED_ATTR, holds_staff_role, session_passed_mfa, withhold_staff_powers


class ContentSecurityPolicyMiddleware:
    """Send the CSP on every response: the site loads nothing from any other origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            if getattr(request, "is_preview", False):
                # Wagtail renders a preview through the middleware as a request for the page's
                # own URL; the admin's preview panel frames it, so the admin may (same origin).
                policy = settings.CONTENT_SECURITY_POLICY_PREVIEW
            elif request.path.startswith("/admin/"):
                policy = settings.CONTENT_SECURITY_POLICY_ADMIN
            else:
                policy = settings.CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        return response


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


class PrivatePagesNoStoreMiddleware:
    """Nothing shown to a signed-in person is kept by the browser or any cache.

    On a shared or watched computer, the back button or the disk cache must not bring back
    someone's learning, profile or results after "Exit this page" or signing out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in_before = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in_before or request.user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


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


class IncompleteFormPostMiddleware:
    """A form post missing fields a view reads directly (Wagtail's editor reads some with
    `request.POST[...]`) is answered 400, with nothing saved, rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method == "POST" and isinstance(exception, MultiValueDictKeyError):
            return render(request, "400.html", status=400)
        return None
