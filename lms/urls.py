from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import dashboard
from lms.site.permissions import public

# Wagtail's own log-in forms (the admin's, and the front end's at /_util/login/) sign in with a
# password alone: no second factor, no verified email, no rate limit. Everyone signs in through
# allauth, so both answer with a redirect there, keeping `next`.
admin_login = public(RedirectView.as_view(pattern_name="account_login", query_string=True))
frontend_login = public(RedirectView.as_view(pattern_name="account_login", query_string=True))


@public
def not_served(request, *args, **kwargs):
    """Wagtail's page that raises an error on purpose (to test error reporting) is not served."""
    raise Http404

urlpatterns = [
    path("admin/login/", admin_login, name="wagtailadmin_login_redirect"),
    path("admin/failwhale/", not_served, name="wagtailadmin_error_test_not_served"),
    # Every model here has a numeric id: a chooser's "chosen" view given anything else would
    # fail inside Wagtail with a server error, so it is answered "not found" here instead.
    re_path(r"^admin/(?:[\w-]+/)+chosen/(?P<pk>[^/]*[^0-9/][^/]*)/$", not_served, name="admin_chosen_not_an_id"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("lms.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("my-learning/", dashboard.my_learning, name="my_learning"),
    path("", include("lms.site.urls")),
    path("", include("lms.organisations.urls")),
    path("", include("lms.learning.urls")),
    path("", include("lms.feedback.urls")),
    path("", include("lms.certificates.urls")),
    path("", include("lms.updates.urls")),
    path("", include("lms.followup.urls")),
    path("organisations/", include("champions.whiteribbon.urls")),
    path("champions/", include("champions.urls")),
    path("", include("lms.reports.urls")),
    path("", include("lms.privacy.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Before Wagtail's own URLs, so that this shadows its password-only log-in view.
    path("_util/login/", frontend_login, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
]
