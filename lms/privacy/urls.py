"""URLs of lms.privacy (included from lms/urls.py)."""

urlpatterns: list = []
