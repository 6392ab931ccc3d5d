"""Addresses of the champions network's network pages."""

urlpatterns: list = []
