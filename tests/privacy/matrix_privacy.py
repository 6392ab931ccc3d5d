"""Authorisation matrix rows for personal data: the privacy notice, "Your data", the download
and deleting one's account.

The notice is public. "Your data" and deleting an account are for any signed-in person (each
acts on their own account only). The learner of the main matrix has a finished download: only
they see it or download it; to anyone else signed in it is "not found"."""

from lms.privacy.export import build_data_export, request_data_export
from tests.matrix_visitors import COORDINATORS, SIGNED_IN_PAGE, row

OWNER_ONLY = row("404", signed_out="login", learner="200")

RULES: list = [
    (r"^privacy/$", "/privacy/", row("200")),
    (r"^profile/data/$", "/profile/data/", SIGNED_IN_PAGE),
    # Starting a download is a post from "Your data".
    (r"^profile/data/downloads/$", "/profile/data/downloads/", row("405", signed_out="login")),
    (r"^profile/data/downloads/<id:export_id>/$", "/profile/data/downloads/{data_export}/", OWNER_ONLY),
    (r"^profile/data/downloads/<id:export_id>/file/$", "/profile/data/downloads/{data_export}/file/", OWNER_ONLY),
    (r"^profile/data/delete/$", "/profile/data/delete/", SIGNED_IN_PAGE),
    (r"^admin/people/$", "/admin/people/", COORDINATORS),
    (r"^admin/people/<int:pk>/$", "/admin/people/{record_person}/", COORDINATORS),
    (r"^admin/people/<int:pk>/erase/$", "/admin/people/{record_person}/erase/", COORDINATORS),
]


def extend_world(world) -> dict:
    export, _ = request_data_export(world.membership.user)
    build_data_export(export.pk)  # as the worker would, once the request commits
    return {"data_export": export.pk, "record_person": world.membership.user.pk}
