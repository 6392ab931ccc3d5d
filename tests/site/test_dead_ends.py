"""No dead ends: a button pressed after the session ran out, or a button's address opened directly.

A signed-out form post goes to sign in and comes back to the page the form was on, never to the
POST-only address (which a browser would then open with GET); and opening a POST-only address
with GET shows a page in the site's layout, with "Exit this page", not an empty 405.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import LearnerFactory, MembershipFactory, OrganisationFactory, make_module, make_quiz

pytestmark = pytest.mark.django_db


def next_of(location: str) -> str:
    parts = urlsplit(location)
    assert parts.path == reverse("account_login")
    return parse_qs(parts.query)["next"][0]


def test_signed_out_mark_complete_signs_in_and_lands_back_on_the_lesson(client):
    learner = LearnerFactory()
    module = make_module("timed-out", lessons=2)
    lesson = module.get_children().first().specific
    complete = reverse("lesson_complete", args=[lesson.pk])

    response = client.post(complete, HTTP_REFERER=f"http://testserver{lesson.url}")

    assert response.status_code == 302
    assert next_of(response["Location"]) == lesson.url
    signed_in = client.post(response["Location"], {"login": learner.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    assert signed_in["Location"] == lesson.url
    page = client.get(lesson.url)
    assert page.status_code == 200
    assert "Mark complete and continue" in page.content.decode()


@pytest.mark.parametrize("referer", [
    None,
    "https://evil.example/modules/x/",
    "http://testserver//evil.example/",
    "not a url",
])
def test_signed_out_post_from_elsewhere_or_nowhere_signs_in_to_your_learning(client, referer):
    module = make_module("timed-out", lessons=1)
    lesson = module.get_children().first()
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = client.post(reverse("lesson_complete", args=[lesson.pk]), **headers)
    assert response.status_code == 302
    assert next_of(response["Location"]) == reverse("my_learning")


def test_signed_out_lead_answering_a_request_comes_back_to_the_members_page(client):
    organisation = OrganisationFactory()
    membership = MembershipFactory(organisation=organisation)
    members = reverse("organisation_members")
    response = client.post(
        reverse("membership_confirm", args=[membership.pk]), HTTP_REFERER=f"http://testserver{members}",
    )
    assert response.status_code == 302
    assert next_of(response["Location"]) == members
    membership.refresh_from_db()
    assert membership.status == "requested"


def test_signed_out_get_still_returns_to_the_page_asked_for(client):
    response = client.get(reverse("my_learning"))
    assert next_of(response["Location"]) == reverse("my_learning")


def post_only_addresses():
    """Every POST-only address a learner or a lead can reach from a button, for a lead who learns."""
    lead = LearnerFactory()
    organisation = OrganisationFactory(leads=[lead])
    membership = MembershipFactory(organisation=organisation)
    module = make_module("post-only", lessons=1)
    make_quiz(module, questions=1)
    lesson = module.get_children().first()
    return lead, [
        reverse("lesson_complete", args=[lesson.pk]),
        reverse("warning_acknowledge", args=[lesson.pk]),
        reverse("quiz_start", args=[module.pk]),
        reverse("certificate_bundle_start"),
        reverse("membership_confirm", args=[membership.pk]),
    ]


def test_opening_a_post_only_address_shows_a_page_in_the_site_layout(client):
    lead, addresses = post_only_addresses()
    client.force_login(lead)
    for address in addresses:
        response = client.get(address)
        page = response.content.decode()
        assert response.status_code == 405, address
        assert "POST" in response["Allow"], address
        assert "Content-Security-Policy" in response, address
        assert 'class="govuk-header' in page, address
        assert "Exit this page" in page, address
        assert "This address only works from a button on the site" in page, address
        assert f'href="{reverse("my_learning")}"' in page, address
        assert 'href="/"' in page, address


def test_a_405_for_another_method_keeps_its_short_answer(client):
    """Only a GET is given the page; a wrong method from a script keeps Django's short answer."""
    lead, addresses = post_only_addresses()
    client.force_login(lead)
    response = client.put(addresses[0])
    assert response.status_code == 405
    assert response.content == b""


def test_signing_in_lands_on_your_learning(client):
    learner = LearnerFactory()
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("my_learning")


def test_signing_in_with_an_unfinished_profile_asks_for_the_profile_first(client):
    from tests.factories import UserFactory

    person = UserFactory()
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response["Location"] == reverse("my_learning")
    response = client.get(response["Location"])
    assert response["Location"] == "/profile/?next=%2Fmy-learning%2F"


def test_signing_in_follows_next_before_the_landing_page(client):
    learner = LearnerFactory()
    response = client.post(f"{reverse('account_login')}?next=/modules/", {"login": learner.email, "password": PASSWORD})
    assert response["Location"] == "/modules/"
