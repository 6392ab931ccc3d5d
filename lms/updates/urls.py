"""URLs of lms.updates: completing an update. The updates themselves are Wagtail pages (/updates/)."""

from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.updates import views

urlpatterns = [
    path("my-learning/updates/<id:update_id>/complete/", views.complete, name="update_complete"),
]
