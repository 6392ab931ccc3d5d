"""Authorisation matrix rows for the champions network's network pages (see matrix_rows.py):
sessions, booking, the calendar file and the cascade log on the public site; the coordinators'
session screens and briefings report in the admin.

The sample session is upcoming and booked by the "champion" visitor, whose record also holds the
sample briefing. Every other visitor has no champion record: `champion_self` refuses them (403).
"""

from tests.champions.factories import BriefingFactory, NetworkSessionFactory, SessionBookingFactory
from tests.matrix_visitors import ADMIN_STAFF_SCREEN, COORDINATORS, NOT_FOR_STAFF_WITHOUT, row, staff_only

CHAMPIONS_OWN = row("403", signed_out="login", champion="200")
POST_ONLY = row("403", signed_out="login", champion="405")

RULES: list = [
    (r"^champions/sessions/$", "/champions/sessions/", CHAMPIONS_OWN),
    (r"^champions/sessions/<id:session_id>/book/$", "/champions/sessions/{network_session}/book/", POST_ONLY),
    (r"^champions/sessions/<id:session_id>/cancel/$", "/champions/sessions/{network_session}/cancel/", POST_ONLY),
    # The calendar file carries the online link: only for the champion who booked the session.
    (r"^champions/sessions/<id:session_id>/calendar\.ics$", "/champions/sessions/{network_session}/calendar.ics",
     CHAMPIONS_OWN),
    (r"^champions/me/briefings/$", "/champions/me/briefings/", CHAMPIONS_OWN),
    (r"^champions/me/briefings/<id:briefing_id>/delete/$", "/champions/me/briefings/{own_briefing}/delete/",
     CHAMPIONS_OWN),
    # The coordinators' screens: sessions (schedule, edit, cancel, bookings and attendance) and
    # the briefings report. Editors, moderators and reviewers are turned away by Wagtail.
    (r"^admin/network/briefings/$", "/admin/network/briefings/", COORDINATORS),
    (r"^admin/network/sessions/$", "/admin/network/sessions/", COORDINATORS),
    (r"^admin/network/sessions/results/$", "/admin/network/sessions/results/", COORDINATORS),
    (r"^admin/network/sessions/new/$", "/admin/network/sessions/new/", COORDINATORS),
    (r"^admin/network/sessions/edit/", "/admin/network/sessions/edit/{network_session}/", COORDINATORS),
    (r"^admin/network/sessions/history/", "/admin/network/sessions/history/{network_session}/", COORDINATORS),
    (r"^admin/network/sessions/history-results/", "/admin/network/sessions/history-results/{network_session}/",
     COORDINATORS),
    (r"^admin/network/sessions/usage/", "/admin/network/sessions/usage/{network_session}/", COORDINATORS),
    (r"^admin/network/sessions/cancel/", "/admin/network/sessions/cancel/{network_session}/", COORDINATORS),
    (r"^admin/network/sessions/attendance/", "/admin/network/sessions/attendance/{network_session}/",
     COORDINATORS),
    # Nobody deletes a session with bookings: coordinators may not delete at all, and an
    # administrator is sent to cancel it instead.
    (r"^admin/network/sessions/delete/", "/admin/network/sessions/delete/{network_session}/",
     staff_only(coordinator="denied", administrator="302", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/network/", "/admin/network/sessions/", ADMIN_STAFF_SCREEN),
]


def extend_world(world) -> dict:
    session = NetworkSessionFactory(topic="Matrix network session")
    SessionBookingFactory(session=session, champion=world.champion_record)
    briefing = BriefingFactory(champion=world.champion_record)
    return {"network_session": session.pk, "own_briefing": briefing.pk}
