"""Property-based test of the lead's expected-modules form, with inputs Hypothesis makes up:
whatever is posted (ids beyond the database's integers, ids written with a leading zero or a
space, junk), no server error; a refused post changes and logs nothing; an accepted one
leaves the organisation expecting published modules only, exactly those sent."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from lms.reports.lead import EXPECTED_MODULES_ACTION
from lms.site.roles import Role
from tests.factories import LearnerFactory, OrganisationFactory, TrainingModulePageFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=80, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# Ids of every size, beyond the database's integers too (those once overflowed on SQLite: a 500),
# and ids written another way than the form writes them ("007", " 7", "+7").
HUGE = st.one_of(st.integers(min_value=2**63 - 2, max_value=2**64 + 2), st.integers(min_value=10**19, max_value=10**60))
ID_OR_JUNK = st.one_of(
    st.integers(min_value=-(2**63) - 2, max_value=2**63).map(str),
    HUGE.map(str), HUGE.map(lambda n: f"-{n}"), SHORT,
)


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
       spellings=st.lists(st.sampled_from(["{}", "{}", "{}", "0{}", " {}", "+{}", "{}\n"]), min_size=6, max_size=6),
       extra=st.dictionaries(SHORT, SHORT, max_size=3))
def test_the_expected_modules_form_with_any_input(world, picks, spellings, extra):
    client, organisation, live, draft = world
    ids = {"live0": live[0].pk, "live1": live[1].pk, "live2": live[2].pk, "draft": draft.pk}
    sent = [
        spelling.format(ids[pick]) if pick in ids else pick
        for pick, spelling in zip(picks, spellings[:len(picks)], strict=True)
    ]
    before = set(organisation.expected_modules.values_list("pk", flat=True))
    logged = ModelLogEntry.objects.filter(object_id=str(organisation.pk), action=EXPECTED_MODULES_ACTION).count()
    data = {**{key: value for key, value in extra.items() if key != "csrfmiddlewaretoken"}, "modules": sent}
    response = client.post(f"/organisations/{organisation.pk}/training/expected-modules/", data)
    assert response.status_code < 500
    after = set(organisation.expected_modules.values_list("pk", flat=True))
    now_logged = ModelLogEntry.objects.filter(object_id=str(organisation.pk), action=EXPECTED_MODULES_ACTION).count()
    if response.status_code == 302:
        event("accepted")
        assert response["Location"] == f"/organisations/{organisation.pk}/training/"
        assert after == {int(value) for value in sent}
        assert all(value == str(int(value)) for value in sent)  # only as the form writes them
        assert after <= {module.pk for module in live}
        assert now_logged == logged + (after != before)
    else:
        event(f"refused ({response.status_code})")
        assert response.status_code == 200 and b"Choose modules from the list" in response.content
        assert after == before and now_logged == logged
