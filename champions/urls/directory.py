"""Addresses of the champions network's directory pages: the directory, profiles, the relay, and
a champion's own pages under me/."""

from django.urls import path

from champions.views import directory, me, relay

urlpatterns = [
    path("", directory.directory, name="champion_directory"),
    path("<id:champion_id>/", directory.profile, name="champion_profile"),
    path("<id:champion_id>/contact/", relay.contact, name="champion_contact"),
    path("me/", me.my_profile, name="champion_my_profile"),
    path("me/preview/", me.preview, name="champion_preview"),
    path("me/pause/", me.pause, name="champion_pause"),
    path("me/resume/", me.resume, name="champion_resume"),
    path("me/withdraw/", me.withdraw, name="champion_withdraw"),
    path("me/blocks/", me.blocks, name="champion_blocks"),
    path("me/blocks/<id:block_id>/unblock/", me.unblock, name="champion_unblock"),
    path("me/blocks/new/<str:token>/", me.block_new, name="champion_block_new"),
]
