"""Demo data for trying the site: one account per role and their organisations, the training
content, and the champions network (about sixty champions, sessions and briefings).

Idempotent: running it again updates what it made and creates nothing twice. It refuses to
run unless the settings allow demo data, which production settings never do.
"""

import base64
import binascii
import os

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from content.demo.load import load_demo_content
from content.models import Sector
from lms.accounts.models import District, User
from lms.demo.champions import load_demo_champions
from lms.demo.feedback import load_demo_feedback
from lms.demo.followup import seed_followups
from lms.demo.learning import load_demo_learning
from lms.demo.two_factor import set_up_recovery_codes, set_up_totp
from lms.demo.updates import seed_updates
from lms.demo.whiteribbon import load_demo_white_ribbon
from lms.learning.demo import load_demo_quizzes
from lms.organisations.models import Membership, Organisation
from lms.site.roles import Role, sync_roles

DEFAULT_PASSWORD = "demo-password-2026"


DEFAULT_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


DEMO_ORGANISATIONS = [
    # name, kind, sector slug, district slug
    ("Demo Community Health Trust", "health", "health", "welwyn-hatfield"),
    ("Demo Housing Association", "housing", "housing", "stevenage"),
    ("Demo Primary School, Watford", "school", "education", "watford"),
    ("Demo Borough Council", "public_body", "social-care", "dacorum"),
    ("Demo Women's Support Service", "vcfse", "specialist", "st-albans"),
    ("Demo Logistics Ltd", "employer", "employers", "broxbourne"),
]


# email, full name, job role, sector, organisation, district, roles, superuser, needs TOTP
DEMO_ACCOUNTS = [
    ("learner@example.org", "Łucja Nowak-O'Brien", "Practice nurse", "health",
     "Demo Community Health Trust", "welwyn-hatfield", [Role.LEARNER], False, False),
    ("champion@example.org", "Ayşe Yılmaz", "Tenancy sustainment officer", "housing",
     "Demo Housing Association", "stevenage", [Role.LEARNER, Role.CHAMPION], False, False),
    ("orglead@example.org", "Nguyễn Thị Hương", "Deputy head teacher", "education",
     "Demo Primary School, Watford", "watford", [Role.LEARNER, Role.ORGANISATION_LEAD], False, False),
    ("coordinator@example.org", "Priya Raman", "VAWG partnership coordinator", "social-care",
     "Demo Borough Council", "dacorum", [Role.COORDINATOR], False, True),
    ("editor@example.org", "Grace Mensah", "Training content editor", "specialist",
     "Demo Women's Support Service", "st-albans", [Role.EDITOR], False, True),
    ("moderator@example.org", "Jo Adeyemi", "Training lead, content sign-off", "specialist",
     "Demo Women's Support Service", "st-albans", [Role.MODERATOR], False, True),
    ("reviewer@example.org", "Sam Taylor", "Co-production panel member", "community",
     "Demo Women's Support Service", "st-albans", [Role.REVIEWER], False, True),
    ("admin@example.org", "Alex Morgan", "Platform administrator", "social-care",
     "Demo Borough Council", "dacorum", [], True, True),
    # Staff of the demo lead's school, so that the lead has members to see and a request to answer.
    ("teacher@example.org", "Tomasz Kowalczyk", "Class teacher", "education",
     "Demo Primary School, Watford", "watford", [Role.LEARNER], False, False),
    ("senco@example.org", "Amara Okonkwo", "Special educational needs coordinator", "education",
     "Demo Primary School, Watford", "watford", [Role.LEARNER], False, False),
    ("newstarter@example.org", "Rhys Evans", "Teaching assistant", "education",
     "Demo Primary School, Watford", "watford", [Role.LEARNER], False, False),
]


# Everyone's membership of their organisation is confirmed, except this one request to join.
DEMO_PENDING_REQUESTS = {"newstarter@example.org"}


def demo_totp_secret() -> str:
    secret = (os.environ.get("DEMO_TOTP_SECRET") or DEFAULT_TOTP_SECRET).strip().upper()
    try:
        base64.b32decode(secret, casefold=True)
    except (binascii.Error, ValueError) as error:
        raise CommandError("DEMO_TOTP_SECRET must be a base32 string (letters A-Z and digits 2-7).") from error
    return secret


class Command(BaseCommand):
    help = "Create or update the demo accounts and data. Safe to run repeatedly."

    def add_arguments(self, parser):
        parser.add_argument("--skip-content", action="store_true", help="Accounts only, no training content.")

    def handle(self, *args, **options):
        if not getattr(settings, "ALLOW_DEMO_DATA", False):
            raise CommandError("Demo data is not allowed with these settings (production never allows it).")
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        secret = demo_totp_secret()
        with transaction.atomic():
            groups = sync_roles()
            organisations = self.seed_organisations()
            for row in DEMO_ACCOUNTS:
                self.seed_account(row, password, secret, groups, organisations)
            lead = User.objects.get(email="orglead@example.org")
            organisations["Demo Primary School, Watford"].leads.add(lead)
            for email, *_rest in DEMO_ACCOUNTS:
                status = (Membership.Status.REQUESTED if email in DEMO_PENDING_REQUESTS
                          else Membership.Status.CONFIRMED)
                self.seed_membership(User.objects.get(email=email), status, decided_by=lead)
        if not options["skip_content"]:
            modules = load_demo_content()
            load_demo_quizzes()
            self.stdout.write(
                f"Training content: {len(modules)} modules with lessons, quizzes and learning paths."
            )
            with transaction.atomic():
                champions = load_demo_champions(User.objects.get(email="coordinator@example.org"))
            self.stdout.write(
                f"Champions network: {champions} champion records (champion01@ to champion60@example.org, "
                "same password), with sessions and briefings."
            )
            white_ribbon = load_demo_white_ribbon(User.objects.get(email="coordinator@example.org"))
            self.stdout.write(
                f"White Ribbon: {white_ribbon} organisations with accreditation cycles, action plans, "
                "ambassadors and champions."
            )
            self.stdout.write(f"Lesson feedback: {load_demo_feedback()} answers, some awaiting screening or the panel.")
            self.stdout.write(f"Learning: {load_demo_learning()} enrolments, with attempts, ratings and certificates.")
            # Both need the certificates and completions the learning above made.
            self.stdout.write(f"Guidance updates: {seed_updates()} published, one waiting for learner@example.org.")
            self.stdout.write(
                f"Follow-ups: {seed_followups()} for the demo learners' completions, some due for the daily job, "
                "one open for learner@example.org."
            )
        self.print_logins(password, secret)

    def seed_organisations(self) -> dict[str, Organisation]:
        sectors = {s.slug: s for s in Sector.objects.all()}
        districts = {d.slug: d for d in District.objects.all()}
        made = {}
        for name, kind, sector, district in DEMO_ORGANISATIONS:
            made[name], _ = Organisation.objects.update_or_create(
                name=name,
                defaults={"kind": kind, "sector": sectors[sector], "district": districts[district],
                          "status": Organisation.Status.CONFIRMED, "merged_into": None},
            )
        return made

    def seed_account(self, row, password, secret, groups, organisations):
        email, full_name, job_role, sector, organisation, district, roles, superuser, needs_totp = row
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "full_name": full_name, "job_role": job_role,
                "sector": Sector.objects.get(slug=sector),
                "district": District.objects.get(slug=district),
                "organisation": organisations[organisation],
                "is_superuser": superuser, "is_staff": superuser, "is_active": True,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        user.groups.set([groups[name] for name in roles])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if needs_totp:
            set_up_totp(user, secret)
            set_up_recovery_codes(user)

    def seed_membership(self, user, status, *, decided_by):
        """Put the person's membership of their organisation in `status`, reusing the open one."""
        now = timezone.now()
        membership = Membership.objects.open().filter(user=user).first()
        if membership is not None and membership.organisation_id != user.organisation_id:
            membership.status, membership.ending = Membership.Status.ENDED, Membership.Ending.LEFT
            membership.ended_at = now
            membership.save(update_fields=["status", "ending", "ended_at"])
            membership = None
        membership = membership or Membership(user=user, organisation=user.organisation)
        if membership.status == status and membership.pk:
            return membership
        membership.status = status
        confirmed = status == Membership.Status.CONFIRMED
        membership.decided_at = now if confirmed else None
        membership.decided_by = decided_by if confirmed else None
        membership.save()
        return membership

    def print_logins(self, password, secret):
        out = self.stdout
        out.write(self.style.SUCCESS("Demo data is ready. Sign in at http://127.0.0.1:8000/accounts/login/"))
        out.write(f"Password for every demo account: {password}")
        for email, *_rest, roles, superuser, needs_totp in DEMO_ACCOUNTS:
            role = "Administrator" if superuser else ", ".join(roles)
            extra = " (two-factor: code from the TOTP secret below)" if needs_totp else ""
            out.write(f"  {email:<26} {role}{extra}")
        out.write(f"TOTP secret for staff accounts (add it to an authenticator app): {secret}")
        out.write("  or print a current code with: .venv/bin/python manage.py demo_totp_code")
