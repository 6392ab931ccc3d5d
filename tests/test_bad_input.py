"""Bad input gets a clear answer and changes nothing; personal pages are not kept (issue 8, items 7 and 11)."""

import pytest
from django.test import Client

from lms.learning.models import ConfidenceRating
from tests.factories import LearnerFactory, make_module, make_quiz, profile_form_data

pytestmark = pytest.mark.django_db


# Item 7: server errors on bad input.

@pytest.mark.parametrize("query", ['"', "\x00", ">", 'abuse "after', "((", "AND OR NOT", "*", "'"])
def test_search_answers_any_query_signed_out(client, query):
    make_module("searchable", lessons=1, title="Searchable module")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_search_still_finds_words_around_stray_quotes(client):
    make_module("post-separation", lessons=1, title="Post-separation abuse")
    page = client.get("/search/", {"q": '"separation'}).content.decode()
    assert "Post-separation abuse" in page


@pytest.mark.parametrize("target", ["abc", "//evil.example/", "https://evil.example/", "/\\evil.example", "\x00/x"])
def test_profile_never_follows_a_next_that_is_not_a_path_here(client, target):
    learner = LearnerFactory()
    client.force_login(learner)
    form = client.get("/profile/", {"next": target}).content.decode()
    assert f'value="{target}"' not in form
    response = client.post(f"/profile/?next={target}", profile_form_data(next=target))
    assert response.status_code == 302
    assert response["Location"] == "/"
    learner.refresh_from_db()
    assert learner.job_role == "Housing officer"


def test_profile_follows_a_next_on_this_site(client):
    client.force_login(LearnerFactory())
    response = client.post("/profile/", profile_form_data(next="/my-learning/"))
    assert response["Location"] == "/my-learning/"


def test_skipping_the_confidence_form_with_a_bad_next_goes_to_the_dashboard(client):
    module = make_module("rated", lessons=1)
    make_quiz(module, questions=2)
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.post(f"/my-learning/modules/{module.pk}/confidence/before/", {"action": "skip", "next": "abc"})
    assert response.status_code == 302
    assert response["Location"] == "/my-learning/"
    assert ConfidenceRating.objects.filter(user=learner, skipped=True).count() == 1


def test_a_signed_in_learner_opening_the_admin_is_told_no_without_a_redirect_loop(client):
    client.force_login(LearnerFactory())
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 403


# Item 11: smaller leaks.

def test_personal_pages_are_never_stored_by_the_browser(client):
    module = make_module("private", lessons=1)
    client.force_login(LearnerFactory())
    for path in ("/my-learning/", "/profile/", module.lessons().get().url, "/", "/modules/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path


def test_the_sign_in_message_is_not_kept_in_a_readable_cookie():
    learner = LearnerFactory(full_name="Łucja Nowak")
    client = Client()
    response = client.post("/accounts/login/", {"login": learner.email, "password": "a-long-test-password"})
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert all("Nowak" not in morsel.value for morsel in client.cookies.values())


def test_an_organisation_name_with_non_ascii_capitals_is_found_again_not_a_server_error(client):
    # SQLite lowers only ASCII letters in the unique index; the look-up must lower the same way.
    client.force_login(LearnerFactory())
    first = client.post("/profile/", profile_form_data(organisation_name="ÝSGOL Ñ CYMRU", organisation_kind="school"))
    assert first.status_code == 302
    other = LearnerFactory()
    client.force_login(other)
    again = client.post("/profile/", profile_form_data(organisation_name="ÝSGOL Ñ CYMRU", organisation_kind="school"))
    assert again.status_code == 302
    other.refresh_from_db()
    assert other.organisation.name == "ÝSGOL Ñ CYMRU"


@pytest.mark.parametrize("value", ["Sam\x00Okafor", "Sam\rOkafor", "Sam\u202eOkafor"])
def test_control_characters_in_a_name_are_refused_with_a_message(client, value):
    learner = LearnerFactory()
    client.force_login(learner)
    response = client.post("/profile/", profile_form_data(full_name=value))
    assert response.status_code == 200
    assert "Use letters, numbers, spaces and punctuation only" in response.content.decode()
    learner.refresh_from_db()
    assert learner.full_name != value


def test_an_incomplete_post_to_the_page_editor_is_a_400_not_a_server_error():
    from tests.conftest import staff_client

    module = make_module("edited", lessons=1)
    lesson = module.lessons().get()
    editor = staff_client("Editor")
    response = editor.post(f"/admin/pages/{lesson.pk}/edit/", {"title": "Only a title"})
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.title == "Lesson 1"
