"""The directory's filter options come from the cache (champions.directory_filters): each viewer
still chooses only among organisations with a champion they may see, and any change to what the
options are made of is seen on the next search."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from champions import directory_filters
from champions.models import Champion, ChampionTier, Language
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory, professional
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

V = Champion.Visibility


def options(html: str, name: str) -> dict[str, str]:
    """The named select's options, {name shown: value}, "Any" left out."""
    select = re.search(rf'<select [^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return {label: value for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)}


def champion_at(organisation_name: str, **fields) -> Champion:
    organisation = OrganisationFactory(name=organisation_name)
    return ChampionFactory(user=LearnerFactory(organisation=organisation), organisation=organisation, **fields)


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def organisations_seen(client) -> set[str]:
    return set(options(client.get("/champions/").content.decode(), "organisation"))


def test_each_audience_chooses_only_among_organisations_with_a_champion_it_may_see():
    champion_at("Everyone Trust", visibility=V.PROFESSIONALS)
    champion_at("Champions Trust", visibility=V.CHAMPIONS)
    champion_at("Coordinators Trust", visibility=V.COORDINATORS)
    champion_at("Paused Trust", visibility=V.PROFESSIONALS, status=Champion.Status.PAUSED)
    listed = {"Everyone Trust", "Champions Trust", "Coordinators Trust"}
    # A champion whose profile is for coordinators only still finds their own organisation.
    me = champion_at("My Own Trust", visibility=V.COORDINATORS)

    seen_by_professional = organisations_seen(signed_in(professional()))
    seen_by_champion = organisations_seen(signed_in(me.user))
    seen_by_coordinator = organisations_seen(staff_client(Role.COORDINATOR))

    assert seen_by_professional & (listed | {"My Own Trust", "Paused Trust"}) == {"Everyone Trust"}
    assert seen_by_champion & (listed | {"My Own Trust", "Paused Trust"}) == {
        "Everyone Trust", "Champions Trust", "My Own Trust",
    }
    assert seen_by_coordinator & (listed | {"My Own Trust", "Paused Trust"}) == listed | {"My Own Trust"}


def test_an_organisation_leaves_the_choices_as_soon_as_its_champion_is_hidden_lapses_or_leaves():
    hidden = champion_at("Hidden Later Trust")
    lapsed = champion_at("Lapsed Later Trust")
    deactivated = champion_at("Deactivated Later Trust")
    removed = champion_at("Removed Later Trust")
    client = signed_in(professional())
    assert {"Hidden Later Trust", "Lapsed Later Trust", "Deactivated Later Trust", "Removed Later Trust"} <= (
        organisations_seen(client)
    )

    hidden.visibility = V.COORDINATORS
    hidden.save()
    assert "Hidden Later Trust" not in organisations_seen(client)
    lapsed.status = Champion.Status.LAPSED
    lapsed.save()
    assert "Lapsed Later Trust" not in organisations_seen(client)
    deactivated.user.is_active = False
    deactivated.user.save(update_fields=["is_active"])
    assert "Deactivated Later Trust" not in organisations_seen(client)
    removed.delete()
    assert "Removed Later Trust" not in organisations_seen(client)


def test_new_and_renamed_options_are_seen_on_the_next_search():
    champion = champion_at("Old Name Trust")
    client = signed_in(professional())

    def choices(name: str) -> dict[str, str]:
        return options(client.get("/champions/").content.decode(), name)

    assert "Old Name Trust" in choices("organisation")
    champion.organisation.name = "New Name & Partners"
    champion.organisation.save()
    assert "New Name &amp; Partners" in choices("organisation") and "Old Name Trust" not in choices("organisation")
    District.objects.create(name="Somewhere New", slug="somewhere-new", sort_order=99)
    assert "Somewhere New" in choices("district")
    Topic.objects.create(name="A new topic", slug="a-new-topic")
    assert "A new topic" in choices("specialism")
    Language.objects.create(name="Cornish")
    assert "Cornish" in choices("language")
    Sector.objects.create(name="A new sector", slug="a-new-sector")
    assert "A new sector" in choices("sector")
    ChampionTier.objects.create(name="A new tier", slug="a-new-tier", sort_order=99)
    assert "A new tier" in choices("tier")
    champion.organisation = OrganisationFactory(name="Moved To Trust")
    champion.save()
    assert "Moved To Trust" in choices("organisation") and "New Name & Partners" not in choices("organisation")
    # A new option can be chosen at once: it is not refused as "not in the list".
    district = District.objects.get(slug="somewhere-new")
    assert "Choose a district" not in client.get("/champions/", {"district": district.pk}).content.decode()


def test_signing_in_does_not_empty_the_cache_but_any_other_account_change_may():
    person = professional()
    directory_filters.options_for(V.PROFESSIONALS)
    generation = directory_filters._generation()

    person.save(update_fields=["last_login"])
    assert directory_filters._generation() == generation
    person.save()
    assert directory_filters._generation() != generation


def test_a_change_starts_a_new_generation_again_once_it_is_committed(django_capture_on_commit_callbacks):
    """A request that read the database before the change was committed stored what it read under
    the generation started by the save: the commit starts another."""
    champion = champion_at("Committed Trust")
    with django_capture_on_commit_callbacks(execute=True):
        champion.visibility = V.COORDINATORS
        champion.save()
        during = directory_filters._generation()
    assert directory_filters._generation() != during


def test_a_bad_choice_is_refused_without_a_query_for_the_options(django_assert_max_num_queries):
    champion_at("Queried Trust")
    client = signed_in(professional())
    client.get("/champions/")
    district = District.objects.get(slug="watford")

    with django_assert_max_num_queries(9):
        html = client.get("/champions/", {
            "district": district.pk, "specialism": "99999", "organisation": "junk", "q": "someone",
        }).content.decode()

    assert "Choose a form of VAWG from the list" in html and "Choose an organisation from the list" in html
    assert f'<option value="{district.pk}" selected>Watford</option>' in html


def card_of(html: str, name: str) -> str:
    start = html.index(f">{name}</a>")
    end = html.find('<div class="govuk-summary-card">', start)
    return html[start:end if end != -1 else None]


def card_row(card: str, key: str) -> str:
    return re.search(rf'<dt class="govuk-summary-list__key">{key}</dt><dd class="govuk-summary-list__value">(.*?)</dd>',
                     card).group(1)


def test_a_card_names_each_champions_districts_topics_and_languages_in_the_lists_order():
    watford, dacorum = District.objects.get(slug="watford"), District.objects.get(slug="dacorum")
    topics = list(Topic.objects.order_by("name")[:2])
    welsh, polish = Language.objects.create(name="Welsh & Cymraeg"), Language.objects.get_or_create(name="Polish")[0]
    alex_champion = ChampionFactory(
        user=LearnerFactory(full_name="Alex Lists", organisation=OrganisationFactory(name="Lists & Co")),
        districts=[watford, dacorum], specialisms=list(reversed(topics)), languages=[welsh, polish],
    )
    ChampionFactory(user=LearnerFactory(full_name="Bea Bare"), districts=[watford], specialisms=[], languages=[])

    html = signed_in(professional()).get("/champions/").content.decode()

    districts = ", ".join(d.name for d in District.objects.filter(slug__in=["watford", "dacorum"]))
    alex, bea = card_of(html, "Alex Lists"), card_of(html, "Bea Bare")
    assert card_row(alex, "Districts covered") == districts
    assert card_row(alex, "Tier") == alex_champion.tier.name and card_row(alex, "Sector") == alex_champion.sector.name
    assert card_row(alex, "Organisation") == "Lists &amp; Co"
    assert card_row(alex, "Knows about") == ", ".join(topic.name for topic in topics)
    in_order = [language.name.replace("&", "&amp;")
                for language in Language.objects.filter(pk__in=[welsh.pk, polish.pk])]
    assert card_row(alex, "Languages") == ", ".join(["English", *in_order])
    assert (card_row(bea, "Districts covered"), card_row(bea, "Knows about"), card_row(bea, "Languages")) == (
        "Watford", "Not given", "English",
    )


def test_a_card_names_a_district_added_without_a_signal_since_the_options_were_read():
    champion = ChampionFactory(user=LearnerFactory(full_name="Cal Bulk"))
    client = signed_in(professional())
    client.get("/champions/")
    # bulk_create sends no post_save: the cached options do not have this district.
    district = District.objects.bulk_create([District(name="Bulk District", slug="bulk-district", sort_order=0)])[0]
    Champion.districts.through.objects.filter(champion=champion).delete()
    Champion.districts.through.objects.bulk_create([Champion.districts.through(champion=champion, district=district)])

    html = client.get("/champions/").content.decode()

    assert card_row(card_of(html, "Cal Bulk"), "Districts covered") == "Bulk District"
