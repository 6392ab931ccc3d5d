"""The champions network's addresses, all under /champions/ (see lms/urls.py), one module per part."""

from django.urls import include, path

urlpatterns = [
    path("", include("champions.urls.apply")),
    path("", include("champions.urls.directory")),
    path("", include("champions.urls.network")),
]
