"""URLs of lms.reports (included from lms/urls.py at the site's root): an organisation lead's
training report on each organisation they lead, its downloads, and its expected-modules form."""

from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.reports import lead_views

TRAINING = "organisations/<id:organisation_id>/training"

urlpatterns = [
    path(TRAINING + "/", lead_views.training, name="lead_training_report"),
    path(TRAINING + "/expected-modules/", lead_views.expected_modules, name="lead_expected_modules"),
    path(TRAINING + ".csv", lead_views.download, {"file_format": "csv"}, name="lead_training_csv"),
    path(TRAINING + ".xlsx", lead_views.download, {"file_format": "xlsx"}, name="lead_training_xlsx"),
]
