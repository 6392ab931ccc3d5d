"""Delete my account: the person's name and email are nowhere in the database afterwards, their
certificates verify as "no longer available", anonymous totals stay, and the email can sign up anew."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import TextField
from django.db.models.functions import Cast
from django.test import Client
from wagtail.models import ModelLogEntry

from champions.models import Champion, RelayMessage
from lms.certificates.models import Certificate, CertificateBundle
from lms.learning.models import Attempt, LessonCompletion
from lms.organisations.models import Membership
from lms.privacy.erasure import ACCOUNT_ERASED, ErasureRefused, erase_account
from tests.factories import LearnerFactory
from tests.privacy.conftest import PASSWORD

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField, models.JSONField)


def rows_mentioning(text: str) -> list[str]:
    """Every row of every table (ours, Wagtail's, allauth's, Django's) with `text` in a text or JSON
    column, as "app.Model.field"."""
    tables = set(connection.introspection.table_names())
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table not in tables or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            rows = model._base_manager.annotate(_as_text=Cast(field.name, TextField()))
            if rows.filter(_as_text__icontains=text).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def delete_account(client, password=PASSWORD, understood="on"):
    return client.post("/profile/data/delete/", {"password": password, "understood": understood})


def test_after_deletion_the_persons_email_and_name_are_nowhere_in_the_database(
    two_people, django_capture_on_commit_callbacks,
):
    alice, bob = two_people.alice, two_people.bob
    assert rows_mentioning(alice.email) and rows_mentioning(alice.full_name)  # the search finds them before
    completions = LessonCompletion.objects.count()
    attempts = Attempt.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = delete_account(two_people.alice_client)
    assert response.status_code == 302 and response["Location"] == "/"
    for trace in (alice.email, alice.full_name, "Quennell"):
        assert rows_mentioning(trace) == [], trace
    # Bob's records are untouched; the anonymous totals stay.
    assert rows_mentioning(bob.full_name) and Champion.objects.filter(user=bob).exists()
    assert LessonCompletion.objects.count() == completions and Attempt.objects.count() == attempts
    assert RelayMessage.objects.filter(sender=alice).exists()  # sent by an account that names no one
    assert not Champion.objects.filter(user=alice).exists()
    assert not Membership.objects.filter(user=alice).exists() and not alice.led_organisations.exists()
    assert not Certificate.objects.filter(user=alice).exists()
    # Bob's zip held Alice's certificate: it is no longer handed out.
    assert CertificateBundle.objects.get(requested_by=bob).status == CertificateBundle.Status.EXPIRED
    entry = ModelLogEntry.objects.get(action=ACCOUNT_ERASED)
    assert entry.data == {"reason": "their own request"} and "Quennell" not in entry.label


def test_a_deleted_persons_certificate_verifies_as_no_longer_available(two_people):
    code = two_people.alice.certificates.get().code
    delete_account(two_people.alice_client)
    response = Client().get(f"/verify/{code}/")
    page = response.content.decode()
    assert response.status_code == 410
    assert "no longer available" in page and "Quennell" not in page
    assert Client().get(f"/verify/{two_people.bob.certificates.get().code}/").status_code == 200


def test_deleting_signs_the_person_out_everywhere_and_the_email_can_sign_up_again(two_people):
    alice = two_people.alice
    other_browser = Client()
    other_browser.force_login(alice)
    delete_account(two_people.alice_client)
    for client in (two_people.alice_client, other_browser):
        assert client.get("/profile/").status_code == 302
    assert not Client().login(email=alice.email, password=PASSWORD)
    response = Client().post("/accounts/signup/", {
        "email": alice.email, "password1": "a-long-new-password-1", "password2": "a-long-new-password-1",
    })
    assert response.status_code == 302
    new = get_user_model().objects.get(email=alice.email)
    assert new.pk != alice.pk and not new.certificates.exists()


def test_a_wrong_password_or_no_confirmation_deletes_nothing(learner):
    client = Client()
    client.force_login(learner)
    page = client.get("/profile/data/delete/").content.decode()
    assert "cannot be undone" in page
    for response in (delete_account(client, password="not-my-password"), delete_account(client, understood="")):
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active and learner.full_name


def test_the_only_administrator_cannot_delete_their_account(db):
    admin = LearnerFactory(is_superuser=True, is_staff=True)
    with pytest.raises(ErasureRefused):
        erase_account(admin, reason="test")
