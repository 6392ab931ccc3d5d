"""Wagtail pages and the snippets that content is tagged with."""

import datetime
import hashlib
import html
import json
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.fields import GenericRelation
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import (
    AbstractGroupApprovalTask,
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PageViewRestriction,
    RevisionMixin,
    Site,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.url_routing import RouteResult

from content.blocks import LessonBodyBlock
from content.learning import Barrier, Status, engine
from content.signals import pages_changed
from content.tailoring import ALL_SECTORS, tailor
from lms.site.shared_cache import SharedCache

# Rich text in editors' hands: enough for plain, well-structured prose and nothing more.
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class Sector(index.Indexed, models.Model):
    """Where a professional meets VAWG: drives tailoring, learning paths and reports."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, help_text="One or two sentences on who this sector covers.")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(index.Indexed, models.Model):
    """A form of VAWG that modules cover and champions specialise in."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SupportService(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A helpline or service lessons signpost to. Re-check numbers before publishing.

    A wrong number shown to a survivor is a safety problem, so services go live like pages:
    editors save drafts and submit them to the "Content review" workflow (panel, then
    moderator, whose approval publishes what the panel approved). Learners only ever see the
    live version: the database row holds it, drafts live in revisions (`live_services`).
    """

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=100, unique=True)
    phone = models.CharField(max_length=40, blank=True)
    text_or_web_contact = models.CharField(
        "text or web contact", max_length=200, blank=True, help_text="A text number, chat or website address."
    )
    hours = models.CharField(max_length=120, blank=True, help_text="For example, 24 hours, every day.")
    languages = models.CharField(max_length=200, blank=True)
    who_for = models.CharField("who it is for", max_length=250, blank=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("phone"), FieldPanel("text_or_web_contact"),
        FieldPanel("hours"), FieldPanel("languages"), FieldPanel("who_for"), FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("who_for"), index.AutocompleteField("name")]

    # Reverse relations with names, so revisions and workflow states can be queried from the service.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="supportservice")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="supportservice", for_concrete_model=False,
    )

    # The fields the panel reviews, in the order learners read them.
    REVIEWED_FIELDS = ("name", "phone", "text_or_web_contact", "hours", "who_for", "languages", "description")

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def live_services(cls):
        """What learners may see: published services, as last published."""
        return cls.objects.filter(live=True)

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")


# Sectors and topics are read on every catalogue and lesson page and change a few times a
# year: pages read them from the cache, and saving or deleting one (or a support service,
# which lesson bodies show) empties it. The entry's `version` goes into the key of every
# cached lesson body, so those bodies are rendered again too.
REFERENCE_CACHE_KEY = "content:reference-data"


def reference_data(request=None) -> dict:
    """{"sectors": [...], "topics": [...], "version": str}: from the cache when it can, and once
    a request when given it (a lesson asks three times; each is a round trip to the cache)."""
    data = getattr(request, "_reference_data", None)
    if data is not None:
        return data
    data = cache.get(REFERENCE_CACHE_KEY)
    if data is None:
        data = {
            "sectors": list(Sector.objects.all()),
            "topics": list(Topic.objects.all()),
            "version": uuid.uuid4().hex,
        }
        cache.set(REFERENCE_CACHE_KEY, data, timeout=24 * 3600)
    if request is not None:
        request._reference_data = data
    return data


@receiver([post_save, post_delete], sender=Sector)
@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=SupportService)
def _reference_data_changed(sender, **kwargs):
    cache.delete(REFERENCE_CACHE_KEY)


# The catalogue's list of modules and each sector's learning path are the same for everyone
# and change only when an editor saves, publishes, unpublishes, moves or deletes a page,
# restricts one, or edits a path, a sector or a topic: pages read them from the cache (two
# queries fewer on the page learners open most), which each such change empties
# (lms.site.shared_cache: at once and again when its transaction commits).
CATALOGUE = SharedCache("content:catalogue", timeout=24 * 3600)


def cached_catalogue(name: str, read):
    """`read()` (as a list), from the cache for the current catalogue."""
    return CATALOGUE.get(lambda: list(read()), part=name)


def catalogue_changed(**kwargs) -> None:
    CATALOGUE.forget()


pages_changed.connect(catalogue_changed, dispatch_uid="content.catalogue")
for _model in (Sector, Topic):
    post_save.connect(catalogue_changed, sender=_model, dispatch_uid=f"content-catalogue-saved-{_model.__name__}")
    post_delete.connect(catalogue_changed, sender=_model, dispatch_uid=f"content-catalogue-deleted-{_model.__name__}")


def without_view_restrictions(queryset, path="path"):
    """Wagtail's `.public()` in the same query: `.public()` first reads every view restriction,
    then filters; this asks the database for both at once. `path` names the page's path field
    when the queryset is of another model (`"module__path"`).

    The subquery reads the restrictions first and each one's page by its key: joined the other
    way, SQLite scanned the whole page table for every row listed (15 ms for a catalogue of 360
    lessons, where a site has no restriction at all)."""
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    restricted = PageViewRestriction.objects.annotate(restricted_path=restricted_path).filter(
        restricted_path=Substr(OuterRef(path), 1, Length("restricted_path"))
    )
    return queryset.exclude(Exists(restricted))


def _unlisted_branches(request=None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the paths of unpublished pages that have children, the paths of pages under a view
    restriction): what nothing lists below them. From the catalogue's cache (no query), which
    every page or restriction change empties (content.signals); once a request when given it
    (the route and the check before serving each ask)."""
    found = getattr(request, "_unlisted_branches", None)
    if found is None:
        found = tuple(CATALOGUE.get(lambda: [
            tuple(Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)),
            tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        ], part="unlisted"))
        if request is not None:
            request._unlisted_branches = found
    return found


def under_unpublished_page(path: str, request=None) -> bool:
    """Whether the page at `path` is under an unpublished one: Wagtail keeps such a page live
    and would serve it, but it is taken down with the page above it."""
    return any(path.startswith(above) and path != above for above in _unlisted_branches(request)[0])


def is_restricted(page, request=None) -> bool:
    """Whether `page` is under a view restriction (its own or a page's above it). No query."""
    return any(page.path.startswith(above) for above in _unlisted_branches(request)[1])


def is_listed(page) -> bool:
    """Whether `page` may be listed or linked to learners: live, under no unpublished page and no
    view restriction (as the catalogue, search and Your learning have it). No query."""
    return page.live and not under_unpublished_page(page.path) and not is_restricted(page)


def under_published_pages(queryset):
    """`queryset` less the pages under an unpublished one (a lesson of a module taken down)."""
    for above in _unlisted_branches()[0]:
        queryset = queryset.exclude(Q(path__startswith=above) & ~Q(path=above))
    return queryset


class DescribedPage:
    """What search engines show for the page (base.html's meta description): the editor's search
    description if given, else the first of `description_fields` with any text, as plain text."""

    description_fields: tuple[str, ...] = ()

    @property
    def meta_description(self) -> str:
        for value in (self.search_description, *(getattr(self, name) for name in self.description_fields)):
            text = " ".join(html.unescape(strip_tags(value or "")).split())
            if text:
                return Truncator(text).chars(300)
        return ""


class SiteHasNoViewRestrictions:
    """Pages found by HomePage's short route know whether the site has any view restriction at
    all; when it has none, Wagtail's check before serving needs no query of its own."""

    def get_view_restrictions(self):
        if not getattr(self, "site_has_view_restrictions", True):  # 0 from SQLite, False elsewhere
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class CompiledQuery:
    """A page query compiled to SQL once per process and database, then run with `raw()`.

    The pages every learner opens (catalogue, module, lesson) are found by queries whose
    compiling (multi-table pages, subqueries) costs several times what the database takes to
    answer them (measured with bench/pages.py). `build(marker, context)` returns the queryset
    with `marker` standing for the one value that changes between calls; `key` names anything
    else the SQL depends on (`context`, for example the catalogue page).
    """

    MARKER = "\x00value\x00"
    # Stands for an id (a number no row has: Django turns a text marker into an error for a
    # key); each query's SQL is its own, so every query by id can use the same one.
    ID = -(2**31) + 97

    def __init__(self, model, build, *, marker=MARKER, values=False):
        self.model, self.build, self.marker, self.values, self.compiled = model, build, marker, values, {}

    def __call__(self, value=None, *, key=(), context=None):
        cache_key = (connection.vendor, *key)
        if cache_key not in self.compiled:
            self.compiled[cache_key] = self.build(self.marker, context).query.sql_with_params()
        sql, params = self.compiled[cache_key]
        params = [value if p == self.marker and type(p) is type(self.marker) else p for p in params]
        if self.values:  # a values_list() query: its rows, as the driver gives them
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        return list(self.model.objects.raw(sql, params))


def row_datetime(value) -> datetime.datetime | None:
    """A datetime in a row of a `values` CompiledQuery, as the driver gives it (SQLite: text in
    UTC), made aware."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _by_url_path(model, annotations=dict):
    """The page of `model` at a url_path (or none), knowing whether the site has any view
    restriction at all: one query. `annotations()` adds others (called once models are ready)."""
    return CompiledQuery(model, lambda url_path, _context: (
        model.objects.filter(url_path=url_path)
        .annotate(site_has_view_restrictions=Exists(PageViewRestriction.objects.all()), **annotations())[:1]
    ))


class PageWithParent:
    """A page of `model` at a url_path with its parent page of `parent_model`, in one query (or
    none), each knowing whether the site has any view restriction at all. The lesson, the page
    learners read most, took two: itself, then its module. Written in SQL from the models'
    columns, so each is built as a query of its own model would build it."""

    def __init__(self, model, parent_model):
        self.model, self.parent_model, self.sql = model, parent_model, {}

    @staticmethod
    def _columns(model, page: str, own: str) -> list[str]:
        quote = connection.ops.quote_name
        return [f"{page if f.model is Page else own}.{quote(f.column)}" for f in model._meta.concrete_fields]

    def _sql(self) -> str:
        if connection.vendor not in self.sql:
            quote = connection.ops.quote_name
            self.sql[connection.vendor] = f"""
                SELECT {", ".join(self._columns(self.model, "cp", "c") + self._columns(self.parent_model, "pp", "p"))},
                    EXISTS(SELECT 1 FROM {quote(PageViewRestriction._meta.db_table)})
                FROM {quote(Page._meta.db_table)} cp
                INNER JOIN {quote(self.model._meta.db_table)} c ON c.{quote("page_ptr_id")} = cp.id
                INNER JOIN {quote(Page._meta.db_table)} pp ON pp.path = SUBSTR(cp.path, 1, LENGTH(cp.path) - %s)
                INNER JOIN {quote(self.parent_model._meta.db_table)} p ON p.{quote("page_ptr_id")} = pp.id
                WHERE cp.url_path = %s"""  # noqa: S608  (names from the models; values are parameters)
        return self.sql[connection.vendor]

    def _converters(self, model) -> list[tuple]:
        """Each column's expression and converters, as a query of `model` applies them (the
        driver's values made the field's: SQLite's dates from text, for one). Once a database."""
        key = (connection.vendor, model)
        if key not in self.sql:
            self.sql[key] = []
            for f in model._meta.concrete_fields:
                column = f.get_col(model._meta.db_table)
                converters = [*connection.ops.get_db_converters(column), *column.get_db_converters(connection)]
                self.sql[key].append((column, converters))
        return self.sql[key]

    def _build(self, model, values):
        converted = []
        for value, (column, converters) in zip(values, self._converters(model), strict=True):
            for converter in converters:
                value = converter(value, column, connection)
            converted.append(value)
        return model.from_db(connection.alias, [f.attname for f in model._meta.concrete_fields], converted)

    def __call__(self, url_path: str) -> tuple | None:
        """(page, parent), or None when there is no such page under such a parent."""
        with connection.cursor() as cursor:
            cursor.execute(self._sql(), [Page.steplen, url_path])
            row = cursor.fetchone()
        if row is None:
            return None
        own = len(self.model._meta.concrete_fields)
        page = self._build(self.model, row[:own])
        parent = self._build(self.parent_model, row[own:-1])
        page.site_has_view_restrictions = parent.site_has_view_restrictions = row[-1]
        return page, parent


class HomePage(DescribedPage, Page):
    """The site's front page."""

    intro = models.TextField(help_text="A short welcome under the page title.")
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.ModuleIndexPage", "content.SupportPage", "content.SearchPage",
        # Guidance updates (lms.updates) hang from their own index at /updates/; named, not imported.
        "updates.GuidanceUpdateIndexPage",
    ]
    max_count = 1
    template = "content/home_page.html"
    description_fields = ("intro",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["learning"] = engine().catalogue(request.user, [])
        return context

    def route(self, request, path_components):
        """The catalogue, modules and lessons in one or two queries instead of two per level.

        The page types fix the tree's shape (catalogue → module → lesson), so a path of one,
        two or three parts below home can only be the catalogue, a module or a lesson; found by
        `url_path`, which Wagtail keeps up to date. Anything else, or anything not live, takes
        Wagtail's own route (which answers 404 for pages that are not live).
        """
        depth = len(path_components)
        if 1 <= depth <= 3:
            url_path = self.url_path + "".join(f"{part}/" for part in path_components)
            if depth == 3:  # a lesson, found with its module
                found = _FIND_LESSON(url_path)
                page, module = found if found else (None, None)
                if page is not None:
                    page.__dict__["module"] = module
                    page._cached_parent_obj = module
            else:
                found = _FIND_BY_URL_PATH[depth](url_path)
                page = found[0] if found else None
            if page is not None and page.live:
                if under_unpublished_page(page.path, request):
                    raise Http404
                return RouteResult(page)
        result = super().route(request, path_components)
        if under_unpublished_page(result.page.path, request):  # Wagtail serves a live page under one taken down
            raise Http404
        return result


def sector_for_request(request) -> str:
    """The sector a page is shown for: ?sector= if valid, else the learner's own, else all."""
    sectors = reference_data(request)["sectors"]
    wanted = request.GET.get("sector", "")
    if wanted == ALL_SECTORS or (wanted and any(s.slug == wanted for s in sectors)):
        return wanted
    user = getattr(request, "user", None)
    sector_id = getattr(user, "sector_id", None) if user is not None and user.is_authenticated else None
    if sector_id:
        return next((s.slug for s in sectors if s.pk == sector_id), None) or user.sector.slug
    return ALL_SECTORS


class Level(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    PRACTITIONER = "practitioner", "Practitioner"
    SPECIALIST = "specialist", "Specialist"


class CatalogueFilterForm(forms.Form):
    """Filters for the catalogue. Choices come from the cached sectors and topics; cleaned
    values are Sector and Topic objects (or None), as a ModelChoiceField would give."""

    sector = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False)
    level = forms.ChoiceField(choices=[("", "All levels"), *Level.choices], required=False)

    def __init__(self, *args, sectors, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self._sectors = {s.slug: s for s in sectors}
        self._topics = {t.slug: t for t in topics}
        self.fields["sector"].choices = [("", "All sectors"), *((s.slug, s.name) for s in sectors)]
        self.fields["topic"].choices = [("", "All topics"), *((t.slug, t.name) for t in topics)]

    def clean_sector(self):
        return self._sectors.get(self.cleaned_data["sector"])

    def clean_topic(self):
        return self._topics.get(self.cleaned_data["topic"])


class JoinedIds(models.Aggregate):
    """The ids in a group as "1,4,7": GROUP_CONCAT, or STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = models.CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')", **extra_context,
        )


def _joined_ids(through, owner: str, target: str):
    """A subquery: the ids of `target` that a module's many-to-many `through` table holds."""
    rows = through.objects.filter(**{owner: OuterRef("pk")}).values(owner)
    return Subquery(rows.annotate(ids=JoinedIds(target)).values("ids"))


def _ids(joined: str | None) -> set[int]:
    return {int(pk) for pk in joined.split(",")} if joined else set()


# What the catalogue shows of each module, and what finding its URL and its lessons needs.
CATALOGUE_FIELDS = (
    "id", "title", "slug", "url_path", "path", "depth", "live", "summary", "estimated_minutes", "cpd_minutes", "level",
)


@dataclass(eq=False)
class ListedModule:
    """A module as the catalogue lists it: the page's fields that the catalogue, the learning
    engine (content.learning) and page_urls read, with its URL, and no page built. A module page
    has some forty columns and a modelcluster to set up, which cost more than the query (about
    3 ms for sixty modules). The catalogue's own modules only; anything that needs the page
    itself fetches it."""

    id: int
    title: str
    slug: str
    url_path: str
    path: str
    depth: int
    live: bool
    summary: str
    estimated_minutes: int
    cpd_minutes: int
    level: str
    sector_ids: str | None  # "1,4", as JoinedIds gives them
    topic_ids: str | None
    url: str | None = None
    # From the catalogue page, as HomePage.route found it: whether the site has any view
    # restriction at all (when it has none, the learning engine's query leaves its check out).
    site_has_view_restrictions: bool = True

    @property
    def pk(self) -> int:
        return self.id

    def get_url(self, request=None) -> str | None:
        return self.url

    def get_level_display(self) -> str:
        return Level(self.level).label


def page_urls(pages, request) -> dict[int, str | None]:
    """Wagtail's URL of each page (by id), as `{% pageurl %}` gives it, resolved once for each
    parent rather than once a page: a page's URL is its parent's followed by its slug, so
    pages with the same parent (the catalogue's modules) share the first one's prefix. Each
    Wagtail resolution costs a URL reverse; a list of modules cost one a card. For pages that
    keep Wagtail's own routing (no get_url_parts of their own), as modules and lessons do."""
    urls: dict[int, str | None] = {}
    prefixes: dict[str, str | None] = {}
    for page in pages:
        if page.pk in urls:
            continue
        tail = f"{page.slug}/"
        parent_path = page.url_path[: -len(tail)] if page.url_path.endswith(f"/{tail}") else None
        prefix = prefixes.get(parent_path) if parent_path is not None else None
        if prefix is not None:
            urls[page.pk] = prefix + tail
            continue
        url = page.get_url(request)
        urls[page.pk] = url
        if parent_path is not None and url and url.endswith(f"/{tail}"):
            prefixes[parent_path] = url[: -len(tail)]
    return urls


def page_url_request(request):
    """The request to resolve page URLs with (content.models.page_urls): None where Wagtail
    serves one site, whose URLs it gives as local paths either way, without finding the request's
    site first (a query); the request itself where there are several, so that the pages of its own
    site get local paths and the others full URLs."""
    if len({root.site_id for root in Site.get_site_root_paths()}) == 1:  # cached by Wagtail
        return None
    return request


@dataclass(frozen=True)
class ModuleCard:
    """Everything a module's card on the catalogue shows, as plain values: the card's HTML
    depends on nothing else, so these values are its cache key (module_card)."""

    module_id: int
    url: str | None
    title: str
    level: str
    estimated_minutes: int
    cpd_minutes: int
    summary: str
    sectors: tuple[str, ...]
    topics: tuple[str, ...]
    signed_in: bool
    status: Status = Status.NOT_STARTED
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_completed(self) -> bool:
        return self.status is Status.COMPLETED


@lru_cache(maxsize=4096)
def module_card(card: ModuleCard) -> str:
    """A module's card as HTML, rendered once a process for each set of values: sixty cards
    rendered by the template cost most of the catalogue's time (about 15 ms at county scale).
    Nothing can go stale: any change to what a card shows (the module published again, a
    sector renamed, the learner's progress) is a different key, and a deployment starts new
    processes. A few thousand cards of a couple of kilobytes each bound the memory."""
    return render_to_string("content/includes/module_card.html", {"card": card})


class ModuleIndexPage(DescribedPage, SiteHasNoViewRestrictions, Page):
    """The module catalogue at /modules/: filters, progress and each sector's learning path."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.TrainingModulePage"]
    max_count = 1
    template = "content/module_index_page.html"
    description_fields = ("intro",)

    def modules(self):
        """The live, public modules, each with `sector_ids` and `topic_ids` ("1,4"), as rows of
        CATALOGUE_FIELDS and those two (a values_list): one query."""
        modules = without_view_restrictions(TrainingModulePage.objects.live().child_of(self))
        return modules.annotate(
            sector_ids=_joined_ids(TrainingModulePage.sectors.through, "trainingmodulepage_id", "sector_id"),
            topic_ids=_joined_ids(TrainingModulePage.topics.through, "trainingmodulepage_id", "topic_id"),
        ).order_by("path").values_list(*CATALOGUE_FIELDS, "sector_ids", "topic_ids")

    def listed_modules(self, rows, request) -> list[ListedModule]:
        """`modules()`' rows as ListedModule, each with its URL: this page's, then its slug (the
        modules are its children, of the same site)."""
        url = self.get_url(request)
        restricted = getattr(self, "site_has_view_restrictions", True) not in (False, 0)
        return [
            ListedModule(*row, url=f"{url}{row[2]}/" if url else None, site_has_view_restrictions=restricted)
            for row in rows  # row[2]: the slug
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        reference = reference_data(request)
        form = CatalogueFilterForm(request.GET or None, sectors=reference["sectors"], topics=reference["topics"])
        all_modules = not request.GET
        if all_modules:
            modules = cached_catalogue(f"modules:{self.pk}", lambda: _ALL_MODULES(
                key=(self.pk, self.path, self.depth), context=self))
        else:
            modules = self.modules()
        sector = None
        if form.is_valid():
            data = form.cleaned_data
            sector = data["sector"]
            if sector:
                modules = modules.filter(models.Q(sectors=sector) | models.Q(sectors__isnull=True)).distinct()
            if data["topic"]:
                modules = modules.filter(topics=data["topic"])
            if data["level"]:
                modules = modules.filter(level=data["level"])
        modules = self.listed_modules(modules, request)
        if sector is None and user.is_authenticated and user.sector_id:
            sector = next((s for s in reference["sectors"] if s.pk == user.sector_id), None)
        path = LearningPath.for_sector(sector, modules)
        shown = modules + (path.modules() if path else [])
        learning = engine().catalogue(user, shown)
        urls = page_urls(shown, request)
        signed_in = user.is_authenticated
        names = ({s.pk: s.name for s in reference["sectors"]}, {t.pk: t.name for t in reference["topics"]})
        context.update(
            filter_form=form,
            modules=modules,
            cards=[
                module_card(self._card(module, urls[module.pk], learning.for_module(module), signed_in, names))
                for module in modules
            ],
            learning=learning,
            learning_path=path,
            path_entries=path.entries(learning.progress) if path else [],
            module_urls=urls,
            filtered=bool(request.GET),
        )
        return context

    @staticmethod
    def _card(module, url, progress, signed_in: bool, names) -> ModuleCard:
        """`names`: the sectors' and the topics' names by id, in their own order."""
        sector_ids, topic_ids = _ids(module.sector_ids), _ids(module.topic_ids)
        sector_names, topic_names = names
        return ModuleCard(
            module_id=module.pk, url=url, title=module.title, level=module.get_level_display(),
            estimated_minutes=module.estimated_minutes, cpd_minutes=module.cpd_minutes, summary=module.summary,
            sectors=tuple(name for pk, name in sector_names.items() if pk in sector_ids),
            topics=tuple(name for pk, name in topic_names.items() if pk in topic_ids),
            signed_in=signed_in,
            **({"status": progress.status, "done": progress.done, "total": progress.total} if progress else {}),
        )


class TrainingModulePage(DescribedPage, SiteHasNoViewRestrictions, Page):
    """A training module: an overview page whose children are its lessons."""

    summary = models.TextField(help_text="One or two plain sentences for the catalogue.")
    learning_outcomes = models.TextField(help_text="One outcome per line.")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="modules")
    sectors = ParentalManyToManyField(
        Sector, blank=True, related_name="modules", help_text="Leave empty if written for all sectors."
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.AWARENESS)
    estimated_minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(5), MaxValueValidator(600)])
    cpd_minutes = models.PositiveSmallIntegerField(
        "CPD minutes", validators=[MinValueValidator(0), MaxValueValidator(600)]
    )
    content_warning = models.TextField(
        blank=True, help_text="Shown before the first lesson, with the choice to continue, take a break or get support."
    )
    last_reviewed = models.DateField(help_text="When the content was last checked for accuracy.")
    certificate_validity_months = models.PositiveSmallIntegerField(
        default=24, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    prerequisites = ParentalManyToManyField(
        "content.TrainingModulePage", blank=True, related_name="required_by",
        help_text="Modules a learner must complete first.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField("image alternative text", max_length=250, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel([
            FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            FieldPanel("level"),
            FieldPanel("prerequisites"),
        ], heading="Who it is for"),
        MultiFieldPanel([
            FieldPanel("estimated_minutes"), FieldPanel("cpd_minutes"), FieldPanel("certificate_validity_months"),
            FieldPanel("last_reviewed"),
        ], heading="Time, CPD and review"),
        FieldPanel("content_warning"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.FilterField("level"),
    ]
    parent_page_types = ["content.ModuleIndexPage"]
    subpage_types = ["content.LessonPage"]
    template = "content/training_module_page.html"
    description_fields = ("summary",)

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})
        if self.pk and any(module.pk == self.pk for module in self.prerequisites.all()):
            raise ValidationError({"prerequisites": "A module cannot be its own prerequisite."})

    @property
    def outcomes(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.learning_outcomes.splitlines() if line.strip()]

    @staticmethod
    def sector_ids_subquery():
        return _joined_ids(TrainingModulePage.sectors.through, "trainingmodulepage_id", "sector_id")

    def lessons(self):
        return without_view_restrictions(LessonPage.objects.live().child_of(self)).order_by("path")

    def live_prerequisites(self):
        """The live modules this one requires. Works on previews and revisions too, where
        Wagtail gives the relation as a FakeQuerySet without `.live()`."""
        ids = [module.pk for module in self.prerequisites.all()]
        return TrainingModulePage.objects.live().filter(pk__in=ids).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        overview = engine().module_overview(request.user, self)
        context.update(
            overview=overview,
            lessons=overview.lessons,
            progress=overview.progress,
            sectors=[s for s in reference_data(request)["sectors"] if s.pk in self._sector_ids()],
        )
        return context

    def _sector_ids(self) -> set[int]:
        if hasattr(self, "sector_ids"):  # annotated by the route: no query
            return _ids(self.sector_ids)
        return {sector.pk for sector in self.sectors.all()}


# Part of every cached lesson body's key: raise it when the block templates' markup changes, so
# that bodies a shared cache kept from the last release are rendered again.
LESSON_BODY_MARKUP_VERSION = 2


class LessonPage(DescribedPage, SiteHasNoViewRestrictions, Page):
    """One lesson of a module, tailored to the learner's sector."""

    summary = models.CharField(max_length=250, blank=True)
    body = StreamField(LessonBodyBlock())

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["content.TrainingModulePage"]
    subpage_types: list[str] = []
    template = "content/lesson_page.html"
    description_fields = ("summary",)  # else its module's (lesson_page.html)

    @property
    def preview_modes(self):
        return [("", "All sectors"), *[(s.slug, f"As a {s.name} learner") for s in Sector.objects.all()]]

    @cached_property
    def module(self) -> "TrainingModulePage":
        # Set by HomePage.route when the lesson was found through it: no query then.
        return TrainingModulePage.objects.parent_of(self).get()

    def serve_preview(self, request, mode_name):
        return self._render_lesson(request, sector=mode_name or ALL_SECTORS, access=None)

    def serve(self, request, *args, **kwargs):
        access = engine().lesson_access(request.user, self)
        # A module taken down never gets here: HomePage.route answers "not found" for its lessons.
        module = self.module
        if access.barrier is Barrier.SIGN_IN:
            return redirect_to_login(request.get_full_path())
        if access.barrier is Barrier.PREREQUISITES:
            return render(request, "content/lesson_unavailable.html", {
                "page": self, "module": module, "access": access, "message": access.message,
                "prerequisite_modules": access.missing_prerequisites,
            }, status=403)
        if access.barrier is Barrier.CONTENT_WARNING:
            return render(request, "content/content_warning.html", {"page": self, "module": module, "access": access})
        if access.barrier is Barrier.SELF_ASSESSMENT:
            return redirect(access.redirect_url)
        engine().lesson_opened(request.user, self, access)
        return self._render_lesson(request, sector=sector_for_request(request), access=access)

    def body_html(
        self, sector: Sector | None, sector_names: dict[int, str], *, cacheable: bool, version: str | None = None,
    ) -> tuple[str, bool]:
        """The tailored body for `sector` (None: every sector) as HTML, and whether it is tailored.

        Lessons are rendered once per body and sector and then read from the cache. The key is
        a hash of the body's stored JSON, the very data rendered: publishing (or Wagtail
        rewriting an alias's body when its source is published) changes it, so the page shows
        the new text at once, whatever the revision ids say; the old entries are never read
        again and age out. Saving a sector, topic or support service changes `version`
        (content.models.reference_data) the same way. Previews (`cacheable=False`) neither read
        nor fill the cache.
        """
        key = None
        if cacheable:
            raw = json.dumps(list(self.body.raw_data), cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"))
            key = "lesson-body:{}:{}:{}:{}:{}".format(
                LESSON_BODY_MARKUP_VERSION, self.pk, hashlib.sha256(raw.encode()).hexdigest(),
                sector.pk if sector else ALL_SECTORS, version or reference_data()["version"],
            )
            cached = cache.get(key)
            if cached is not None:
                html, tailored = cached
                return mark_safe(html), tailored  # noqa: S308  (our own template's output)
        parts = tailor(self.body, sector.pk if sector else ALL_SECTORS, sector_names)
        # A sector with nothing of its own in this lesson reads the version for all sectors.
        tailored = sector is not None and any(part.is_variant and part.audience for part in parts)
        html = render_to_string("content/lesson_body.html", {"parts": parts})
        if key is not None:
            cache.set(key, (str(html), tailored), timeout=7 * 24 * 3600)
        return html, tailored

    def _render_lesson(self, request, *, sector: str, access=None):
        preview = access is None
        module = self.module
        reference = reference_data(request)
        sectors = reference["sectors"]
        names = {s.pk: s.name for s in sectors}
        chosen = next((s for s in sectors if s.slug == sector), None)
        body, tailored = self.body_html(chosen, names, cacheable=not preview, version=reference["version"])
        context = self.get_context(request)
        context.update(
            module=module,
            body=body,
            sector=sector,
            sector_name=chosen.name if chosen else "all sectors",
            # A sector with nothing of its own reads the version for every other sector: say
            # so, rather than "all sectors" next to a sector switch showing theirs.
            sector_note="" if chosen is None or tailored else (
                "Nothing in this lesson is specific to your sector."
                if not preview and getattr(request.user, "sector_id", None) == chosen.pk
                else f"Nothing in this lesson is specific to {chosen.name}."
            ),
            tailored=tailored,
            sectors=sectors,
            access=access,
            preview=preview,
        )
        if preview:
            # An editor's draft may not be live, nor among the live lessons yet.
            siblings = list(module.lessons().only("id", "path"))
            if all(lesson.pk != self.pk for lesson in siblings):
                siblings.append(self)
            index = next(i for i, lesson in enumerate(siblings) if lesson.pk == self.pk)
            context.update(position=index + 1, lesson_count=len(siblings))
        else:
            context.update(position=access.position, lesson_count=access.lesson_count, progress=access.progress)
        return render(request, self.template, context)


# The catalogue without filters, the page most often asked for: `value` is the catalogue page.
_ALL_MODULES = CompiledQuery(TrainingModulePage, lambda _marker, catalogue: catalogue.modules(), values=True)

# HomePage.route's lookups, by the number of parts in the path below home.
_FIND_BY_URL_PATH = {
    1: _by_url_path(ModuleIndexPage),
    2: _by_url_path(TrainingModulePage, lambda: {"sector_ids": TrainingModulePage.sector_ids_subquery()}),
}
_FIND_LESSON = PageWithParent(LessonPage, TrainingModulePage)


class SupportPage(DescribedPage, Page):
    """/support/: where to get help, listing every support service."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "content/support_page.html"
    description_fields = ("intro",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = SupportService.live_services()
        return context


class SearchPage(DescribedPage, Page):
    """/search/: full-text search over live modules and lessons."""

    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "content/search_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What was typed, shown back as typed (less control characters); what is searched for is
        # its words only, since quotes and operators are syntax to the search backends.
        query = "".join(ch for ch in request.GET.get("q", "")[:200] if ch.isprintable()).strip()
        words = " ".join(re.findall(r"\w+", query))
        results = []
        if words:
            pages = under_published_pages(Page.objects.live().public().type(TrainingModulePage, LessonPage))
            results = list(pages.search(words, operator="and")[:50])
        context.update(query=query, results=results)
        return context


class LearningPath(ClusterableModel):
    """A sector's ordered list of required and recommended modules."""

    sector = models.OneToOneField(Sector, on_delete=models.CASCADE, related_name="learning_path")
    intro = models.TextField(blank=True, help_text="Why this path, for this sector.")

    panels = [FieldPanel("sector"), FieldPanel("intro"), InlinePanel("items", label="Modules", min_num=1)]

    class Meta:
        ordering = ["sector__sort_order"]

    def __str__(self):
        return f"Learning path: {self.sector}"

    @classmethod
    def for_sector(cls, sector, modules=()) -> "LearningPath | None":
        """The sector's path with its items and their modules, from the cache (no query once
        read): the modules from `modules` (pages at hand, as the catalogue's list) where it
        holds them. Modules under a view restriction are left out, as everywhere modules are
        listed."""
        if sector is None:
            return None
        rows = cached_catalogue(f"path:{sector.pk}", lambda: _PATH_ITEMS(sector.pk) or [
            # A path with no module in it yet (or none shown): kept as one row without a module.
            (path.pk, path.intro, None, None) for path in cls.objects.filter(sector=sector)[:1]
        ])
        if not rows:
            return None
        if rows[0][2] is None:
            path = cls(pk=rows[0][0], sector=sector, intro=rows[0][1])
            path.item_list = []
            return path
        known = {module.pk: module for module in modules}
        missing = [module_id for _path, _intro, module_id, _required in rows if module_id not in known]
        if missing:
            ids = [module_id for _path, _intro, module_id, _required in rows]
            pages = TrainingModulePage.objects.filter(pk__in=ids)
            found = cached_catalogue(f"path-modules:{sector.pk}", lambda: without_view_restrictions(pages))
            known.update((m.pk, m) for m in found if m.pk in missing)
        path_id, intro = rows[0][0], rows[0][1]
        path = cls(pk=path_id, sector=sector, intro=intro)
        path.item_list = [
            PathItem(known[module_id], bool(required)) for _p, _i, module_id, required in rows if module_id in known
        ]
        return path

    def _items(self):
        items = getattr(self, "item_list", None)
        if items is None:
            items = list(without_view_restrictions(self.items.select_related("module"), "module__path"))
        return items

    def modules(self) -> list["TrainingModulePage"]:
        return [item.module for item in self._items() if item.module.live]

    def entries(self, progress) -> list[dict]:
        return [
            {"module": item.module, "required": item.required, "progress": progress.get(item.module.pk)}
            for item in self._items() if item.module.live
        ]


@dataclass(frozen=True)
class PathItem:
    module: "TrainingModulePage"
    required: bool


# (path id, intro, module id, required) of a sector's path, in order.
_PATH_ITEMS = CompiledQuery(
    None,
    lambda sector_id, _context: without_view_restrictions(
        LearningPathItem.objects.filter(path__sector_id=sector_id), "module__path"
    ).order_by("sort_order", "pk").values_list("path_id", "path__intro", "module_id", "required"),
    marker=CompiledQuery.ID, values=True,
)


class LearningPathItem(Orderable):
    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="items")
    module = models.ForeignKey(TrainingModulePage, on_delete=models.CASCADE, related_name="+")
    required = models.BooleanField(default=True, help_text="Untick for a recommended module.")

    panels = [FieldPanel("module"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["path", "module"], name="learning_path_module_once")]


for _model in (LearningPath, LearningPathItem):  # the paths the catalogue keeps (cached_catalogue)
    post_save.connect(catalogue_changed, sender=_model, dispatch_uid=f"content-catalogue-saved-{_model.__name__}")
    post_delete.connect(catalogue_changed, sender=_model, dispatch_uid=f"content-catalogue-deleted-{_model.__name__}")


class CoProductionReviewTask(AbstractGroupApprovalTask):
    """The survivor co-production panel reviews content before moderators can approve it.

    Reviewers read, compare and decide on their own review screen (`content.review_views`);
    they never edit. The page is locked for everyone but administrators while it waits here.
    """

    def locked_for_user(self, obj, user):
        return not user.is_superuser

    def user_can_lock(self, obj, user):
        return False  # the panel reads and decides; it does not lock content against editors

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", "Request changes", True),
                ("approve", "Approve for the panel", False),
                ("approve", "Approve for the panel with a comment", True),
            ]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from content.workflows import decidable_step, newest_revision, return_to_panel, specific_object

        task_state = decidable_step(task_state)
        if task_state is None:
            return None  # already decided
        workflow_state = task_state.workflow_state
        latest = newest_revision(workflow_state.content_object)
        if action_name == "approve" and task_state.revision_id != latest.pk:
            # Something was saved after this review began: the panel approves what it read.
            return_to_panel(workflow_state, latest, user, reason="A newer revision was saved before approval.")
            return None
        if action_name == "approve":
            log(
                instance=specific_object(workflow_state.content_object), action="content.review.panel_approved",
                revision=task_state.revision, user=user, data={"revision_id": task_state.revision_id},
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the co-production panel review the content before it can be approved."

    class Meta:
        verbose_name = "Co-production panel review"
        verbose_name_plural = "Co-production panel reviews"


class ModeratorApprovalTask(AbstractGroupApprovalTask):
    """A content moderator approves what the panel approved; the approval publishes it.

    The step is locked, so a moderator cannot change the text between the panel and
    publication: they request changes, and the resubmitted page starts again with the panel.
    """

    def locked_for_user(self, obj, user):
        return not user.is_superuser

    def start(self, workflow_state, user=None):
        from content.workflows import panel_approved_latest, panel_task

        if not panel_approved_latest(workflow_state):
            # Resubmitted after changes (or changed since the panel's approval): panel first.
            return panel_task(workflow_state.workflow).start(workflow_state, user=user)
        return super().start(workflow_state, user=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from content.workflows import decidable_step, newest_revision, panel_approved_latest, return_to_panel

        task_state = decidable_step(task_state)
        if task_state is None:
            return None  # already decided
        workflow_state = task_state.workflow_state
        if action_name == "approve" and not panel_approved_latest(workflow_state):
            latest = newest_revision(workflow_state.content_object)
            return_to_panel(workflow_state, latest, user, reason="Changed since the panel approved it.")
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Content moderators approve what the co-production panel approved; approval publishes it."

    class Meta:
        verbose_name = "Moderator approval"
        verbose_name_plural = "Moderator approvals"
