"""The champions network in Wagtail's hooks. Wagtail loads only this module of each app, so it
imports the modules that register each part's hooks: the coordinators' champion screens
(applications, champions, import and export), the network's sessions and briefings, and the
learner's pathway panel on My learning, and Champions in the site's header."""

from champions import admin_champions, admin_network, hooks_apply, hooks_site  # noqa: F401  (register their hooks)
from champions.whiteribbon import admin as whiteribbon_admin  # noqa: F401
from champions.whiteribbon import admin_import as whiteribbon_import  # noqa: F401
from champions.whiteribbon import hooks as whiteribbon_hooks  # noqa: F401
from champions.whiteribbon import hooks_lead as whiteribbon_hooks_lead  # noqa: F401
