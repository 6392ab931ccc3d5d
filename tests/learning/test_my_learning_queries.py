"""Your learning costs the same number of queries however many modules, certificates (renewed
ones too), guidance updates and champion tiers a learner has: the page and its hooks share one
query for the learner's certificates (lms.dashboard.learner_certificates)."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from lms.certificates.models import Certificate
from lms.dashboard import current_certificates, learner_certificates
from lms.learning.models import Enrolment
from lms.updates.services import included_updates, pending_for
from tests.certificates.factories import CertificateFactory
from tests.factories import LearnerFactory, make_module
from tests.updates.factories import GuidanceUpdatePageFactory
from tests.updates.test_updates import DAY, PUBLISHED

pytestmark = pytest.mark.django_db


def add(learner, prefix: str, count: int):
    """`count` modules, each enrolled in, with an update, and a certificate issued before it,
    the first of them renewed since."""
    for n in range(count):
        module = make_module(f"{prefix}-{n}", lessons=2)
        Enrolment.objects.create(user=learner, module=module)
        GuidanceUpdatePageFactory(title=f"Update {prefix} {n}", slug=f"update-{prefix}-{n}", modules=[module])
        issued = DAY - datetime.timedelta(days=300)
        old = CertificateFactory(user=learner, module=module, issued_on=issued,
                                 expires_on=issued + datetime.timedelta(days=730))
        if n == 0:
            CertificateFactory(user=learner, module=module, replaces=old, issued_on=DAY,
                               expires_on=DAY + datetime.timedelta(days=700))


def page_queries(client) -> tuple[int, str]:
    client.get("/my-learning/")  # warm: cached reference data
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/my-learning/")
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_your_learning_costs_the_same_queries_whatever_the_learners_history():
    with time_machine.travel(PUBLISHED, tick=False):
        learner = LearnerFactory()
        client = Client()
        client.force_login(learner)
        add(learner, "few", 2)  # the first renewed (its update included), the second pending
        few, page = page_queries(client)
        assert "Update few 0" not in page.split("Your certificates")[0]  # renewed on the day: includes it
        add(learner, "more", 6)
        more, page = page_queries(client)
    assert "Update more 3" in page  # pending: in the banner
    assert more == few, (few, more)
    assert few <= 10, few


def test_the_shared_certificates_give_the_same_history_and_pending_updates_as_fresh_queries():
    with time_machine.travel(PUBLISHED, tick=False):
        learner = LearnerFactory()
        add(learner, "mod", 3)
        request = RequestFactory().get("/my-learning/")
        request.user = learner
        shared = learner_certificates(request)
        assert all(hasattr(c, "renewed_on") for c in shared)
        assert included_updates(shared) == included_updates(list(Certificate.objects.filter(user=learner)))
        held = [(c.module_id, c.issued_on) for c in current_certificates(request)]
        assert sorted(held) == sorted(
            Certificate.objects.current_on(DAY).filter(user=learner).values_list("module_id", "issued_on")
        )
        assert [p.update.pk for p in pending_for(learner, held=held)] == [p.update.pk for p in pending_for(learner)]
        assert len(pending_for(learner)) == 2  # the renewed module's update is included already
