"""Addresses of the champions network's apply pages: the application, and the line manager's link."""

from django.urls import path

from champions.views import apply as views

urlpatterns = [
    path("apply/", views.apply, name="champion_apply"),
    path("agreement/<str:token>/", views.agreement, name="champion_agreement"),
]
