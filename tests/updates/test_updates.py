"""Guidance updates: who is told (once), completing one, the banner, the certificate's history,
the lead's list of who has not, and the coordinators' take-up. Dates are frozen."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from lms.certificates.models import Certificate
from lms.updates.models import UpdateCompletion, UpdateNotice
from lms.updates.notices import notify_all_holders, notify_holders
from lms.updates.services import complete_update, included_updates, pending_for
from lms.updates.take_up import take_up
from tests.certificates.factories import CertificateFactory
from tests.factories import LearnerFactory, OrganisationFactory, confirmed_member, make_module
from tests.updates.factories import GuidanceUpdatePageFactory, UpdateQuestionFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
PUBLISHED = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
DAY = PUBLISHED.date()


def holder(module, issued_days_before=200, **fields):
    """A learner whose certificate for `module` was issued some days before the update."""
    issued = DAY - datetime.timedelta(days=issued_days_before)
    return CertificateFactory(module=module, issued_on=issued, expires_on=issued + datetime.timedelta(days=730),
                              **fields).user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def published():
    """A module, its update published on DAY, and the clock on DAY."""
    with time_machine.travel(PUBLISHED, tick=False):
        module = make_module("dapo-module", lessons=1, title="Post-separation abuse")
        update = GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[module])
        yield module, update


def test_only_holders_of_certificates_issued_before_the_update_are_told_once(published):
    module, update = published
    told = holder(module)
    newer = holder(module, issued_days_before=0)  # issued on the day: includes it already
    expired = holder(module, issued_days_before=800)
    other = CertificateFactory(issued_on=DAY - datetime.timedelta(days=10)).user  # another module
    revoked = holder(module)
    Certificate.objects.filter(user=revoked).update(revoked_at=PUBLISHED)

    assert notify_holders(update, DAY) == 1
    assert notify_holders(update, DAY) == 0  # a second run
    call_command("send_guidance_update_notices", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[told.email]]
    assert "Domestic Abuse Protection Orders" in mail.outbox[0].subject
    assert f"/updates/{update.slug}/" in mail.outbox[0].body
    assert "30 December 2026" in mail.outbox[0].body  # 28 days to complete
    assert set(UpdateNotice.objects.values_list("user", flat=True)) == {told.pk}
    for person in (newer, expired, other, revoked):
        assert not pending_for(person, DAY)


def test_an_update_behind_a_view_restriction_is_told_to_nobody_and_asks_nothing(published):
    from wagtail.models import PageViewRestriction

    module, update = published
    person = holder(module)
    PageViewRestriction.objects.create(page=update, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert notify_holders(update, DAY) == 0  # what publishing runs
    call_command("send_guidance_update_notices", stdout=io.StringIO())  # the daily catch-up
    assert mail.outbox == [] and not UpdateNotice.objects.exists()
    assert not pending_for(person, DAY)
    response = signed_in(person).post(f"/my-learning/updates/{update.pk}/complete/")
    assert response.status_code == 404 and not UpdateCompletion.objects.exists()
    code = Certificate.objects.get(user=person).code
    assert "Domestic Abuse Protection Orders" not in Client().get(f"/verify/{code}/").content.decode()


def test_a_failed_email_is_tried_again_by_the_next_run(published, monkeypatch):
    module, update = published
    person = holder(module)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("lms.updates.notices.send_mail", broken)
    assert notify_holders(update, DAY) == 0
    assert not UpdateNotice.objects.exists()
    monkeypatch.undo()
    assert notify_all_holders(DAY) == 1
    assert mail.outbox[0].to == [person.email]


def test_publishing_queues_the_notices_and_a_correction_tells_nobody_again(django_capture_on_commit_callbacks):
    with time_machine.travel(PUBLISHED, tick=False):
        module = make_module("dapo-module", lessons=1)
        person = holder(module)
        with django_capture_on_commit_callbacks(execute=True):
            update = GuidanceUpdatePageFactory(modules=[module])
        assert [m.to for m in mail.outbox] == [[person.email]]
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=3), tick=False):
        update.why = "A corrected sentence."
        with django_capture_on_commit_callbacks(execute=True):
            update.save_revision().publish()
        update.refresh_from_db()
    assert len(mail.outbox) == 1
    assert update.update_day == DAY  # known by its first publication


def test_the_banner_lists_the_update_then_marks_it_outstanding_then_goes_when_done(published):
    module, update = published
    person = holder(module)
    notify_holders(update, DAY)
    with time_machine.travel(PUBLISHED, tick=False):
        page = signed_in(person).get("/my-learning/").content.decode()
    assert "Guidance update to complete" in page
    assert "complete it by 30 December 2026" in page
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=29), tick=False):
        client = signed_in(person)
        page = client.get("/my-learning/").content.decode()
        assert "Outstanding" in page
        response = client.post(f"/my-learning/updates/{update.pk}/complete/")
        assert response.status_code == 302
        page = client.get("/my-learning/").content.decode()
    assert "Guidance update to complete" not in page
    assert "Includes the update of 2 December 2026: Domestic Abuse Protection Orders" in page


def test_wrong_answers_say_which_and_why_and_record_nothing_until_all_are_right(published):
    module, update = published
    first = UpdateQuestionFactory(update=update)
    second = UpdateQuestionFactory(update=update, text="Breaching the order is", answer_a="a criminal offence",
                                   answer_b="only a civil matter", answer_c="", correct="a",
                                   explanation="Breach is a criminal offence, with a sentence of up to five years.")
    person = holder(module)
    client = signed_in(person)
    with time_machine.travel(PUBLISHED, tick=False):
        response = client.post(f"/my-learning/updates/{update.pk}/complete/",
                               {f"question_{first.pk}": "a", f"question_{second.pk}": "a"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in page
        assert "Question 1 is not right. Unlike the older orders" in page
        assert "Question 2 is not right" not in page
        assert not UpdateCompletion.objects.exists()
        response = client.post(f"/my-learning/updates/{update.pk}/complete/",
                               {f"question_{first.pk}": "b", f"question_{second.pk}": "a"})
        assert response.status_code == 302
        response = client.post(f"/my-learning/updates/{update.pk}/complete/",
                               {f"question_{first.pk}": "b", f"question_{second.pk}": "a"})  # a double click
        assert response.status_code == 302
    assert UpdateCompletion.objects.filter(user=person, update=update).count() == 1


def test_only_a_holder_can_complete(published):
    module, update = published
    stranger = LearnerFactory()
    with time_machine.travel(PUBLISHED, tick=False):
        response = signed_in(stranger).post(f"/my-learning/updates/{update.pk}/complete/", follow=True)
        assert "You do not need to complete this update" in response.content.decode()
        page = signed_in(stranger).get(f"/updates/{update.slug}/").content.decode()
        assert "You do not need to complete this update" in page
    assert not UpdateCompletion.objects.exists()


def test_the_update_page_asks_signed_out_visitors_to_sign_in(published):
    _module, update = published
    response = Client().get(f"/updates/{update.slug}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_certificate_includes_older_updates_and_completed_ones_but_not_others(published):
    module, update = published
    person = holder(module)
    old = Certificate.objects.get(user=person)
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=1), tick=False):
        not_done = holder(module)
        renewed_after = CertificateFactory(module=module, issued_on=DAY + datetime.timedelta(days=1))
        assert included_updates([old, Certificate.objects.get(user=not_done)]) == {}
        complete_update(person, update)
        found = included_updates([old, renewed_after])
    assert [line.title for line in found[old.pk]] == ["Domestic Abuse Protection Orders"]
    assert [line.day for line in found[renewed_after.pk]] == [DAY]


def test_the_verify_page_says_the_certificate_includes_the_update(published):
    module, update = published
    person = holder(module)
    with time_machine.travel(PUBLISHED, tick=False):
        complete_update(person, update)
        page = Client().get(f"/verify/{Certificate.objects.get(user=person).code}/").content.decode()
    assert "Includes the update of 2 December 2026: Domestic Abuse Protection Orders" in page


def pdf_text(response) -> str:
    from pypdf import PdfReader

    assert response.status_code == 200
    return " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())


def test_the_pdf_downloaded_after_completing_an_update_prints_it_and_counts_those_beyond_two(published):
    module, update = published
    person = holder(module)
    certificate = Certificate.objects.get(user=person)
    client = signed_in(person)
    url = f"/my-learning/certificates/{certificate.code}/pdf/"
    with time_machine.travel(PUBLISHED, tick=False):
        before = pdf_text(client.get(url))  # kept from now on
        complete_update(person, update)
        after = pdf_text(client.get(url))
    assert "guidance update" not in before
    assert "Includes the guidance update of 2 December 2026: Domestic Abuse Protection Orders." in after
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=1), tick=False):
        for number in range(3):
            complete_update(person, GuidanceUpdatePageFactory(title=f"Later update {number}", modules=[module]))
        four = pdf_text(client.get(url))
    assert "Later update 0" in four and "Later update 1" not in four
    assert "; and 2 more, listed on the verification page." in four


def test_a_renewed_certificate_settles_the_update(published):
    module, update = published
    person = holder(module)
    old = Certificate.objects.get(user=person)
    CertificateFactory(user=person, module=module, issued_on=DAY + datetime.timedelta(days=3), replaces=old)
    assert not pending_for(person, DAY + datetime.timedelta(days=3))


def test_a_lead_sees_who_of_their_members_has_not_done_it_with_outstanding_marked(published):
    module, update = published
    organisation = OrganisationFactory(name="Demo Primary School")
    lead = LearnerFactory(roles=["Organisation lead"])
    organisation.leads.add(lead)
    done, late = holder(module, user__full_name="Done Person"), holder(module, user__full_name="Late Person")
    outsider = holder(module, user__full_name="Outside Person")
    for person in (done, late):
        confirmed_member(person, organisation)
    notify_holders(update, DAY)
    complete_update(done, update, DAY)
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=40), tick=False):
        client = signed_in(lead)
        page = client.get(f"/organisations/{organisation.pk}/training/").content.decode()
        csv = client.get(f"/organisations/{organisation.pk}/training.csv").content.decode("utf-8-sig")
    section = page.split('id="guidance-updates"')[1]
    assert "Late Person" in section and "Outstanding" in section
    assert "Done Person" not in section and outsider.full_name not in page
    assert "Guidance updates not done" in csv and "Late Person" in csv and "Yes" in csv


def test_the_update_pages_do_not_name_a_module_taken_down_or_restricted(published):
    from wagtail.models import PageViewRestriction

    module, update = published
    other = make_module("other-module", lessons=1, title="Harmful practices")
    update.modules.add(other)
    update.save_revision().publish()
    index = update.get_parent().url
    assert "Post-separation abuse" in Client().get(index).content.decode()
    module.unpublish()
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for url in (index, update.url):
        page = Client().get(url).content.decode()
        assert "Post-separation abuse" not in page and "Harmful practices" not in page, url


def test_the_banner_names_only_the_modules_the_update_is_needed_for():
    with time_machine.travel(PUBLISHED, tick=False):
        first = make_module("first-module", lessons=1, title="Post-separation abuse")
        second = make_module("second-module", lessons=1, title="Harmful practices")
        GuidanceUpdatePageFactory(title="Domestic Abuse Protection Orders", modules=[first, second])
        one = holder(first)
        both = holder(first)
        CertificateFactory(user=both, module=second, issued_on=DAY - datetime.timedelta(days=100),
                           expires_on=DAY + datetime.timedelta(days=600))
        assert "for Post-separation abuse)" in signed_in(one).get("/my-learning/").content.decode()
        page = signed_in(both).get("/my-learning/").content.decode()
        assert "for Post-separation abuse and Harmful practices)" in page
        assert [p.module_titles for p in pending_for(one, DAY)] == [("Post-separation abuse",)]


def test_the_lead_page_names_the_first_of_a_long_list_and_the_downloads_everyone(published, monkeypatch):
    monkeypatch.setattr("lms.reports.lead.NAMES_SHOWN", 2)
    module, update = published
    organisation = OrganisationFactory(name="County Hospital")
    lead = LearnerFactory(roles=["Organisation lead"])
    organisation.leads.add(lead)
    for name in ("Cara Late", "Ann Late", "Bea Late"):
        confirmed_member(holder(module, user__full_name=name), organisation)
    with time_machine.travel(PUBLISHED + datetime.timedelta(days=40), tick=False):
        client = signed_in(lead)
        page = client.get(f"/organisations/{organisation.pk}/training/").content.decode()
        csv = client.get(f"/organisations/{organisation.pk}/training.csv").content.decode("utf-8-sig")
    section = page.split('id="guidance-updates"')[1]
    assert "Ann Late" in section and "Bea Late" in section and "Cara Late" not in section
    assert "The first 2 of 3, outstanding ones first." in section
    assert all(name in csv for name in ("Ann Late", "Bea Late", "Cara Late"))


def test_coordinators_see_take_up_per_update(published):
    module, update = published
    people = [holder(module) for _ in range(6)]
    notify_holders(update, DAY)
    complete_update(people[0], update, DAY)
    # One renews (a renewal includes the update), one's certificate is withdrawn: neither needs it now.
    CertificateFactory(user=people[1], module=module, issued_on=DAY + datetime.timedelta(days=5),
                       replaces=Certificate.objects.get(user=people[1]))
    Certificate.objects.filter(user=people[2]).update(revoked_at=PUBLISHED)
    [line] = take_up(DAY + datetime.timedelta(days=10))  # before anyone is due
    assert (line.told, line.completed, line.not_yet_due, line.outstanding, line.no_longer_needed) == (6, 1, 3, 0, 2)
    [line] = take_up(DAY + datetime.timedelta(days=40))
    assert (line.told, line.completed, line.not_yet_due, line.outstanding, line.no_longer_needed) == (6, 1, 0, 3, 2)
    assert line.percent_complete == 25  # 1 of the 4 who completed it or still need it


def test_the_banner_and_the_lead_list_cost_the_same_queries_with_more_updates(
    published, django_assert_max_num_queries,
):
    from lms.updates.leads import updates_not_done

    module, _update = published
    person = holder(module)
    for _ in range(3):
        GuidanceUpdatePageFactory(modules=[module, make_module(f"other-{_}", lessons=0)])
        CertificateFactory(user=person, issued_on=DAY - datetime.timedelta(days=5))
    later = DAY + datetime.timedelta(days=1)
    # The first reads the live updates into the cache (lms.updates.services.live_update_index),
    # with the view restrictions that keep a restricted update from anyone.
    with django_assert_max_num_queries(6):
        assert len(pending_for(person, later)) == 4
    with django_assert_max_num_queries(2):  # the certificates, then the notices and completions
        assert len(pending_for(person, later)) == 4
    with django_assert_max_num_queries(7):
        assert len(updates_not_done([person.pk], later)[0].not_done) == 1


def test_a_preview_shows_reviewers_each_question_with_its_correct_answer_and_explanation(published):
    from django.test import RequestFactory
    from django.utils.html import escape

    _module, update = published
    question = UpdateQuestionFactory(update=update)
    request = RequestFactory().get("/")
    request.user = LearnerFactory()  # the panel member previewing (any signed-in person here)
    page = update.make_preview_request(original_request=request).content.decode()
    assert "Questions (shown to reviewers)" in page
    assert question.text in page and question.explanation in page
    correct = page.index(escape(question.answer_b))
    assert page.index("Correct answer", correct) < page.index(escape(question.answer_c), correct)
    # A learner reading the published page never sees which answer is right.
    assert "Correct answer" not in signed_in(holder(_module)).get(update.url).content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_take_up_downloads_hold_the_page_figures_and_are_logged(published, file_format):
    import openpyxl
    from wagtail.models import ModelLogEntry

    from lms.site.audit import EXPORT_ACTION
    from tests.conftest import staff_client

    module, update = published
    people = [holder(module) for _ in range(2)]
    notify_holders(update, DAY)
    complete_update(people[0], update, DAY)
    UpdateNotice.objects.filter(user=people[1]).update(due_on=DAY - datetime.timedelta(days=1))  # overdue
    response = staff_client("Coordinator").get(f"/admin/reports/guidance-updates/?download={file_format}")
    assert response.status_code == 200
    assert f"guidance-update-take-up-2026-12-02.{file_format}" in response["Content-Disposition"]
    if file_format == "csv":
        rows = [line.split(",") for line in response.content.decode("utf-8-sig").splitlines()]
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[1][:3] == ["Update", "Date", "Holders told"]
    assert rows[2][0] == "Domestic Abuse Protection Orders" and rows[2][2:] == ["2", "1", "0", "1", "0", "50"]
    assert ModelLogEntry.objects.filter(action=EXPORT_ACTION, data__what="Guidance updates take-up").count() == 1
