"""Every role's journey end to end in a real browser, once with a pointer and once by keyboard alone,
with axe-core run on every page the journey loads.

Each journey is one test, parametrised by mode. In "keyboard" mode no mouse is used: every control
is reached by pressing Tab (a bounded number of times, failing with the control's name if it is
never reached) and worked with Enter, Space, the arrow keys or typing. Following a link from an
email (the verification, the line manager's link) is done by going to its address, as a person
pastes it. A `Journey` records every page the browser loads and runs axe-core on each as it is
reached; at the end it fails if any page loaded was never checked, or if any check found a
serious or critical violation not in WAGTAIL_ADMIN_ALLOWED (each with its rule, its URL pattern
and why it stays).

Set-up that is not the journey's subject (certificates that make someone eligible, a quiz's
question bank, a pipeline of organisations) comes from the factories.
"""

import datetime
import io
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from lms.demo.two_factor import set_up_totp
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MODES = ["pointer", "keyboard"]


@dataclass(frozen=True)
class Allowed:
    """A serious or critical finding in Wagtail's own admin that this project cannot fix."""

    rule: str
    url: str  # a regular expression matched against the page's address
    nodes: tuple[str, ...]  # the CSS selectors axe names, all of them
    why: str


WAGTAIL_ADMIN_ALLOWED = [
    Allowed(
        rule="label-content-name-mismatch", url=r"/admin/", nodes=(".sidebar-custom-branding",),
        why="Wagtail's sidebar script names the brand link 'Dashboard' while it shows the site's name; "
            "the link works and leads to the dashboard (as in test_whiteribbon_admin.py).",
    ),
    Allowed(
        rule="aria-input-field-name", url=r"/admin/pages/[0-9]+/edit/$", nodes=(".notranslate",),
        why="Draftail, Wagtail's rich text editor, gives its editable area the textbox role without a "
            "name of its own; the block around it is labelled.",
    ),
    Allowed(
        rule="color-contrast", url=r"/admin/pages/[0-9]+/edit/$", nodes=(".success",),
        why="Wagtail's 'Page created' message on the edit screen, measured by axe while Wagtail's "
            "own styles still animate it in.",
    ),
]


def allowed(url: str, violation: dict) -> bool:
    return any(
        entry.rule == violation["id"] and re.search(entry.url, url)
        and tuple(node for target in violation["nodes"] for node in target) == entry.nodes
        for entry in WAGTAIL_ADMIN_ALLOWED
    )


class Journey:
    """One person in one browser tab, by pointer or keyboard alone, with every page checked.

    `see(locator)` waits for what the step expects and then checks the page it is on with axe-core
    (once per page loaded). The page's `load` events are counted, so a page that loaded and was
    never seen fails `assert_every_page_passed_axe`."""

    def __init__(self, page, base: str, mode: str):
        self.page, self.base, self.keyboard = page, base, mode == "keyboard"
        self.loaded: list[str] = []
        self.checked: list[str] = []
        self.violations: dict[str, list] = {}
        page.on("load", lambda loaded_page: self.loaded.append(loaded_page.url))

    # Waiting, and checking each page

    def see(self, locator):
        """Wait until `locator` is visible, then check the page with axe-core if it is new."""
        expect(locator).to_be_visible()
        self.check_page()
        return locator

    def heading(self, text, level: int = 1):
        """Wait for the page's heading (exact text, or a pattern) and check the page."""
        return self.see(self.page.get_by_role("heading", level=level, name=text, exact=isinstance(text, str)))

    def check_page(self) -> None:
        if self.page.evaluate("window.__journeyChecked === true"):
            return
        url = self.page.url
        # Wagtail's messages slide and fade in: axe would measure the contrast of a half-faded
        # banner. Wait until every finite animation has finished.
        self.page.evaluate(
            "() => Promise.all(document.getAnimations()"
            ".filter(animation => animation.effect.getComputedTiming().iterations !== Infinity)"
            ".map(animation => animation.finished.catch(() => null)))"
        )
        # Wagtail shows its messages' list (opacity 0 until then) 100 ms after the page loads, and
        # only then fades it in: wait until a list holding messages is fully opaque.
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.messages > ul')].filter(list => list.children.length)"
            ".every(list => getComputedStyle(list).opacity === '1')"
        )
        found = [violation for violation in axe_violations(self.page) if not allowed(url, violation)]
        if found:
            self.violations[url] = found
        self.page.evaluate("window.__journeyChecked = true")
        self.checked.append(url)

    def assert_every_page_passed_axe(self) -> None:
        unchecked = Counter(self.loaded) - Counter(self.checked)
        assert not unchecked, f"pages loaded but never checked with axe-core: {sorted(unchecked)}"
        assert self.violations == {}

    # Going places and working controls, by pointer or keyboard

    def open(self, path: str) -> None:
        """Go to an address, as a person types or pastes it (an emailed link, a bookmark)."""
        self.page.goto(f"{self.base}{path}")

    def focus(self, locator, presses: int = 80) -> None:
        """Press Tab until `locator` has the focus; fail, naming it, if it never does."""
        locator.wait_for()
        for _ in range(presses):
            if locator.evaluate("element => element === document.activeElement"):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{presses} presses of Tab never reached {locator}")

    def press(self, locator, presses: int = 80) -> None:
        """Follow a link or press a button: a click, or Tab to it and Enter."""
        if self.keyboard:
            self.focus(locator, presses)
            self.page.keyboard.press("Enter")
        else:
            locator.click()

    def fill(self, locator, text: str, presses: int = 80) -> None:
        """Type into a text field (replacing what it holds)."""
        if self.keyboard:
            self.focus(locator, presses)
            self.page.keyboard.press("ControlOrMeta+A")
            self.page.keyboard.type(text)
        else:
            locator.fill(text)
        if locator.evaluate("element => 'value' in element"):
            expect(locator).to_have_value(text)

    def pick(self, option, search: str) -> None:
        """Pick an option of a combo box that has just opened (the admin's block chooser): by
        keyboard, Tab to its search field, type `search`, move down to the option, press Enter."""
        if not self.keyboard:
            option.click()
            return
        self.focus(self.page.locator(".w-combobox").get_by_role("combobox"))
        self.page.keyboard.type(search)
        for _ in range(20):
            self.page.keyboard.press("ArrowDown")
            if option.get_attribute("aria-selected") == "true":
                self.page.keyboard.press("Enter")
                return
        raise AssertionError(f"the arrow keys never reached {option}")

    def type_into(self, locator, text: str, presses: int = 80) -> None:
        """Type into an editable area that is not a form field (the admin's rich text editor)."""
        if self.keyboard:
            self.focus(locator, presses)
        else:
            locator.click()
        self.page.keyboard.type(text)
        expect(locator).to_contain_text(text)

    def tick(self, locator, presses: int = 80) -> None:
        """Tick a checkbox or choose a radio: Space on a checkbox; the arrow keys within a radio
        group (Tab stops once per group, on its chosen radio or its first)."""
        if not self.keyboard:
            locator.check()
        elif locator.get_attribute("type") == "radio":
            name = locator.get_attribute("name")
            for _ in range(presses):
                if self.page.evaluate("name => document.activeElement.name === name", name):
                    break
                self.page.keyboard.press("Tab")
            else:
                raise AssertionError(f"{presses} presses of Tab never reached the radios named {name}")
            if locator.evaluate("element => element !== document.activeElement"):
                for _ in range(20):
                    self.page.keyboard.press("ArrowDown")
                    if locator.evaluate("element => element === document.activeElement"):
                        break
                else:
                    raise AssertionError(f"the arrow keys never reached {locator}")
            self.page.keyboard.press("Space")
        else:
            self.focus(locator, presses)
            self.page.keyboard.press("Space")
        expect(locator).to_be_checked()

    def choose(self, locator, label: str, presses: int = 80) -> None:
        """Choose an option of a drop-down by its text (by keyboard: type its first letters)."""
        if self.keyboard:
            self.focus(locator, presses)
            self.page.keyboard.type(label)
        else:
            locator.select_option(label=label)
        assert locator.evaluate("element => element.options[element.selectedIndex].text.trim()") == label

    def download(self, locator, presses: int = 80):
        """Press a download link; return the downloaded file's bytes and its suggested name."""
        with self.page.expect_download() as info:
            self.press(locator, presses)
        download = info.value
        return download.path().read_bytes(), download.suggested_filename

    def menu(self, submenu: str, item: str) -> None:
        """Open an item of one of the Wagtail admin sidebar's menus."""
        self.press(self.page.get_by_role("button", name=submenu, exact=True))
        self.press(self.page.locator(".sidebar-sub-menu-panel").filter(visible=True).get_by_role(
            "link", name=item, exact=True))

    # Signing in

    def sign_in(self, user, password: str = PASSWORD, staff: bool = False, path: str | None = "/accounts/login/"):
        """Sign in through the form (and, for staff, the authenticator code). `path=None`: the
        browser is already on the sign-in form (a signed-in page sent it there)."""
        if path:
            self.open(path)
        self.heading("Sign in")
        self.fill(self.page.get_by_label("Email"), user.email)
        self.fill(self.page.get_by_label("Password"), password)
        self.press(self.page.get_by_role("button", name="Sign in"))
        if staff:
            expect(self.page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
            self.see(self.page.get_by_label("Code"))
            self.fill(self.page.get_by_label("Code"), totp_code())
            self.press(self.page.get_by_role("button", name="Continue"))

    def sign_out(self) -> None:
        """Sign out from the header's link and its confirmation."""
        menu = self.page.get_by_role("navigation", name="Menu")
        self.press(menu.get_by_role("link", name="Sign out"))
        self.heading("Sign out")
        self.press(self.page.get_by_role("button", name="Sign out"))
        self.see(menu.get_by_role("link", name="Sign in", exact=True))


def staff(role, **fields):
    """A member of staff in `role`, with an authenticator set up (staff sign in with a code)."""
    from tests.factories import LearnerFactory

    person = LearnerFactory(roles=[role], **fields)
    set_up_totp(person, TOTP_SECRET)
    return person


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def emailed_link(path_pattern: str, to: str | None = None) -> str:
    """The path of the last link whose path matches `path_pattern` in the emails sent (to `to`, if
    given). Emails name the site's public address; the journey follows the path on the test server."""
    for message in reversed(mail.outbox):
        if to is None or to in message.to:
            found = re.search(r"https?://[^/\s]+(" + path_pattern + ")", message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"no email holds a link like {path_pattern}")


# The learner


@pytest.mark.parametrize("mode", MODES)
def test_learner_signs_up_learns_their_sectors_version_fails_then_passes_and_gets_a_certificate(
    live_server, page, offsite_requests, mode
):
    from lms.certificates.models import Certificate
    from lms.learning.models import Choice
    from tests.factories import make_module, make_quiz, rich, variant

    module = make_module("recognising-coercive-control", lessons=1, title="Recognising coercive control", body=[
        rich("Coercive control is a pattern of behaviour over time, not a single incident."),
        variant(["housing"], "For housing officers: rent arrears can be a sign that money is being controlled."),
        variant(["health"], "For clinicians: ask about abuse only when the patient is alone."),
    ])
    make_quiz(module, questions=2, pass_mark=100)
    journey = Journey(page, live_server.url, mode)
    email = f"{mode}.learner@example.org"

    # Sign up.
    journey.open("/")
    journey.see(page.get_by_role("heading", level=1))
    journey.press(page.get_by_role("link", name="Create an account").first)
    journey.heading("Create an account")
    journey.fill(page.get_by_label("Email"), email)
    journey.fill(page.get_by_label("Password", exact=True), "correct-horse-battery-7")
    journey.fill(page.get_by_label("Confirm your password"), "correct-horse-battery-7")
    journey.press(page.get_by_role("button", name="Create account"))
    journey.heading("Check your email")

    # Verify the email address by the emailed link.
    journey.open(emailed_link(r"/accounts/confirm-email/\S+/", to=email))
    journey.see(page.get_by_role("button", name="Confirm"))
    journey.press(page.get_by_role("button", name="Confirm"))

    # The profile, asked for at once.
    journey.heading("Complete your profile")
    journey.fill(page.get_by_label("Full name"), "Ayşe Yılmaz")
    journey.fill(page.get_by_label("Job title or role"), "Housing officer")
    journey.tick(page.get_by_label("Housing", exact=True))
    journey.fill(page.get_by_label("Organisation", exact=True), "Stevenage Homes")
    journey.choose(page.get_by_label("If your organisation is not in the list, what type is it?"),
                   "Housing provider")
    journey.choose(page.get_by_label("Which district do you mainly work in?"), "Stevenage")
    journey.press(page.get_by_role("button", name="Save profile"))
    journey.heading("Your learning")

    # The module, in the housing version.
    journey.open("/modules/")
    journey.heading("Training modules")
    journey.press(page.get_by_role("link", name="Recognising coercive control"))
    journey.heading("Recognising coercive control")
    journey.press(page.get_by_role("button", name="Start module"))
    journey.heading(re.compile("how confident do you feel"))
    journey.press(page.get_by_role("button", name="Skip this"))
    journey.heading("Lesson 1")
    main = page.locator("main")
    expect(main).to_contain_text("rent arrears can be a sign that money is being controlled")
    expect(main).not_to_contain_text("ask about abuse only when the patient is alone")
    journey.press(page.get_by_role("button", name="Mark complete and finish"))
    journey.heading("Quiz")

    # The quiz: wrong answers first, then right ones.
    for right in (False, True):
        journey.press(page.get_by_role("button", name="Start the quiz"))
        journey.see(page.get_by_role("button", name="Check your answers"))
        for group in page.locator("fieldset").all():
            choice = Choice.objects.get(
                question__module=module, is_correct=right,
                text__in=[label.strip() for label in group.locator("label").all_inner_texts()],
            )
            journey.tick(group.get_by_label(choice.text, exact=True))
        journey.press(page.get_by_role("button", name="Check your answers"))
        journey.heading("Check your answers")
        journey.press(page.get_by_role("button", name="Submit for marking"))
        if not right:
            journey.heading("You did not pass this time")
            journey.press(page.get_by_role("link", name="See your attempts and when you can try again"))
            journey.heading("Quiz")
    journey.see(page.get_by_role("heading", name="You passed"))

    # The certificate: its PDF names the learner, and the public verify page says it is valid.
    certificate = Certificate.objects.get(user__email=email, module=module)
    data, filename = journey.download(page.get_by_role("button", name="Download your certificate (PDF)"))
    assert data.startswith(b"%PDF-") and filename.endswith(".pdf")
    text = pdf_text(data)
    assert "Ayşe Yılmaz" in text and "Recognising coercive control" in text
    journey.open("/verify/")
    journey.heading("Check a certificate")
    journey.fill(page.get_by_label("Certificate code"), certificate.code)
    journey.press(page.get_by_role("button", name="Check certificate"))
    journey.heading(f"Certificate {certificate.code}")
    expect(main).to_contain_text("Ayşe Yılmaz")
    expect(page.locator(".govuk-tag", has_text="Valid")).to_be_visible()

    journey.assert_every_page_passed_axe()
    assert offsite_requests == []


# The champion


@pytest.mark.parametrize("mode", MODES)
def test_champion_becomes_eligible_applies_is_approved_listed_written_to_and_books_a_session(
    live_server, page, offsite_requests, mode
):
    from django.db import transaction

    from champions import relay, services
    from champions.models import Champion, ChampionTier, SessionBooking
    from lms.site.roles import Role
    from tests.factories import (
        CertificateFactory,
        LearnerFactory,
        NetworkSessionFactory,
        confirmed_member,
        make_module,
        professional,
    )

    # Eligible: a certificate for every module of the community tier's pathway.
    pathway = make_module("recognising-and-responding", lessons=1, title="Recognising and responding")
    ChampionTier.objects.get(slug="community").pathway_modules.set([pathway])
    learner = LearnerFactory(full_name="Zofia Dąbrowska", job_role="Practice nurse")
    confirmed_member(learner)
    CertificateFactory(user=learner, module=pathway)
    session = NetworkSessionFactory(topic="Network update: stalking", capacity=12)
    journey = Journey(page, live_server.url, mode)

    journey.sign_in(learner)
    journey.heading("Your learning")
    expect(page.get_by_role("heading", name=re.compile("Community champion"))).to_contain_text("Pathway complete")
    journey.press(page.get_by_role("button", name="Apply to be a champion"))

    # Apply, choosing to be listed to confirmed professionals.
    journey.heading("Apply to be a champion")
    expect(page.get_by_label("Watford")).to_be_checked()
    journey.fill(page.get_by_label("When can people expect to hear back from you?"), "Weekdays, within two days")
    journey.fill(page.get_by_label("About you as a champion"), "Colleagues should know where to turn.")
    journey.fill(page.get_by_label("Your line manager’s full name"), "Morgan Reed")
    journey.fill(page.get_by_label("Your line manager’s email address"), "morgan.reed@example.org")
    journey.tick(page.get_by_label("Professionals whose organisation has confirmed them"))
    journey.press(page.get_by_role("button", name="Send application"))
    journey.heading("Application sent")
    journey.sign_out()

    # The line manager agrees through the emailed link, without an account.
    journey.open(emailed_link(r"/champions/agreement/[^/\s]+/", to="morgan.reed@example.org"))
    journey.heading("Do you agree to Zofia Dąbrowska’s time as a champion?")
    journey.press(page.get_by_role("button", name="I agree to this time"))
    journey.heading("Thank you")
    champion = Champion.objects.get(user=learner)
    assert champion.status == Champion.Status.MANAGER_AGREED

    # A coordinator approves (their side is the coordinator's journey); the approval email's link
    # leads the new champion, once signed in, to their profile.
    with transaction.atomic():
        services.approve(champion, by=LearnerFactory(roles=[Role.COORDINATOR]))
    journey.open(emailed_link(r"/champions/me/", to=learner.email))
    journey.sign_in(learner, path=None)
    journey.heading("Your champion profile")

    # Listed in the directory.
    journey.press(page.get_by_role("link", name="Find another champion"))
    journey.heading("Find a champion")
    journey.fill(page.get_by_label("Name, job or organisation"), "zofia dabrowska")
    journey.press(page.get_by_role("button", name="Apply filters"))
    expect(page.locator("#result-count")).to_have_text(re.compile("^1 champion"))
    journey.see(page.locator(".govuk-summary-card", has_text="Zofia Dąbrowska"))

    # A confirmed professional writes through the relay (their side is in
    # test_champion_directory_browser.py): the champion receives it by email, their address unseen.
    sender = professional(full_name="Sasha Sender")
    with transaction.atomic():
        relay.send(champion, sender, message="Could we talk about referral routes for my team?",
                   reply_to=sender.email)
    received = mail.outbox[-1]
    assert received.to == [learner.email] and received.reply_to == [sender.email]
    assert "Could we talk about referral routes for my team?" in received.body

    # Book a place at the next network session.
    journey.open("/champions/me/")
    journey.heading("Your champion profile")
    journey.press(page.get_by_role("link", name="Network sessions"))
    journey.heading("Network sessions")
    journey.press(page.get_by_role("button", name="Book a place at Network update: stalking"))
    journey.see(page.get_by_text("You have a place at “Network update: stalking”"))
    assert SessionBooking.objects.filter(session=session, champion=champion).count() == 1

    journey.assert_every_page_passed_axe()
    assert offsite_requests == []


# The organisation lead


@pytest.mark.parametrize("mode", MODES)
def test_organisation_lead_confirms_a_member_sees_their_completions_and_updates_an_action(
    live_server, page, offsite_requests, mode
):
    from champions.whiteribbon.models import ActionItem, ActionUpdate, Criterion, Focus
    from lms.organisations.models import Membership
    from lms.site.roles import Role
    from tests.factories import (
        ActionItemFactory,
        CertificateFactory,
        LearnerFactory,
        MembershipFactory,
        OrganisationFactory,
        accredited_cycle,
        make_module,
    )

    organisation = OrganisationFactory(name="Hatfield Housing Trust")
    lead = LearnerFactory(full_name="Lena Lead", roles=[Role.ORGANISATION_LEAD])
    organisation.leads.add(lead)
    module = make_module("awareness-for-housing", lessons=1, title="Domestic abuse awareness for housing staff")
    member = LearnerFactory(full_name="Jess Patel", job_role="Tenancy officer", organisation=organisation)
    request = MembershipFactory(user=member, organisation=organisation)
    CertificateFactory(user=member, module=module)
    cycle = accredited_cycle(organisation, approved_on=timezone.localdate() - datetime.timedelta(days=200))
    item = ActionItemFactory(
        cycle=cycle, year=1, criterion=Criterion.CHANGING_CULTURE, focus=Focus.TRAINING, module=module,
        title="Every housing officer completes the awareness module", owner="Head of housing", status="amber",
    )
    journey = Journey(page, live_server.url, mode)

    # Confirm the person who asked to join; their completions then show.
    journey.sign_in(lead)
    journey.heading("Your learning")
    journey.press(page.get_by_role("link", name="Manage members and requests to join"))
    journey.heading("Members of your organisation")
    expect(page.get_by_role("heading", name="Requests to join (1)")).to_be_visible()
    journey.press(page.get_by_role("button", name="Confirm Jess Patel works here"))
    journey.see(page.get_by_role("heading", name="Confirmed members (1)"))
    card = page.locator(".govuk-summary-card", has_text="Jess Patel")
    expect(card.locator(".govuk-summary-list__row", has_text="Modules completed")).to_contain_text("1")
    expect(card.locator(".govuk-summary-list__row", has_text="Current certificates")).to_contain_text(
        "Domestic abuse awareness for housing staff")
    request.refresh_from_db()
    assert request.status == Membership.Status.CONFIRMED

    # The White Ribbon action plan counts her, and an action's progress is recorded.
    journey.open("/my-learning/")
    journey.heading("Your learning")
    journey.press(page.get_by_role("link", name="Your organisations and their White Ribbon action plans"))
    journey.heading("Your organisations")
    journey.press(page.get_by_role("link", name="White Ribbon action plan of Hatfield Housing Trust"))
    journey.heading("White Ribbon action plan")
    expect(page.get_by_text("1 of 1 confirmed member holds a current certificate for Domestic abuse awareness "
                            "for housing staff (100%)")).to_be_visible()
    journey.press(page.get_by_role("link", name="Every housing officer completes the awareness module", exact=True))
    journey.heading("Every housing officer completes the awareness module")
    journey.fill(page.get_by_label("What has happened?"), "Every officer has now completed it.")
    journey.tick(page.get_by_label("Done", exact=True))
    journey.press(page.get_by_role("button", name="Record progress"))
    journey.see(page.get_by_text("Your update is recorded. The action is now “Done”."))
    expect(page.get_by_text("Recorded by Lena Lead")).to_be_visible()
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE
    assert ActionUpdate.objects.get(item=item).by == lead

    journey.assert_every_page_passed_axe()
    assert offsite_requests == []


# The coordinator


@pytest.mark.parametrize("mode", MODES)
def test_coordinator_approves_a_champion_advances_an_accreditation_and_exports_a_report(
    live_server, page, offsite_requests, mode
):
    from champions.models import Champion
    from champions.whiteribbon.models import AccreditationCycle, StageChange
    from lms.site.roles import Role
    from tests.factories import AccreditationCycleFactory, LearnerFactory, OrganisationFactory, make_champion

    applicant = make_champion(LearnerFactory(full_name="Zofia Dąbrowska"), status=Champion.Status.MANAGER_AGREED,
                              approved_at=None)
    cycle = AccreditationCycleFactory(organisation=OrganisationFactory(name="Letchworth Academy"),
                                      stage=AccreditationCycle.Stage.PREPARING)
    coordinator = staff(Role.COORDINATOR, full_name="Corinne Ordinator")
    journey = Journey(page, live_server.url, mode)
    journey.sign_in(coordinator, staff=True, path="/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/")
    journey.check_page()

    # Approve the champion whose line manager has agreed.
    journey.menu("Champions", "Applications")
    journey.heading("Champion applications")
    journey.press(page.get_by_role("link", name="Zofia Dąbrowska").first)
    journey.see(page.get_by_role("link", name="Approve").first)
    journey.press(page.get_by_role("link", name="Approve").first)
    journey.see(page.get_by_role("heading", name="Approve Zofia Dąbrowska as a champion"))
    journey.press(page.get_by_role("button", name="Approve"))
    journey.see(page.get_by_text("Zofia Dąbrowska is approved"))
    applicant.refresh_from_db()
    assert applicant.status == Champion.Status.ACTIVE

    # Move an accreditation on a stage.
    journey.menu("White Ribbon", "Cycles")
    journey.heading(re.compile("cycles", re.IGNORECASE))
    journey.press(page.get_by_role("link", name="Letchworth Academy").first)
    journey.see(page.get_by_role("link", name="Change stage"))
    journey.press(page.get_by_role("link", name="Change stage"))
    journey.see(page.get_by_role("heading", name="Change Letchworth Academy’s stage"))
    journey.tick(page.get_by_label("Submitted to the panel"))
    journey.fill(page.get_by_label("Note"), "Application sent on the portal.")
    journey.press(page.get_by_role("button", name="Change the stage"))
    journey.see(page.get_by_text("Letchworth Academy is now “submitted to the panel”."))
    cycle.refresh_from_db()
    assert cycle.stage == AccreditationCycle.Stage.SUBMITTED
    assert StageChange.objects.get(cycle=cycle).note == "Application sent on the portal."

    # Run the certificates report by sector and download it.
    journey.menu("Reports", "Certificates")
    journey.heading(re.compile("certificates", re.IGNORECASE))
    journey.choose(page.get_by_label("Group by"), "Sector")
    journey.press(page.get_by_role("button", name="Show"))
    journey.see(page.get_by_role("columnheader", name="Sector"))
    expect(page.get_by_role("row", name="Health 1 0 0 0")).to_be_visible()
    data, filename = journey.download(page.get_by_role("link", name="Download as CSV"))
    assert filename.endswith(".csv") and "sector" in filename
    assert "Health" in data.decode("utf-8-sig")

    journey.assert_every_page_passed_axe()
    assert offsite_requests == []


# The editor, the co-production panel's reviewer and the moderator


@pytest.mark.parametrize("mode", MODES)
def test_editor_writes_a_lesson_the_panel_approves_the_moderator_publishes_and_a_learner_reads_it(
    live_server, page, offsite_requests, mode
):
    from content.models import LessonPage
    from lms.site.roles import Role
    from tests.factories import LearnerFactory, make_module

    module = make_module("responding-to-disclosures", lessons=1, title="Responding to disclosures")
    editor = staff(Role.EDITOR, full_name="Eddie Editor")
    reviewer = staff(Role.REVIEWER, full_name="Rae Reviewer")
    moderator = staff(Role.MODERATOR, full_name="Mo Moderator")
    learner = LearnerFactory()
    journey = Journey(page, live_server.url, mode)
    words = "Believe them, thank them for telling you, and ask what they would like to happen next."

    # The editor writes a new lesson in the module and submits it for review.
    journey.sign_in(editor, staff=True, path="/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/")
    journey.check_page()
    journey.open(f"/admin/pages/{module.pk}/")
    journey.see(page.get_by_role("heading", level=1, name=re.compile("Responding to disclosures")))
    journey.press(page.get_by_role("link", name=re.compile("Add child page")).first)
    journey.see(page.get_by_role("heading", level=1, name=re.compile("Lesson page")))
    journey.fill(page.locator("#id_title"), "Lesson 2: What to say")
    journey.press(page.get_by_role("button", name="Insert a block").first)
    journey.pick(page.get_by_role("option", name="Rich text"), "Rich")
    journey.type_into(page.locator(".Draftail-Editor [contenteditable=true]").first, words)
    # The rich text editor puts what was typed into the form a moment later: wait for it, then save
    # the draft (the test settings turn Wagtail's autosave off, lms/settings/test.py), which shows
    # the new page's edit address.
    expect(page.locator("#body-0-value")).to_have_value(re.compile("Believe them"))
    journey.press(page.get_by_role("button", name="Save draft"))
    expect(page).to_have_url(re.compile(r"/admin/pages/[0-9]+/edit/$"))
    journey.check_page()
    journey.press(page.get_by_role("button", name="More actions"))
    journey.press(page.get_by_role("button", name=re.compile("Submit to Content review")))
    journey.see(page.get_by_text("Page 'Lesson 2: What to say' has been submitted for moderation."))
    lesson = LessonPage.objects.get(title="Lesson 2: What to say")
    assert not lesson.live and lesson.current_workflow_task.name == "Co-production panel review"
    page.context.clear_cookies()

    # The co-production panel's reviewer reads it and approves it for the panel.
    journey.sign_in(reviewer, staff=True, path="/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/")
    journey.check_page()
    journey.press(page.get_by_role("link", name=re.compile("Review .*Lesson 2: What to say")))
    journey.see(page.get_by_role("heading", level=1, name=re.compile("Co-production panel review")))
    journey.tick(page.get_by_label("Approve for the panel"))
    journey.press(page.get_by_role("button", name="Send your decision"))
    journey.see(page.get_by_text("You approved 'Lesson 2: What to say' for the panel."))
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert not lesson.live and lesson.current_workflow_task.name == "Moderator approval"
    page.context.clear_cookies()

    # The moderator opens it from their dashboard: the editor is locked at their step, so they
    # land on the review screen, read it, and approve, which publishes what the panel approved.
    journey.sign_in(moderator, staff=True, path="/admin/")
    expect(page).to_have_url(f"{live_server.url}/admin/")
    journey.check_page()
    awaiting = page.get_by_role("region", name="Awaiting your review").get_by_role(
        "row", name=re.compile("Lesson 2: What to say"))
    journey.see(awaiting)
    journey.press(awaiting.get_by_role("link", name=re.compile("Lesson 2: What to say")).first)
    journey.see(page.get_by_role("heading", level=1, name=re.compile("Moderator approval")))
    journey.check_page()
    journey.tick(page.get_by_label("Approve and publish"))
    journey.press(page.get_by_role("button", name="Send your decision"))
    journey.see(page.get_by_text("You approved 'Lesson 2: What to say'. It is now live."))
    journey.check_page()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live
    page.context.clear_cookies()

    # A learner finds it in the module and reads it.
    journey.sign_in(learner)
    journey.heading("Your learning")
    journey.open("/modules/responding-to-disclosures/")
    journey.heading("Responding to disclosures")
    journey.press(page.get_by_role("link", name="Lesson 2: What to say"))
    journey.heading("Lesson 2: What to say")
    expect(page.locator("main")).to_contain_text(words)

    journey.assert_every_page_passed_axe()
    assert offsite_requests == []
