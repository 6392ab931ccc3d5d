"""URLs of lms.updates."""

urlpatterns: list = []
