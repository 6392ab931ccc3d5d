"""The catalogue, search and query counts that do not grow with the content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import LearningPath, LearningPathItem, LessonPage, Sector, SupportService, Topic
from tests.factories import LearnerFactory, make_module, read_and_complete, rich, variant

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # warm caches (site root paths, sessions) the way a running site has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def lesson_body(blocks: int, service_id: int) -> list:
    # The first three already use every kind of database lookup a lesson makes (a signpost at
    # the top level and one inside a variant); thirty repeat them ten times over.
    kinds = [
        lambda i: {"type": "signpost", "value": {"service": service_id, "text": "Call for advice."}},
        lambda i: {"type": "sector_variant", "value": {"sectors": ["housing"], "content": [
            {"type": "signpost", "value": {"service": service_id, "text": ""}}]}},
        lambda i: rich(f"Paragraph {i}."),
        lambda i: {"type": "key_point", "value": {"heading": f"Point {i}", "text": "<p>Remember.</p>"}},
        lambda i: variant(["health"], f"Health note {i}."),
        lambda i: {"type": "case_scenario", "value": {"title": f"Case {i}", "scenario": "<p>A case.</p>",
                                                      "question": "What would you do?", "reveal": "<p>This.</p>"}},
    ]
    return [kinds[i % len(kinds)](i) for i in range(blocks)]


def test_lesson_page_queries_do_not_grow_with_blocks(client):
    service = SupportService.objects.create(name="Helpline", slug="helpline", phone="0808 2000 247")
    small = make_module("small", lessons=1, body=lesson_body(3, service.pk))
    big = make_module("big", lessons=1, body=lesson_body(30, service.pk))
    client.force_login(LearnerFactory())
    small_count = count_queries(client, LessonPage.objects.child_of(small).get().url)
    big_count = count_queries(client, LessonPage.objects.child_of(big).get().url)
    assert small_count == big_count
    assert big_count <= 30


@pytest.mark.parametrize("signed_in", [False, True])
def test_catalogue_queries_do_not_grow_with_modules(client, signed_in, without_search_index):
    topic = Topic.objects.get(slug="coercive-control")
    health = Sector.objects.get(slug="health")
    if signed_in:
        client.force_login(LearnerFactory(sector=health))
    path = LearningPath.objects.create(sector=health, intro="For health staff.")

    def add_modules(start, count):
        for number in range(start, start + count):
            module = make_module(f"module-{number}", lessons=2)
            module.topics.set([topic])
            module.sectors.set([health])
            module.save()  # modelcluster keeps relations in memory until the page is saved
            LearningPathItem.objects.create(path=path, module=module, sort_order=number)

    add_modules(0, 5)
    five = count_queries(client, "/modules/")
    add_modules(5, 45)
    fifty = count_queries(client, "/modules/")
    assert five == fifty
    body = client.get("/modules/").content.decode()
    assert "50 modules" in body


def test_catalogue_filters_by_sector_topic_and_level(client):
    housing_only = make_module("housing-only", lessons=1, level="specialist")
    housing_only.sectors.set([Sector.objects.get(slug="housing")])
    housing_only.save()
    everyone = make_module("for-everyone", lessons=1)
    everyone.topics.set([Topic.objects.get(slug="stalking-harassment")])
    everyone.save()
    page = client.get("/modules/", {"sector": "health"}).content.decode()
    assert "For everyone" in page and "Housing only" not in page
    page = client.get("/modules/", {"sector": "housing", "level": "specialist"}).content.decode()
    assert "Housing only" in page and "For everyone" not in page
    page = client.get("/modules/", {"topic": "stalking-harassment"}).content.decode()
    assert "For everyone" in page and "Housing only" not in page
    # Nonsense filters are ignored with the full list, never an error.
    response = client.get("/modules/", {"sector": "<script>", "level": "x" * 500, "topic": "999"})
    assert response.status_code == 200


def test_catalogue_shows_progress_and_the_learners_path(client):
    health = Sector.objects.get(slug="health")
    module = make_module("pathway", lessons=2, title="Pathway module")
    path = LearningPath.objects.create(sector=health, intro="Start here, health colleagues.")
    LearningPathItem.objects.create(path=path, module=module, required=True)
    learner = LearnerFactory(sector=health)
    client.force_login(learner)
    read_and_complete(client, module.lessons().first())
    page = client.get("/modules/").content.decode()
    assert "Learning path: Health" in page
    assert "Start here, health colleagues." in page
    assert "1 of 2 lessons complete" in page
    assert "In progress" in page


def test_drafts_never_appear_in_the_catalogue_or_search(client):
    make_module("published-one", lessons=1, title="Published module",
                body=[rich("Economic abuse can continue through the courts long after separation.")])
    draft = make_module("draft-one", lessons=1, title="Draft module", live=False,
                        body=[rich("A draft paragraph about zebra crossings and economic abuse.")])
    page = client.get("/modules/").content.decode()
    assert "Published module" in page
    assert "Draft module" not in page
    found = client.get("/search/", {"q": "continue through the courts"}).content.decode()
    assert "Lesson 1" in found and "1 result" in found
    draft_lesson = LessonPage.objects.child_of(draft).get()
    draft_lesson.unpublish()
    found = client.get("/search/", {"q": "zebra crossings"}).content.decode()
    assert "No results" in found


def test_search_leaves_out_the_lessons_of_a_module_taken_down(client):
    """Its lessons stay live in Wagtail, but no route reaches them: search must not list them."""
    module = make_module("taken-down", lessons=2, title="Taken down",
                         body=[rich("Tactics of economic abuse through the family courts.")])
    kept = make_module("kept-up", lessons=1, title="Kept up", body=[rich("Economic abuse and the courts.")])
    client.force_login(LearnerFactory())
    lessons = list(LessonPage.objects.child_of(module))
    found = client.get("/search/", {"q": "economic abuse"}).content.decode()
    assert "3 results" in found and all(lesson.url in found for lesson in lessons)
    module.unpublish()
    found = client.get("/search/", {"q": "economic abuse"}).content.decode()
    assert "1 result " in found
    assert kept.get_children().get().url in found
    assert "/modules/taken-down/" not in found
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    assert lesson.live and client.get(lessons[0].url).status_code == 404
    client.logout()  # and no sign-in page for a stranger either: that would say the lesson is there
    assert client.get(lessons[0].url).status_code == 404


def test_pages_under_a_page_taken_down_are_not_found_by_anyone(client):
    """Wagtail serves a live page under an unpublished one; nothing here does, and the answer is
    the one for a page that is not there (no title, no summary)."""
    module = make_module("under-index", lessons=1, title="UNDER THE INDEX")
    lesson = LessonPage.objects.child_of(module).get()
    lesson.summary = "A SUMMARY NOBODY SHOULD READ"
    lesson.save_revision().publish()
    module.get_parent().unpublish()  # the catalogue
    for signed_in in (False, True):
        if signed_in:
            client.force_login(LearnerFactory())
        for url in (module.url, lesson.url):
            response = client.get(url)
            page = response.content.decode()
            assert response.status_code == 404, (url, signed_in)
            assert "UNDER THE INDEX" not in page and "NOBODY SHOULD READ" not in page
    module.unpublish()  # the module taken down with its lessons still live: the lesson as well
    module.get_parent().specific.save_revision().publish()
    assert client.get(lesson.url).status_code == 404
    assert "NOBODY SHOULD READ" not in client.get(lesson.url).content.decode()


def test_search_handles_odd_input(client):
    for query in ["", " ", "%", "' OR 1=1 --", "x" * 5000, "ünïcödé"]:
        assert client.get("/search/", {"q": query}).status_code == 200


def test_catalogue_cards_link_to_each_module_as_wagtail_gives_its_url(client):
    """The cards' links are worked out once for all modules (content.models.page_urls):
    they must be what Wagtail gives for each module."""
    modules = [make_module(f"linked-{n}", lessons=1) for n in range(3)]
    client.force_login(LearnerFactory())
    body = client.get("/modules/").content.decode()
    for module in modules:
        assert f'href="{module.get_url()}">{module.title}</a></h3>' in body


def card_of(body: str, title: str) -> str:
    """The card whose heading is `title`, up to the next card (or the end of the page)."""
    start = body.index(f">{title}</a></h3>")
    end = body.find('<div class="module-card">', start)
    return body[start:end if end > 0 else len(body)]


def test_a_card_shows_each_change_at_once_though_cards_are_kept_once_rendered(client):
    """Cards are rendered once for each set of values (content.models.module_card): a lesson
    completed, the module retitled and republished, a sector renamed, signing out, each shows
    on the next visit."""
    housing = Sector.objects.get(slug="housing")
    module = make_module("kept-card", lessons=2, title="Kept card")
    module.sectors.set([housing])
    module.save_revision().publish()
    learner = LearnerFactory()
    client.force_login(learner)
    assert "0 of 2 lessons complete" in card_of(client.get("/modules/").content.decode(), "Kept card")

    read_and_complete(client, module.lessons().first())
    card = card_of(client.get("/modules/").content.decode(), "Kept card")
    assert "1 of 2 lessons complete" in card and "In progress" in card

    module.title, module.summary = "Kept card, retitled", "A new summary for the card."
    module.save_revision().publish()
    housing.name = "Housing and homelessness"
    housing.save()
    card = card_of(client.get("/modules/").content.decode(), "Kept card, retitled")
    assert "A new summary for the card." in card and "For: Housing and homelessness." in card

    client.logout()
    card = card_of(client.get("/modules/").content.decode(), "Kept card, retitled")
    assert "lessons complete" not in card and "In progress" not in card


def test_the_kept_list_of_modules_and_learning_paths_follow_every_editorial_change(client):
    """The catalogue keeps its list of modules and each sector's path (content.models.
    cached_catalogue) until an editor changes something: each change shows on the next visit."""
    from wagtail.models import PageViewRestriction

    health = Sector.objects.get(slug="health")
    first = make_module("kept-first", lessons=1, title="Kept first")
    client.force_login(LearnerFactory(sector=health))
    assert "Kept first" in client.get("/modules/").content.decode()

    second = make_module("kept-second", lessons=1, title="Kept second")  # published
    assert "Kept second" in client.get("/modules/").content.decode()

    second.unpublish()
    assert "Kept second" not in client.get("/modules/").content.decode()

    PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    assert "Kept first" not in client.get("/modules/").content.decode()
    PageViewRestriction.objects.filter(page=first).delete()
    assert "Kept first" in client.get("/modules/").content.decode()

    path = LearningPath.objects.create(sector=health, intro="Health colleagues start here.")
    assert "Health colleagues start here." in client.get("/modules/").content.decode()
    LearningPathItem.objects.create(path=path, module=first, required=True)
    assert f'<li><a class="govuk-link" href="{first.url}">Kept first</a> (required)' in (
        client.get("/modules/").content.decode())
    path.intro = "Health colleagues begin with these."
    path.save()
    assert "Health colleagues begin with these." in client.get("/modules/").content.decode()


def test_what_is_not_listed_is_read_from_the_cache_once_a_request(client, monkeypatch):
    """The route and the check before serving both ask which branches are taken down or
    restricted: one cache round trip a request."""
    from content import models

    lesson = LessonPage.objects.child_of(make_module("asked-once", lessons=1)).get()
    client.force_login(LearnerFactory())
    client.get(lesson.url)  # warm
    reads = []
    real = models.CATALOGUE.get
    monkeypatch.setattr(models.CATALOGUE, "get", lambda read, part="": reads.append(part) or real(read, part=part))
    assert client.get(lesson.url).status_code == 200
    assert reads.count("unlisted") == 1
