"""Property-based tests of the follow-up's forms, with inputs Hypothesis makes up: the follow-up
form a signed link opens and the follow-up setting. Whatever is sent: no server error; a refused
post writes nothing; an accepted one records one answer, stored masked beside the original."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.followup.invitations import follow_up_url
from lms.followup.models import FollowUp, FollowUpRefusal
from lms.learning.models import ConfidenceRating
from tests.factories import LearnerFactory, make_module
from tests.followup.factories import FollowUpFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
RATING = st.one_of(st.sampled_from(["1", "2", "3", "4", "5"]), SHORT)
USED = st.one_of(st.sampled_from(["never", "once", "several"]), SHORT)
STORY = st.one_of(TEXT, st.text(max_size=1100), st.just("Call Jane Smith on 07700 900123 or jane@example.com"))
ACTION = st.one_of(st.none(), st.sampled_from(["decline", "stop", "resume"]), SHORT)


def assert_no_server_error(response) -> None:
    assert response.status_code < 500
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def snapshot() -> list:
    return [
        list(FollowUp.objects.order_by("pk").values_list("status", "used_in_work", "what_happened")),
        list(ConfidenceRating.objects.order_by("pk").values_list("stage", "ratings")),
        list(FollowUpRefusal.objects.values_list("user_id", flat=True)),
    ]


@pytest.fixture
def world():
    module = make_module("fuzz-follow-up", lessons=1, learning_outcomes="Notice\nAsk\nRefer")
    learner = LearnerFactory()
    client = Client()
    client.force_login(learner)
    return module, learner, client


@FUZZ
@given(ratings=st.lists(RATING, min_size=0, max_size=4), used=USED, story=STORY, action=ACTION,
       extra=st.dictionaries(SHORT, TEXT, max_size=2))
def test_the_follow_up_form_takes_any_input(world, ratings, used, story, action, extra):
    module, learner, client = world
    FollowUp.objects.all().delete()
    FollowUpRefusal.objects.all().delete()
    ConfidenceRating.objects.all().delete()
    follow_up = FollowUpFactory(user=learner, module=module)
    data = {**extra, **{f"outcome_{i}": value for i, value in enumerate(ratings)}, "used_in_work": used,
            "what_happened": story}
    if action is not None:
        data["action"] = action
    before = snapshot()
    response = client.post(follow_up_url(follow_up), data)
    assert_no_server_error(response)
    follow_up.refresh_from_db()
    if response.status_code == 200:  # refused: the form again with its errors, nothing written
        assert "There is a problem" in response.content.decode()
        assert snapshot() == before
    elif action == "decline":
        assert follow_up.status == FollowUp.Status.DECLINED
        assert FollowUpRefusal.objects.filter(user=learner).exists()
        assert not ConfidenceRating.objects.exists()
    else:
        assert response.status_code == 302
        assert follow_up.status == FollowUp.Status.ANSWERED
        assert follow_up.used_in_work == used and follow_up.what_happened == story.strip()
        assert "@" not in follow_up.what_happened_masked
        assert ConfidenceRating.objects.get().ratings == [int(value) for value in ratings[:3]]


@FUZZ
@given(action=ACTION, extra=st.dictionaries(SHORT, TEXT, max_size=3))
def test_the_follow_up_setting_takes_any_input(world, action, extra):
    _module, learner, client = world
    was_refused = FollowUpRefusal.objects.filter(user=learner).exists()
    response = client.post("/profile/follow-up/", {**extra, **({"action": action} if action is not None else {})})
    assert_no_server_error(response)
    refused = FollowUpRefusal.objects.filter(user=learner).exists()
    if action == "stop":
        assert refused
    elif action == "resume":
        assert not refused
    else:
        assert refused == was_refused
    assert FollowUpRefusal.objects.count() <= 1


# The moderator's forms ----------------------------------------------------------------------------

@FUZZ
@given(text=st.one_of(TEXT, st.text(max_size=2100), st.just("  [address removed]\n  ")),
       reason=st.one_of(SHORT, TEXT, st.text(max_size=320)))
def test_the_screening_forms_take_any_input(text, reason):
    """Any text: either refused with a message, or released as printable, trimmed, non-empty text
    within the limit; any reason likewise, with its spaces collapsed."""
    from lms.followup.forms import ReleaseForm, WithholdAccountForm
    from lms.followup.models import RELEASED_TEXT_MAX_LENGTH, WITHHELD_REASON_MAX_LENGTH
    from lms.site.validators import printable_text

    form = ReleaseForm({"text": text})
    if form.is_valid():
        cleaned = form.cleaned_data["text"]
        assert cleaned and cleaned == cleaned.strip() and len(cleaned) <= RELEASED_TEXT_MAX_LENGTH
        printable_text(cleaned.translate(dict.fromkeys(map(ord, "\n\r\t"))))
    else:
        assert form.errors["text"] and all(message.strip() for message in form.errors["text"])
    form = WithholdAccountForm({"reason": reason})
    if form.is_valid():
        cleaned = form.cleaned_data["reason"]
        assert cleaned == " ".join(cleaned.split()) and cleaned and len(cleaned) <= WITHHELD_REASON_MAX_LENGTH
    else:
        assert form.errors["reason"]


@FUZZ
@given(text=st.one_of(TEXT, st.text(max_size=2100)), decision=st.sampled_from(["release", "withhold"]),
       twice=st.booleans())
def test_a_moderators_post_never_errors_and_a_refused_one_changes_nothing(moderator_and_account, text, decision,
                                                                        twice):
    client, account = moderator_and_account
    from lms.followup.models import AccountStatus

    FollowUp.objects.filter(pk=account.pk).update(
        account_status=AccountStatus.WAITING, what_happened_masked="Waiting text.", withheld_reason="",
    )
    url = f"/admin/follow-up/screening/{account.pk}/" + ("withhold/" if decision == "withhold" else "")
    data = {"text": text, "seen": "waiting"} if decision == "release" else {"reason": text}
    response = client.post(url, data)
    assert_no_server_error(response)
    account.refresh_from_db()
    if response.status_code == 400:
        assert (account.account_status, account.what_happened_masked) == (AccountStatus.WAITING, "Waiting text.")
    else:
        expected = AccountStatus.RELEASED if decision == "release" else AccountStatus.WITHHELD
        assert account.account_status == expected
        before = (account.what_happened_masked, account.withheld_reason, account.screened_at)
        if twice:
            assert_no_server_error(client.post(url, data))
            account.refresh_from_db()
            assert (account.what_happened_masked, account.withheld_reason, account.screened_at) == before


@pytest.fixture
def moderator_and_account():
    from lms.site.roles import Role
    from tests.conftest import staff_client

    return staff_client(Role.MODERATOR), FollowUpFactory(waiting=True)
