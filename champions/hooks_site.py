"""The champions network's place in the site's header (registered through wagtail_hooks.py)."""

from django.urls import reverse
from wagtail import hooks


@hooks.register("site_navigation_items")
def champions_in_the_header(request):
    """"Champions" for signed-in people: the directory (it asks them to confirm their email first
    if need be)."""
    return [(reverse("champion_directory"), "Champions")]
