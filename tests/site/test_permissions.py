"""Every URL of our own apps declares who may use it."""

from django.urls import URLPattern, URLResolver, get_resolver

from lms.site.permissions import access_rule_of

OUR_APPS = ("lms", "content", "champions")


def our_patterns(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if module.split(".")[0] in OUR_APPS:
                yield from our_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            module = entry.callback.__module__.split(".")[0]
            if module in OUR_APPS or entry.name == "wagtailadmin_login_redirect":
                yield prefix + str(entry.pattern), entry.callback


def test_every_view_of_ours_declares_an_access_rule():
    found = list(our_patterns())
    assert len(found) >= 4
    missing = [route for route, view in found if access_rule_of(view) is None]
    assert missing == []
