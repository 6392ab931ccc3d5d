"""Each lesson block renders its own accessible markup from its own template."""

import re

import pytest

from content.blocks import LessonBodyBlock
from content.models import SupportService
from content.tailoring import ALL_SECTORS, tailor

pytestmark = pytest.mark.django_db

BODY = LessonBodyBlock()


def render(kind, value):
    block = BODY.child_blocks[kind]
    return block.render(block.to_python(value))


def test_rich_text_keeps_structure():
    html = render("rich_text", "<p>First</p><ul><li>one</li></ul>")
    assert 'class="govuk-body lesson-prose"' in html
    assert "<li>one</li>" in html


def test_rich_text_is_shown_in_gov_uk_classes():
    html = render("rich_text", '<h2>Signs</h2><p>See <a href="https://www.gov.uk/">GOV.UK</a>.</p>'
                               "<ol><li>one</li></ol><ul><li>two</li></ul><h3>More</h3>")
    assert '<h2 class="govuk-heading-m"' in html and '<h3 class="govuk-heading-s"' in html
    assert '<p class="govuk-body"' in html
    assert '<a class="govuk-link" href="https://www.gov.uk/">GOV.UK</a>' in html
    assert '<ol class="govuk-list govuk-list--number"' in html and '<ul class="govuk-list govuk-list--bullet"' in html


def test_gov_uk_classes_go_only_where_there_is_no_class():
    from content.rich_text import with_govuk_classes

    html = with_govuk_classes('<p class="own">x</p><pre>y</pre><a\nhref="/z">z</a><abbr>w</abbr><br>')
    assert html == '<p class="own">x</p><pre>y</pre><a class="govuk-link"\nhref="/z">z</a><abbr>w</abbr><br>'


def test_key_point_has_a_heading():
    html = render("key_point", {"heading": "Believe them", "text": "<p>Say you believe them.</p>"})
    assert '<h2 class="govuk-heading-s">Believe them</h2>' in html


def test_case_scenario_hides_the_answer_in_a_native_details_element():
    html = render("case_scenario", {"title": "At reception", "scenario": "<p>A patient arrives.</p>",
                                    "question": "What would you do?", "reveal": "<p>See her alone.</p>"})
    assert "<details" in html and "<summary" in html
    assert html.index("What would you do?") < html.index("See her alone.")


def test_sections_show_every_section_under_its_heading():
    html = render("accordion", {"heading": "Tactics", "items": [
        {"heading": "Economic abuse", "body": "<p>Money.</p>"}, {"heading": "Litigation", "body": "<p>Courts.</p>"}]})
    assert re.findall(r"<h(\d)[^>]*>([^<]+)</h\1>", html) == [
        ("2", "Tactics"), ("3", "Economic abuse"), ("3", "Litigation")]
    assert html.index("Economic abuse") < html.index("Money.") < html.index("Litigation") < html.index("Courts.")
    # Nothing is hidden: no accordion, no details, nothing for a script to close.
    assert not re.search(r"govuk-accordion|<details|hidden|data-module|{#|GOV.UK advises", html)


def test_sections_without_a_heading_start_at_h2():
    html = render("accordion", {"heading": "", "items": [{"heading": "Economic abuse", "body": "<p>Money.</p>"}]})
    # An h2 looks like every other h2 in a lesson, not like a sub-heading.
    assert re.findall(r'<h(\d) class="([^"]+)"', html) == [("2", "govuk-heading-m")]


def test_survivor_voice_is_attributed():
    html = render("survivor_voice", {"quote": "They believed me.", "attribution": "A survivor, composite account"})
    assert "<blockquote" in html and "composite account" in html


def test_reflection_says_nothing_is_recorded():
    assert "Nothing you think here is recorded." in render("reflection", {"prompt": "What would help?"})


def test_signpost_shows_the_service_with_a_phone_link():
    service = SupportService.objects.create(name="Helpline", slug="h", phone="0808 2000 247", hours="24 hours")
    html = render("signpost", {"service": service.pk, "text": "Call any time."})
    assert 'href="tel:08082000247"' in html
    assert "24 hours" in html and "Call any time." in html


def test_image_and_video_require_alt_text_and_transcript():
    image = BODY.child_blocks["image"].child_blocks
    video = BODY.child_blocks["video"].child_blocks
    assert image["alt_text"].required
    assert video["transcript"].required


def test_tailoring_groups_adjacent_variants():
    from content.models import Sector

    health, police = Sector.objects.get(slug="health"), Sector.objects.get(slug="police")
    value = BODY.to_python([
        {"type": "rich_text", "value": "<p>Shared</p>"},
        {"type": "sector_variant", "value": {"sectors": [health.pk], "content": [
            {"type": "rich_text", "value": "<p>Health</p>"}]}},
        {"type": "sector_variant", "value": {"sectors": [], "content": [
            {"type": "rich_text", "value": "<p>Fallback</p>"}]}},
    ])
    names = {health.pk: "Health"}
    health = [str(p.block.value) for p in tailor(value, health.pk, names)]
    police = [str(p.block.value) for p in tailor(value, police.pk, names)]
    everyone = tailor(value, ALL_SECTORS, names)
    assert health == ["<p>Shared</p>", "<p>Health</p>"]
    assert police == ["<p>Shared</p>", "<p>Fallback</p>"]
    assert [p.audience for p in everyone] == [[], ["Health"], []]


def test_an_editor_cannot_put_a_heading_inside_a_section():
    sections = LessonBodyBlock().child_blocks["accordion"]
    assert sections.label == "Sections"
    body = sections.child_blocks["items"].child_block.child_blocks["body"]
    assert {"bold", "ul", "link"} <= set(body.features) and not {"h2", "h3"} & set(body.features)
