from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path, register_converter
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import certificate_views, membership_views, quiz_views, staff_enrolment, views
from lms.permissions import public


class IdConverter:
    """A database id: at most 9 digits, so a huge number is a 404, not an overflow error (page ids
    are 32-bit integers on PostgreSQL)."""

    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

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
    path("healthz", views.healthz, name="healthz"),
    path("admin/login/", admin_login, name="wagtailadmin_login_redirect"),
    path("admin/failwhale/", not_served, name="wagtailadmin_error_test_not_served"),
    # Every model here has a numeric id: a chooser's "chosen" view given anything else would
    # fail inside Wagtail with a server error, so it is answered "not found" here instead.
    re_path(r"^admin/(?:[\w-]+/)+chosen/(?P<pk>[^/]*[^0-9/][^/]*)/$", not_served, name="admin_chosen_not_an_id"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/staff-enrolment/", staff_enrolment.staff_enrolment, name="staff_enrolment"),
    path("accounts/staff-enrolment/<str:token>/", staff_enrolment.staff_enrolment_confirm,
         name="staff_enrolment_confirm"),
    path("accounts/", include("allauth.urls")),
    path("profile/", views.profile, name="profile"),
    path("profile/organisation/leave/", membership_views.membership_leave, name="membership_leave"),
    path("profile/organisation/ask-again/", membership_views.membership_ask_again, name="membership_ask_again"),
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-learning/lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("my-learning/lessons/<id:lesson_id>/continue/", views.warning_acknowledge, name="warning_acknowledge"),
    path("my-learning/modules/<id:module_id>/quiz/", quiz_views.quiz, name="quiz"),
    path("my-learning/modules/<id:module_id>/quiz/start/", quiz_views.quiz_start, name="quiz_start"),
    path("my-learning/attempts/<id:attempt_id>/", quiz_views.attempt, name="attempt"),
    path("my-learning/attempts/<id:attempt_id>/check/", quiz_views.attempt_check, name="attempt_check"),
    path("my-learning/attempts/<id:attempt_id>/result/", quiz_views.attempt_result, name="attempt_result"),
    path("my-learning/modules/<id:module_id>/confidence/<slug:stage>/", quiz_views.confidence, name="confidence"),
    path("my-learning/certificates/<str:code>/pdf/", certificate_views.certificate_pdf, name="certificate_pdf"),
    path("organisations/certificates.zip", certificate_views.staff_certificates_zip, name="staff_certificates_zip"),
    path("organisations/members/", membership_views.organisation_members, name="organisation_members"),
    path("organisations/members/<id:membership_id>/confirm/", membership_views.membership_confirm,
         name="membership_confirm"),
    path("organisations/members/<id:membership_id>/decline/", membership_views.membership_decline,
         name="membership_decline"),
    path("organisations/members/<id:membership_id>/remove/", membership_views.membership_remove,
         name="membership_remove"),
    path("verify/", certificate_views.verify, name="verify"),
    path("verify/<str:code>/", certificate_views.verify_code, name="verify_code"),
    path("quick-exit/", views.quick_exit, name="quick_exit"),
    path("online-safety/", views.online_safety, name="online_safety"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Before Wagtail's own URLs, so that this shadows its password-only log-in view.
    path("_util/login/", frontend_login, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
]
