"""The organisation leads' area at /organisations/: the organisations each lead leads, and each
one's White Ribbon accreditation and action plan (included under "organisations/")."""

from django.urls import path

import lms.site.converters  # noqa: F401  (registers <id:…>)
from champions.whiteribbon import views

PLAN = "<id:organisation_id>/white-ribbon/"
ITEM = PLAN + "items/<id:item_id>/"

urlpatterns = [
    path("", views.organisations_home, name="organisations_home"),
    path(PLAN, views.plan, name="whiteribbon_plan"),
    path(PLAN + "items/new/", views.item_add, name="whiteribbon_item_add"),
    path(ITEM, views.item, name="whiteribbon_item"),
    path(ITEM + "edit/", views.item_edit, name="whiteribbon_item_edit"),
    path(ITEM + "updates/", views.update_add, name="whiteribbon_update_add"),
    path(ITEM + "evidence/new/", views.evidence_add, name="whiteribbon_evidence_add"),
    path(ITEM + "evidence/<id:evidence_id>/", views.evidence_download, name="whiteribbon_evidence_download"),
    path(ITEM + "evidence/<id:evidence_id>/remove/", views.evidence_remove, name="whiteribbon_evidence_remove"),
]
