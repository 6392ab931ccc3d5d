"""Property-based tests of the application form and the line manager's answer: whatever is sent,
no server error, and a refused post writes nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from champions.models import Champion, ChampionTier, Language, StatusChange
from champions.services import agreement_token
from content.models import Sector, Topic
from lms.accounts.models import District
from tests.factories import CertificateFactory, ChampionFactory, LearnerFactory, confirmed_member, make_module

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=1200)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), SHORT)


def ids_or_junk(valid: list[int]):
    return st.one_of(st.sampled_from([str(pk) for pk in valid]), ID_OR_JUNK)


@pytest.fixture
def eligible():
    module = make_module("fuzz-pathway", lessons=1)
    ChampionTier.objects.get(slug="community").pathway_modules.set([module])
    person = LearnerFactory()
    confirmed_member(person)
    CertificateFactory(user=person, module=module)
    return person


def test_the_application_form_with_any_input(eligible):
    client = Client()
    client.force_login(eligible)
    tiers = list(ChampionTier.objects.values_list("pk", flat=True))
    districts = list(District.objects.values_list("pk", flat=True))
    sectors = list(Sector.objects.values_list("pk", flat=True))
    topics = list(Topic.objects.values_list("pk", flat=True))
    languages = list(Language.objects.values_list("pk", flat=True))
    examples = {"run": 0, "refused": 0}

    @FUZZ
    @given(
        tier=ids_or_junk(tiers), organisation=ids_or_junk([eligible.organisation_id]),
        districts=st.lists(ids_or_junk(districts), max_size=4), sector=ids_or_junk(sectors),
        specialisms=st.lists(ids_or_junk(topics), max_size=3), languages=st.lists(ids_or_junk(languages), max_size=3),
        availability=TEXT, statement=TEXT, line_manager_name=TEXT,
        line_manager_email=st.one_of(TEXT, st.emails().map(str), st.just(eligible.email)),
        visibility=st.one_of(st.sampled_from([v for v, _ in Champion.Visibility.choices]), SHORT),
    )
    def post(**data):
        examples["run"] += 1
        response = client.post("/champions/apply/", data)
        assert response.status_code in (200, 302)
        if response.status_code == 200:  # refused: the form again, with its errors
            examples["refused"] += 1
            assert "govuk-error-summary" in response.content.decode()
            assert not Champion.objects.exists() and not StatusChange.objects.exists()
        else:
            # Accepted: start the next example afresh.
            assert Champion.objects.filter(user=eligible, status=Champion.Status.APPLIED).exists()
            Champion.objects.all().delete()
        mail.outbox.clear()

    post()
    print(f"\napplication form: {examples['run']} inputs, {examples['refused']} refused")
    assert examples["refused"] > 0


@pytest.fixture
def applicant():
    return ChampionFactory(status=Champion.Status.APPLIED, manager_agreed_at=None, approved_at=None)


def test_the_agreement_answer_with_any_input(applicant):
    path = f"/champions/agreement/{agreement_token(applicant)}/"
    counted = {"run": 0}

    @FUZZ
    @given(
        decision=st.one_of(TEXT, st.sampled_from(["AGREE", "agree ", " disagree", "confirm_disagree", "yes", ""])),
        extra=st.dictionaries(SHORT, SHORT, max_size=3),
    )
    def post(decision, extra):
        counted["run"] += 1
        response = Client().post(path, {**extra, "decision": decision})
        assert response.status_code < 500
        champion = Champion.objects.get(pk=applicant.pk)
        assert champion.status == Champion.Status.APPLIED and champion.manager_agreed_at is None
        assert StatusChange.objects.filter(champion=applicant).count() == 0

    post()
    print(f"\nagreement answer: {counted['run']} inputs")


@FUZZ
@given(token=st.one_of(TEXT, ID_OR_JUNK), decision=st.sampled_from(["agree", "confirm-disagree", "disagree"]))
def test_any_agreement_link_is_refused_without_a_server_error(token, decision):
    path = f"/champions/agreement/{quote(token, safe='')}/"
    for response in (Client().get(path), Client().post(path, {"decision": decision})):
        assert response.status_code == 404
    assert not StatusChange.objects.exists()
