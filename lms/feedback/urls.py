"""URLs of lms.feedback (included from lms/urls.py at the site's root)."""

from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.feedback import views

urlpatterns = [
    path("my-learning/lessons/<id:lesson_id>/feedback/", views.lesson_feedback, name="lesson_feedback"),
]
