"""URLs of lms.privacy (included from lms/urls.py)."""

from django.urls import path

from lms.privacy import views

urlpatterns = [
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("profile/data/", views.your_data, name="your_data"),
    path("profile/data/downloads/", views.data_export_start, name="data_export_start"),
    path("profile/data/downloads/<id:export_id>/", views.data_export, name="data_export"),
    path("profile/data/downloads/<id:export_id>/file/", views.data_export_download, name="data_export_download"),
    path("profile/data/delete/", views.delete_account, name="delete_account"),
]
