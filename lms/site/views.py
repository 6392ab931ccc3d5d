"""Site-wide pages: how quick exit works, staying safe online, the health check, and what
browsers and search engines ask every site for (robots.txt, favicon.ico)."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lms.site.permissions import public


@public
@require_GET
def quick_exit(request):
    return render(request, "site/quick_exit.html")


@public
@require_GET
def online_safety(request):
    return render(request, "site/online_safety.html")


@public
@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# What search engines may not crawl: every personal page (learning, profile, accounts, the leads'
# and champions' areas), certificate look-ups (they show holders' names), the staff admin and our
# own search results. Public content (home, the modules and lessons, support, safety) stays open.
# tests/site/test_robots_and_icons.py checks that every path of a view not open to the public is here.
ROBOTS_DISALLOW = (
    "/accounts/",
    "/admin/",
    "/champions/",
    "/my-learning/",
    "/organisations/",
    "/profile/",
    "/verify/",
    "/search/",
    "/_util/",
    "/healthz",
)


@public
@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response


@public
@require_GET
def favicon(request):
    """Browsers and crawlers that ask for /favicon.ico get the icon (pages name the SVG one): the
    static file, whose name carries its hash in production, so it is cached for a year."""
    response = redirect(static("images/favicon.ico"))
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
