"""Wagtail pages and the snippets that content is tagged with."""

import re

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.http import urlencode
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
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from content.blocks import LessonBodyBlock
from content.learning import engine
from content.tailoring import ALL_SECTORS, tailor

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


class HomePage(Page):
    """The site's front page."""

    intro = models.TextField(help_text="A short welcome under the page title.")
    body = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.ModuleIndexPage", "content.SupportPage", "content.SearchPage"]
    max_count = 1
    template = "content/home_page.html"


def sector_for_request(request) -> str:
    """The sector a page is shown for: ?sector= if valid, else the learner's own, else all."""
    wanted = request.GET.get("sector", "")
    if wanted == ALL_SECTORS or (wanted and Sector.objects.filter(slug=wanted).exists()):
        return wanted
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "sector_id", None):
        return user.sector.slug
    return ALL_SECTORS


class Level(models.TextChoices):
    AWARENESS = "awareness", "Awareness"
    PRACTITIONER = "practitioner", "Practitioner"
    SPECIALIST = "specialist", "Specialist"


class CatalogueFilterForm(forms.Form):
    sector = forms.ModelChoiceField(
        Sector.objects.all(), required=False, to_field_name="slug", empty_label="All sectors"
    )
    topic = forms.ModelChoiceField(Topic.objects.all(), required=False, to_field_name="slug", empty_label="All topics")
    level = forms.ChoiceField(choices=[("", "All levels"), *Level.choices], required=False)


class ModuleIndexPage(Page):
    """The module catalogue at /modules/: filters, progress and each sector's learning path."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.TrainingModulePage"]
    max_count = 1
    template = "content/module_index_page.html"

    def modules(self):
        return (
            TrainingModulePage.objects.live().public().child_of(self)
            .prefetch_related("topics", "sectors").order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        form = CatalogueFilterForm(request.GET or None)
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
        modules = list(modules)
        path_sector = sector or (user.sector if user.is_authenticated and user.sector_id else None)
        path = LearningPath.for_sector(path_sector)
        progress = engine().module_progress(user, modules + (path.modules() if path else []))
        context.update(
            filter_form=form,
            modules=modules,
            progress=progress,
            learning_path=path,
            path_entries=path.entries(progress) if path else [],
            filtered=bool(request.GET),
        )
        return context


class TrainingModulePage(Page):
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

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})
        if self.pk and any(module.pk == self.pk for module in self.prerequisites.all()):
            raise ValidationError({"prerequisites": "A module cannot be its own prerequisite."})

    @property
    def outcomes(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.learning_outcomes.splitlines() if line.strip()]

    def lessons(self):
        return LessonPage.objects.live().public().child_of(self).order_by("path")

    def live_prerequisites(self):
        """The live modules this one requires. Works on previews and revisions too, where
        Wagtail gives the relation as a FakeQuerySet without `.live()`."""
        ids = [module.pk for module in self.prerequisites.all()]
        return TrainingModulePage.objects.live().filter(pk__in=ids).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.lessons())
        user = request.user
        progress = engine().module_progress(user, [self])[self.pk]
        context.update(
            lessons=lessons,
            progress=progress,
            access_problem=engine().access_problem(user, self) if user.is_authenticated else None,
            prerequisite_modules=list(self.live_prerequisites()),
        )
        return context


class LessonPage(Page):
    """One lesson of a module, tailored to the learner's sector."""

    summary = models.CharField(max_length=250, blank=True)
    body = StreamField(LessonBodyBlock())

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["content.TrainingModulePage"]
    subpage_types: list[str] = []
    template = "content/lesson_page.html"

    @property
    def preview_modes(self):
        return [("", "All sectors"), *[(s.slug, f"As a {s.name} learner") for s in Sector.objects.all()]]

    @cached_property
    def module(self) -> "TrainingModulePage":
        return TrainingModulePage.objects.parent_of(self).get()

    def serve_preview(self, request, mode_name):
        return self._render_lesson(request, sector=mode_name or ALL_SECTORS, preview=True)

    def serve(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect(f"/accounts/login/?{urlencode({'next': request.get_full_path()})}")
        module = self.module
        if not module.live:
            return render(request, "content/lesson_unavailable.html", {
                "page": self, "module": module,
                "message": "This module is not available at the moment. Choose another from the list of modules.",
            }, status=404)
        problem = engine().access_problem(user, module)
        if problem:
            return render(request, "content/lesson_unavailable.html", {
                "page": self, "module": module, "message": problem,
                "prerequisite_modules": list(module.live_prerequisites()),
            }, status=403)
        state = engine().lesson_state(user, self)
        if module.content_warning and not state["warning_acknowledged"]:
            return render(request, "content/content_warning.html", {"page": self, "module": module})
        if state.get("before_lesson_url"):
            return redirect(state["before_lesson_url"])
        engine().lesson_opened(user, self)
        return self._render_lesson(request, sector=sector_for_request(request), state=state)

    def _render_lesson(self, request, *, sector: str, state: dict | None = None, preview: bool = False):
        module = self.module
        siblings = list(module.lessons().only("id", "title", "slug", "url_path", "path"))
        if preview and self not in siblings:
            siblings.append(self)
        index_of = next((i for i, lesson in enumerate(siblings) if lesson.pk == self.pk), 0)
        sectors = list(Sector.objects.all())
        names = {s.pk: s.name for s in sectors}
        chosen = next((s for s in sectors if s.slug == sector), None)
        progress = None if preview else engine().module_progress(request.user, [module])[module.pk]
        parts = tailor(self.body, chosen.pk if chosen else ALL_SECTORS, names)
        # A sector with nothing of its own in this lesson reads the version for all sectors.
        tailored = chosen is not None and any(part.is_variant and part.audience for part in parts)
        context = self.get_context(request)
        context.update(
            module=module,
            parts=parts,
            sector=sector,
            sector_name=chosen.name if tailored else "all sectors",
            tailored=tailored,
            sectors=sectors,
            lessons=siblings,
            position=index_of + 1,
            previous_lesson=siblings[index_of - 1] if index_of > 0 else None,
            next_lesson=siblings[index_of + 1] if index_of + 1 < len(siblings) else None,
            completed=bool(state and state["completed"]),
            progress=progress,
            preview=preview,
        )
        return render(request, self.template, context)


class SupportPage(Page):
    """/support/: where to get help, listing every support service."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "content/support_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = SupportService.live_services()
        return context


class SearchPage(Page):
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
            pages = Page.objects.live().public().type(TrainingModulePage, LessonPage)
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
    def for_sector(cls, sector) -> "LearningPath | None":
        if sector is None:
            return None
        return (
            cls.objects.filter(sector=sector).select_related("sector")
            .prefetch_related(models.Prefetch("items", LearningPathItem.objects.select_related("module")))
            .first()
        )

    def modules(self) -> list["TrainingModulePage"]:
        return [item.module for item in self.items.all() if item.module.live]

    def entries(self, progress: dict) -> list[dict]:
        return [
            {"module": item.module, "required": item.required, "progress": progress.get(item.module.pk)}
            for item in self.items.all() if item.module.live
        ]


class LearningPathItem(Orderable):
    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="items")
    module = models.ForeignKey(TrainingModulePage, on_delete=models.CASCADE, related_name="+")
    required = models.BooleanField(default=True, help_text="Untick for a recommended module.")

    panels = [FieldPanel("module"), FieldPanel("required")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["path", "module"], name="learning_path_module_once")]


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

    def on_action(self, task_state, user, action_name, **kwargs):
        from content.workflows import return_to_panel, specific_object

        workflow_state = task_state.workflow_state
        latest = workflow_state.content_object.get_latest_revision()
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

    def on_action(self, task_state, user, action_name, **kwargs):
        from wagtail.models import TaskState

        from content.workflows import panel_approved_latest, return_to_panel

        task_state = TaskState.objects.get(pk=task_state.pk).specific
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return None
        workflow_state = task_state.workflow_state
        if action_name == "approve" and not panel_approved_latest(workflow_state):
            latest = workflow_state.content_object.get_latest_revision()
            return_to_panel(workflow_state, latest, user, reason="Changed since the panel approved it.")
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Content moderators approve what the co-production panel approved; approval publishes it."

    class Meta:
        verbose_name = "Moderator approval"
        verbose_name_plural = "Moderator approvals"
