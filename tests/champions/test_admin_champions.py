"""The coordinators' champion screens: applications waiting, the list with its filters and
accent-blind search, the CSV (Excel reads it) and XLSX exports, a champion's page with its
history, the decisions (record the agreement, approve, decline, withdraw) with their emails and
role changes, illegal changes refused, the dashboard panel, and tiers and languages for editors.
"""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from champions.models import Champion, ChampionTier, Language, StatusChange
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.roles import Role
from tests.champions.factories import ChampionFactory, LanguageFactory, StatusChangeFactory, make_champion
from tests.conftest import staff_client
from tests.factories import LearnerFactory, OrganisationFactory, make_module

pytestmark = pytest.mark.django_db

S = Champion.Status


def page_of(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def export(client, fmt, **params) -> bytes:
    response = client.get("/admin/champions/", {"export": fmt, **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def holds_role(user) -> bool:
    return user.groups.filter(name=Role.CHAMPION).exists()


@pytest.fixture
def network():
    """Łucja, active in Dacorum housing and speaking Polish; Ben, paused in Watford health;
    Chidi, whose application waits for a coordinator; Dana, whose waits for her line manager."""
    housing = OrganisationFactory(name="Dacorum Homes", sector=Sector.objects.get(slug="housing"),
                                  district=District.objects.get(slug="dacorum"))
    polish = LanguageFactory(name="Polish")
    lucja = ChampionFactory(
        user=LearnerFactory(full_name="Łucja Nguyễn", organisation=housing, email="lucja@example.org"),
        sector=Sector.objects.get(slug="housing"), districts=[District.objects.get(slug="dacorum")],
        languages=[polish], visibility=Champion.Visibility.CHAMPIONS,
        tier=ChampionTier.objects.get(slug="lead"),
    )
    ben = ChampionFactory(user=LearnerFactory(full_name="Ben Ward", email="ben@example.org"), status=S.PAUSED)
    chidi = ChampionFactory(
        user=LearnerFactory(full_name="Chidi Okafor"), status=S.MANAGER_AGREED, approved_at=None,
        applied_at=timezone.now() - datetime.timedelta(days=9),
    )
    dana = ChampionFactory(
        user=LearnerFactory(full_name="Dana Price"), status=S.APPLIED, approved_at=None, manager_agreed_at=None,
        applied_at=timezone.now() - datetime.timedelta(days=2),
    )
    return {"lucja": lucja, "ben": ben, "chidi": chidi, "dana": dana, "housing": housing}


def names_in(page, network) -> set[str]:
    return {key for key, champion in network.items() if key != "housing" and champion.user.full_name in page}


def test_applications_list_only_waiting_ones_oldest_first_with_the_managers_answer(network):
    client = staff_client(Role.COORDINATOR)
    page = page_of(client, "/admin/champions/applications/")
    assert names_in(page, network) == {"chidi", "dana"}
    assert page.index("Chidi Okafor") < page.index("Dana Price")
    assert "A coordinator" in page and "The line manager" in page and "Not yet" in page


def test_the_list_shows_tier_organisation_districts_status_and_dates(network):
    client = staff_client(Role.COORDINATOR)
    page = page_of(client, "/admin/champions/")
    table = page[page.index('<table class="listing'):]
    headings = [re.sub(r"<[^>]+>|\s+", " ", th).strip() for th in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert {"Name", "Tier", "Organisation", "Districts", "Status", "Approved", "Refresher due on"} <= set(headings)
    assert names_in(page, network) == {"lucja", "ben", "chidi", "dana"}
    assert "Dacorum Homes" in page and "Paused" in page
    # No champion's email address on the coordinators' pages either.
    assert "lucja@example.org" not in page and "ben@example.org" not in page


@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "paused"}, {"ben"}),
    ({"status": "manager_agreed"}, {"chidi"}),
    ({"district": "dacorum"}, {"lucja"}),
    ({"sector": "housing"}, {"lucja"}),
    ({"language": "Polish"}, {"lucja"}),
    ({"tier": "lead"}, {"lucja"}),
    ({"visibility": "champions"}, {"lucja"}),
    ({"organisation": "Dacorum Homes"}, {"lucja"}),
    ({"specialism": "domestic-abuse"}, {"lucja", "ben", "chidi", "dana"}),
])
def test_filters_narrow_the_list(network, params, expected):
    lookups = {
        "district": lambda v: District.objects.get(slug=v).pk, "sector": lambda v: Sector.objects.get(slug=v).pk,
        "language": lambda v: Language.objects.get(name=v).pk, "tier": lambda v: ChampionTier.objects.get(slug=v).pk,
        "organisation": lambda v: network["housing"].pk, "specialism": lambda v: Topic.objects.get(slug=v).pk,
    }
    query = {key: lookups[key](value) if key in lookups else value for key, value in params.items()}
    client = staff_client(Role.COORDINATOR)
    assert names_in(page_of(client, "/admin/champions/", **query), network) == expected


def test_search_ignores_accents_and_case(network):
    client = staff_client(Role.COORDINATOR)
    assert names_in(page_of(client, "/admin/champions/", q="lucja"), network) == {"lucja"}
    assert names_in(page_of(client, "/admin/champions/", q="NGUYEN"), network) == {"lucja"}
    assert names_in(page_of(client, "/admin/champions/", q="dacorum homes"), network) == {"lucja"}
    assert names_in(page_of(client, "/admin/champions/", q="nobody-like-this"), network) == set()


def test_junk_query_strings_never_break_the_list(network):
    client = staff_client(Role.COORDINATOR)
    for params in ({"status": "nonsense"}, {"district": "99999999999999999999"}, {"q": "\x00" * 5},
                   {"ordering": "password"}, {"p": "-1"}, {"export": "pdf"}):
        assert client.get("/admin/champions/", params).status_code < 500
    assert client.get("/admin/champions/inspect/99999999999999999999/").status_code == 404
    assert client.get("/admin/champions/approve/999999/").status_code == 404


def test_csv_export_starts_with_a_bom_names_intact_work_email_and_formulas_neutralised(network):
    network["ben"].user.full_name = "=HYPERLINK(\"http://evil.example\")"
    network["ben"].user.save()
    client = staff_client(Role.COORDINATOR)
    data = export(client, "csv", status="active")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["Name"] for row in rows] == ["Łucja Nguyễn"]
    assert rows[0]["Work email"] == "lucja@example.org"
    assert rows[0]["Districts"] == "Dacorum" and rows[0]["Languages"] == "Polish"
    assert rows[0]["Tier"] == "Lead" or rows[0]["Tier"] == str(network["lucja"].tier)
    assert "statement" not in " ".join(rows[0]).lower()
    everyone = list(csv.DictReader(io.StringIO(export(client, "csv").decode("utf-8-sig"))))
    assert len(everyone) == 4
    assert "'=HYPERLINK(\"http://evil.example\")" in [row["Name"] for row in everyone]


def test_xlsx_export_opens_with_openpyxl(network):
    client = staff_client(Role.COORDINATOR)
    book = load_workbook(io.BytesIO(export(client, "xlsx", q="lucja")))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and rows[1][0] == "Łucja Nguyễn"
    assert len(rows) == 2


def test_the_list_costs_the_same_queries_for_3_or_30_champions(django_assert_max_num_queries):
    client = staff_client(Role.COORDINATOR)
    ChampionFactory.create_batch(3)
    client.get("/admin/champions/")  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/champions/").status_code == 200
    ChampionFactory.create_batch(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/admin/champions/").status_code == 200


def test_a_champions_page_shows_profile_and_full_history_but_not_their_email(network):
    chidi = network["chidi"]
    coordinator = staff_client(Role.COORDINATOR)
    StatusChangeFactory(champion=chidi, from_status="", to_status=S.APPLIED, by=chidi.user, reason="",
                        at=timezone.now() - datetime.timedelta(days=9))
    StatusChangeFactory(champion=chidi, from_status=S.APPLIED, to_status=S.MANAGER_AGREED, by=None,
                        reason="Morgan Manager agreed through the emailed link.")
    page = page_of(coordinator, f"/admin/champions/inspect/{chidi.pk}/")
    assert "Chidi Okafor" in page and chidi.user.email not in page
    history = page[page.index('id="history"'):]
    # The manager's agreement by link is theirs, not "the daily check" (a reviewer found it so).
    assert "The line manager, by the emailed link" in history and "(the champion)" in history
    assert "The daily check" not in history
    assert "Morgan Manager agreed through the emailed link." in history
    assert "Approve" in page and "Decline" in page and "Record the line manager" not in page


def test_recording_the_agreement_needs_a_note_then_moves_the_application_on(network):
    dana = network["dana"]
    client = staff_client(Role.COORDINATOR)
    url = f"/admin/champions/agreement/{dana.pk}/"
    assert "Record that Dana Price’s line manager agrees" in page_of(client, url)
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200 and "Say how you know the line manager agrees." in response.content.decode()
    dana.refresh_from_db()
    assert dana.status == S.APPLIED and not StatusChange.objects.filter(champion=dana).exists()
    response = client.post(url, {"reason": "Email from her manager of 3 March."})
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.status == S.MANAGER_AGREED and dana.manager_agreement_recorded_by == client.user
    change = StatusChange.objects.get(champion=dana)
    assert change.by == client.user and change.reason == "Email from her manager of 3 March."


def test_approve_gives_the_role_emails_them_and_a_double_click_approves_once(
        network, django_capture_on_commit_callbacks):
    chidi = network["chidi"]
    client = staff_client(Role.COORDINATOR)
    assert not holds_role(chidi.user)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/admin/champions/approve/{chidi.pk}/", {"reason": ""})
        second = client.post(f"/admin/champions/approve/{chidi.pk}/", {"reason": ""}, follow=True)
    assert first.status_code == 302
    assert "so they cannot become “active”. Nothing was changed." in second.content.decode()
    chidi.refresh_from_db()
    assert chidi.status == S.ACTIVE and chidi.approved_at is not None and holds_role(chidi.user)
    assert StatusChange.objects.filter(champion=chidi, to_status=S.ACTIVE).count() == 1
    assert [m.to for m in mail.outbox] == [[chidi.user.email]]


def test_decline_needs_a_reason_which_is_emailed(network, django_capture_on_commit_callbacks):
    dana = network["dana"]
    client = staff_client(Role.COORDINATOR)
    assert client.post(f"/admin/champions/decline/{dana.pk}/", {"reason": ""}).status_code == 200
    dana.refresh_from_db()
    assert dana.status == S.APPLIED and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/champions/decline/{dana.pk}/",
                               {"reason": "The lead tier needs the risk module first; do apply again after it."})
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.status == S.DECLINED
    assert len(mail.outbox) == 1 and "risk module first" in mail.outbox[0].body


def test_withdraw_removes_the_role_and_hides_them(network):
    lucja = network["lucja"]
    client = staff_client(Role.COORDINATOR)
    assert holds_role(lucja.user)
    response = client.post(f"/admin/champions/withdraw/{lucja.pk}/", {"reason": "Left Dacorum Homes in May."})
    assert response.status_code == 302
    lucja.refresh_from_db()
    assert lucja.status == S.WITHDRAWN and not holds_role(lucja.user)
    assert StatusChange.objects.get(champion=lucja).reason == "Left Dacorum Homes in May."


def test_an_illegal_change_is_refused_with_the_message_and_changes_nothing(network):
    lucja = network["lucja"]
    client = staff_client(Role.COORDINATOR)
    page = page_of(client, f"/admin/champions/approve/{lucja.pk}/")
    assert "is “active”, so you cannot do this now" in page and "<textarea" not in page
    response = client.post(f"/admin/champions/decline/{lucja.pk}/", {"reason": "Testing."})
    assert response.status_code == 200
    assert "so they cannot become “declined”. Nothing was changed." in response.content.decode()
    lucja.refresh_from_db()
    assert lucja.status == S.ACTIVE and holds_role(lucja.user)
    assert not StatusChange.objects.filter(champion=lucja).exists()


def test_a_real_application_goes_from_agreement_to_approval_through_the_admin(django_capture_on_commit_callbacks):
    user = make_champion(tier_slug="community", approved=False)
    champion = ChampionFactory(user=user, status=S.APPLIED, approved_at=None, manager_agreed_at=None)
    client = staff_client(Role.COORDINATOR)
    client.post(f"/admin/champions/agreement/{champion.pk}/", {"reason": "Manager phoned on Monday."})
    page = page_of(client, f"/admin/champions/approve/{champion.pk}/")
    assert "Valid certificates for every module of the pathway." in page and "daily check will mark" not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/champions/approve/{champion.pk}/", {"reason": "Welcome."})
    champion.refresh_from_db()
    assert champion.status == S.ACTIVE and holds_role(user)
    assert list(StatusChange.objects.filter(champion=champion).values_list("to_status", flat=True)) == [
        S.ACTIVE, S.MANAGER_AGREED,
    ]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR, Role.REVIEWER])
def test_other_staff_cannot_see_or_change_champions(network, role):
    client = staff_client(role)
    chidi = network["chidi"]
    for url in ("/admin/champions/", "/admin/champions/applications/", f"/admin/champions/inspect/{chidi.pk}/",
                f"/admin/champions/approve/{chidi.pk}/", "/admin/champions/import/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    client.post(f"/admin/champions/approve/{chidi.pk}/", {"reason": ""})
    chidi.refresh_from_db()
    assert chidi.status == S.MANAGER_AGREED
    assert "Chidi Okafor" not in page_of(client, "/admin/")


def test_the_dashboard_shows_applications_waiting_to_coordinators_only(network):
    coordinator = page_of(staff_client(Role.COORDINATOR), "/admin/")
    assert "Champion applications waiting" in coordinator
    panel = coordinator[coordinator.index("Champion applications waiting"):]
    assert "Chidi Okafor" in panel and "Dana Price" in panel and "/admin/champions/applications/" in panel
    assert panel.index("Chidi Okafor") < panel.index("Dana Price")
    assert "Champion applications waiting" not in page_of(staff_client(Role.EDITOR), "/admin/")


def test_editors_manage_tiers_from_live_modules_and_coordinators_only_view_them():
    live = make_module("live-pathway", lessons=1, title="Live pathway module")
    make_module("draft-pathway", lessons=1, title="Draft pathway module", live=False)
    tier = ChampionTier.objects.get(slug="community")
    editor = staff_client(Role.EDITOR)
    form = page_of(editor, f"/admin/champions/tiers/edit/{tier.pk}/")
    assert "Live pathway module" in form and "Draft pathway module" not in form
    response = editor.post(f"/admin/champions/tiers/edit/{tier.pk}/", {
        "name": tier.name, "slug": tier.slug, "description": tier.description,
        "time_commitment": "About two hours a month", "pathway_modules": [live.pk], "sort_order": tier.sort_order,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    tier.refresh_from_db()
    assert tier.time_commitment == "About two hours a month" and list(tier.pathway_modules.all()) == [live]
    response = editor.post("/admin/champions/languages/new/", {"name": "Shona", "sort_order": 5})
    assert response.status_code == 302 and Language.objects.filter(name="Shona").exists()

    coordinator = staff_client(Role.COORDINATOR)
    assert tier.name in page_of(coordinator, "/admin/champions/tiers/")
    assert coordinator.get(f"/admin/champions/tiers/edit/{tier.pk}/")["Location"] == "/admin/"
    coordinator.post("/admin/champions/languages/new/", {"name": "Amharic", "sort_order": 1})
    assert not Language.objects.filter(name="Amharic").exists()


def test_the_menu_offers_each_role_its_champion_screens():
    coordinator = page_of(staff_client(Role.COORDINATOR), "/admin/")
    editor = page_of(staff_client(Role.EDITOR), "/admin/")
    for url in ("/admin/champions/applications/", "/admin/champions/import/"):
        assert url in coordinator and url not in editor
    assert "/admin/champions/tiers/" in editor and "/admin/champions/languages/" in editor
