"""A champion's life: eligibility from live certificates, the allowed changes of status (each
dated, attributed and logged), the role that follows them, and the daily review that marks a
refresher due when a pathway certificate expires, lapses the champion after the grace period
and restores them when they renew. Days are given to the review, so each test says which day
it is without touching the clock."""

import datetime
import itertools
import re

import pytest
import time_machine
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from champions.models import Champion, StatusChange
from champions.services import (
    TRANSITIONS,
    Application,
    ChampionError,
    agreement_token,
    apply,
    approve,
    champion_for_agreement_token,
    decline,
    is_eligible,
    move,
    pause,
    record_manager_agreement,
    resume,
    review_pathways,
    tier_progress,
    withdraw,
)
from champions.visibility import visible_to
from content.models import Sector, Topic
from lms.accounts.models import District
from lms.site.roles import Role
from tests.champions.factories import a_day_passes
from tests.factories import (
    CertificateFactory,
    ChampionFactory,
    ChampionTierFactory,
    LearnerFactory,
    OrganisationFactory,
    make_champion,
    make_module,
    professional,
)

pytestmark = pytest.mark.django_db

S = Champion.Status
GRACE = 60


def holds_role(user) -> bool:
    return user.groups.filter(name=Role.CHAMPION).exists()


def history(champion) -> list[tuple[str, str]]:
    return [(change.from_status, change.to_status) for change in champion.history.order_by("at", "id")]


# Eligibility ------------------------------------------------------------------------------


def test_progress_counts_only_certificates_valid_on_the_day():
    first, second = make_module("pathway-one", lessons=1), make_module("pathway-two", lessons=1)
    tier = ChampionTierFactory(slug="two-module-tier", pathway_modules=[first, second])
    person = LearnerFactory()
    progress = tier_progress(person, tiers=[tier])[0]
    assert (len(progress.held), len(progress.missing), progress.eligible) == (0, 2, False)

    certificate = CertificateFactory(user=person, module=first)
    progress = tier_progress(person, tiers=[tier])[0]
    assert [m.pk for m in progress.held] == [first.pk] and [m.pk for m in progress.missing] == [second.pk]
    assert not progress.eligible

    CertificateFactory(user=person, module=second)
    assert is_eligible(person, tier)
    # The day after the first certificate expires, the tier is out of reach again.
    assert not is_eligible(person, tier, certificate.expires_on + datetime.timedelta(days=1))
    assert is_eligible(person, tier, certificate.expires_on)


def test_a_revoked_certificate_does_not_count():
    from lms.certificates.services import revoke_certificate

    person = make_champion(approved=False)
    tier = Champion._meta.get_field("tier").related_model.objects.get(slug="community")
    assert is_eligible(person, tier)
    revoke_certificate(person.certificates.get(), by=LearnerFactory(), reason="Issued in error")
    assert not is_eligible(person, tier)


def test_a_tier_without_pathway_modules_is_closed():
    tier = ChampionTierFactory(slug="no-modules")
    assert not tier_progress(LearnerFactory(), tiers=[tier])[0].eligible


# Status changes ----------------------------------------------------------------------------


@pytest.mark.parametrize("from_status,to_status", list(itertools.product(S.values, S.values)))
def test_every_change_of_status_is_allowed_or_refused_by_the_table(from_status, to_status):
    champion = ChampionFactory(status=from_status)
    coordinator = LearnerFactory()
    if to_status in TRANSITIONS[from_status]:
        moved = move(champion, to_status, by=coordinator, reason="Because.")
        assert moved.status == to_status
        change = StatusChange.objects.get(champion=champion)
        assert (change.from_status, change.to_status, change.by, change.reason) == (
            from_status, to_status, coordinator, "Because.",
        )
        assert holds_role(champion.user) == (to_status in Champion.HOLD_ROLE)
    else:
        with pytest.raises(ChampionError, match="Nothing was changed"):
            move(champion, to_status, by=coordinator)
        champion.refresh_from_db()
        assert champion.status == from_status
        assert not StatusChange.objects.filter(champion=champion).exists()


def test_approval_gives_the_role_and_an_email_withdrawal_takes_the_role(mailoutbox, django_capture_on_commit_callbacks):
    champion = ChampionFactory(status=S.MANAGER_AGREED)
    assert not holds_role(champion.user)
    coordinator = LearnerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        approve(champion, by=coordinator)
    champion.refresh_from_db()
    assert champion.status == S.ACTIVE and champion.approved_at is not None
    assert holds_role(champion.user)
    assert [m.to for m in mailoutbox] == [[champion.user.email]]
    assert "approved" in mailoutbox[0].subject

    pause(champion, by=champion.user)
    assert holds_role(champion.user)  # paused: hidden, not lapsed
    withdraw(champion, by=champion.user, reason="Changed jobs")
    assert not holds_role(champion.user)
    assert history(champion) == [(S.MANAGER_AGREED, S.ACTIVE), (S.ACTIVE, S.PAUSED), (S.PAUSED, S.WITHDRAWN)]


def test_declining_needs_a_reason_which_is_emailed(mailoutbox, django_capture_on_commit_callbacks):
    champion = ChampionFactory(status=S.APPLIED)
    with pytest.raises(ChampionError, match="reason"):
        decline(champion, by=LearnerFactory(), reason="   ")
    champion.refresh_from_db()
    assert champion.status == S.APPLIED
    with django_capture_on_commit_callbacks(execute=True):
        decline(champion, by=LearnerFactory(), reason="We need a lead champion in Stevenage instead.")
    assert "We need a lead champion in Stevenage instead." in mailoutbox[0].body


# Application and the line manager's agreement ------------------------------------------------


def application_for(user, **overrides) -> Application:
    fields = dict(
        tier=Champion._meta.get_field("tier").related_model.objects.get(slug="community"),
        organisation=user.organisation, sector=Sector.objects.get(slug="health"),
        districts=[District.objects.get(slug="watford")], specialisms=[Topic.objects.get(slug="domestic-abuse")],
        languages=[], availability="Weekdays", statement="I want to help colleagues.",
        line_manager_name="Sam Manager", line_manager_email="sam.manager@example.org",
    )
    fields.update(overrides)
    return Application(**fields)


def test_an_application_emails_the_line_manager_a_link_that_agrees_once(mailoutbox, django_capture_on_commit_callbacks):
    person = make_champion(approved=False)
    with django_capture_on_commit_callbacks(execute=True):
        champion = apply(person, application_for(person))
    assert champion.status == S.APPLIED
    assert mailoutbox[0].to == ["sam.manager@example.org"]
    token = agreement_token(champion)
    assert f"/champions/agreement/{token}/" in mailoutbox[0].body
    assert person.email not in mailoutbox[0].body  # the manager knows them by name

    assert champion_for_agreement_token(token) == champion
    record_manager_agreement(champion_for_agreement_token(token))
    champion.refresh_from_db()
    assert champion.status == S.MANAGER_AGREED and champion.manager_agreed_at is not None
    with pytest.raises(ChampionError):
        record_manager_agreement(champion)  # a second click changes nothing
    assert history(champion) == [("", S.APPLIED), (S.APPLIED, S.MANAGER_AGREED)]


def test_tampered_or_old_agreement_links_lead_nowhere(django_capture_on_commit_callbacks):
    person = make_champion(approved=False)
    with django_capture_on_commit_callbacks(execute=True):
        champion = apply(person, application_for(person))
    token = agreement_token(champion)
    assert champion_for_agreement_token(token[:-2] + "xx") is None
    assert champion_for_agreement_token("not-a-token") is None
    for payload in (["a", "list"], {"c": "junk", "n": 1}, {"c": 10**30, "n": 1}, {"c": True, "n": 1}, {}):
        forged = signing.dumps(payload, salt="champions.manager-agreement")
        assert champion_for_agreement_token(forged) is None, payload
    # Declined, then applied again: the first link no longer works, the new one does.
    decline(champion, by=LearnerFactory(), reason="Manager on leave; apply again later.")
    a_day_passes(champion)
    with django_capture_on_commit_callbacks(execute=True):
        again = apply(person, application_for(person, line_manager_name="Alex Deputy"))
    assert again.pk == champion.pk and again.application_number == 2
    assert champion_for_agreement_token(token) is None
    assert champion_for_agreement_token(agreement_token(again)) == again


def test_an_agreement_link_expires(settings):
    champion = ChampionFactory(status=S.APPLIED)
    token = agreement_token(champion)
    settings.CHAMPION_AGREEMENT_LINK_DAYS = 0
    # max_age 0: any token older than this instant is refused.
    import time

    time.sleep(1.1)
    assert champion_for_agreement_token(token) is None


def test_a_coordinator_recording_the_agreement_must_say_how_they_know():
    champion = ChampionFactory(status=S.APPLIED)
    coordinator = LearnerFactory()
    with pytest.raises(ChampionError, match="how you know"):
        record_manager_agreement(champion, by=coordinator, note=" ")
    record_manager_agreement(champion, by=coordinator, note="Email from the ward manager, 3 March")
    champion.refresh_from_db()
    assert champion.manager_agreement_recorded_by == coordinator
    assert champion.history.get().reason == "Email from the ward manager, 3 March"


@pytest.mark.parametrize("problem", ["ineligible", "unverified", "no organisation", "own email", "other organisation"])
def test_applications_that_break_a_rule_are_refused_and_write_nothing(problem):
    from allauth.account.models import EmailAddress

    person = LearnerFactory() if problem == "ineligible" else make_champion(approved=False)
    if problem == "ineligible":
        from tests.factories import confirmed_member

        confirmed_member(person)
        make_champion(approved=False)  # the tier gets its pathway; this person holds none of it
    application = application_for(person)
    if problem == "unverified":
        EmailAddress.objects.filter(user=person).update(verified=False)
    elif problem == "no organisation":
        person.memberships.update(status="ended", ending="left", ended_at=timezone.now())
    elif problem == "own email":
        application = application_for(person, line_manager_email=person.email.upper())
    elif problem == "other organisation":
        application = application_for(person, organisation=OrganisationFactory())
    with pytest.raises(ChampionError):
        apply(person, application)
    assert not Champion.objects.filter(user=person).exists()


# The daily review, day by day -----------------------------------------------------------------


def test_expiry_makes_a_refresher_due_then_a_lapse_after_the_grace_period_then_renewal_restores(
    mailoutbox, django_capture_on_commit_callbacks
):
    champion = make_champion()
    certificate = champion.user.certificates.get()
    expiry = certificate.expires_on
    user = champion.user
    viewer = professional()

    def review(day):
        with django_capture_on_commit_callbacks(execute=True):
            return review_pathways(day)

    # The last day the certificate is valid: nothing happens.
    assert review(expiry).refresher_due == 0
    champion.refresh_from_db()
    assert champion.status == S.ACTIVE

    # The next day: refresher due, emailed once, still listed (and so still found), role kept.
    first_day = expiry + datetime.timedelta(days=1)
    assert review(first_day).refresher_due == 1
    assert review(first_day).refresher_due == 0  # the second run that day changes nothing
    champion.refresh_from_db()
    assert (champion.status, champion.refresher_due_on) == (S.REFRESHER_DUE, first_day)
    assert len(mailoutbox) == 1 and "refresher" in mailoutbox[0].subject.lower()
    lapse_day = first_day + datetime.timedelta(days=GRACE)
    assert lapse_day.strftime("%-d %B %Y") in mailoutbox[0].body
    assert visible_to(viewer).filter(pk=champion.pk).exists()
    assert holds_role(user)

    # The day before the grace period ends: still refresher due.
    assert review(lapse_day - datetime.timedelta(days=1)).lapsed == 0
    # The day it ends: lapsed, emailed, hidden, role removed; a second run changes nothing.
    assert review(lapse_day).lapsed == 1
    assert review(lapse_day).lapsed == 0
    champion.refresh_from_db()
    assert champion.status == S.LAPSED
    assert len(mailoutbox) == 2 and "lapsed" in mailoutbox[1].subject.lower()
    assert not visible_to(viewer).filter(pk=champion.pk).exists()
    assert not holds_role(user)
    assert [change.by for change in champion.history.all()] == [None, None]  # the daily check

    # A new certificate restores them at once.
    with django_capture_on_commit_callbacks(execute=True):
        CertificateFactory(user=user, module=certificate.module)
    champion.refresh_from_db()
    assert (champion.status, champion.refresher_due_on) == (S.ACTIVE, None)
    assert holds_role(user)
    assert visible_to(viewer).filter(pk=champion.pk).exists()
    assert history(champion)[-1] == (S.LAPSED, S.ACTIVE)


def test_renewing_while_the_refresher_is_due_restores_without_a_lapse(django_capture_on_commit_callbacks):
    champion = make_champion()
    certificate = champion.user.certificates.get()
    review_pathways(certificate.expires_on + datetime.timedelta(days=1))
    # The certificate is renewed in the daily review's absence (say the signal's job failed):
    # the next review restores them all the same.
    certificate.expires_on = certificate.expires_on + datetime.timedelta(days=730)
    certificate.save()
    result = review_pathways(certificate.expires_on - datetime.timedelta(days=700))
    assert result.restored == 1
    champion.refresh_from_db()
    assert champion.status == S.ACTIVE


def test_a_paused_champion_stays_paused_then_lapses_on_time_and_resumes_as_refresher_due():
    champion = make_champion()
    pause(champion, by=champion.user)
    expiry = champion.user.certificates.get().expires_on
    first_day = expiry + datetime.timedelta(days=1)
    review_pathways(first_day)
    champion.refresh_from_db()
    assert (champion.status, champion.refresher_due_on) == (S.PAUSED, first_day)
    resumed = resume(champion, by=champion.user)
    assert resumed.status == S.REFRESHER_DUE  # their training ran out while they were away
    assert resumed.refresher_due_on == first_day
    pause(resumed, by=champion.user)
    review_pathways(first_day + datetime.timedelta(days=GRACE))
    champion.refresh_from_db()
    assert champion.status == S.LAPSED and not holds_role(champion.user)


def test_the_command_reviews_a_given_day_and_refuses_a_bad_one(capsys):
    from django.core.management import CommandError

    champion = make_champion()
    day = champion.user.certificates.get().expires_on + datetime.timedelta(days=1)
    # A day still to come is refused (its emails are real); run on a later day, it catches up.
    with pytest.raises(CommandError, match="later than today"):
        call_command("review_champions", "--date", day.isoformat())
    with time_machine.travel(datetime.datetime.combine(day + datetime.timedelta(days=3), datetime.time(12))):
        call_command("review_champions", "--date", day.isoformat())
        assert "Refresher due: 1. Lapsed: 0. Restored: 0." in capsys.readouterr().out
        call_command("review_champions", "--date", day.isoformat())
        assert "Refresher due: 0. Lapsed: 0. Restored: 0." in capsys.readouterr().out
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("review_champions", "--date", "31/03/2027")


def test_the_review_costs_a_bounded_number_of_queries_per_champion(django_assert_max_num_queries):
    champions = [make_champion() for _ in range(3)]
    day = champions[0].user.certificates.get().expires_on - datetime.timedelta(days=10)
    with django_assert_max_num_queries(1 + 3 * 6):
        assert review_pathways(day).refresher_due == 0


# Found by the reviewers ------------------------------------------------------------------------


def test_approval_is_dated_anew_each_time_and_a_new_application_clears_it(django_capture_on_commit_callbacks):
    champion = make_champion()
    old = timezone.now() - datetime.timedelta(days=400)
    Champion.objects.filter(pk=champion.pk).update(approved_at=old)
    withdraw(champion, by=champion.user)
    a_day_passes(champion)
    with django_capture_on_commit_callbacks(execute=True):
        again = apply(champion.user, application_for(champion.user))
    assert again.approved_at is None  # waiting again: not "approved 400 days ago"
    record_manager_agreement(again)
    approve(again, by=LearnerFactory())
    again.refresh_from_db()
    assert again.approved_at > old + datetime.timedelta(days=399)


def test_leaving_the_network_gives_up_places_at_sessions_still_to_come(django_capture_on_commit_callbacks, mailoutbox):
    from tests.factories import NetworkSessionFactory, SessionBookingFactory

    champion = make_champion()
    future = SessionBookingFactory(champion=champion)
    past_session = NetworkSessionFactory(starts_at=timezone.now() - datetime.timedelta(days=30))
    past = SessionBookingFactory(champion=champion, session=past_session, attended=True)
    coordinator = LearnerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(champion, by=coordinator, reason="Left the trust in May")
    future.refresh_from_db()
    past.refresh_from_db()
    assert future.cancelled_at is not None and past.cancelled_at is None and past.attended
    # A coordinator's withdrawal is emailed to the champion (their own stepping down is not).
    assert [m.to for m in mailoutbox] == [[champion.user.email]]
    assert "no longer a champion" in mailoutbox[0].body
    assert "Left the trust in May" not in mailoutbox[0].body  # the coordinator's reason stays with them


def test_the_refresher_email_names_the_modules_needed(mailoutbox, django_capture_on_commit_callbacks):
    champion = make_champion()
    # An editor adds a module to the pathway: the email must say what is needed, not that a
    # certificate expired.
    added = make_module("added-to-pathway", lessons=1, title="Stalking and harassment")
    champion.tier.pathway_modules.add(added)
    with django_capture_on_commit_callbacks(execute=True):
        assert review_pathways().refresher_due == 1
    assert "- Stalking and harassment" in mailoutbox[0].body
    assert "no longer valid" not in mailoutbox[0].body


def test_the_line_managers_link_can_be_sent_again_once_a_day(mailoutbox, django_capture_on_commit_callbacks):
    from champions.services import agreement_link_expired, resend_agreement_link

    person = make_champion(approved=False)
    with django_capture_on_commit_callbacks(execute=True):
        champion = apply(person, application_for(person))
    with pytest.raises(ChampionError, match="less than a day ago"):
        resend_agreement_link(champion, by=person)
    assert not agreement_link_expired(champion)
    long_ago = timezone.now() - datetime.timedelta(days=31)
    Champion.objects.filter(pk=champion.pk).update(applied_at=long_ago)
    champion.history.update(at=long_ago)
    champion.refresh_from_db()
    assert agreement_link_expired(champion)
    with django_capture_on_commit_callbacks(execute=True):
        resend_agreement_link(champion, by=person)
    assert len(mailoutbox) == 2 and mailoutbox[1].to == ["sam.manager@example.org"]
    assert not agreement_link_expired(champion)
    token = re.search(r"/champions/agreement/([^/\s]+)/", mailoutbox[1].body).group(1)
    assert champion_for_agreement_token(token) == champion
    record_manager_agreement(champion)
    with pytest.raises(ChampionError, match="no longer waiting"):
        resend_agreement_link(champion, by=person)


def test_the_history_says_who_made_each_change():
    champion = ChampionFactory(status=S.APPLIED)
    record_manager_agreement(champion)
    coordinator = LearnerFactory(full_name="Cora Coordinator")
    approve(champion, by=coordinator)
    pause(champion, by=champion.user)
    who = [change.who for change in champion.history.select_related("by").order_by("at", "id")]
    assert who == [
        "The line manager, by the emailed link", "Cora Coordinator",
        f"{champion.user.full_name} (the champion)",
    ]
