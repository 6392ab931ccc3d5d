from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from lms.learning import views

urlpatterns = [
    path("my-learning/lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
    path("my-learning/lessons/<id:lesson_id>/continue/", views.warning_acknowledge, name="warning_acknowledge"),
    path("my-learning/modules/<id:module_id>/quiz/", views.quiz, name="quiz"),
    path("my-learning/modules/<id:module_id>/quiz/start/", views.quiz_start, name="quiz_start"),
    path("my-learning/attempts/<id:attempt_id>/", views.attempt, name="attempt"),
    path("my-learning/attempts/<id:attempt_id>/check/", views.attempt_check, name="attempt_check"),
    path("my-learning/attempts/<id:attempt_id>/result/", views.attempt_result, name="attempt_result"),
    path("my-learning/modules/<id:module_id>/confidence/<slug:stage>/", views.confidence, name="confidence"),
]
