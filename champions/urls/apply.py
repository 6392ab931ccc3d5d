"""Addresses of the champions network's apply pages."""

urlpatterns: list = []
