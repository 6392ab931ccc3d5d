"""URLs of lms.reports (included from lms/urls.py)."""

urlpatterns: list = []
