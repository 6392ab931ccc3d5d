"""Wagtail pages and the snippets that content is tagged with."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

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


class HomePage(Page):
    """The site's front page."""

    intro = models.TextField(help_text="A short welcome under the page title.")
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count = 1
    template = "content/home_page.html"
