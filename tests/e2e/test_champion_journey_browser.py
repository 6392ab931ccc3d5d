"""Must show 1 of the champions issue, end to end in a browser: a learner's certificates make
them eligible, they apply, their line manager agrees through the emailed link, a coordinator
(signed in with a second factor) approves them in the admin, and another professional finds them
in the directory. Then the days pass, as the daily review is told them: the day after the
pathway certificate expires they are listed as "refresher due", when the grace period ends
they are hidden, and a new certificate lists them again."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from champions.models import Champion, ChampionTier
from champions.services import review_pathways
from lms.demo.two_factor import set_up_totp
from lms.site.roles import Role
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.e2e.conftest import axe_violations, sign_in, sign_out
from tests.factories import CertificateFactory, LearnerFactory, confirmed_member, make_module, professional

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def find_in_directory(page, base: str, name: str):
    """Search the directory by name, as a professional would; returns the result count heading."""
    page.goto(f"{base}/champions/")
    page.get_by_label("Name, job or organisation").fill(name)
    page.get_by_role("button", name="Apply filters").click()
    heading = page.locator("#result-count")
    expect(heading).to_contain_text("match")
    return heading


def test_from_certificates_to_the_directory_then_lapse_and_renewal(live_server, page, offsite_requests):
    base = live_server.url
    module = make_module("journey-pathway", lessons=1, title="Recognising and responding")
    ChampionTier.objects.get(slug="community").pathway_modules.set([module])
    learner = LearnerFactory(full_name="Zofia Dąbrowska", job_role="Practice nurse")
    confirmed_member(learner)
    certificate = CertificateFactory(user=learner, module=module)
    colleague = professional(full_name="Colm Colleague")
    coordinator = LearnerFactory(full_name="Cora Coordinator", roles=[Role.COORDINATOR])
    set_up_totp(coordinator, TOTP_SECRET)

    # Eligible: My learning says so and leads to the application.
    sign_in(page, base, learner)
    page.goto(f"{base}/my-learning/")
    expect(page.get_by_role("heading", name=re.compile("Community champion"))).to_contain_text("Pathway complete")
    page.get_by_role("button", name="Apply to be a champion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply to be a champion")
    page.get_by_label("When can people expect to hear back from you?").fill("Weekdays, within two working days")
    page.get_by_label("About you as a champion").fill("Colleagues should know where to turn.")
    page.get_by_label("Your line manager’s full name").fill("Morgan Reed")
    page.get_by_label("Your line manager’s email address").fill("morgan.reed@example.org")
    page.get_by_label(re.compile("Professionals whose organisation has confirmed them")).check()
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application sent")
    sign_out(page, base)

    # The line manager agrees through the emailed link, without an account.
    [manager_email] = mail.outbox
    link = re.search(r"/champions/agreement/[^/\s]+/", manager_email.body).group(0)
    page.goto(f"{base}{link}")
    page.get_by_role("button", name="I agree to this time").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    champion = Champion.objects.get(user=learner)
    assert champion.status == Champion.Status.MANAGER_AGREED

    # A coordinator, with their second factor, approves the application in the admin.
    page.goto(f"{base}/admin/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label("Code").fill(totp_code())
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{base}/admin/")
    page.goto(f"{base}/admin/champions/applications/")
    page.get_by_role("link", name="Zofia Dąbrowska").first.click()
    page.get_by_role("link", name="Approve").first.click()
    expect(page.get_by_role("heading", name="Approve Zofia Dąbrowska as a champion")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Zofia Dąbrowska is approved")).to_be_visible()
    champion.refresh_from_db()
    assert champion.status == Champion.Status.ACTIVE
    assert learner.groups.filter(name=Role.CHAMPION).exists()
    assert mail.outbox[-1].to == [learner.email] and "approved" in mail.outbox[-1].subject
    page.context.clear_cookies()

    # Another professional finds her in the directory (accents not needed), with no email shown.
    sign_in(page, base, colleague)
    expect(find_in_directory(page, base, "zofia dabrowska")).to_contain_text("1 champion")
    card = page.locator(".govuk-summary-card", has_text="Zofia Dąbrowska")
    expect(card).to_contain_text("Community champion")
    expect(card.locator(".govuk-tag", has_text="Refresher due")).to_have_count(0)
    assert learner.email not in page.content()
    assert axe_violations(page) == []

    # The day after her certificate expires: still listed, marked "refresher due".
    expiry = certificate.expires_on
    assert review_pathways(expiry + datetime.timedelta(days=1)).refresher_due == 1
    find_in_directory(page, base, "Zofia")
    expect(page.locator(".govuk-summary-card", has_text="Zofia Dąbrowska").locator(".govuk-tag")).to_have_text(
        "Refresher due"
    )

    # The last day of the grace period: still listed. The day it ends: lapsed, no longer listed.
    lapse_day = expiry + datetime.timedelta(days=1 + settings.CHAMPION_LAPSE_GRACE_DAYS)
    assert review_pathways(lapse_day - datetime.timedelta(days=1)).lapsed == 0
    assert review_pathways(lapse_day).lapsed == 1
    expect(find_in_directory(page, base, "Zofia")).to_contain_text("0 champions")
    assert not learner.groups.filter(name=Role.CHAMPION).exists()

    # She renews: a new certificate lists her again at once.
    CertificateFactory(user=learner, module=module)
    expect(find_in_directory(page, base, "Zofia")).to_contain_text("1 champion")
    champion.refresh_from_db()
    assert champion.status == Champion.Status.ACTIVE
    assert offsite_requests == []
