"""Request-wide rules for every page: the Content-Security-Policy, no caching of private pages,
and a 400 (not a server error) for a form post with fields missing."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.datastructures import MultiValueDictKeyError


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
