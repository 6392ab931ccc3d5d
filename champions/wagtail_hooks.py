"""The champions network in the Wagtail admin. Wagtail loads only this module of each app, so it
imports the modules that register each part's hooks: the coordinators' champion screens
(applications, champions, import and export) and the network's sessions and briefings."""

from champions import admin_champions, admin_network  # noqa: F401  (register their hooks)
