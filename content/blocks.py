"""Lesson StreamField blocks. Each has its own template under templates/blocks/.

Sector variants hold any of the other blocks and show only to learners of the chosen
sectors; see `content.tailoring` for how a lesson picks which variants to show.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

LESSON_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def sector_choices():
    from content.models import Sector

    return [(str(sector.pk), sector.name) for sector in Sector.objects.all()]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", LESSON_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        description = "Paragraphs, lists and level-3 headings."
        preview_value = "<p>Most people who experience domestic abuse tell someone they trust first.</p>"


class KeyPointBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = RichTextBlock()

    class Meta:
        icon = "pick"
        template = "blocks/key_point.html"
        description = "A point to remember, set apart from the text."
        preview_value = {"heading": "Key point", "text": "<p>Listen, believe and do not judge.</p>"}


class CaseScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    scenario = RichTextBlock()
    question = blocks.CharBlock(max_length=200, default="What would you do?")
    reveal = RichTextBlock(help_text="What a good response looks like; hidden until the learner opens it.")

    class Meta:
        icon = "help"
        template = "blocks/case_scenario.html"
        description = "A short case with a question and a good-practice answer to reveal."
        preview_value = {
            "title": "A colleague's disclosure",
            "scenario": "<p>A colleague tells you her ex-partner keeps turning up outside work.</p>",
            "question": "What would you do?",
            "reveal": "<p>Thank her for telling you, check she is safe now, and agree next steps.</p>",
        }


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    # No headings inside a section: one would sit at the wrong level under the section's own.
    body = RichTextBlock(features=[feature for feature in LESSON_RICH_TEXT_FEATURES if feature not in {"h2", "h3"}])


class SectionsBlock(blocks.StructBlock):
    """Short sections, each under its own heading, all shown in full. It was GOV.UK's accordion
    until December 2026: learners are assessed on every section, GOV.UK advises against hiding
    content most users need, and the accordion's styles alone took a lesson well over its CSS
    budget (README, "Front end"). Pages store it under its old name, "accordion"."""

    heading = blocks.CharBlock(
        max_length=120, required=False,
        help_text="Optional. With a heading, the sections sit under it; without one, each section's heading "
                  "is a main heading of the lesson.",
    )
    items = blocks.ListBlock(SectionBlock(), min_num=1, label="Sections")

    class Meta:
        icon = "list-ul"
        template = "blocks/sections.html"
        label = "Sections"
        description = "Short sections, each with its own heading, all shown in full."
        preview_value = {"heading": "", "items": [{"heading": "Economic abuse", "body": "<p>Control of money.</p>"}]}


class SurvivorVoiceBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(
        max_length=120, default="A survivor, composite account",
        help_text="Never a real name. Say if the account is a composite.",
    )

    class Meta:
        icon = "openquote"
        template = "blocks/survivor_voice.html"
        description = "A survivor's words, shared with consent or written as a composite."
        preview_value = {
            "quote": "I needed someone to believe me first.",
            "attribution": "A survivor, composite account",
        }


class LessonImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text="Describe what the image shows for people who cannot see it.")
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        description = "An image with required alternative text."


class VideoBlock(blocks.StructBlock):
    """A self-hosted video: no third-party player, so no requests to other sites."""

    title = blocks.CharBlock(max_length=120)
    video = DocumentChooserBlock(help_text="An MP4 or WebM file uploaded to Documents.")
    captions = DocumentChooserBlock(required=False, help_text="A WebVTT (.vtt) captions file.")
    transcript = RichTextBlock(help_text="Required: the full transcript, for anyone who cannot watch or hear.")

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        description = "A video with captions and a required transcript."

    def clean(self, value):
        value = super().clean(value)
        video = value.get("video")
        if video and video.file_extension.lower() not in {"mp4", "webm"}:
            raise blocks.StructBlockValidationError({"video": ValidationError("Choose an MP4 or WebM file.")})
        captions = value.get("captions")
        if captions and captions.file_extension.lower() != "vtt":
            raise blocks.StructBlockValidationError({"captions": ValidationError("Choose a WebVTT (.vtt) file.")})
        return value


class SignpostBlock(blocks.StructBlock):
    service = SnippetChooserBlock("content.SupportService")
    text = blocks.CharBlock(max_length=250, required=False, help_text="When someone should use this service.")

    class Meta:
        icon = "site"
        template = "blocks/signpost.html"
        description = "Where to get help: a support service with its contact details."


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock()

    class Meta:
        icon = "comment"
        template = "blocks/reflection.html"
        description = "A question for the learner to think about; nothing is recorded."
        preview_value = {"prompt": "How would someone in your workplace know who to tell?"}


class LessonContentBlock(blocks.StreamBlock):
    """The blocks a sector variant may hold: everything but another variant."""

    rich_text = RichTextBlock(group="Text")
    key_point = KeyPointBlock(group="Text")
    case_scenario = CaseScenarioBlock(group="Learning")
    # Stored as "accordion", its name when it was GOV.UK's accordion: pages need no data migration.
    accordion = SectionsBlock(group="Text")
    survivor_voice = SurvivorVoiceBlock(group="Learning")
    image = LessonImageBlock(group="Media")
    video = VideoBlock(group="Media")
    signpost = SignpostBlock(group="Help")
    reflection = ReflectionBlock(group="Learning")


class SectorsBlock(blocks.MultipleChoiceBlock):
    """Sectors, stored by primary key so a variant keeps its sector whatever the sector's name
    or slug becomes. Choices come from the database when an editor opens the form; reading a
    stored value does not look them up, so a lesson costs no query per variant."""

    @staticmethod
    def _ids(value) -> list[int]:
        if value is None:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        return [int(v) for v in values if str(v).strip().isdigit()]

    def to_python(self, value):
        return self._ids(value)

    def get_prep_value(self, value):
        return self._ids(value)

    def clean(self, value):
        return self._ids(super().clean([str(v) for v in self._ids(value)]))

    def value_for_form(self, value):
        return [str(v) for v in self._ids(value)]

    def value_from_form(self, value):
        return self._ids(value)

    def get_searchable_content(self, value):
        return []


class SectorVariantBlock(blocks.StructBlock):
    sectors = SectorsBlock(
        choices=sector_choices, required=False,
        help_text=(
            "Learners in these sectors see this part. Leave empty for the version shown to "
            "everyone whose sector has no variant here."
        ),
    )
    content = LessonContentBlock()

    class Meta:
        icon = "group"
        template = "blocks/sector_variant.html"
        description = (
            "A part of the lesson written for particular sectors. Put variants for the same "
            "point next to each other."
        )


class LessonBodyBlock(LessonContentBlock):
    sector_variant = SectorVariantBlock(group="Tailoring")
