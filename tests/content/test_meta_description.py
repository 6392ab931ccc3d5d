"""What search engines show under each page's title: a Wagtail page's search description if its
editor wrote one, else its own summary or introduction; any other page, a sentence of its own or
the site's."""

import html
import re

import pytest
from django.conf import settings

from content.models import HomePage, ModuleIndexPage, SupportPage
from lms.learning.quizzes import record_confidence
from tests.factories import make_module

pytestmark = pytest.mark.django_db


def meta_description(response) -> str:
    found = re.findall(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert len(found) == 1
    return html.unescape(found[0])


def test_the_home_page_is_described_by_its_introduction_unless_it_has_a_search_description(client):
    home = HomePage.objects.get()
    assert meta_description(client.get("/")) == home.intro
    home.search_description = "Free training on violence against women and girls."
    home.save()
    assert meta_description(client.get("/")) == "Free training on violence against women and girls."


def test_a_module_is_described_by_its_summary(client):
    module = make_module("stalking", summary="How stalking escalates, and what to do.")
    assert meta_description(client.get(module.url)) == "How stalking escalates, and what to do."


def test_a_lesson_is_described_by_its_summary_or_else_by_its_module(client, learner):
    module = make_module("stalking", lessons=2, summary="How stalking escalates, and what to do.")
    first, second = module.lessons()
    first.summary = "What counts as stalking."
    first.save()
    record_confidence(learner, module, "before", None)
    client.force_login(learner)
    assert meta_description(client.get(first.url)) == "What counts as stalking."
    assert meta_description(client.get(second.url)) == "How stalking escalates, and what to do."


def test_the_catalogue_without_an_introduction_has_the_sites_description(client):
    make_module("stalking")
    ModuleIndexPage.objects.update(intro="")
    assert meta_description(client.get("/modules/")) == settings.SITE_DESCRIPTION


def test_rich_text_introductions_become_plain_text(client):
    SupportPage.objects.update(intro="<p>These services are <b>free</b> &amp;\n confidential.</p>")
    assert meta_description(client.get("/support/")) == "These services are free & confidential."


@pytest.mark.parametrize("path, expected", [
    ("/quick-exit/", "How the “Exit this page” button"),
    ("/accounts/login/", "Sign in to Hertfordshire"),
    ("/verify/", settings.SITE_DESCRIPTION),
    ("/no-such-page/", settings.SITE_DESCRIPTION),
])
def test_other_pages_have_a_sentence_of_their_own_or_the_sites(client, path, expected):
    assert meta_description(client.get(path)).startswith(expected)
