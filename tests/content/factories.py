"""Factories for content: snippets, pages (wagtail-factories), lesson bodies and review tasks.

The migrations seed the site's single home, catalogue, support and search pages: their
factories return those (or make them if a test removed them), never a second one.
"""

import datetime
import json

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Page
from wagtail_factories.blocks import BlockFactory

from content import blocks
from content.models import (
    CoProductionReviewTask,
    HomePage,
    LearningPath,
    LearningPathItem,
    LessonPage,
    ModeratorApprovalTask,
    ModuleIndexPage,
    SearchPage,
    Sector,
    SupportPage,
    SupportService,
    Topic,
    TrainingModulePage,
)
from lms.site.roles import Role

# Snippets


class SectorFactory(factory.django.DjangoModelFactory):
    """A sector; an existing slug (the migrations seed eight) gives that sector."""

    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test sector {n}")
    slug = factory.LazyAttribute(lambda sector: slugify(sector.name))
    description = "People who work in a sector made for tests."
    sort_order = 50


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic; an existing slug (the migrations seed eleven) gives that topic."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


def _publish(obj, create, extracted):
    """Save a revision and, for live content, publish it, as an approved review does; the object
    is then read back, as publishing writes another copy. `revision=False` skips this."""
    if not create or extracted is False:
        return
    revision = obj.save_revision()
    if obj.live:
        revision.publish()
    obj.refresh_from_db()


class SupportServiceFactory(factory.django.DjangoModelFactory):
    """A published helpline. `live=False` gives a draft that learners do not see."""

    class Meta:
        model = SupportService
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test helpline {n}")
    slug = factory.LazyAttribute(lambda service: slugify(service.name))
    phone = "0808 2000 247"
    hours = "24 hours, every day"
    who_for = "Anyone affected by domestic abuse"
    live = True

    @factory.post_generation
    def revision(self, create, extracted, **kwargs):
        _publish(self, create, extracted)


# Lesson bodies: block factories for LessonBodyBlock, for example
# LessonPageFactory(body__0__key_point__heading="Remember", body__1="survivor_voice").


class RichTextBlockFactory(BlockFactory):
    class Meta:
        model = blocks.RichTextBlock

    value = factory.Sequence(lambda n: f"<p>Paragraph {n} of a lesson.</p>")

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().normalize(kwargs["value"])


class KeyPointBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.KeyPointBlock

    heading = "Key point"
    text = factory.SubFactory(RichTextBlockFactory)


class CaseScenarioBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.CaseScenarioBlock

    title = "A colleague's disclosure"
    scenario = factory.SubFactory(
        RichTextBlockFactory, value="<p>A colleague tells you her ex-partner waits outside work.</p>"
    )
    question = "What would you do?"
    reveal = factory.SubFactory(RichTextBlockFactory, value="<p>Believe her and check she is safe now.</p>")


class SurvivorVoiceBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.SurvivorVoiceBlock

    quote = "I needed someone to believe me first."
    attribution = "A survivor, composite account"


class ReflectionBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.ReflectionBlock

    prompt = "Who in your workplace would someone tell?"


class SignpostBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.SignpostBlock

    service = factory.SubFactory(SupportServiceFactory)
    text = "If you are worried about someone's safety."


class LessonContentBlockFactory(wagtail_factories.StreamBlockFactory):
    class Meta:
        model = blocks.LessonContentBlock

    rich_text = factory.SubFactory(RichTextBlockFactory)
    key_point = factory.SubFactory(KeyPointBlockFactory)
    case_scenario = factory.SubFactory(CaseScenarioBlockFactory)
    survivor_voice = factory.SubFactory(SurvivorVoiceBlockFactory)
    signpost = factory.SubFactory(SignpostBlockFactory)
    reflection = factory.SubFactory(ReflectionBlockFactory)


class SectorVariantBlockFactory(wagtail_factories.StructBlockFactory):
    """A variant for the sectors whose primary keys are `sectors` (none: everyone else)."""

    class Meta:
        model = blocks.SectorVariantBlock

    sectors = factory.LazyFunction(list)
    content = factory.SubFactory(LessonContentBlockFactory)


class LessonBodyBlockFactory(LessonContentBlockFactory):
    class Meta:
        model = blocks.LessonBodyBlock

    sector_variant = factory.SubFactory(SectorVariantBlockFactory)


class _StreamFieldWithDefault(wagtail_factories.StreamFieldFactory):
    """A StreamFieldFactory that builds `default` when the test names no blocks: an empty body
    is not a valid lesson."""

    def __init__(self, block_types, default: dict, **kwargs):
        super().__init__(block_types, **kwargs)
        self.default = default

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra or dict(self.default))


# Pages


class HomePageFactory(wagtail_factories.PageFactory):
    """The site's home page (at most one may exist)."""

    class Meta:
        model = HomePage
        django_get_or_create = ("slug", "parent")

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Training for everyone working to end violence against women and girls"
    slug = "home"
    intro = "Free training for people who work or volunteer in Hertfordshire."


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    """The module catalogue at /modules/ (at most one may exist)."""

    class Meta:
        model = ModuleIndexPage
        django_get_or_create = ("slug", "parent")

    parent = factory.SubFactory(HomePageFactory)
    title = "Training modules"
    slug = "modules"


class SupportPageFactory(wagtail_factories.PageFactory):
    """/support/ (at most one may exist)."""

    class Meta:
        model = SupportPage
        django_get_or_create = ("slug", "parent")

    parent = factory.SubFactory(HomePageFactory)
    title = "Get support"
    slug = "support"
    intro = "<p>These services are free and confidential.</p>"


class SearchPageFactory(wagtail_factories.PageFactory):
    """/search/ (at most one may exist)."""

    class Meta:
        model = SearchPage
        django_get_or_create = ("slug", "parent")

    parent = factory.SubFactory(HomePageFactory)
    title = "Search the training"
    slug = "search"


class _PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved with a revision and, if live (the default), published, as the review
    workflow leaves it. `live=False` gives a draft; `revision=False`, a page with no revision."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = True

    @factory.post_generation
    def revision(self, create, extracted, **kwargs):
        _publish(self, create, extracted)


class TrainingModulePageFactory(_PublishedPageFactory):
    """A published awareness module in the catalogue, with no lessons (see LessonPageFactory).

    Topics, sectors and prerequisites are lists: `TrainingModulePageFactory(sectors=[health])`."""

    class Meta:
        model = TrainingModulePage

    parent = factory.SubFactory(ModuleIndexPageFactory)
    title = factory.Sequence(lambda n: f"Test module {n}")
    summary = "A module for tests."
    learning_outcomes = "Know things\nDo things"
    estimated_minutes = 30
    cpd_minutes = 30
    last_reviewed = datetime.date(2026, 11, 1)


class LessonPageFactory(_PublishedPageFactory):
    """A published lesson of a new module; its body is one paragraph unless blocks are named
    (`body__0__key_point__heading="..."`) or a body given (`body=json.dumps([...])`)."""

    class Meta:
        model = LessonPage

    parent = factory.SubFactory(TrainingModulePageFactory)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = _StreamFieldWithDefault(LessonBodyBlockFactory, default={"0": "rich_text"})


class LearningPathFactory(factory.django.DjangoModelFactory):
    """A new sector's learning path with one required module. `items=None` gives no modules."""

    class Meta:
        model = LearningPath
        skip_postgeneration_save = True

    sector = factory.SubFactory(SectorFactory)
    intro = "The modules everyone in this sector should take."
    items = factory.RelatedFactory("tests.content.factories.LearningPathItemFactory", factory_related_name="path")


class LearningPathItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPathItem

    path = factory.SubFactory(LearningPathFactory, items=None)
    module = factory.SubFactory(TrainingModulePageFactory)
    required = True


# The content review workflow's tasks


class CoProductionReviewTaskFactory(factory.django.DjangoModelFactory):
    """A co-production panel review step, acted on by the co-production reviewers."""

    class Meta:
        model = CoProductionReviewTask
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Co-production panel review {n}")
    active = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.set(extracted if extracted is not None else Group.objects.filter(name=Role.REVIEWER))


class ModeratorApprovalTaskFactory(factory.django.DjangoModelFactory):
    """A moderator approval step, acted on by the content moderators."""

    class Meta:
        model = ModeratorApprovalTask
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Moderator approval {n}")
    active = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.set(extracted if extracted is not None else Group.objects.filter(name=Role.MODERATOR))


# Lesson bodies as JSON, for the tests that spell out a body block by block


def rich(text: str) -> dict:
    return {"type": "rich_text", "value": f"<p>{text}</p>"}


class _VariantValue(dict):
    """Holds sector slugs; gives sector primary keys (what lessons store) when read or
    serialised, so a test module may build bodies before the database is there."""

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return [Sector.objects.get(slug=slug).pk for slug in value] if key == "sectors" else value

    def items(self):
        return [(key, self[key]) for key in self]


def variant(sectors: list[str], text: str) -> dict:
    """A sector variant for the sectors with these slugs."""
    return {"type": "sector_variant", "value": _VariantValue(sectors=sectors, content=[rich(text)])}


def make_module(slug: str = "test-module", *, lessons: int = 2, body=None, live: bool = True,
                content_warning: str = "", prerequisites=(), **fields):
    """A published module with `lessons` published lessons under /modules/."""
    module = TrainingModulePageFactory(
        title=fields.pop("title", slug.replace("-", " ").capitalize()), slug=slug,
        content_warning=content_warning, live=live, prerequisites=list(prerequisites), **fields,
    )
    for number in range(1, lessons + 1):
        LessonPageFactory(
            parent=module, title=f"Lesson {number}", slug=f"lesson-{number}",
            body=json.dumps(body if body is not None else [rich(f"Shared text of lesson {number}.")]),
        )
    return TrainingModulePage.objects.get(pk=module.pk)
