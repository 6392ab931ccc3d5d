"""Property test of the one form of guidance updates (completing an update with its answers):
whatever is posted, the answer is a page or a redirect, never a server error, and an update is
recorded as completed only when every answer is right."""

import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.certificates.services import today
from lms.updates.models import UpdateCompletion
from tests.certificates.factories import CertificateFactory
from tests.content.factories import TrainingModulePageFactory
from tests.updates.factories import GuidanceUpdatePageFactory, UpdateQuestionFactory

pytestmark = pytest.mark.django_db

ANSWERS = st.one_of(st.sampled_from(["a", "b", "c", "d", ""]), st.text(max_size=30))


@pytest.fixture
def holder_and_update():
    module = TrainingModulePageFactory()
    certificate = CertificateFactory(module=module, issued_on=today() - datetime.timedelta(days=30))
    update = GuidanceUpdatePageFactory(modules=[module])
    questions = [UpdateQuestionFactory(update=update), UpdateQuestionFactory(update=update, correct="a")]
    client = Client(raise_request_exception=False)
    client.force_login(certificate.user)
    return client, update, questions


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=ANSWERS, second=ANSWERS, extra=st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3))
def test_any_answers_get_a_clear_answer_and_only_right_ones_complete(holder_and_update, first, second, extra):
    client, update, questions = holder_and_update
    UpdateCompletion.objects.all().delete()
    data = {**extra, f"question_{questions[0].pk}": first, f"question_{questions[1].pk}": second}
    response = client.post(f"/my-learning/updates/{update.pk}/complete/", data)
    right = first == "b" and second == "a"
    assert response.status_code == (302 if right else 200)
    assert UpdateCompletion.objects.exists() == right
    if not right:
        assert "There is a problem" in response.content.decode()
