"""The directory's filter options (districts, sectors, forms of VAWG, languages, tiers and the
organisations that have listed champions), read from the cache.

They change a few times a year, but every search of the directory checks its filters against
them and lists them all (400 organisations at county scale): from the database, that was seven
queries, one of them joining every champion to their account. The result cards take their names
from them too (champions.views.directory.with_cards).

What is cached is the same for everyone: each organisation comes with the audiences its listed
champions chose, and `options_for` keeps those the viewer's audience may see (plus the viewer's
own organisation, as they always see themselves), so nobody's choices are cached under a key
another person reads.

Staleness: the entry's key carries a generation, and saving or deleting anything the options
are made from (a district, sector, topic, language, tier, organisation or champion, or an
account's `is_active`) starts a new generation, at once and again once the change is committed.
A request that read the database before the change was committed stored what it read under the
generation current then, which the commit replaces. Each process keeps the generation it last
used, built, and asks the cache only which generation is current.

Rows written without save() (bulk_create, update()) send no signal: nothing in the site changes
what these options are made of that way (the scale seeding does, before any request).
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from champions.models import Champion, ChampionTier, Language
from champions.visibility import SEEN_BY
from content.models import Sector, Topic
from lms.accounts.models import District, User
from lms.organisations.models import Organisation

GENERATION_KEY = "champions:directory-filters:generation"
OPTIONS_KEY = "champions:directory-filters:{generation}"
# A safety net only: every change starts a new generation.
TIMEOUT = 24 * 3600

# The filters that are a champion's lists: each list's table and the column naming the item.
LISTS = {
    "district": (Champion.districts.through, "district_id"),
    "specialism": (Champion.specialisms.through, "topic_id"),
    "language": (Champion.languages.through, "language_id"),
}


class Options:
    """One filter's options, in the order the select lists them: the ids it accepts, and its
    <option> elements as HTML (written once, not by a template loop over 400 organisations)."""

    def __init__(self, pairs: list[tuple[str, str]]):
        """`pairs`: (id as text, name already escaped for HTML)."""
        self.pairs = pairs
        self.values = frozenset(value for value, _ in pairs)
        self.html = "".join(f'<option value="{value}">{name}</option>' for value, name in pairs)

    def names_of(self, values: set[str]) -> list[str] | None:
        """The names of `values` (escaped for HTML), in the options' order; None if one is not
        among the options (added since they were read)."""
        if not values <= self.values:
            return None
        return [name for value, name in self.pairs if value in values]

    def html_selecting(self, value: str) -> SafeString:
        """The options with `value` (one of `values`, or "") marked as chosen."""
        html = self.html
        if value:
            html = html.replace(f'<option value="{value}">', f'<option value="{value}" selected>', 1)
        return mark_safe(html)  # noqa: S308 (ids are numbers; names were escaped when read)


def _pairs(queryset) -> list[tuple[str, str]]:
    return [(str(pk), str(escape(name))) for pk, name in queryset.values_list("pk", "name")]


def _organisations() -> list[tuple[str, str, frozenset[str]]]:
    """Organisations with a listed champion, by name, each with the audiences its listed
    champions chose to be seen by."""
    rows = (
        Champion.objects.listed()
        .values_list("organisation_id", "organisation__name", "visibility")
        .order_by("organisation__name", "organisation_id")
        .distinct()
    )
    organisations: dict[int, tuple[str, set[str]]] = {}
    for pk, name, visibility in rows:
        organisations.setdefault(pk, (name, set()))[1].add(visibility)
    return [(str(pk), str(escape(name)), frozenset(seen)) for pk, (name, seen) in organisations.items()]


def _read() -> dict:
    return {
        "district": _pairs(District.objects.all()),
        "sector": _pairs(Sector.objects.all()),
        "specialism": _pairs(Topic.objects.all()),
        "language": _pairs(Language.objects.all()),
        "tier": _pairs(ChampionTier.objects.all()),
        "organisation": _organisations(),
    }


def _generation() -> str | None:
    """The current generation; None only if the cache keeps nothing (then nothing is kept here
    either). It expires like the options, in case a process changed something in a cache of its
    own (the local memory cache of development) that the others do not share."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=TIMEOUT)
        generation = cache.get(GENERATION_KEY)
    return generation


class _Generation:
    """One generation's options as this process uses them, with each audience's organisations."""

    def __init__(self, generation: str | None, data: dict):
        self.generation = generation
        self.organisations = data["organisation"]
        self.options = {name: Options(pairs) for name, pairs in data.items() if name != "organisation"}
        self.by_audience: dict[str | None, Options] = {}

    def organisations_for(self, audience: str | None) -> Options:
        if audience not in self.by_audience:
            seen = set(SEEN_BY[audience]) if audience is not None else set()
            self.by_audience[audience] = Options(
                [(value, name) for value, name, audiences in self.organisations if audiences & seen]
            )
        return self.by_audience[audience]


# The generation this process last read, built: the shared cache is asked only which generation is
# current, not for the whole entry (unpickling it took longer than the rest of the search). A new
# generation replaces it.
_current: _Generation | None = None


def _current_generation() -> _Generation:
    global _current
    generation = _generation()
    if generation is None:
        return _Generation(None, _read())
    current = _current
    if current is None or current.generation != generation:
        key = OPTIONS_KEY.format(generation=generation)
        data = cache.get(key)
        if data is None:
            data = _read()
            cache.set(key, data, timeout=TIMEOUT)
        current = _current = _Generation(generation, data)
    return current


def options_for(audience: str | None, own_organisation_id: int | None = None) -> dict[str, Options]:
    """Each filter's options for a viewer in `audience`: only organisations with a champion this
    audience may see (the list itself tells nothing more), and the organisation of the viewer's own
    listed champion record, `own_organisation_id`, since they always see themselves."""
    current = _current_generation()
    organisations = current.organisations_for(audience)
    own = str(own_organisation_id) if own_organisation_id is not None else None
    if own is not None and own not in organisations.values:
        organisations = Options([
            (value, name) for value, name, audiences in current.organisations
            if value in organisations.values or value == own
        ])
    return {**current.options, "organisation": organisations}


def options_read_now() -> dict[str, Options]:
    """Every filter's options (organisations: all with a listed champion) read from the database,
    for the rare request that meets an item added since the cached ones were read."""
    data = _read()
    data["organisation"] = [(value, name) for value, name, _ in data["organisation"]]
    return {name: Options(pairs) for name, pairs in data.items()}


def forget_options() -> None:
    """Start a new generation: now, and again when the change is committed (a request that read the
    database in between stored what it read under the generation started now)."""
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY))


@receiver([post_save, post_delete], sender=District, dispatch_uid="champions.directory_filters.district")
@receiver([post_save, post_delete], sender=Sector, dispatch_uid="champions.directory_filters.sector")
@receiver([post_save, post_delete], sender=Topic, dispatch_uid="champions.directory_filters.topic")
@receiver([post_save, post_delete], sender=Language, dispatch_uid="champions.directory_filters.language")
@receiver([post_save, post_delete], sender=ChampionTier, dispatch_uid="champions.directory_filters.tier")
@receiver([post_save, post_delete], sender=Organisation, dispatch_uid="champions.directory_filters.organisation")
@receiver([post_save, post_delete], sender=Champion, dispatch_uid="champions.directory_filters.champion")
def _options_changed(sender, **kwargs):
    forget_options()


@receiver(post_save, sender=User, dispatch_uid="champions.directory_filters.account")
def _account_saved(sender, update_fields=None, **kwargs):
    # Only whether an account is active changes what is listed; signing in saves `last_login`
    # alone, and that need not start a new generation.
    if update_fields is None or "is_active" in update_fields:
        forget_options()
