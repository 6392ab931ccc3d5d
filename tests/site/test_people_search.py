"""One rule for finding people by what was typed (lms.site.people_search)."""

import pytest

from lms.accounts.models import User
from lms.site.people_search import people_matching
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def test_every_word_anywhere_in_the_name_or_email_in_any_case():
    sam = LearnerFactory(full_name="Sam Okafor", email="s.okafor@herts.example")
    LearnerFactory(full_name="Sam Reed", email="sam.reed@example.org")
    LearnerFactory(full_name="Alex Okafor", email="alex@example.org")
    for typed in ["okafor sam", "SAM herts", "  sam   OKAF  "]:
        assert list(User.objects.filter(people_matching(typed))) == [sam], typed
    assert User.objects.filter(people_matching("")).count() == 3


def test_more_than_ten_words_find_nobody_rather_than_leave_words_out():
    sam = LearnerFactory(full_name="Sam Okafor")
    assert list(User.objects.filter(people_matching("sam " * 10))) == [sam]
    assert list(User.objects.filter(people_matching("sam " * 10 + "okafor"))) == []
    assert list(User.objects.filter(people_matching("sam " * 10 + "nobody"))) == []
