"""Addresses of the champions network's network pages: sessions (book, cancel, calendar file)
and a champion's cascade log of briefings."""

from django.urls import path

from champions.views import network

urlpatterns = [
    path("sessions/", network.sessions, name="champion_sessions"),
    path("sessions/<id:session_id>/book/", network.session_book, name="champion_session_book"),
    path("sessions/<id:session_id>/cancel/", network.session_cancel, name="champion_session_cancel"),
    path("sessions/<id:session_id>/calendar.ics", network.session_calendar, name="champion_session_calendar"),
    path("me/briefings/", network.briefings, name="champion_briefings"),
    path("me/briefings/<id:briefing_id>/delete/", network.briefing_delete, name="champion_briefing_delete"),
]
