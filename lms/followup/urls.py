"""URLs of lms.followup: the follow-up a signed link opens, and the learner's setting."""

from django.urls import path

from lms.followup import views

urlpatterns = [
    path("my-learning/follow-up/<str:token>/", views.follow_up, name="follow_up"),
    path("profile/follow-up/", views.follow_up_setting, name="follow_up_setting"),
]
