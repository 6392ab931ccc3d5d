from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.organisations import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/organisation/leave/", views.membership_leave, name="membership_leave"),
    path("profile/organisation/ask-again/", views.membership_ask_again, name="membership_ask_again"),
    path("organisations/members/", views.organisation_members, name="organisation_members"),
    path("organisations/members/<id:membership_id>/confirm/", views.membership_confirm, name="membership_confirm"),
    path("organisations/members/<id:membership_id>/decline/", views.membership_decline, name="membership_decline"),
    path("organisations/members/<id:membership_id>/remove/", views.membership_remove, name="membership_remove"),
]
