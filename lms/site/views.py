"""Site-wide pages: how quick exit works, staying safe online, and the health check."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
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
