"""What keeps the coordinators' reports fast at scale stays right: an after rating carries its
before rating's mean whichever came first, and PostgreSQL connections skip JIT compiling."""

import pytest
from django.db import connection

from lms.learning.models import ConfidenceRating
from lms.learning.quizzes import confidence_summary
from tests.factories import ConfidenceRatingFactory, LearnerFactory, make_module

pytestmark = pytest.mark.django_db

AFTER = ConfidenceRating.Stage.AFTER


def test_a_before_and_an_after_rating_make_a_pair_with_its_change():
    module = make_module("paired", lessons=1)
    learner = LearnerFactory()
    ConfidenceRatingFactory(user=learner, module=module, ratings=[2, 1])
    ConfidenceRatingFactory(user=learner, module=module, stage=AFTER, ratings=[4, 5])
    summary = confidence_summary(module)
    assert (summary["paired_count"], summary["mean_change"]) == (1, 3.0)


def test_a_before_rating_given_after_the_after_rating_still_pairs():
    # The before rating is open at any time, so it can come second.
    module = make_module("late-before", lessons=1)
    learner = LearnerFactory()
    ConfidenceRatingFactory(user=learner, module=module, stage=AFTER, ratings=[4, 4])
    assert confidence_summary(module)["paired_count"] == 0
    ConfidenceRatingFactory(user=learner, module=module, ratings=[1, 2])
    summary = confidence_summary(module)
    assert (summary["paired_count"], summary["mean_change"]) == (1, 2.5)


def test_a_skipped_before_rating_makes_no_pair():
    module = make_module("skipped-before", lessons=1)
    learner = LearnerFactory()
    ConfidenceRatingFactory(user=learner, module=module, ratings=[], skipped=True)
    ConfidenceRatingFactory(user=learner, module=module, stage=AFTER, ratings=[4, 4])
    summary = confidence_summary(module)
    assert (summary["after_count"], summary["paired_count"], summary["mean_change"]) == (1, 0, None)


def test_ratings_made_in_bulk_pair_as_saved_ones_do():
    module = make_module("bulk", lessons=1)
    first, second = LearnerFactory(), LearnerFactory()
    # The second person's before rating is already saved; their after rating comes in bulk.
    ConfidenceRatingFactory(user=second, module=module, ratings=[3, 3])
    ConfidenceRating.objects.bulk_create([
        ConfidenceRating(user=first, module=module, stage=AFTER, ratings=[5, 5]),
        ConfidenceRating(user=first, module=module, stage=ConfidenceRating.Stage.BEFORE, ratings=[1, 1]),
        ConfidenceRating(user=second, module=module, stage=AFTER, ratings=[4, 4]),
    ])
    summary = confidence_summary(module)
    assert (summary["paired_count"], summary["mean_change"]) == (2, 2.5)


def test_ratings_pair_only_with_the_before_rating():
    with pytest.raises(ValueError, match="before rating"):
        ConfidenceRating.objects.paired(AFTER, AFTER)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's settings")
def test_postgresql_connections_skip_jit_and_sort_in_memory():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "16MB"
