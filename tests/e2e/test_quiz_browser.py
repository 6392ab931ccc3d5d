"""A quiz in a real browser: every page passes axe under the real CSP, and a pass completes the module."""

import re

import pytest
from playwright.sync_api import expect

from lms.learning.models import Choice
from lms.learning.progress import is_module_complete
from tests.e2e.conftest import axe_violations, sign_in
from tests.factories import LearnerFactory, make_module, make_quiz

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_learner_takes_the_quiz_and_passes(live_server, page, offsite_requests):
    module = make_module("browser-quiz", lessons=1, title="Browser quiz")
    make_quiz(module, questions=3, pass_mark=100)
    learner = LearnerFactory()
    sign_in(page, live_server.url, learner)

    lesson = module.lessons().get()
    page.goto(f"{live_server.url}{lesson.url}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("how confident do you feel")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Skip this").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1")
    page.get_by_role("button", name="Mark complete and finish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_url(re.compile(r"/my-learning/attempts/[0-9]+/$"))
    expect(page.get_by_role("button", name="Check your answers")).to_be_visible()
    assert axe_violations(page) == []
    for choice in Choice.objects.filter(is_correct=True):
        page.get_by_label(choice.text, exact=True).check()
    page.get_by_role("button", name="Check your answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Submit for marking").click()
    expect(page.get_by_role("heading", name="You passed")).to_be_visible()
    assert axe_violations(page) == []
    assert is_module_complete(learner, module)
    assert offsite_requests == []
