"""Request-wide rules for every page: the Content-Security-Policy and Permissions-Policy, no
caching of private pages, a 400 (not a server error) for a form post with fields missing or for
input the admin's own screens cannot read, a 409 for a delete that records depend on, and a
page in the site's layout (not an empty answer) for a button's address opened directly."""

import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import ProtectedError
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.datastructures import MultiValueDictKeyError


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy loosened where Wagtail's admin needs it.

    Everywhere else the site loads nothing from any other origin (settings.CONTENT_SECURITY_POLICY).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through the middleware as a request for the page's own
            # URL; the admin's preview panel frames it, so the admin may (same origin).
            replace = settings.CONTENT_SECURITY_POLICY_PREVIEW_REPLACE
        elif request.path.startswith("/admin/"):
            replace = settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE
        else:
            return parts
        # A view's own @csp_replace still has the last word.
        parts.replace = {**replace, **(parts.replace or {})}
        return parts


class PermissionsPolicyMiddleware:
    """No page may use the camera, microphone or location, nor join interest cohorts."""

    POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.POLICY)
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


logger = logging.getLogger(__name__)

# What Django and the databases raise for an id or a filter they cannot read.
UNREADABLE_INPUT = (ValueError, OverflowError, ValidationError, DataError, NoReverseMatch)


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
        if isinstance(exception, ProtectedError):
            # Whatever path asked (Wagtail's admin API, a bulk action): records that learners'
            # histories depend on are kept. The page editor explains this on its own delete page.
            return render(request, "409.html", status=409)
        if request.path.startswith("/admin/") and isinstance(exception, UNREADABLE_INPUT):
            # Wagtail's own screens read some ids and filters straight from the address ("x",
            # "²", NUL, 30 digits): bad input, not a fault of ours. Logged, answered 400.
            logger.warning("Unreadable input to %s: %r", request.path, exception, exc_info=exception)
            return render(request, "400.html", {"unreadable": True}, status=400)
        return None


class MethodNotAllowedPageMiddleware:
    """A POST-only address opened with GET (a bookmark, the history, a sign-in's `next`) shows a
    page in the site's layout, with "Exit this page", instead of Django's empty 405 (which
    browsers show as "This page isn't working"). The status and the Allow header stay."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and isinstance(response, HttpResponseNotAllowed)
            and not response.content
        ):
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]
            return page
        return response
