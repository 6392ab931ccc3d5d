"""Values every template may use: the site's name and the quick-exit address."""

from django.conf import settings


def site(request):
    """Names and links every page's header and footer need."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME,
        "SITE_DESCRIPTION": settings.SITE_DESCRIPTION,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
    }
