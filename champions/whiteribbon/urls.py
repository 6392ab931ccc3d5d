"""The organisation leads' area at /organisations/: the organisations each lead leads, and each
one's White Ribbon accreditation and action plan."""

from django.urls import path  # noqa: F401

import lms.site.converters  # noqa: F401  (registers <id:…>)

urlpatterns: list = []
