from django.urls import path

from lms.accounts import staff_enrolment

urlpatterns = [
    path("accounts/staff-enrolment/", staff_enrolment.staff_enrolment, name="staff_enrolment"),
    path("accounts/staff-enrolment/<str:token>/", staff_enrolment.staff_enrolment_confirm,
         name="staff_enrolment_confirm"),
]
