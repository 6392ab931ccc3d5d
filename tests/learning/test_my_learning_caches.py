"""Your learning reads the champion tiers and the live guidance updates from the cache
(champions.services.cached_tiers_with_pathways, lms.updates.services.live_update_index): an
editor's or a coordinator's change is on the next page all the same."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from champions.models import ChampionTier
from content.models import LearningPath
from lms.learning.models import ConfidenceRating, Enrolment
from lms.organisations.models import Membership
from tests.certificates.factories import CertificateFactory
from tests.content.factories import LearningPathFactory, LearningPathItemFactory
from tests.factories import LearnerFactory, OrganisationFactory, make_module
from tests.updates.factories import GuidanceUpdatePageFactory, UpdateNoticeFactory
from tests.updates.test_updates import DAY, PUBLISHED

pytestmark = pytest.mark.django_db


def page_of(client) -> str:
    response = client.get("/my-learning/")
    assert response.status_code == 200
    return response.content.decode()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def publish_title(page, title: str):
    page.title = title
    page.save_revision().publish()


# Champion tiers ---------------------------------------------------------------------------------


@pytest.fixture
def community():
    tier = ChampionTier.objects.get(slug="community")
    tier.pathway_modules.set([make_module("recognising-abuse", lessons=1, title="Recognising abuse")])
    return tier


def test_a_module_added_to_a_tier_is_on_the_next_page(community):
    client = signed_in(LearnerFactory())
    assert "0 of 1 module<" in page_of(client)
    community.pathway_modules.add(make_module("responding-safely", lessons=1, title="Responding safely"))
    page = page_of(client)
    assert "0 of 2 modules" in page and "Responding safely" in page


def test_a_tier_renamed_or_a_module_retitled_or_unpublished_is_on_the_next_page(community):
    client = signed_in(LearnerFactory())
    module = community.pathway_modules.get()
    assert f'href="{module.url}">Recognising abuse</a>' in page_of(client)
    community.name = "Neighbourhood champion"
    community.save()
    assert "Neighbourhood champion" in page_of(client)
    publish_title(module.specific, "Recognising coercive control")
    assert "Recognising coercive control" in page_of(client)
    module.specific.unpublish()
    page = page_of(client)
    assert "Recognising coercive control" in page and f'href="{module.url}"' not in page  # named, not linked


def test_the_pathway_panel_asks_nothing_of_the_database_for_the_tiers_once_cached(community):
    client = signed_in(LearnerFactory())
    page_of(client)
    with CaptureQueriesContext(connection) as captured:
        page_of(client)
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [one for one in sql if 'FROM "champions_championtier"' in one or "tier_pathway_modules" in one]


# Guidance updates -------------------------------------------------------------------------------


@pytest.fixture
def holder_of_module():
    """A module, a learner whose certificate for it is old, and the clock on DAY."""
    with time_machine.travel(PUBLISHED, tick=False):
        module = make_module("dapo-module", lessons=1, title="Post-separation abuse")
        issued = DAY - datetime.timedelta(days=200)
        learner = CertificateFactory(module=module, issued_on=issued,
                                     expires_on=issued + datetime.timedelta(days=730)).user
        yield module, learner


def test_an_update_published_after_the_page_was_seen_is_in_the_next_banner(holder_of_module):
    module, learner = holder_of_module
    client = signed_in(learner)
    assert "Guidance update to complete" not in page_of(client)
    update = GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[module])
    page = page_of(client)
    assert "Domestic Abuse Protection Orders" in page and f'href="{update.url}"' in page
    assert "for Post-separation abuse)" in page


def test_an_update_retitled_unpublished_or_restricted_is_seen_at_once(holder_of_module):
    module, learner = holder_of_module
    client = signed_in(learner)
    update = GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[module])
    assert "Domestic Abuse Protection Orders" in page_of(client)
    publish_title(update, "Protection orders: what changed")
    assert "Protection orders: what changed" in page_of(client)
    publish_title(module, "Abuse after separation")  # the banner names the update's modules
    assert "for Abuse after separation)" in page_of(client)
    restriction = PageViewRestriction.objects.create(page=update, restriction_type="password", password="x")
    assert "Guidance update to complete" not in page_of(client)
    restriction.delete()
    assert "Protection orders: what changed" in page_of(client)
    update.unpublish()
    assert "Guidance update to complete" not in page_of(client)


def test_the_banner_gives_the_day_the_learner_was_told_it_is_due_and_marks_it_outstanding_after(holder_of_module):
    module, learner = holder_of_module
    client = signed_in(learner)
    update = GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[module])
    assert "complete it by 30 December 2026" in page_of(client)  # not told yet: 28 days from the update
    notice = UpdateNoticeFactory(update=update, user=learner, due_on=DAY + datetime.timedelta(days=10))
    assert "complete it by 12 December 2026" in page_of(client)
    notice.due_on = DAY - datetime.timedelta(days=1)
    notice.save()
    page = page_of(client)
    assert "Outstanding" in page and "this was due by 1 December 2026" in page


def test_a_completed_update_leaves_the_banner_and_joins_the_certificates_history(holder_of_module):
    from lms.updates.services import complete_update

    module, learner = holder_of_module
    client = signed_in(learner)
    update = GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[module])
    assert "Guidance update to complete" in page_of(client)
    with time_machine.travel(PUBLISHED, tick=False):
        complete_update(learner, update)
    page = page_of(client)
    assert "Guidance update to complete" not in page
    assert "Domestic Abuse Protection Orders" in page.split('id="certificates"')[1]  # its history


# Learning paths ----------------------------------------------------------------------------------


def test_a_sectors_learning_path_changed_is_on_the_next_page():
    learner = LearnerFactory()
    LearningPath.objects.filter(sector=learner.sector).delete()
    client = signed_in(learner)
    assert "Your learning path" not in page_of(client)
    path = LearningPathFactory(sector=learner.sector, items=None, intro="Start with these.")
    first = make_module("first-steps", lessons=1, title="First steps")
    LearningPathItemFactory(path=path, module=first)
    page = page_of(client)
    assert "Start with these." in page and f'href="{first.url}"' in page and "Required for your sector" in page
    item = LearningPathItemFactory(path=path, module=make_module("going-further", lessons=1, title="Going further"),
                                   required=False)
    assert "Going further" in page_of(client) and "Recommended" in page_of(client)
    publish_title(first, "First steps, revised")
    assert "First steps, revised" in page_of(client)
    item.delete()
    assert "Going further" not in page_of(client)
    first.unpublish()
    assert "First steps" not in page_of(client)
    path.delete()
    assert "Your learning path" not in page_of(client)


def test_a_sectors_learning_path_asks_nothing_of_the_database_once_cached():
    learner = LearnerFactory()
    LearningPath.objects.filter(sector=learner.sector).delete()
    LearningPathFactory(sector=learner.sector)
    client = signed_in(learner)
    assert "Your learning path" in page_of(client)
    with CaptureQueriesContext(connection) as captured:
        page_of(client)
    assert not [q for q in captured.captured_queries if "content_learningpath" in q["sql"]]


# Page addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize("sites", [1, 2])
def test_module_links_are_local_paths_on_one_site_or_several(sites):
    learner = LearnerFactory()
    module = make_module("started", lessons=1, title="Started module")
    Enrolment.objects.create(user=learner, module=module)
    local_path = module.url
    if sites == 2:  # another name for the same pages: the request's own site still gets local paths
        home = Site.objects.get(is_default_site=True).root_page
        Site.objects.create(hostname="other.example.org", root_page=home, is_default_site=False)
    client = signed_in(learner)
    page_of(client)
    with CaptureQueriesContext(connection) as captured:
        page = page_of(client)
    assert f'href="{local_path}">Started module</a>' in page
    assert len([q for q in captured.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]) == sites - 1


# What the page shares between its parts -------------------------------------------------------


def test_a_lead_sees_their_organisations_counts_and_the_way_in_from_one_query():
    lead = LearnerFactory()
    organisations = [OrganisationFactory(name="Beta Housing"), OrganisationFactory(name="Alpha Refuge")]
    for organisation in organisations:
        organisation.leads.add(lead)
    Membership.objects.create(user=LearnerFactory(), organisation=organisations[0],
                              status=Membership.Status.REQUESTED)
    client = signed_in(lead)
    page_of(client)
    with CaptureQueriesContext(connection) as captured:
        page = page_of(client)
    assert len([q for q in captured.captured_queries if "organisations_organisation_leads" in q["sql"]]) == 1
    assert page.index("Alpha Refuge") < page.index("Beta Housing")
    assert "1 request to join waiting for an answer" in page
    assert "White Ribbon accreditation" in page and "your organisations stand" in page


def test_confidence_before_and_after_shows_on_completed_modules_only():
    learner = LearnerFactory()
    done, started = make_module("done", lessons=1), make_module("started", lessons=1)
    Enrolment.objects.create(user=learner, module=started)
    Enrolment.objects.create(user=learner, module=done, completed_at=PUBLISHED)
    for module in (done, started):
        ConfidenceRating.objects.create(user=learner, module=module, stage="before", ratings=[2, 3])
        ConfidenceRating.objects.create(user=learner, module=module, stage="after", ratings=[4, 5])
    page = page_of(signed_in(learner))
    assert page.count("Your confidence: 2.5 out of 5 before, 4.5 after.") == 1
