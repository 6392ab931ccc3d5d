from django.urls import path

from lms.certificates import views

urlpatterns = [
    path("my-learning/certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("organisations/certificates.zip", views.staff_certificates_zip, name="staff_certificates_zip"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
]
