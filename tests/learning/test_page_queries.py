"""The catalogue, a module's overview and a lesson each cost at most ten queries for a signed-in
learner with progress, and the count does not grow with the number of modules or learners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.learning.models import LessonCompletion
from tests.factories import LearnerFactory, make_module, read_and_complete

pytestmark = pytest.mark.django_db

LIMIT = 10


def queries(client, url) -> int:
    assert client.get(url).status_code == 200, url  # warm: the lesson body is cached after the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def site_with(modules: int, other_learners: int, prefix: str = "module"):
    built = [make_module(f"{prefix}-{n}", lessons=3) for n in range(modules)]
    for _ in range(other_learners):
        other = LearnerFactory()
        for module in built:
            for lesson in module.lessons():
                LessonCompletion.objects.create(user=other, lesson=lesson, module=module)
    return built


def counts(client, built) -> dict[str, int]:
    learner = LearnerFactory()
    client.force_login(learner)
    module = built[0]
    lessons = list(module.lessons())
    read_and_complete(client, lessons[0])  # progress: one lesson done, the module in progress
    return {
        "catalogue": queries(client, "/modules/"),
        "module overview": queries(client, module.url),
        "lesson": queries(client, lessons[1].url),
    }


def test_few_modules_pages_cost_at_most_ten_queries(client):
    found = counts(client, site_with(modules=3, other_learners=1))
    assert all(count <= LIMIT for count in found.values()), found


def test_page_queries_do_not_grow_with_modules_or_learners(client):
    small = counts(client, site_with(modules=3, other_learners=1))
    make_more = site_with(modules=9, other_learners=5, prefix="more")
    assert make_more
    large = counts(client, make_more)  # 12 modules and 7 learners in all
    assert large == small, (small, large)
    assert all(count <= LIMIT for count in large.values()), large


def test_each_page_costs_exactly_its_queries(client):
    """What each query is for, so that a new one is a decision, not a drift. Every page: the
    session, the user, the site and its home page. Then the catalogue: its own page, and the
    learning engine's one (lms.learning.access), the list of modules and the learner's path
    being kept (content.models.cached_catalogue); a module: itself, the engine's one and the
    catalogue's page for the way back; a lesson: itself with its module (content.models.
    PageWithParent), the engine's one, and whether the learner gave feedback (lms.feedback)."""
    found = counts(client, site_with(modules=3, other_learners=1))
    assert found == {"catalogue": 6, "module overview": 7, "lesson": 7}, found
