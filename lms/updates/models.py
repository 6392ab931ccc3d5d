"""Guidance updates: short pages that tell certificate holders what changed in a module's
guidance and why, the record that each holder was told, and the record that they completed it.

An update lives under the updates index (/updates/), is written like a lesson (the lesson blocks)
and goes live through the same "Content review" workflow as every page: the co-production panel,
then a moderator, whose approval publishes it. Nobody but an administrator may publish directly
(lms.site.roles), so an editor cannot skip the panel.

"The update of <date>" is the day it was first published, in local time: a correction published
later keeps that date and tells nobody again.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from content.blocks import LessonBodyBlock
from content.models import is_listed
from lms.site.validators import printable_text


def default_days_to_complete() -> int:
    return settings.GUIDANCE_UPDATE_DAYS_TO_COMPLETE


class GuidanceUpdateIndexPage(Page):
    """/updates/: every published guidance update, newest first. Editors add updates here."""

    intro = models.TextField(
        blank=True, help_text="A sentence or two above the list, for people who arrive here from an email.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["updates.GuidanceUpdatePage"]
    max_count = 1
    template = "updates/guidance_update_index_page.html"

    def updates(self):
        return (
            GuidanceUpdatePage.objects.live().public().child_of(self)
            .order_by("-first_published_at").prefetch_related("modules")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = self.updates()
        return context


class GuidanceUpdatePage(Page):
    """A short update to the guidance of one or more modules, for the people who hold a current
    certificate for them. See lms.updates.services for who is told and who must complete it."""

    what_changed = models.TextField(
        help_text="In a sentence or two, what is different now: the law, a service, a practice.",
    )
    why = models.TextField(help_text="Why it changed, and what it means for the holder's work.")
    body = StreamField(
        LessonBodyBlock(),
        help_text="The update itself, written like a lesson. Fold the same change into the module's lessons "
                  "too: certificates issued on or after the day this is first published count as including it.",
    )
    modules = ParentalManyToManyField(
        "content.TrainingModulePage", related_name="guidance_updates",
        help_text="Everyone holding a current certificate for any of these modules is told once, by email and "
                  "on their learning page, when this is first published.",
    )
    days_to_complete = models.PositiveSmallIntegerField(
        default=default_days_to_complete, validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Days a holder has to complete it, from the day they are told; after that it shows as "
                  "outstanding to them and to their organisation's lead.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("modules", widget=forms.CheckboxSelectMultiple),
        FieldPanel("what_changed"),
        FieldPanel("why"),
        FieldPanel("body"),
        MultiFieldPanel([
            FieldPanel("days_to_complete"),
            InlinePanel(
                "questions", label="Question", max_num=3,
                help_text="Optional: two or three questions that check the change was understood. A holder must "
                          "answer each correctly to complete the update; a wrong answer shows its explanation.",
            ),
        ], heading="Completing the update"),
    ]
    search_fields = [
        *Page.search_fields, index.SearchField("what_changed"), index.SearchField("why"), index.SearchField("body"),
    ]
    parent_page_types = ["updates.GuidanceUpdateIndexPage"]
    subpage_types: list[str] = []
    template = "updates/guidance_update_page.html"

    class Meta:
        verbose_name = "guidance update"

    def clean(self):
        super().clean()
        for name in ("what_changed", "why"):
            try:
                printable_text(getattr(self, name))
            except ValidationError as error:
                raise ValidationError({name: error.messages}) from error

    @property
    def update_day(self) -> datetime.date | None:
        """The date the update is known by: the day it was first published (None until then)."""
        if self.first_published_at is None:
            return None
        return timezone.localdate(self.first_published_at)

    def serve(self, request, *args, **kwargs):
        """Signed-in people only, as lessons are: the page says where the reader stands with it."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def listed_modules(self) -> list:
        """Its modules that learners may open (content.models.is_listed): a module taken down or
        restricted since is not named on the update's pages."""
        return [module for module in self.modules.all() if is_listed(module)]

    def get_context(self, request, *args, **kwargs):
        from lms.updates.views import update_page_context  # the views import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(update_page_context(request, self))
        return context


class UpdateQuestion(Orderable):
    """A question that checks a holder understood the update: two to four answers, one correct."""

    ANSWERS = ("a", "b", "c", "d")

    update = ParentalKey(GuidanceUpdatePage, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField("question", max_length=300, validators=[printable_text])
    answer_a = models.CharField("answer A", max_length=200, validators=[printable_text])
    answer_b = models.CharField("answer B", max_length=200, validators=[printable_text])
    answer_c = models.CharField("answer C", max_length=200, blank=True, validators=[printable_text])
    answer_d = models.CharField("answer D", max_length=200, blank=True, validators=[printable_text])
    correct = models.CharField(
        "correct answer", max_length=1, choices=[(letter, letter.upper()) for letter in ANSWERS], default="a",
    )
    explanation = models.TextField(
        validators=[printable_text],
        help_text="Shown when someone answers wrongly: why the correct answer is right, without giving it away "
                  "in one word.",
    )

    panels = [
        FieldPanel("text"), FieldPanel("answer_a"), FieldPanel("answer_b"), FieldPanel("answer_c"),
        FieldPanel("answer_d"), FieldPanel("correct"), FieldPanel("explanation"),
    ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if not getattr(self, f"answer_{self.correct}", "").strip():
            raise ValidationError({"correct": "The correct answer must be one of the answers you wrote."})

    @property
    def choices(self) -> list[tuple[str, str]]:
        """(letter, text) of each answer written, in order."""
        return [(letter, text) for letter in self.ANSWERS if (text := getattr(self, f"answer_{letter}").strip())]


class UpdateNotice(models.Model):
    """That a holder was told about an update (by email and on their learning page), once.

    Made before the email is sent and removed if sending fails, so a later run tries again; the
    unique constraint means two runs at once tell nobody twice. `due_on` is the day after which
    the update counts as outstanding: the day they were told plus the update's days to complete.
    """

    update = models.ForeignKey(GuidanceUpdatePage, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="update_notices")
    notified_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "user"], name="update_notice_once")]
        permissions = [("view_update_take_up", "Can see the take-up of guidance updates")]

    def __str__(self):
        return f"{self.update_id} told to {self.user_id}"


class UpdateCompletion(models.Model):
    """That a holder read the update (and answered its questions correctly), once."""

    update = models.ForeignKey(GuidanceUpdatePage, on_delete=models.CASCADE, related_name="completions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="update_completions")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "user"], name="update_completed_once")]

    def __str__(self):
        return f"{self.update_id} completed by {self.user_id}"
