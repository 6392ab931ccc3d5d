from django.urls import path

from lms.site import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("quick-exit/", views.quick_exit, name="quick_exit"),
    path("online-safety/", views.online_safety, name="online_safety"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
]
