"""allauth's pages, messages and emails speak in the site's voice (issue 10, Learners).

Every page a person can reach under /accounts/ has one h1 in the site's wording (sentence case,
British English), never points to a "contact us" that goes nowhere, and every email allauth
sends opens with "Hello", not the host name, carries the subject prefix and nothing of the
subject matter (emails may land in a shared inbox), and is signed by the training team.
"""

import re
from html.parser import HTMLParser
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core import mail
from django.test import Client

from lms.accounts.adapters import AccountAdapter
from lms.demo.two_factor import set_up_recovery_codes, set_up_totp
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, sign_in_with_mfa, staff_client, totp_code
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "correct-horse-battery-7"

US_SPELLINGS = re.compile(
    r"\b(finaliz\w*|authoriz\w*|recogniz\w*|organiz\w*|customiz\w*|colors?|colored|canceled|canceling|"
    r"license[ds]?|enroll|enrollment|center)\b",
    re.IGNORECASE,
)
CONTACT_US = re.compile(r"contact us", re.IGNORECASE)
# What would tell someone glancing at a shared inbox what the training is about.
SUBJECT_MATTER = re.compile(
    r"vawg|violence|abuse|women|girls|domestic|stalking|coercive|safeguarding", re.IGNORECASE
)
# Words that keep a capital letter inside a sentence-case heading, button or label.
PROPER_NOUNS = {"I", "Hertfordshire", "Herts", "Partnership", "Training", "VAWG"}
SIGN_OFF = "The Hertfordshire partnership training team"


class PageWording(HTMLParser):
    """The words a person reads on a page: its title, its h1s, and the text of <main>, with
    the headings, buttons, labels and legends inside <main> kept apart for a case check."""

    CASED = {"h1", "h2", "h3", "button", "label", "legend", "summary", "title"}

    def __init__(self):
        super().__init__()
        self.title, self.h1s, self.main_text, self.cased = "", [], [], []
        self._open: list[tuple[str, list[str]]] = []
        self._in_main = self._in_title = False
        self._skip = self._in_govuk_tag = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._in_main = True
        if tag == "title":
            self._in_title = True
        if tag in ("script", "style"):
            self._skip += 1
        if tag in self.CASED or (tag == "a" and attrs.get("role") == "button"):
            self._open.append((tag, []))
        if tag == "strong" and "govuk-tag" in (attrs.get("class") or ""):
            # A status tag inside a label ("Confirmed") is a phrase of its own.
            self._in_govuk_tag += 1
            self._open.append(("strong", []))

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if tag == "title":
            self._in_title = False
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "strong" and self._in_govuk_tag and self._open and self._open[-1][0] == "strong":
            self._in_govuk_tag -= 1
        if self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            if name == "h1":
                self.h1s.append(text)
            if name == "title" or self._in_main:
                self.cased.append(text)

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self.title += data
        if self._in_main:
            self.main_text.append(data)
        for name, parts in reversed(self._open):
            parts.append(data)
            if name == "strong" and self._in_govuk_tag:
                break

    @property
    def text(self) -> str:
        return " ".join(" ".join([self.title, *self.main_text]).split())


def read(response) -> PageWording:
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    page = PageWording()
    page.feed(response.content.decode())
    return page


def not_sentence_case(text: str) -> list[str]:
    """Words after the first that start with a capital and are neither proper nouns nor acronyms."""
    # Addresses and codes are what the person typed or was given: leave them as they are.
    text = re.sub(r"\S+@\S+|\S*\d\S*", "", text.removeprefix("Error: "))
    words = re.findall(r"[A-Za-z][\w'’-]*", text.split("–")[0])
    return [word for word in words[1:] if word[0].isupper() and word not in PROPER_NOUNS and not word.isupper()]


def assert_site_wording(response, heading: str) -> PageWording:
    page = read(response)
    assert page.h1s == [heading], page.h1s
    assert not US_SPELLINGS.findall(page.text), US_SPELLINGS.findall(page.text)
    assert not CONTACT_US.search(page.text), page.text
    assert "Hello from" not in page.text
    shouting = {text: not_sentence_case(text) for text in page.cased if not_sentence_case(text)}
    assert not shouting, shouting
    return page


def signed_in_learner(**fields):
    """A learner who has just signed in with their password (so allauth asks for nothing more)."""
    user = LearnerFactory(**fields)
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:300]
    reauthenticate(client)
    client.user = user
    return client


def reauthenticate(client):
    """allauth asks for the password again before security changes; give it once, up front."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content[:300]


def staff_with_recovery_codes():
    client = staff_client(Role.COORDINATOR)
    set_up_recovery_codes(client.user)
    reauthenticate(client)
    return client


def sign_up(client, email="new.person@example.org"):
    return client.post("/accounts/signup/", {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


def link_in(message, path: str) -> str:
    match = re.search(rf"https?://[^/\s]+({re.escape(path)}\S*)", message.body)
    assert match, message.body
    return match.group(1)


# Pages ----------------------------------------------------------------------------------------

ANONYMOUS_PAGES = [
    ("/accounts/login/", "Sign in"),
    ("/accounts/signup/", "Create an account"),
    ("/accounts/password/reset/", "Reset your password"),
    ("/accounts/password/reset/done/", "Check your email"),
    ("/accounts/confirm-email/", "Check your email"),
    ("/accounts/confirm-email/not-a-real-key/", "This link cannot be used"),
    ("/accounts/password/reset/key/1-not-a-real-key/", "This link cannot be used"),
    ("/accounts/password/reset/key/done/", "Your password has been changed"),
    ("/accounts/inactive/", "This account is not active"),
]


@pytest.mark.parametrize(("path", "heading"), ANONYMOUS_PAGES, ids=[path for path, _ in ANONYMOUS_PAGES])
def test_allauth_pages_for_visitors_carry_the_site_wording(client, path, heading):
    assert_site_wording(client.get(path), heading)


LEARNER_PAGES = [
    ("/accounts/email/", "Your email addresses"),
    ("/accounts/password/change/", "Change your password"),
    ("/accounts/logout/", "Sign out"),
    ("/accounts/2fa/", "Two-factor authentication"),
    ("/accounts/2fa/totp/activate/", "Set up an authenticator app"),
    ("/accounts/reauthenticate/", "Enter your password"),
    ("/accounts/password/reset/", "Reset your password"),
]


@pytest.mark.parametrize(("path", "heading"), LEARNER_PAGES, ids=[path for path, _ in LEARNER_PAGES])
def test_allauth_pages_for_signed_in_learners_carry_the_site_wording(path, heading):
    assert_site_wording(signed_in_learner().get(path), heading)


STAFF_PAGES = [
    ("/accounts/2fa/", "Two-factor authentication"),
    ("/accounts/2fa/recovery-codes/", "Your recovery codes"),
    ("/accounts/2fa/recovery-codes/generate/", "Create new recovery codes"),
    ("/accounts/2fa/totp/deactivate/", "Remove your authenticator app"),
    ("/accounts/2fa/reauthenticate/", "Enter a code from your authenticator app"),
    ("/accounts/reauthenticate/", "Enter your password"),
]


@pytest.mark.parametrize(("path", "heading"), STAFF_PAGES, ids=[path for path, _ in STAFF_PAGES])
def test_two_factor_pages_after_the_second_factor_carry_the_site_wording(path, heading):
    assert_site_wording(staff_with_recovery_codes().get(path), heading)


def test_the_code_step_of_signing_in_carries_the_site_wording(client, coordinator):
    response = client.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    page = assert_site_wording(client.get(response["Location"]), "Enter a code from your authenticator app")
    assert "recovery code" in page.text


def test_a_wrong_code_is_shown_in_an_error_summary(client, coordinator):
    client.post("/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    wrong = "000000" if totp_code() != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    page = assert_site_wording(response, "Enter a code from your authenticator app")
    assert page.title.startswith("Error: ")
    assert "There is a problem" in page.text


def test_staff_are_told_why_they_cannot_remove_their_authenticator_app():
    page = assert_site_wording(staff_with_recovery_codes().get("/accounts/2fa/totp/deactivate/"),
                               "Remove your authenticator app")
    assert "Your role needs two-factor authentication" in page.text
    assert "This action cannot be performed" not in page.text


def test_the_page_that_confirms_an_email_address_carries_the_site_wording(client):
    sign_up(client)
    page = assert_site_wording(client.get(link_in(mail.outbox[-1], "/accounts/confirm-email/")),
                               "Confirm your email address")
    assert "new.person@example.org" in page.text


def test_the_page_that_sets_a_new_password_carries_the_site_wording(client, learner):
    client.post("/accounts/password/reset/", {"email": learner.email})
    response = client.get(link_in(mail.outbox[-1], "/accounts/password/reset/key/"), follow=True)
    assert_site_wording(response, "Create a new password")


def test_a_closed_sign_up_carries_the_site_wording(client):
    with mock.patch.object(AccountAdapter, "is_open_for_signup", return_value=False):
        assert_site_wording(client.get("/accounts/signup/"), "You cannot create an account at the moment")


def test_the_check_your_email_page_says_how_long_the_link_works(client):
    sign_up(client)
    page = assert_site_wording(client.get("/accounts/confirm-email/"), "Check your email")
    assert f"{settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS} days" in page.text
    # Somewhere real to turn if the email does not come: a new link by signing in.
    assert 'href="/accounts/login/"' in client.get("/accounts/confirm-email/").content.decode()


# One confirmation, not two -----------------------------------------------------------------

def banners(response) -> int:
    return response.content.decode().count('data-module="govuk-notification-banner"')


def test_signing_up_shows_the_check_your_email_page_without_a_second_banner(client):
    response = sign_up(client)
    page = client.get(response["Location"])
    assert banners(page) == 0
    assert "Confirmation email sent" not in page.content.decode()


def test_confirming_an_email_address_shows_one_confirmation(client):
    sign_up(client)
    response = client.post(link_in(mail.outbox[-1], "/accounts/confirm-email/"), follow=True)
    body = response.content.decode()
    assert banners(response) == 1, body
    assert "Successfully signed in" not in body
    assert "You have confirmed your email address" in body


def test_signing_in_adds_no_banner(client, learner):
    response = client.post("/accounts/login/", {"login": learner.email, "password": PASSWORD}, follow=True)
    assert banners(response) == 0


# Emails -------------------------------------------------------------------------------------

def assert_house_style(message, *, name: str | None = None, subject: str | None = None):
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    assert message.subject.startswith(prefix), message.subject
    own_subject = message.subject.removeprefix(prefix)
    if subject is not None:
        assert own_subject == subject
    assert not not_sentence_case(own_subject), own_subject
    assert not SUBJECT_MATTER.search(message.subject), message.subject
    assert not SUBJECT_MATTER.search(message.from_email), message.from_email
    body = message.body
    assert body.splitlines()[0] == (f"Hello {name}," if name else "Hello,"), body
    assert "Hello from" not in body
    words = re.sub(r"https?://\S+", "", body)  # the links name the host; the words do not
    assert "testserver" not in words, body
    assert not SUBJECT_MATTER.search(words), body
    assert not US_SPELLINGS.findall(words), US_SPELLINGS.findall(words)
    assert not CONTACT_US.search(words), body
    assert body.rstrip().endswith(SIGN_OFF), body
    assert not getattr(message, "alternatives", None), "plain text only"


def test_the_sign_up_email_is_in_the_site_voice(client):
    sign_up(client)
    [message] = mail.outbox
    assert_house_style(message, subject="Confirm your email address")
    assert f"{settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS} days" in message.body


def test_signing_up_again_with_a_known_address_sends_an_email_in_the_site_voice(client, learner):
    sign_up(client, email=learner.email)
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert_house_style(message, subject="You already have an account")
    assert "/accounts/password/reset/" in message.body


def test_password_reset_emails_are_in_the_site_voice(client, learner, settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client.post("/accounts/password/reset/", {"email": learner.email})
    [reset] = mail.outbox
    assert_house_style(reset, name=learner.full_name, subject="Reset your password")

    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    unknown = mail.outbox[-1]
    assert unknown.to == ["nobody@example.org"]
    assert_house_style(unknown, subject="Password reset request")

    form = client.get(link_in(reset, "/accounts/password/reset/key/"), follow=True)
    client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    done = mail.outbox[-1]
    assert done.to == [learner.email]
    assert_house_style(done, subject="Your password has been reset")


def test_changing_a_password_sends_a_notice_in_the_site_voice(settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client = signed_in_learner()
    response = client.post("/accounts/password/change/", {
        "oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
    }, follow=True)
    assert "Your password has been changed" in response.content.decode()
    [message] = mail.outbox
    assert_house_style(message, name=client.user.full_name, subject="Your password has been changed")


def test_email_address_changes_send_emails_in_the_site_voice(settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client = signed_in_learner()
    old = client.user.email
    client.post("/accounts/email/", {"action_add": "", "email": "second@example.org"})
    confirm = mail.outbox[-1]
    assert confirm.to == ["second@example.org"]
    # Not yet the account's address: no name in the greeting.
    assert_house_style(confirm, subject="Confirm your email address")
    client.post(link_in(confirm, "/accounts/confirm-email/"))
    assert EmailAddress.objects.get(email="second@example.org").verified

    response = client.post("/accounts/email/", {"action_primary": "", "email": "second@example.org"}, follow=True)
    assert EmailAddress.objects.get(email="second@example.org").primary
    changed = mail.outbox[-1]
    assert changed.to == [old]  # no longer the account's address: no name
    assert_house_style(changed, subject="Your email address has changed")
    assert old in changed.body and "second@example.org" in changed.body
    assert_site_wording(response, "Your email addresses")

    client.post("/accounts/email/", {"action_remove": "", "email": old})
    removed = mail.outbox[-1]
    assert_house_style(removed, name=client.user.full_name, subject="An email address was removed from your account")
    assert not EmailAddress.objects.filter(email=old).exists()


# allauth sends these once the change is committed, inside the request: real transactions.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_factor_changes_send_emails_in_the_site_voice(settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client = signed_in_learner()
    name = client.user.full_name
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}, follow=True)
    page = assert_site_wording(response, "Your recovery codes")
    assert banners(response) == 1  # "Two-factor authentication is on", not a second about the codes
    assert "Two-factor authentication is on" in page.text
    [message] = mail.outbox  # the first recovery codes come with the app: one email, not two
    assert_house_style(message, name=name, subject="Two-factor authentication is on")

    mail.outbox.clear()
    response = client.post("/accounts/2fa/totp/deactivate/", follow=True)
    assert not Authenticator.objects.filter(user=client.user, type="totp").exists()
    assert_site_wording(response, "Two-factor authentication")
    [message] = mail.outbox
    assert_house_style(message, name=name, subject="Two-factor authentication is off")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_new_recovery_codes_send_an_email_in_the_site_voice(settings):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client = staff_with_recovery_codes()
    response = client.post("/accounts/2fa/recovery-codes/generate/", follow=True)
    page = assert_site_wording(response, "Your recovery codes")
    assert "You have new recovery codes" in page.text
    [message] = mail.outbox
    assert_house_style(message, name=client.user.full_name, subject="You have new recovery codes")


def test_staff_sign_in_still_works_with_the_new_wording(client):
    user = LearnerFactory(roles=[Role.EDITOR])
    set_up_totp(user, TOTP_SECRET)
    sign_in_with_mfa(client, user)
    assert client.get("/admin/").status_code == 200


def test_the_recovery_codes_page_leads_staff_on_to_the_admin():
    """Setting up an authenticator ends on this page: it must not be a dead end."""
    html = staff_with_recovery_codes().get("/accounts/2fa/recovery-codes/").content.decode()
    assert 'href="/admin/">continue to the admin</a>' in html
