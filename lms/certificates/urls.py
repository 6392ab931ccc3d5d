from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.certificates import views

urlpatterns = [
    path("my-learning/certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("organisations/certificates/bundles/", views.certificate_bundle_start, name="certificate_bundle_start"),
    path("organisations/certificates/bundles/<id:bundle_id>/", views.certificate_bundle, name="certificate_bundle"),
    path("organisations/certificates/bundles/<id:bundle_id>/download/", views.certificate_bundle_download,
         name="certificate_bundle_download"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
]
