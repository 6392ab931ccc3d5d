"""Property-based tests of the organisation leads' forms, with inputs Hypothesis makes up: adding
and changing an action, recording progress, adding evidence. Whatever is sent: no server error;
a refused post writes nothing (and logs nothing); an accepted one writes exactly one record that
keeps the plan's rules (due within the accreditation and its year, printable text, a link that
is a web address, a file that is what it says)."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from champions.whiteribbon.forms import year_span
from champions.whiteribbon.models import ActionItem, ActionUpdate, Criterion, Evidence, Focus
from lms.site.roles import Role
from tests.factories import ActionItemFactory, LearnerFactory, OrganisationFactory, accredited_cycle
from tests.whiteribbon.factories import PDF

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
SHORT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBER_OR_JUNK = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63).map(str), st.integers(min_value=0, max_value=3000).map(str),
    SHORT,
)
# Text a person might well type (letters, digits, spaces, punctuation), so that accepted posts
# are tried as often as refused ones.
PLAIN = st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=80)
ID_OR_JUNK = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), SHORT)
APPROVED = timezone.localdate() - datetime.timedelta(days=200)
CONTROL = {chr(code) for code in range(32)} - {"\n", "\r", "\t"}
FORMULA_STARTS = ("=", "+", "-", "@")


def assert_no_server_error(response) -> None:
    event("accepted" if response.status_code == 302 else f"answered {response.status_code}")
    assert response.status_code < 500
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def lead_and_cycle():
    organisation = OrganisationFactory()
    lead = LearnerFactory(roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    client = Client()
    client.force_login(lead)
    return client, accredited_cycle(organisation, approved_on=APPROVED)


def item_url(item) -> str:
    return f"/organisations/{item.cycle.organisation_id}/white-ribbon/items/{item.pk}/"


def logged(action: str, item_ids) -> bool:
    """Whether anything was logged under `action` for these actions (the database is shared by
    every example of a test, so each looks only at its own records)."""
    return ModelLogEntry.objects.filter(action=action, object_id__in=[str(pk) for pk in item_ids]).exists()


def assert_printable(value: str) -> None:
    assert not set(value) & CONTROL and not value.startswith(FORMULA_STARTS) and value == value.strip()


def assert_a_valid_action(item: ActionItem) -> None:
    cycle = item.cycle
    assert item.criterion in Criterion.values and item.focus in Focus.values and item.year in (1, 2, 3)
    starts, ends = year_span(cycle, item.year)
    assert cycle.approved_on <= starts <= item.due_on <= ends <= cycle.expires_on
    for value in (item.title, item.owner):
        assert value and "  " not in value
        assert_printable(value)
    assert_printable(item.detail)


JUNK_DATE = st.fixed_dictionaries({"due_day": NUMBER_OR_JUNK, "due_month": NUMBER_OR_JUNK, "due_year": NUMBER_OR_JUNK})
# Real dates around the accreditation too, so that accepted posts are tried as well as refused ones.
REAL_DATE = st.dates(min_value=APPROVED - datetime.timedelta(days=400),
                     max_value=APPROVED + datetime.timedelta(days=1500)).map(
    lambda day: {"due_day": str(day.day), "due_month": str(day.month), "due_year": str(day.year)})
ACTION = st.tuples(
    st.fixed_dictionaries({
        "title": st.one_of(TEXT, PLAIN),
        "criterion": st.one_of(st.sampled_from(Criterion.values), SHORT),
        "focus": st.one_of(st.sampled_from(Focus.values), SHORT),
        "year": st.one_of(st.sampled_from(["1", "2", "3"]), NUMBER_OR_JUNK),
        "owner": st.one_of(TEXT, PLAIN), "detail": st.one_of(TEXT, PLAIN), "module": st.one_of(st.just(""), ID_OR_JUNK),
    }),
    st.one_of(JUNK_DATE, REAL_DATE),
).map(lambda parts: {**parts[0], **parts[1]})


def _valid_action_post(**overrides) -> dict:
    due = APPROVED + datetime.timedelta(days=40)
    return {"title": "Managers trained", "criterion": Criterion.CHANGING_CULTURE, "focus": Focus.TRAINING,
            "year": "1", "due_day": str(due.day), "due_month": str(due.month), "due_year": str(due.year),
            "owner": "Head of HR", "detail": "", "module": "", "status": "amber", **overrides}


@FUZZ
@given(data=ACTION)
def test_add_action_form_with_any_input(data):
    client, cycle = lead_and_cycle()
    response = client.post(f"/organisations/{cycle.organisation_id}/white-ribbon/items/new/", data)
    assert_no_server_error(response)
    if response.status_code == 200:  # refused: the form again, with its errors
        assert "There is a problem" in response.content.decode()
        assert not ActionItem.objects.filter(cycle=cycle).exists()
    else:
        assert_a_valid_action(ActionItem.objects.get(cycle=cycle))


@FUZZ
@given(day=st.dates(min_value=APPROVED - datetime.timedelta(days=400),
                    max_value=APPROVED + datetime.timedelta(days=1500)), year=st.sampled_from([1, 2, 3]))
def test_an_action_is_added_exactly_when_its_due_date_falls_in_its_year_of_the_accreditation(day, year):
    client, cycle = lead_and_cycle()
    response = client.post(f"/organisations/{cycle.organisation_id}/white-ribbon/items/new/", _valid_action_post(
        year=str(year), due_day=str(day.day), due_month=str(day.month), due_year=str(day.year)))
    assert_no_server_error(response)
    starts, ends = year_span(cycle, year)
    assert ActionItem.objects.filter(cycle=cycle).exists() is (starts <= day <= ends)
    if response.status_code == 200:
        assert "The due date must be" in response.content.decode() or f"Year {year} of the plan runs" in \
            response.content.decode()


@FUZZ
@given(field=st.sampled_from(["title", "criterion", "focus", "year", "due_day", "due_month", "due_year", "owner",
                              "detail", "module"]), value=st.one_of(TEXT, PLAIN))
def test_add_action_form_one_bad_field_in_an_otherwise_valid_post(field, value):
    client, cycle = lead_and_cycle()
    response = client.post(f"/organisations/{cycle.organisation_id}/white-ribbon/items/new/",
                           _valid_action_post(**{field: value}))
    assert_no_server_error(response)
    if response.status_code == 200:
        assert not ActionItem.objects.filter(cycle=cycle).exists()
    else:
        assert_a_valid_action(ActionItem.objects.get(cycle=cycle))


@FUZZ
@given(field=st.sampled_from(["title", "criterion", "focus", "year", "due_day", "due_month", "due_year", "owner",
                              "detail", "module", "status"]), value=st.one_of(TEXT, PLAIN))
def test_change_action_form_one_bad_field_in_an_otherwise_valid_post(field, value):
    client, cycle = lead_and_cycle()
    item = ActionItemFactory(cycle=cycle, title="Before", due_on=APPROVED + datetime.timedelta(days=10))
    response = client.post(item_url(item) + "edit/", _valid_action_post(**{field: value}))
    assert_no_server_error(response)
    item.refresh_from_db()
    if response.status_code == 200:
        assert item.title == "Before" and item.status == "green"
        assert not logged("champions.whiteribbon.item", [item.pk])
    else:
        assert_a_valid_action(item)
        assert item.status in ActionItem.Status.values


@FUZZ
@given(text=st.one_of(TEXT, PLAIN), status=st.one_of(st.sampled_from(ActionItem.Status.values), SHORT),
       junk=st.dictionaries(SHORT, TEXT, max_size=2))
def test_progress_form_with_any_input(text, status, junk):
    client, cycle = lead_and_cycle()
    item = ActionItemFactory(cycle=cycle)
    response = client.post(item_url(item) + "updates/", {**junk, "text": text, "status": status})
    assert_no_server_error(response)
    item.refresh_from_db()
    if response.status_code == 200:
        assert not ActionUpdate.objects.filter(item=item).exists() and item.status == "green"
        assert not logged("champions.whiteribbon.update", [item.pk])
    else:
        update = ActionUpdate.objects.get(item=item)
        assert update.text and not set(update.text) & CONTROL
        assert item.status == update.status == status


FILES = st.one_of(
    st.none(), st.none(), st.just(PDF),
    st.binary(max_size=200),
    st.just(PDF),
    st.binary(max_size=50).map(lambda tail: b"%PDF-" + tail),
    st.binary(max_size=50).map(lambda tail: b"PK\x03\x04" + tail),
)
LINKS = st.one_of(
    st.just(""), st.just(""), st.just("https://example.org/policy"), TEXT,
    st.sampled_from(["javascript:alert(1)", "data:text/html,x", "//example.org", "http://[::1", "ftp://example.org/a",
                     "www.example.org/news", "HTTPS://EXAMPLE.ORG/A"]),
)


@FUZZ
@given(title=st.one_of(TEXT, PLAIN), link=LINKS, content=FILES, name=SHORT)
def test_evidence_form_with_any_input(title, link, content, name):
    client, cycle = lead_and_cycle()
    item = ActionItemFactory(cycle=cycle)
    data = {"title": title, "link": link}
    if content is not None:
        data["document"] = SimpleUploadedFile(name or "file", content)
    response = client.post(item_url(item) + "evidence/new/", data)
    assert_no_server_error(response)
    if response.status_code == 200:
        assert not Evidence.objects.filter(item=item).exists()
        assert not logged("champions.whiteribbon.evidence", [item.pk])
        return
    evidence = Evidence.objects.get(item=item)
    assert_printable(evidence.title)
    assert bool(evidence.link) != bool(evidence.document)
    if evidence.link:
        assert evidence.link.startswith(("http://", "https://"))
    else:
        assert evidence.content_type and evidence.size == len(content)
        assert evidence.file_name.endswith((".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".png", ".jpg"))
        assert evidence.document.read() == content
