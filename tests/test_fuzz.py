"""Property-based tests: every public form and query parameter, with inputs Hypothesis makes up.

Whatever is sent, the site answers without a server error; a refused post writes nothing; and
no `next` ever sends anyone to another site. Each test prints how many inputs it ran.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.models import Sector
from lms.accounts.models import District, User
from lms.learning.models import Attempt, ConfidenceRating
from lms.organisations.models import Organisation
from tests.factories import LearnerFactory, make_module, make_quiz, profile_form_data, read_and_complete, start_quiz

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=100, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a browser could send: every Unicode character but lone surrogates (which cannot be
# encoded), NUL and other control characters included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# A value that is sometimes a plausible id, sometimes junk.
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)
# `next` values: paths, other hosts, schemes, encodings, control characters.
NEXT = st.one_of(
    TEXT,
    st.sampled_from([
        "abc", "/", "//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
        "javascript:alert(1)", "/%2F%2Fevil.example", " /my-learning/", "/my-learning/\x00", "///x",
        "http:/evil.example", "/my-learning/?a=1#b",
    ]),
)

inputs_run: dict[str, int] = {}


def counted(name: str) -> None:
    inputs_run[name] = inputs_run.get(name, 0) + 1


@pytest.fixture(autouse=True, scope="module")
def _report():
    yield
    total = sum(inputs_run.values())
    print(f"\ngenerated inputs: {total} ({', '.join(f'{k} {v}' for k, v in sorted(inputs_run.items()))})")


def assert_stays_here(response) -> None:
    assert response.status_code < 500
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@FUZZ
@given(email=TEXT, password1=TEXT, password2=TEXT)
def test_sign_up_with_any_input(email, password1, password2):
    counted("sign-up")
    before = User.objects.count()
    response = Client().post("/accounts/signup/", {"email": email, "password1": password1, "password2": password2})
    assert_stays_here(response)
    if response.status_code == 200:  # refused: the form again, with errors
        assert User.objects.count() == before


@FUZZ
@given(login=TEXT, password=TEXT, next_=NEXT)
def test_sign_in_with_any_input(login, password, next_):
    counted("sign-in")
    client = Client()
    response = client.post("/accounts/login/", {"login": login, "password": password, "next": next_})
    assert_stays_here(response)
    assert "_auth_user_id" not in client.session


@FUZZ
@given(data=st.fixed_dictionaries({
    "full_name": TEXT, "job_role": TEXT, "sector": ID_OR_JUNK, "organisation_name": TEXT,
    "organisation_kind": SHORT, "district": ID_OR_JUNK, "next": NEXT,
}))
def test_profile_with_any_input(data):
    counted("profile")
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    organisations = Organisation.objects.count()
    response = client.post("/profile/", data)
    assert_stays_here(response)
    if response.status_code == 200:
        stored = User.objects.get(pk=learner.pk)
        assert (stored.full_name, stored.job_role, stored.organisation_id) == (
            learner.full_name, learner.job_role, learner.organisation_id)
        assert Organisation.objects.count() == organisations


@FUZZ
@given(field=st.sampled_from(["full_name", "job_role", "organisation_name", "sector", "district"]), value=TEXT,
       next_=NEXT)
def test_profile_one_bad_field_in_an_otherwise_valid_post(field, value, next_):
    counted("profile-one-field")
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    data = profile_form_data(**{field: value}, next=next_)
    response = client.post(f"/profile/?next={next_[:50]}", data)
    assert_stays_here(response)
    if response.status_code == 200:
        assert User.objects.get(pk=learner.pk).job_role == learner.job_role


@FUZZ
@given(query=TEXT)
def test_search_with_any_query(query):
    counted("search")
    assert Client().get("/search/", {"q": query}).status_code == 200


@FUZZ
@given(sector=SHORT, topic=SHORT, level=SHORT, extra=SHORT)
def test_catalogue_with_any_filters(sector, topic, level, extra):
    counted("catalogue")
    response = Client().get("/modules/", {"sector": sector, "topic": topic, "level": level, extra or "x": extra})
    assert response.status_code == 200


@FUZZ
@given(code=TEXT)
def test_verify_with_any_code(code):
    counted("verify")
    client = Client()
    response = client.get("/verify/", {"code": code})
    assert_stays_here(response)
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code in (200, 404, 429)
    segment = quote(code.replace("/", ""), safe="")
    if segment and segment not in (".", ".."):
        assert client.get(f"/verify/{segment}/").status_code in (200, 404, 429)


@pytest.fixture
def rated_module(db):
    module = make_module("rated", lessons=1)
    make_quiz(module, questions=2)
    return module


@pytest.fixture
def quiz_in_progress(db):
    module = make_module("fuzzed-quiz", lessons=1)
    make_quiz(module, questions=3)
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    read_and_complete(client, module.lessons().get())
    return client, start_quiz(client, module)


@FUZZ
@given(fields=st.dictionaries(st.one_of(st.just("action"), st.sampled_from(["q1", "q2", "x"]), SHORT),
                              st.one_of(SHORT, st.integers(-5, 10).map(str)), max_size=6))
def test_quiz_posts_with_any_fields(quiz_in_progress, fields):
    counted("quiz")
    client, attempt = quiz_in_progress
    # Field names for this attempt's real questions, with made-up values.
    real = {f"q{item['question']}": value for item, value in zip(attempt.snapshot, fields.values(), strict=False)}
    response = client.post(f"/my-learning/attempts/{attempt.pk}/", {**fields, **real})
    assert_stays_here(response)
    stored = Attempt.objects.get(pk=attempt.pk)
    offered = {item["question"]: set(item["choices"]) for item in stored.snapshot}
    # Whatever was posted, only choices this attempt offered for that question are ever kept.
    for question, chosen in (stored.answers or {}).items():
        assert int(question) in offered
        assert set(chosen) <= offered[int(question)]


@FUZZ
@given(ratings=st.lists(ID_OR_JUNK, max_size=4), reflection=TEXT, action=SHORT, next_=NEXT,
       stage=st.sampled_from(["before", "after", "during"]))
def test_confidence_with_any_input(rated_module, ratings, reflection, action, next_, stage):
    counted("confidence")
    # Someone new each time: a rating already given would change what the form does.
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    data = {f"outcome_{i}": rating for i, rating in enumerate(ratings)}
    data.update(reflection=reflection, action=action, next=next_)
    response = client.post(f"/my-learning/modules/{rated_module.pk}/confidence/{stage}/", data)
    assert_stays_here(response)
    if response.status_code == 200:  # the form again: nothing recorded
        assert not ConfidenceRating.objects.filter(user=learner).exists()


@FUZZ
@given(next_=NEXT, path=st.sampled_from(["/accounts/login/", "/accounts/signup/", "/profile/", "/verify/"]))
def test_every_next_parameter_on_get(next_, path):
    counted("next")
    client = Client()
    if path == "/profile/":
        client.force_login(LearnerFactory())
    response = client.get(path, {"next": next_})
    assert_stays_here(response)


def test_sectors_and_districts_exist_for_the_generated_profiles():
    # The valid half of profile posts needs these reference rows (created by migrations).
    assert Sector.objects.exists() and District.objects.exists()
