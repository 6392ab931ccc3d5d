"""Property-based test of the lead's expected-modules form, with inputs Hypothesis makes up:
whatever is posted, no server error; a refused post changes and logs nothing; an accepted one
leaves the organisation expecting published modules only, exactly those sent."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from lms.site.roles import Role
from tests.factories import LearnerFactory, OrganisationFactory, TrainingModulePageFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=80, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)


@pytest.fixture
def world():
    organisation = OrganisationFactory()
    live = [TrainingModulePageFactory(title=f"Live {n}") for n in range(3)]
    draft = TrainingModulePageFactory(title="Draft", live=False)
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    client = Client()
    client.force_login(lead)
    return client, organisation, live, draft


@FUZZ
@given(picks=st.lists(st.one_of(st.sampled_from(["live0", "live1", "live2", "draft"]), ID_OR_JUNK), max_size=6),
       extra=st.dictionaries(SHORT, SHORT, max_size=3))
def test_the_expected_modules_form_with_any_input(world, picks, extra):
    client, organisation, live, draft = world
    ids = {"live0": live[0].pk, "live1": live[1].pk, "live2": live[2].pk, "draft": draft.pk}
    sent = [str(ids.get(pick, pick)) for pick in picks]
    before = set(organisation.expected_modules.values_list("pk", flat=True))
    logged = ModelLogEntry.objects.filter(object_id=str(organisation.pk), action="wagtail.edit").count()
    data = {**{key: value for key, value in extra.items() if key != "csrfmiddlewaretoken"}, "modules": sent}
    response = client.post(f"/organisations/{organisation.pk}/training/expected-modules/", data)
    assert response.status_code < 500
    after = set(organisation.expected_modules.values_list("pk", flat=True))
    now_logged = ModelLogEntry.objects.filter(object_id=str(organisation.pk), action="wagtail.edit").count()
    if response.status_code == 302:
        event("accepted")
        assert response["Location"] == f"/organisations/{organisation.pk}/training/"
        assert after == {int(value) for value in sent}
        assert after <= {module.pk for module in live}
        assert now_logged == logged + (after != before)
    else:
        event(f"refused ({response.status_code})")
        assert response.status_code == 200 and b"Choose modules from the list" in response.content
        assert after == before and now_logged == logged
