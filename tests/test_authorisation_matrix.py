"""The authorisation matrix: every URL pattern the site serves × every kind of visitor.

Every pattern, Wagtail's and allauth's included, must match a row of RULES below; a pattern
with no row fails the test, so a new URL adds its rows in the same commit. Each row says what
each visitor gets for a GET of that URL (filled with real objects: the learner's own attempt
and certificate, a membership in organisation A, and so on):

    "200"     the page
    "login"   a redirect to sign in (or to Wagtail's own login redirect, which goes there)
    "2fa"     a redirect to set up or give the second factor
    "400" / "403" / "404" / "405" / "410" / "429"   bad request, refused, not found, wrong method, gone, rate-limited
    "302"     a redirect elsewhere on the site (the row's note says where)
    "denied"  Wagtail's refusal inside the admin: back to the dashboard with "no permission"
    "ok"      any answer but a server error (used only for the staff roles in Wagtail's own
              admin, whose screens Wagtail's permission policies govern)

"Object-level" rows are the ones with an id: the learner owns the objects; the champion is
another learner; lead A leads the learner's organisation and lead B another one.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from lms.certificates.bundles import build_certificate_bundle, request_certificate_bundle
from lms.certificates.models import Certificate
from lms.certificates.services import new_code
from lms.demo.two_factor import set_up_totp
from lms.learning.models import Attempt
from lms.organisations.models import Membership
from lms.site.roles import Role
from tests.champions import matrix_rows as champion_rows
from tests.conftest import TOTP_SECRET, sign_in_with_mfa
from tests.factories import (
    LearnerFactory,
    OrganisationFactory,
    confirmed_member,
    make_module,
    make_quiz,
    read_and_complete,
    start_quiz,
)
from tests.matrix_visitors import (
    ADMIN_STAFF_SCREEN,
    NOT_FOR_STAFF_WITHOUT,
    SIGNED_IN_PAGE,
    STAFF,
    VISITORS,
    row,
    staff_only,
)

pytestmark = pytest.mark.django_db



# (pattern regex over the route as Django prints it, sample path, answers). First match wins.
RULES: list[tuple[str, str, dict[str, str]]] = [
    # Site pages of our own.
    (r"^healthz$", "/healthz", row("200")),
    (r"^quick-exit/$", "/quick-exit/", row("200")),
    (r"^online-safety/$", "/online-safety/", row("200")),
    # For browsers and search engines, whoever asks; the icon is a redirect to its static file.
    (r"^robots\.txt$", "/robots.txt", row("200")),
    (r"^favicon\.ico$", "/favicon.ico", row("302")),
    (r"^verify/$", "/verify/", row("200")),
    (r"^verify/<str:code>/$", "/verify/{certificate}/", row("200")),
    (r"^profile/$", "/profile/", SIGNED_IN_PAGE),
    # Leaving: the learner (a confirmed member) is asked to confirm; anyone with nothing to leave
    # goes back to their profile with a message. Asking again is by POST only.
    (r"^profile/organisation/leave/$", "/profile/organisation/leave/", row("302", signed_out="login", learner="200")),
    (r"^profile/organisation/ask-again/$", "/profile/organisation/ask-again/", row("405", signed_out="login")),
    (r"^my-learning/$", "/my-learning/", SIGNED_IN_PAGE),
    # POST-only progress: GET is refused for anyone signed in.
    (r"^my-learning/lessons/<id:lesson_id>/complete/$", "/my-learning/lessons/{lesson}/complete/",
     row("405", signed_out="login")),
    (r"^my-learning/lessons/<id:lesson_id>/continue/$", "/my-learning/lessons/{lesson}/continue/",
     row("405", signed_out="login")),
    (r"^my-learning/modules/<id:module_id>/quiz/$", "/my-learning/modules/{module}/quiz/", SIGNED_IN_PAGE),
    (r"^my-learning/modules/<id:module_id>/quiz/start/$", "/my-learning/modules/{module}/quiz/start/",
     row("405", signed_out="login")),
    # Someone's attempt: only its owner; everyone else (staff included) gets 404.
    (r"^my-learning/attempts/<id:attempt_id>/$", "/my-learning/attempts/{attempt}/",
     row("404", signed_out="login", learner="200")),
    (r"^my-learning/attempts/<id:attempt_id>/check/$", "/my-learning/attempts/{attempt}/check/",
     row("404", signed_out="login", learner="200")),
    (r"^my-learning/attempts/<id:attempt_id>/result/$", "/my-learning/attempts/{attempt}/result/",
     row("404", signed_out="login")),  # no result before the attempt is marked, even for its owner
    (r"^my-learning/modules/<id:module_id>/confidence/<slug:stage>/$",
     "/my-learning/modules/{module}/confidence/before/", row("200", signed_out="login", learner="302")),
    # Someone's certificate: its holder, a lead of their confirmed organisation, coordinators
    # and administrators who passed the second factor. Nobody else learns that it exists.
    (r"^my-learning/certificates/<str:code>/pdf/$", "/my-learning/certificates/{certificate}/pdf/",
     row("404", signed_out="login", learner="200", lead_a="200", coordinator="200", administrator="200")),
    # A lead's zip of their staff's certificates: asked for by POST only; its progress page and
    # its download are for the lead who asked (lead A) and nobody else learns that it exists.
    (r"^organisations/certificates/bundles/$", "/organisations/certificates/bundles/",
     row("403", signed_out="login", lead_a="405", lead_b="405")),
    (r"^organisations/certificates/bundles/<id:bundle_id>/$", "/organisations/certificates/bundles/{bundle}/",
     row("403", signed_out="login", lead_a="200", lead_b="404")),
    (r"^organisations/certificates/bundles/<id:bundle_id>/download/$",
     "/organisations/certificates/bundles/{bundle}/download/",
     row("403", signed_out="login", lead_a="200", lead_b="404")),
    (r"^organisations/members/$", "/organisations/members/",
     row("403", signed_out="login", lead_a="200", lead_b="200")),
    (r"^organisations/members/<id:membership_id>/confirm/$",
     "/organisations/members/{membership}/confirm/", row("403", signed_out="login", lead_a="405", lead_b="405")),
    # Declining and removing are checked on a page first: only a lead of the person's organisation
    # sees it (the sample is a confirmed member of A, so declining is stale and goes back with a message).
    (r"^organisations/members/<id:membership_id>/remove/$",
     "/organisations/members/{membership}/remove/", row("403", signed_out="login", lead_a="200", lead_b="404")),
    (r"^organisations/members/<id:membership_id>/decline/$",
     "/organisations/members/{membership}/decline/", row("403", signed_out="login", lead_a="302", lead_b="404")),
    # Wagtail's front end: its own log-in is a redirect to ours; pages are served to all.
    (r"^_util/login/$", "/_util/login/?next=/admin/", row("login")),
    (r"^_util/authenticate_with_password/", "/_util/authenticate_with_password/999/{module}/", row("404")),
    (r"^documents/\^", "/documents/999/missing.pdf", row("404")),
    (r"^documents/authenticate_with_password/", "/documents/authenticate_with_password/999/", row("404")),
    (r"^\^\(\(\?:", "/modules/", row("200")),
    # The champions network: each part's rows live beside its tests (tests/champions/matrix_rows.py).
    *champion_rows.RULES,
    # Emailed link before a staff account without an authenticator may set one up.
    (r"^accounts/staff-enrolment/$", "/accounts/staff-enrolment/", SIGNED_IN_PAGE),
    (r"^accounts/staff-enrolment/<str:token>/$", "/accounts/staff-enrolment/not-a-token/",
     row("400", signed_out="login")),
    # allauth: signing in and up is for visitors who are signed out.
    (r"^accounts/login/$", "/accounts/login/", row("302", signed_out="200")),
    (r"^accounts/signup/$", "/accounts/signup/", row("302", signed_out="200")),
    (r"^accounts/logout/$", "/accounts/logout/", row("200", signed_out="302")),
    (r"^accounts/inactive/$", "/accounts/inactive/", row("200")),
    (r"^accounts/reauthenticate/$", "/accounts/reauthenticate/", SIGNED_IN_PAGE),
    (r"^accounts/email/$", "/accounts/email/", SIGNED_IN_PAGE),
    (r"^accounts/confirm-email/$", "/accounts/confirm-email/", row("200")),
    (r"^accounts/\^confirm-email/", "/accounts/confirm-email/not-a-key/", row("200")),
    (r"^accounts/password/change/$", "/accounts/password/change/", SIGNED_IN_PAGE),
    (r"^accounts/password/set/$", "/accounts/password/set/", row("302", signed_out="login")),
    (r"^accounts/password/reset/$", "/accounts/password/reset/", row("200")),
    (r"^accounts/password/reset/done/$", "/accounts/password/reset/done/", row("200")),
    (r"^accounts/password/reset/key/done/$", "/accounts/password/reset/key/done/", row("200")),
    (r"^accounts/\^password/reset/key/", "/accounts/password/reset/key/1-not-a-key/", row("200")),
    (r"^accounts/login/code/confirm/$", "/accounts/login/code/confirm/", row("302", signed_out="login")),
    # Two-factor pages: a password-only staff session reaches only the code prompt.
    (r"^accounts/2fa/$", "/accounts/2fa/", row("200", signed_out="login", coordinator_password_only="2fa")),
    (r"^accounts/2fa/authenticate/$", "/accounts/2fa/authenticate/", row("302", signed_out="login")),
    (r"^accounts/2fa/reauthenticate/$", "/accounts/2fa/reauthenticate/",
     row("ok", signed_out="login")),
    (r"^accounts/2fa/totp/activate/$", "/accounts/2fa/totp/activate/",
     row("ok", signed_out="login", coordinator_password_only="2fa")),
    (r"^accounts/2fa/totp/deactivate/$", "/accounts/2fa/totp/deactivate/",
     row("ok", signed_out="login", coordinator_password_only="2fa")),
    (r"^accounts/2fa/recovery-codes/", "/accounts/2fa/recovery-codes/",
     row("ok", signed_out="login", coordinator_password_only="2fa")),
    # Wagtail's admin. Its log-in page is a redirect to ours; the rest is for staff only.
    (r"^admin/login/$", "/admin/login/", row("login", not_staff="403", coordinator_password_only="2fa")),
    (r"^\^admin/.*chosen/\(\?P<pk>", "/admin/snippets/choose/learning/question/chosen/x/",
     row("404", not_staff="403", coordinator_password_only="2fa")),
    (r"^admin/(jsi18n|sprite)/$", "/admin/sprite/", row("200", not_staff="403", coordinator_password_only="2fa")),
    (r"^admin/password_reset/", "/admin/password_reset/", row("404", not_staff="403", coordinator_password_only="2fa")),
    (r"^admin/failwhale/$", "/admin/failwhale/", row("404", not_staff="403", coordinator_password_only="2fa")),
    (r"^admin/$", "/admin/", staff_only(**dict.fromkeys(STAFF, "200"))),
    (r"^admin/certificates/$", "/admin/certificates/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/certificates/revoke/<int:pk>/$", "/admin/certificates/revoke/{certificate_pk}/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    # Undoing a revocation: the sample certificate is not revoked, so the page says there is nothing to undo.
    (r"^admin/certificates/restore/<int:pk>/$", "/admin/certificates/restore/{certificate_pk}/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/organisations/$", "/admin/organisations/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    # An organisation's page (members and their training), its leads, and confirm-or-merge.
    (r"^admin/organisations/inspect/<int:pk>/$", "/admin/organisations/inspect/{organisation_pk}/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/organisations/leads/<int:pk>/$", "/admin/organisations/leads/{organisation_pk}/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/organisations/review/<int:pk>/$", "/admin/organisations/review/{organisation_pk}/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/memberships/$", "/admin/memberships/",
     staff_only(coordinator="200", administrator="200", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/users/$", "/admin/users/",
     staff_only(administrator="200", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)),
    (r"^admin/groups/$", "/admin/groups/",
     staff_only(administrator="200", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)),
    # Resetting someone's two-factor (here the coordinator's): administrators only.
    (r"^admin/users/reset-two-factor/<int:pk>/$", "/admin/users/reset-two-factor/{staff_person}/",
     staff_only(administrator="200", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)),
    # Nobody adds a group: roles are set in code (lms/site/roles.py).
    (r"^admin/groups/new/$", "/admin/groups/new/",
     staff_only(administrator="denied", coordinator="denied", **NOT_FOR_STAFF_WITHOUT)),
    # The question bank holds the answers: only editors (and administrators) may list or choose.
    (r"^admin/snippets/choose/learning/question/$", "/admin/snippets/choose/learning/question/",
     staff_only(editor="200", administrator="200", coordinator="denied", moderator="denied", reviewer="denied")),
    (r"^admin/snippets/learning/question/$", "/admin/snippets/learning/question/",
     staff_only(editor="200", administrator="200", coordinator="denied", moderator="denied", reviewer="denied")),
    # The panel's review of a support service: only at the panel's step of an existing service,
    # so with no such service every staff role gets "not found".
    (r"^admin/review/support-service/<int:service_id>/$", "/admin/review/support-service/999999/",
     staff_only(**dict.fromkeys(STAFF, "404"))),
    (r"^admin/", "/admin/{admin_path}", ADMIN_STAFF_SCREEN),
]


def route_of(pattern) -> str:
    return str(pattern.pattern)


def every_route(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from every_route(entry.url_patterns, prefix + route_of(entry))
        elif isinstance(entry, URLPattern):
            yield prefix + route_of(entry)


def rule_for(route: str):
    return next(((regex, sample, answers) for regex, sample, answers in RULES if re.search(regex, route)), None)


def test_every_url_pattern_has_a_row():
    missing = [route for route in every_route() if rule_for(route) is None]
    assert missing == []


def sample_admin_path(route: str, values: dict) -> str:
    """A concrete path for one of Wagtail's admin routes, with real ids where it takes them."""
    path = route.removeprefix("admin/")
    # Regex routes first: (?P<pk>\d+) takes an id, (?P<name>a|b|...) its first alternative.
    path = re.sub(r"\(\?P<[^>]+>\\d\+\)", str(values["module"]), path)
    path = re.sub(r"\(\?P<[^>]+>([\w-]+)\|[^)]*\)", r"\1", path)
    path = re.sub(r"\(\?P<[^>]+>[^)]*\)", "x", path)
    path = re.sub(r"<(?:int:[^>]+|str:pk)>", str(values["module"]), path)
    path = re.sub(r"<[^>]+>", "x", path)
    return path.replace("^", "").replace("$", "").replace("\\.", ".")


class World:
    """The people and objects the matrix visits with."""

    def __init__(self):
        self.module = make_module("matrix-module", lessons=1, title="Matrix module")
        make_quiz(self.module, questions=2)
        self.organisation_a = OrganisationFactory(name="Organisation A")
        self.organisation_b = OrganisationFactory(name="Organisation B")
        self.people = {}
        self.clients = {}
        owner = LearnerFactory(organisation=self.organisation_a, full_name="Matrix Learner")
        self.membership = confirmed_member(owner, self.organisation_a)
        client = Client(raise_request_exception=False)
        client.force_login(owner)
        read_and_complete(client, self.module.lessons().get())
        self.attempt = start_quiz(client, self.module)
        self.certificate = Certificate.objects.create(
            user=owner, code=new_code(), holder_name=owner.full_name, module_title="Matrix module",
            level="Awareness", cpd_minutes=30, issued_on=datetime.date(2026, 1, 1),
            expires_on=datetime.date(2099, 1, 1),
        )
        self.clients["learner"] = client

        self.clients["anonymous"] = Client(raise_request_exception=False)
        unverified = Client(raise_request_exception=False)
        unverified.post("/accounts/signup/", {
            "email": "not.yet.verified@example.org", "password1": "a-long-new-password-1",
            "password2": "a-long-new-password-1",
        })
        self.clients["unverified"] = unverified
        for name, roles in (("champion", [Role.CHAMPION]), ("lead_a", [Role.ORGANISATION_LEAD]),
                            ("lead_b", [Role.ORGANISATION_LEAD])):
            person = LearnerFactory(roles=roles)
            client = Client(raise_request_exception=False)
            client.force_login(person)
            self.clients[name] = client
            self.people[name] = person
        self.organisation_a.leads.add(self.people["lead_a"])
        self.organisation_b.leads.add(self.people["lead_b"])
        self.bundle, _ = request_certificate_bundle(self.people["lead_a"])
        build_certificate_bundle(self.bundle.pk)  # as the worker would, once the request commits

        for name, role in (("coordinator", Role.COORDINATOR), ("editor", Role.EDITOR),
                           ("moderator", Role.MODERATOR), ("reviewer", Role.REVIEWER), ("administrator", None)):
            person = LearnerFactory(roles=[role] if role else [], is_superuser=role is None, is_staff=role is None)
            set_up_totp(person, TOTP_SECRET)
            client = Client(raise_request_exception=False)
            sign_in_with_mfa(client, person)
            self.clients[name] = client
            self.people[name] = person
        password_only = LearnerFactory(roles=[Role.COORDINATOR])
        set_up_totp(password_only, TOTP_SECRET)
        client = Client(raise_request_exception=False)
        client.force_login(password_only)  # as if some route had skipped the code prompt
        self.clients["coordinator_password_only"] = client
        self.extra_values = champion_rows.extend_world(self)

    @property
    def values(self) -> dict:
        return {
            **self.extra_values,
            "module": self.module.pk, "lesson": self.module.lessons().get().pk, "attempt": self.attempt.pk,
            "certificate": self.certificate.code, "certificate_pk": self.certificate.pk,
            "membership": self.membership.pk, "bundle": self.bundle.pk, "organisation_pk": self.organisation_a.pk,
            "staff_person": self.people["coordinator"].pk,
        }


def answer_of(response) -> str:
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if location.startswith(("/accounts/login/", "/_util/login/", "/admin/login/")):
            return "login"
        if location.startswith("/accounts/2fa/"):
            return "2fa"
        if location == "/admin/":
            return "denied"
        return "302"
    return str(status)


def matches(expected: str, got: str) -> bool:
    if expected == "ok":
        return not got.startswith("5")
    return expected == got


def test_the_matrix():
    world = World()
    values = world.values
    failures, cases = [], 0
    for route in every_route():
        regex, sample, answers = rule_for(route)
        path = sample.format(admin_path=sample_admin_path(route, values), **values) if "{admin_path}" in sample \
            else sample.format(**values)
        for visitor in VISITORS:
            response = world.clients[visitor].get(path)
            got = answer_of(response)
            cases += 1
            if not matches(answers[visitor], got):
                failures.append(f"{route} ({path}) as {visitor}: expected {answers[visitor]}, got {got}")
    print(f"\nauthorisation matrix: {cases} URL × visitor cases")
    print("\n".join(failures))
    assert failures == []
    # Nothing above changed anyone's records (every request was a GET).
    assert Attempt.objects.filter(pk=world.attempt.pk, status=Attempt.Status.IN_PROGRESS).exists()
    assert Membership.objects.get(pk=world.membership.pk).status == Membership.Status.CONFIRMED
