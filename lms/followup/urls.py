"""URLs of lms.followup."""

urlpatterns: list = []
