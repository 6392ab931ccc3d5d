"""Addresses of the champions network's directory pages."""

urlpatterns: list = []
