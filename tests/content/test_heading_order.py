"""Headings go down one level at a time from the page's h1 (WCAG 1.3.1; issue 10): support cards and
lesson blocks are not h3s straight after the h1."""

import re

import pytest

from tests.factories import LearnerFactory, SupportServiceFactory, make_module

pytestmark = pytest.mark.django_db


def heading_levels(html: str) -> list[int]:
    main = html[html.index("<main"):html.index("</main>")]
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]


def skipped_levels(levels: list[int]) -> list[str]:
    return [f"h{before} then h{after}" for before, after in zip(levels, levels[1:], strict=False) if after > before + 1]


def test_support_cards_follow_the_support_pages_h1_without_skipping_a_level(client):
    SupportServiceFactory(name="Test helpline for heading order")
    html = client.get("/support/").content.decode()
    assert "Test helpline for heading order" in html
    levels = heading_levels(html)
    assert levels[0] == 1 and len(levels) > 1
    assert skipped_levels(levels) == []


def test_a_lessons_blocks_follow_its_h1_without_skipping_a_level(client):
    service = SupportServiceFactory(name="Test helpline in a lesson")
    body = [
        {"type": "key_point", "value": {"heading": "Believe them", "text": "<p>Say you believe them.</p>"}},
        {"type": "signpost", "value": {"service": service.pk, "text": "Call any time."}},
        {"type": "reflection", "value": {"prompt": "What would you notice?"}},
        {"type": "case_scenario", "value": {"title": "At reception", "scenario": "<p>A patient arrives.</p>",
                                             "question": "What would you do?", "reveal": "<p>See her alone.</p>"}},
        {"type": "accordion", "value": {"heading": "Tactics", "items": [
            {"heading": "Economic abuse", "body": "<p>Money.</p>"}]}},
    ]
    module = make_module("heading-order", lessons=1, body=body)
    client.force_login(LearnerFactory())
    html = client.get(module.get_children().first().url).content.decode()
    assert "Believe them" in html and "Test helpline in a lesson" in html
    levels = heading_levels(html)
    assert levels[0] == 1
    assert skipped_levels(levels) == []


def test_the_demo_lessons_rich_text_headings_start_at_h2():
    # A lesson's body sits under the page's h1: a section heading in rich text is an h2.
    from content.demo.load import demo_modules

    def rich_texts(blocks):
        for kind, value in blocks:
            if kind == "rich_text":
                yield value
            elif isinstance(value, dict):
                yield from rich_texts(value.get("blocks", []))

    skipped = [
        lesson["slug"] for module in demo_modules() for lesson in module["lessons"]
        for html in rich_texts(lesson["body"]) if "<h3>" in html and "<h2>" not in html
    ]
    assert skipped == []
