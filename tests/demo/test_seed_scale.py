"""seed_scale with tiny counts: the counts asked for, rows that keep the site's rules, pages that
render for its people, and a second run refused without a change."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils.html import escape

from content.models import TrainingModulePage
from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.demo.scale import SCALE_DOMAIN, table_counts
from lms.learning.models import Attempt, Choice, Enrolment, LessonCompletion, LessonVisit
from lms.organisations.models import Organisation
from lms.site.roles import Role
from tests.conftest import staff_client

pytestmark = pytest.mark.django_db

TINY = {
    "learners": 40, "organisations": 6, "modules": 8, "lessons": 3, "completions": 400, "attempts": 90,
    "certificates": 20, "champions": 8, "cycles": 5,
}


def seed_scale(**counts) -> str:
    arguments = [f"--{name}={value}" for name, value in {**TINY, **counts}.items()]
    out = StringIO()
    call_command("seed_scale", *arguments, stdout=out)
    return out.getvalue()


def check_for_scale_data() -> tuple[int, str]:
    """`seed_scale --check`: (exit status, what it said)."""
    out = StringIO()
    try:
        call_command("seed_scale", "--check", stdout=out)
    except SystemExit as stop:
        return stop.code, out.getvalue().strip()
    return 0, out.getvalue().strip()


def scale_learners():
    return User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}")


def test_seed_scale_makes_the_counts_asked_for_in_rows_the_site_can_show_and_refuses_a_second_run(
    client, monkeypatch,
):
    # One test, because seed_demo, which it builds on, takes a minute or two.
    monkeypatch.setenv("DEMO_PASSWORD", "a-long-test-password")
    call_command("seed_demo", stdout=StringIO())
    assert check_for_scale_data() == (1, "There is no scale data in this database yet.")
    demo_organisations = Organisation.objects.count()
    demo_certificates = Certificate.objects.count()

    out = seed_scale()

    assert "lesson completions" in out and "Scale data is ready" in out
    learners = scale_learners()
    assert learners.count() == 40
    assert Organisation.objects.count() == demo_organisations + 6
    assert TrainingModulePage.objects.live().count() == 8
    assert LessonCompletion.objects.filter(user__in=learners).count() == 400
    assert Attempt.objects.filter(user__in=learners).count() == 90
    assert Certificate.objects.count() == demo_certificates + 20
    assert learners.filter(champion__isnull=False).count() == 8
    assert Organisation.objects.filter(name__startswith="Scale", accreditation_cycles__isnull=False).count() == 5
    # About seven in ten attempts pass.
    assert 55 <= Attempt.objects.filter(user__in=learners, passed=True).count() <= 70

    # Every completed lesson was opened first.
    completions = LessonCompletion.objects.filter(user__in=learners)
    assert not completions.exclude(
        lesson__visits__user=F("user"), lesson__visits__first_opened_at__lte=F("completed_at"),
    ).exists()
    assert LessonVisit.objects.filter(user__in=learners).count() >= 400
    # A completed module has every lesson done and a passing attempt before its completion.
    for enrolment in Enrolment.objects.filter(user__in=learners, completed_at__isnull=False).select_related("module"):
        lessons = enrolment.module.get_children().live().count()
        assert completions.filter(user=enrolment.user, module=enrolment.module).count() == lessons
        assert Attempt.objects.filter(user=enrolment.user, quiz__module=enrolment.module, passed=True,
                                      submitted_at__lte=enrolment.completed_at).exists()
    # Each certificate is for a passing attempt of its holder in its module.
    scale_certificates = Certificate.objects.filter(user__in=learners)
    assert scale_certificates.count() == 20
    assert not scale_certificates.exclude(attempt__passed=True, attempt__user=F("user"),
                                          attempt__quiz__module=F("module")).exists()
    # An attempt's snapshot holds questions and choices of its own quiz.
    attempt = Attempt.objects.filter(user__in=learners).first()
    choices = set(Choice.objects.filter(question__module=attempt.quiz.module).values_list("pk", flat=True))
    assert attempt.snapshot and all(set(item["choices"]) <= choices for item in attempt.snapshot)
    assert attempt.correct_count <= len(attempt.snapshot)
    # Organisations differ in size: the biggest has several times the learners of the smallest.
    sizes = sorted(learners.values("organisation").annotate(n=Count("pk")).values_list("n", flat=True))
    assert sizes[-1] >= 2 * sizes[0]

    # Its people's pages render with its data: a learner's certificates, the coordinators' reports.
    certificate = scale_certificates.filter(revoked_at__isnull=True).select_related("user").first()
    client.force_login(certificate.user)
    page = client.get("/my-learning/").content.decode()
    assert certificate.code in page
    assert escape(certificate.module_title) in page
    coordinator = staff_client(Role.COORDINATOR)
    new_module = TrainingModulePage.objects.filter(slug__startswith="scale-").first()
    report = coordinator.get("/admin/reports/training/?group_by=module")
    assert report.status_code == 200
    assert new_module.title in report.content.decode()
    for url in ("/admin/reports/certificates/?group_by=organisation", "/admin/reports/network/?group_by=district",
                "/admin/white-ribbon/", "/admin/white-ribbon/target/"):
        assert coordinator.get(url).status_code == 200, url

    before = table_counts()
    with pytest.raises(CommandError, match="already in this database.*nothing was changed"):
        seed_scale()
    assert table_counts() == before
    # `make bench` asks before seeding: yes, so it seeds nothing.
    assert check_for_scale_data() == (0, "The scale data is here (40 learners at @scale.example.org).")


def test_seed_scale_refuses_counts_that_cannot_be_met_and_changes_nothing():
    with pytest.raises(CommandError, match="cannot be more than --learners"):
        seed_scale(champions=50)
    with pytest.raises(CommandError, match="must be 0 or more"):
        seed_scale(attempts=-1)
    assert not scale_learners().exists()


def test_seed_scale_asks_for_the_demo_first():
    with pytest.raises(CommandError, match="run `manage.py seed_demo` first"):
        seed_scale()
    assert not scale_learners().exists()


def test_seed_scale_refuses_where_demo_data_is_not_allowed(settings):
    settings.ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="not allowed"):
        seed_scale()
