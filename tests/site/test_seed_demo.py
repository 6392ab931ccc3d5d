import base64

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command

from lms.accounts.models import User
from lms.demo.management.commands.seed_demo import DEFAULT_TOTP_SECRET
from lms.demo.two_factor import totp_code
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role
from tests.conftest import sign_in_with_mfa

pytestmark = pytest.mark.django_db

DEMO_EMAILS = {
    "learner@example.org": [Role.LEARNER],
    "champion@example.org": [Role.CHAMPION, Role.LEARNER],
    "orglead@example.org": [Role.LEARNER, Role.ORGANISATION_LEAD],
    "coordinator@example.org": [Role.COORDINATOR],
    "editor@example.org": [Role.EDITOR],
    "moderator@example.org": [Role.MODERATOR],
    "reviewer@example.org": [Role.REVIEWER],
    "admin@example.org": [],
    "teacher@example.org": [Role.LEARNER],
    "senco@example.org": [Role.LEARNER],
    "newstarter@example.org": [Role.LEARNER],
}


def test_seed_demo_creates_one_account_per_role_and_is_idempotent(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "a-long-test-password")
    call_command("seed_demo")
    call_command("seed_demo")
    # The demo accounts, and the sixty people of the demo champions network.
    assert User.objects.count() == len(DEMO_EMAILS) + 60
    for email, roles in DEMO_EMAILS.items():
        user = User.objects.get(email=email)
        assert sorted(user.groups.values_list("name", flat=True)) == sorted(roles)
        assert user.has_complete_profile
        assert user.check_password("a-long-test-password")
    assert User.objects.get(email="admin@example.org").is_superuser
    staff = [
        "coordinator@example.org", "editor@example.org", "moderator@example.org", "reviewer@example.org",
        "admin@example.org",
    ]
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == len(staff)
    assert set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True)) == set(staff)
    assert Organisation.objects.filter(leads__email="orglead@example.org").exists()
    assert_the_demo_network_is_varied()
    assert_the_demo_white_ribbon_is_varied()
    assert_the_demo_learning_is_real_and_consistent()
    out = capsys.readouterr().out
    for email in DEMO_EMAILS:
        assert email in out
    assert "a-long-test-password" in out


def test_demo_staff_sign_in_with_the_demo_totp_secret(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-long-test-password")
    call_command("seed_demo", "--skip-content")
    sign_in_with_mfa(client, User.objects.get(email="editor@example.org"))
    assert client.get("/admin/").status_code == 200


def test_seed_demo_refuses_a_bad_totp_secret(monkeypatch):
    monkeypatch.setenv("DEMO_TOTP_SECRET", "not base32!")
    with pytest.raises(CommandError, match="base32"):
        call_command("seed_demo")
    assert User.objects.count() == 0


def test_seed_demo_refuses_where_demo_data_is_not_allowed(settings):
    settings.ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="not allowed"):
        call_command("seed_demo")
    assert User.objects.count() == 0


def test_seed_demo_gives_the_demo_lead_confirmed_staff_and_one_request(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-long-test-password")
    call_command("seed_demo", "--skip-content")
    call_command("seed_demo", "--skip-content")
    lead = User.objects.get(email="orglead@example.org")
    school = Organisation.objects.get(name="Demo Primary School, Watford")
    assert Membership.objects.filter(organisation=school).count() == 4  # nothing twice
    assert set(Membership.objects.confirmed().led_by(lead).values_list("user__email", flat=True)) == {
        "orglead@example.org", "teacher@example.org", "senco@example.org",
    }
    assert Membership.objects.get(organisation=school, status="requested").user.email == "newstarter@example.org"
    client.force_login(lead)
    page = client.get("/organisations/members/").content.decode()
    assert "Rhys Evans" in page and "Tomasz Kowalczyk" in page


def test_demo_totp_code_prints_a_code_allauth_accepts_for_the_demo_staff(capsys):
    call_command("seed_demo", "--skip-content")
    capsys.readouterr()
    call_command("demo_totp_code")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    editor = User.objects.get(email="editor@example.org")
    totp = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    # The command reads the clock again, so a window turning in between could give the next code.
    assert totp.wrap().validate_code(code) or totp.wrap().validate_code(totp_code(DEFAULT_TOTP_SECRET))


def test_the_demo_staff_recovery_codes_work_once_each():
    call_command("seed_demo", "--skip-content")
    call_command("seed_demo", "--skip-content")
    admin = User.objects.get(email="admin@example.org")
    recovery = Authenticator.objects.get(user=admin, type=Authenticator.Type.RECOVERY_CODES)
    codes = recovery.wrap().get_unused_codes()
    assert len(codes) == 10
    assert recovery.wrap().validate_code(codes[0])
    assert not Authenticator.objects.get(pk=recovery.pk).wrap().validate_code(codes[0])


def test_totp_code_follows_rfc_6238():
    # RFC 6238, appendix B (SHA-1, the secret "12345678901234567890"), last six digits.
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, at=59) == "287082"
    assert totp_code(secret, at=1111111109) == "081804"
    assert totp_code(secret, at=2000000000) == "279037"


def assert_the_demo_network_is_varied():
    """About sixty champions over every district, sector, tier and visibility, some with a
    refresher due and some lapsed, with sessions and briefings; already as the daily review
    would leave them; champion@example.org one of them. (Run after seed_demo ran twice.)"""
    from champions.models import Briefing, Champion, NetworkSession, SessionBooking
    from champions.services import review_pathways
    from lms.accounts.models import District

    champions = Champion.objects.all()
    assert champions.count() == 61
    assert set(champions.values_list("districts__slug", flat=True)) == set(
        District.objects.filter(in_hertfordshire=True).values_list("slug", flat=True)
    )
    assert champions.values("sector").distinct().count() == 8
    assert set(champions.values_list("tier__slug", flat=True)) == {"community", "lead", "strategic"}
    assert set(champions.values_list("visibility", flat=True)) == set(Champion.Visibility.values)
    statuses = list(champions.values_list("status", flat=True))
    for status in ("active", "refresher_due", "lapsed", "paused", "applied", "manager_agreed"):
        assert status in statuses, status
    assert champions.exclude(languages=None).values("languages").distinct().count() >= 10
    assert NetworkSession.objects.count() == 5 and SessionBooking.objects.filter(attended=True).exists()
    assert Briefing.objects.count() > 30
    demo = Champion.objects.get(user__email="champion@example.org")
    assert demo.status == Champion.Status.ACTIVE and demo.tier.slug == "lead"
    result = review_pathways()
    assert (result.refresher_due, result.lapsed, result.restored) == (0, 0, 0)


def assert_the_demo_white_ribbon_is_varied():
    """About sixty organisations over every district and type, with cycles at every stage and on
    both tracks, action plans (some overdue, one tied to a module), ambassadors and champions;
    already as the daily check would leave them. orglead@'s school is accredited, with renewal
    falling due within the year. (Run after seed_demo ran twice: one cycle each, not two.)"""
    import datetime

    from django.utils import timezone

    from champions.whiteribbon.models import AccreditationCycle, ActionItem, WhiteRibbonPerson
    from champions.whiteribbon.services import mark_renewals_due, renewal_due_from
    from lms.accounts.models import District

    organisations = Organisation.objects.filter(status=Organisation.Status.CONFIRMED)
    assert 55 <= organisations.count() <= 70
    assert set(organisations.values_list("district__slug", flat=True)) >= set(
        District.objects.filter(in_hertfordshire=True).values_list("slug", flat=True)
    )
    assert set(organisations.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert organisations.filter(male_dominated_workforce=True).exists()
    cycles = AccreditationCycle.objects.all()
    assert set(cycles.values_list("stage", flat=True)) == set(AccreditationCycle.Stage.values)
    assert set(cycles.values_list("track", flat=True)) == set(AccreditationCycle.Track.values)
    # Seeded once: one first cycle per organisation (a re-accredited one has a renewal beside it).
    first_cycles = cycles.filter(kind=AccreditationCycle.Kind.INITIAL).count()
    assert first_cycles == cycles.values("organisation").distinct().count()
    today = timezone.localdate()
    assert ActionItem.objects.overdue_on(today).exists() and ActionItem.objects.exclude(module=None).exists()
    assert set(WhiteRibbonPerson.objects.values_list("role", flat=True)) == set(WhiteRibbonPerson.Role.values)
    school = AccreditationCycle.objects.open().get(organisation__leads__email="orglead@example.org")
    assert school.stage == AccreditationCycle.Stage.ACCREDITED
    assert today < renewal_due_from(school.expires_on) <= today + datetime.timedelta(days=365)
    assert mark_renewals_due() == 0


def assert_the_demo_learning_is_real_and_consistent():
    """Learning activity the reports can show (groups of five or more per module), made as the
    site makes it: every certificate has its passing attempt and completed module behind it, an
    "after" rating follows a pass; learner@ has a module done and one under way; newstarter@ has
    nothing yet. (Run after seed_demo ran twice: a second run adds nothing.)"""
    import datetime

    from django.db.models import Count, F
    from django.utils import timezone

    from lms.certificates.models import Certificate
    from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion
    from lms.learning.progress import is_module_complete

    certificates = Certificate.objects.select_related("user", "module", "attempt__quiz")
    assert certificates.count() > 100
    for certificate in certificates:
        attempt = certificate.attempt
        assert attempt is not None and attempt.passed and attempt.user_id == certificate.user_id
        assert attempt.quiz.module_id == certificate.module_id
        assert timezone.localdate(attempt.submitted_at) == certificate.issued_on
        assert is_module_complete(certificate.user, certificate.module)
    # One certificate per pass: a second run made no second attempt or certificate.
    assert Attempt.objects.filter(passed=True).count() == certificates.count()
    assert not Enrolment.objects.filter(completed_at__isnull=False, user__certificates=None).exists()
    assert not ConfidenceRating.objects.filter(stage="after").exclude(
        user__attempts__passed=True).exists()
    # Some failed before they passed, and some have not passed yet.
    failed = set(Attempt.objects.filter(passed=False).values_list("user", "quiz"))
    passed = set(Attempt.objects.filter(passed=True).values_list("user", "quiz"))
    assert failed & passed and failed - passed
    assert Enrolment.objects.filter(completed_at=None).count() >= 10
    per_module = Enrolment.objects.values("module").annotate(learners=Count("user", distinct=True))
    assert len(per_module) == 6 and min(row["learners"] for row in per_module) >= 5
    assert Enrolment.objects.values("user").distinct().count() >= 40
    paired = ConfidenceRating.objects.paired("after").values("module").annotate(n=Count("pk"))
    assert max(row["n"] for row in paired) >= 5
    # A module is started after its prerequisites are complete, and takes a while.
    for enrolment in Enrolment.objects.filter(module__prerequisites__isnull=False).select_related("module"):
        before = Enrolment.objects.get(user=enrolment.user, module__in=enrolment.module.prerequisites.all())
        assert before.completed_at is not None and before.completed_at < enrolment.started_at
    assert not Enrolment.objects.filter(completed_at__lt=F("started_at") + datetime.timedelta(hours=1)).exists()
    earliest = Enrolment.objects.order_by("started_at").first().started_at
    assert earliest < timezone.now() - datetime.timedelta(days=365)

    learner = User.objects.get(email="learner@example.org")
    done = Enrolment.objects.get(user=learner, completed_at__isnull=False)
    certificate = Certificate.objects.get(user=learner)
    assert certificate.module_id == done.module_id
    age = timezone.localdate() - certificate.issued_on
    assert datetime.timedelta(days=270) <= age <= datetime.timedelta(days=330)
    assert certificate.state_on(timezone.localdate()) == "valid"
    assert set(ConfidenceRating.objects.filter(user=learner, module=done.module).values_list("stage", flat=True)) \
        == {"before", "after"}
    under_way = Enrolment.objects.get(user=learner, completed_at=None)
    assert LessonCompletion.objects.filter(user=learner, module=under_way.module).count() == 2

    newstarter = User.objects.get(email="newstarter@example.org")
    assert not Enrolment.objects.filter(user=newstarter).exists()
    assert not Attempt.objects.filter(user=newstarter).exists()
    assert not ConfidenceRating.objects.filter(user=newstarter).exists()


def test_the_demo_learner_sees_their_learning_and_the_demo_lead_their_staffs_modules(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-long-test-password")
    call_command("seed_demo")
    client.force_login(User.objects.get(email="learner@example.org"))
    page = client.get("/my-learning/").content.decode()
    assert "Coercive control and stalking" in page and "Harmful practices" in page
    lead = User.objects.get(email="orglead@example.org")
    client.force_login(lead)
    school = Organisation.objects.get(name="Demo Primary School, Watford")
    response = client.get(f"/organisations/{school.pk}/training/")
    assert response.status_code == 200
    assert "Recognising VAWG" in response.content.decode()
