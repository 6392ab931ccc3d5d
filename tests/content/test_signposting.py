"""Signposting in the demo content: who each helpline is for, and that readers are sent to the
right one (DOMAIN.md §6, the review of December 2026; issue 10, "Content corrections").

The National Domestic Abuse Helpline is for women, and for the friends, family and
professionals supporting them. Wherever a lesson sends people to it, the Men's Advice Line and
Galop's National LGBT+ Domestic Abuse Helpline stand beside it, so that no man or LGBT+ reader
is sent to a line that is not for them. The remaining tests pin the other corrections of that
review to what a learner reads.
"""

import datetime
import re
from html import unescape

import pytest
from django.test import TestCase

from content.demo.load import demo_modules, load_demo_content
from content.demo.support_services import SUPPORT_SERVICES
from content.models import LessonPage, Sector, TrainingModulePage
from tests.factories import EnrolmentFactory, LearnerFactory

WOMENS_LINE = "national-domestic-abuse-helpline"
BESIDE_IT = {"mens-advice-line", "galop"}
MODULES = demo_modules()
SERVICES = {service["slug"]: service for service in SUPPORT_SERVICES}


# Reading the data: block lists, signposts and the words in them


def block_lists(lesson):
    """Each list of blocks a reader sees together: the lesson body, and each sector variant."""
    yield "the lesson body", lesson["body"]
    for kind, value in lesson["body"]:
        if kind == "sector_variant":
            yield f"the variant for {', '.join(value['sectors']) or 'every sector'}", value["blocks"]


def signposted(blocks) -> set[str]:
    return {value["service"] for kind, value in blocks if kind == "signpost"}


def texts(value):
    """Every string in a block value or question, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from texts(item)


def flat_questions(module):
    for item in module["questions"]:
        if item["type"] == "scenario":
            for question in item["questions"]:
                yield item["case"], question
        else:
            yield "", item


def lesson(module_slug: str, lesson_slug: str) -> dict:
    module = next(m for m in MODULES if m["slug"] == module_slug)
    return next(item for item in module["lessons"] if item["slug"] == lesson_slug)


def lesson_words(module_slug: str, lesson_slug: str) -> str:
    return plain(" ".join(texts(lesson(module_slug, lesson_slug)["body"])))


def cases(module_slug: str, title_or_name: str) -> list[str]:
    """The words of each lesson case or quiz case that names `title_or_name`."""
    module = next(m for m in MODULES if m["slug"] == module_slug)
    found = []
    for item in module["lessons"]:
        for _where, blocks in block_lists(item):
            for kind, value in blocks:
                if kind == "case_scenario" and title_or_name in value["title"] + value["scenario"]:
                    found.append(plain(" ".join(texts(value))))
    for item in module["questions"]:
        if item["type"] == "scenario" and title_or_name in item["case"]:
            found.append(plain(" ".join(texts(item))))
    return found


def plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# Reading the pages as a learner


def main_content(response) -> str:
    """The words of the page's main region: what the page itself says, without the site's footer."""
    html = response.content.decode()
    start, end = html.index('<main'), html.index("</main>")
    return plain(html[start:end])


def signpost_cards(response) -> list[str]:
    return [plain(name).strip() for name in re.findall(
        r'class="govuk-heading-s lesson-signpost__name">(.*?)</h[2-6]>', response.content.decode(), re.S
    )]


# 1. The women's helpline never stands alone


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_every_signpost_to_the_womens_helpline_has_the_mens_and_lgbt_lines_beside_it(module):
    alone = []
    for item in module["lessons"]:
        for where, blocks in block_lists(item):
            services = signposted(blocks)
            if WOMENS_LINE in services and not services >= BESIDE_IT:
                alone.append(f"{item['slug']}, {where}: lacks {sorted(BESIDE_IT - services)}")
    assert not alone, "The National Domestic Abuse Helpline is signposted alone in:\n" + "\n".join(alone)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_every_signpost_to_the_womens_helpline_says_it_is_for_women(module):
    wrong = [
        f"{item['slug']}: {value['text']!r}"
        for item in module["lessons"] for _where, blocks in block_lists(item)
        for kind, value in blocks
        if kind == "signpost" and value["service"] == WOMENS_LINE
        and ("women" not in value["text"] or re.search(r"\banyone (experiencing|affected)", value["text"]))
    ]
    assert not wrong, "\n".join(wrong)


def test_the_womens_helpline_says_who_it_is_for_and_names_the_other_two_lines():
    helpline = SERVICES[WOMENS_LINE]
    assert helpline["who_for"].startswith("Women") and "Refuge" in helpline["description"]
    assert "Men's Advice Line" in helpline["description"] and "Galop" in helpline["description"]
    assert "Respect" in SERVICES["mens-advice-line"]["description"]


# 2. Galop wherever LGBT+ victims come up


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_a_module_that_mentions_lgbt_victims_signposts_galop(module):
    words = " ".join(texts(module["lessons"])) + " ".join(texts(module["questions"]))
    if "LGBT" not in words:
        pytest.skip("this module does not mention LGBT+ people")
    assert any("galop" in signposted(blocks) for item in module["lessons"] for _w, blocks in block_lists(item))


def test_the_lesson_on_lgbt_relationships_names_galop_in_its_text_and_signposts():
    item = lesson("identifying-the-primary-perpetrator", "male-victims-and-lgbt-relationships")
    assert "Galop" in lesson_words("identifying-the-primary-perpetrator", "male-victims-and-lgbt-relationships")
    assert "galop" in signposted(item["body"])


@pytest.mark.parametrize(("module_slug", "name"), [
    ("coercive-control-and-stalking", "Tom, 34"),
    ("harmful-practices", "Daniel, 24"),
    ("risk-assessment-dash-and-marac", "Daniel was referred"),
])
def test_the_cases_of_gay_and_male_victims_give_an_lgbt_route(module_slug, name):
    found = cases(module_slug, name)
    assert found, name
    assert all("Galop" in words for words in found), name


# 3. The Forced Marriage Unit


def test_every_case_of_someone_taken_abroad_to_marry_names_the_forced_marriage_unit():
    module = next(m for m in MODULES if m["slug"] == "harmful-practices")
    abroad = [
        words for words in cases("harmful-practices", "abroad") + [
            plain(" ".join(texts(question))) for _case, question in flat_questions(module)
            if "abroad" in question["text"] and "marry" in question["text"]
        ]
        if re.search(r"marr(y|iage|ied)|wedding", words)
    ]
    assert len(abroad) >= 2
    missing = [words[:120] for words in abroad if "Forced Marriage Unit" not in words]
    assert not missing, missing


# 4. Gendered, without overstating


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_no_module_says_abuse_is_overwhelmingly_by_men(module):
    words = " ".join(texts(module["lessons"])) + " ".join(texts(module["questions"]))
    assert "overwhelmingly" not in words.lower()


def test_where_the_figures_are_given_they_are_the_crime_surveys():
    words = " ".join(" ".join(texts(m["lessons"])) for m in MODULES)
    assert "1.6 million women" in words and "712,000 men" in words
    assert "year ending March 2024" in words


# 5. Protective orders


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_no_block_names_the_old_orders_without_the_new_ones(module):
    stale = [
        item["slug"] for item in module["lessons"] for _where, blocks in block_lists(item)
        for _kind, value in blocks
        for text in texts(value)
        if re.search(r"domestic violence protection|DVPO", text, re.I)
        and "Domestic Abuse Protection" not in text
    ]
    assert not stale, stale


# 8. Images of a 17-year-old


def test_the_priya_case_explains_that_her_images_are_indecent_images_of_a_child():
    module = next(m for m in MODULES if m["slug"] == "recognising-vawg-and-responding-to-disclosure")
    priya = [question for case, question in flat_questions(module) if "Priya is 17" in case]
    assert priya
    explained = " ".join(question["explanation"] for question in priya)
    assert "indecent images of a child" in explained
    assert "Report Remove" in explained and "Childline" in explained


# 10. NICE levels, virginity testing, the Silent Solution


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_nice_is_described_as_four_levels_never_two(module):
    words = plain(" ".join(texts(module["lessons"])) + " ".join(texts(module["questions"])))
    assert "two levels" not in words
    if "NICE" in words:
        assert "four levels" in words


def test_virginity_testing_is_named_as_an_offence():
    words = lesson_words("harmful-practices", "understanding-harmful-practices")
    assert "Health and Care Act 2022" in words and "virginity testing" in words


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "region"), [("/support/", "footer"), ("/quick-exit/", "main"),
                                              ("/online-safety/", "main"), ("/support/", "main")])
def test_site_pages_outside_the_lessons_never_name_the_womens_helpline_alone(client, path, region):
    html = client.get(path).content.decode()
    words = plain(html[html.index(f"<{region}"):html.index(f"</{region}>")])
    if "National Domestic Abuse Helpline" in words:
        assert "Men's Advice Line" in words and "Galop" in words, words


def test_no_signpost_to_999_leaves_a_caller_who_cannot_speak_without_the_silent_solution():
    stale = [
        item["slug"] for module in MODULES for item in module["lessons"]
        for _where, blocks in block_lists(item) for kind, value in blocks
        if kind == "signpost" and value["service"] == "emergency-999"
        and not re.search(r"cannot speak can press 55 when asked \(the Silent Solution\)", value["text"])
    ]
    assert not stale, stale
    assert "press 55" in SERVICES["emergency-999"]["description"]


class TestWhatALearnerReads(TestCase):
    """The demo content as seeded, read through the site: the support page, and lessons as a
    signed-in learner (a nurse, so in the health sector) who has finished the prerequisite
    modules and read every content warning. Loaded once for all the tests in this class."""

    @classmethod
    def setUpTestData(cls):
        load_demo_content()
        cls.learner = LearnerFactory(sector=Sector.objects.get(slug="health"))
        now = datetime.datetime.now(tz=datetime.UTC)
        for module in TrainingModulePage.objects.all():
            EnrolmentFactory(user=cls.learner, module=module, warning_acknowledged_at=now, completed_at=now)

    def read(self, module_slug: str, lesson_slug: str, sector: str = "all"):
        """A lesson as the learner sees it; "all" shows every sector's part, labelled."""
        self.client.force_login(self.learner)
        page = LessonPage.objects.get(slug=lesson_slug, url_path__contains=f"/{module_slug}/")
        response = self.client.get(f"{page.url}?sector={sector}")
        assert response.status_code == 200, (module_slug, lesson_slug, response.status_code)
        return response

    # 1 and 2

    def test_a_lesson_page_that_shows_the_womens_helpline_shows_the_other_two_lines_too(self):
        alone = []
        for module in MODULES:
            for item in module["lessons"]:
                cards = signpost_cards(self.read(module["slug"], item["slug"]))
                if "National Domestic Abuse Helpline" in cards and not set(cards) >= {
                    "Men's Advice Line", "National LGBT+ Domestic Abuse Helpline (Galop)"
                }:
                    alone.append(f"{module['slug']}/{item['slug']}: {cards}")
        assert not alone, "\n".join(alone)

    def test_the_support_page_lists_the_three_domestic_abuse_lines_together_with_galops_number(self):
        response = self.client.get("/support/")
        cards, page = signpost_cards(response), main_content(response)
        assert cards[:3] == ["National Domestic Abuse Helpline", "Men's Advice Line",
                             "National LGBT+ Domestic Abuse Helpline (Galop)"], cards
        assert "0800 999 5428" in page
        assert "Women experiencing domestic abuse" in page
        for name in ("Forced Marriage Unit", "National Stalking Helpline", "Revenge Porn Helpline",
                     "Rape Crisis 24/7 Support Line"):
            assert name in cards, name

    # 3

    def test_the_forced_marriage_lesson_gives_the_forced_marriage_unit_and_its_number(self):
        response = self.read("harmful-practices", "forced-marriage-and-the-one-chance-rule")
        page = main_content(response)
        assert "Forced Marriage Unit" in signpost_cards(response)
        assert "020 7008 0151" in page and "overseas" in page

    # 5

    def test_the_lesson_on_risk_after_leaving_names_the_new_protection_orders_and_non_molestation_orders(self):
        page = main_content(self.read("post-separation-abuse", "risk-after-leaving"))
        assert re.search(r"Domestic Abuse Protection Notices and Orders[^.]*Part 3 of the Domestic Abuse Act", page)
        assert re.search(r"27 November 2024[^.]*replace[^.]*DVPNs and DVPOs", page)
        assert re.search(r"[Nn]on-molestation orders[^.]*victim-survivor applies", page)

    # 6

    def test_a_police_learner_reads_that_forces_may_use_dara_while_marac_uses_dash(self):
        page = main_content(self.read("risk-assessment-dash-and-marac", "getting-ready-to-ask", sector="police"))
        assert "Showing this lesson for: Police" in page
        assert "Domestic Abuse Risk Assessment (DARA)" in page and "College of Policing" in page
        assert re.search(r"MARAC still use the DASH", page)

    # 7

    def test_the_stalking_lesson_gives_the_stalking_and_revenge_porn_helplines(self):
        response = self.read("coercive-control-and-stalking", "stalking-and-technology-facilitated-abuse")
        cards, page = signpost_cards(response), main_content(response)
        assert "National Stalking Helpline" in cards and "0808 802 0300" in page
        assert "Revenge Porn Helpline" in cards and "0345 6000 459" in page
        assert "Report Remove" in page

    def test_the_lesson_naming_sexual_violence_gives_rape_crisis(self):
        response = self.read("recognising-vawg-and-responding-to-disclosure", "what-vawg-is")
        assert "Rape Crisis 24/7 Support Line" in signpost_cards(response)
        assert "0808 500 2222" in main_content(response)

    # 9

    def test_the_marac_lesson_gives_the_escalation_and_repeat_criteria_and_says_counter_allegations_are_common(self):
        page = main_content(self.read("risk-assessment-dash-and-marac", "referring-to-marac"))
        assert re.search(r"three or more police call-outs[^.]*twelve months", page)
        assert re.search(r"further incident[^.]*within twelve months of the last", page)
        assert re.search(r"Counter-allegations are common", page)

    # 10

    def test_the_999_card_on_the_support_page_tells_a_caller_who_cannot_speak_to_press_55(self):
        page = main_content(self.client.get("/support/"))
        assert re.search(r"press 55[^.]*Silent Solution", page)


def test_the_error_page_names_the_three_domestic_abuse_lines_together():
    from django.template.loader import render_to_string

    words = plain(render_to_string("500.html"))
    assert "National Domestic Abuse Helpline" in words
    assert "Men's Advice Line" in words and "Galop" in words


@pytest.mark.django_db
def test_the_support_page_does_not_promise_every_call_is_free(client):
    html = client.get("/support/").content.decode()
    main = plain(html[html.index("<main"):html.index("</main>")])
    assert "They are free and confidential" not in main
    assert "most are free to call" in main
