"""The site's URLs with one bare Django view before them, for the benchmarks only (bench/common.py
sets ROOT_URLCONF to this module in its own process; the site never routes here)."""

from django.http import HttpResponse
from django.urls import include, path

from bench.common import BARE_URL


def bare(request):
    """A few bytes through the site's middleware: the floor under every page's time."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path(BARE_URL.strip("/") + "/", bare),
    path("", include("lms.urls")),
]
