"""Factories for lms.learning: progress through modules, quizzes and their question banks."""

import random

import factory

from lms.learning.models import (
    Attempt,
    Choice,
    ConfidenceRating,
    Enrolment,
    LessonCompletion,
    LessonVisit,
    Question,
    Quiz,
    QuizCase,
)

LEARNER = "tests.accounts.factories.LearnerFactory"
MODULE = "tests.content.factories.TrainingModulePageFactory"
LESSON = "tests.content.factories.LessonPageFactory"


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """A learner who has started a module."""

    class Meta:
        model = Enrolment

    user = factory.SubFactory(LEARNER)
    module = factory.SubFactory(MODULE)


class LessonVisitFactory(factory.django.DjangoModelFactory):
    """A learner opened a lesson (of a new module, unless `lesson=` says which)."""

    class Meta:
        model = LessonVisit

    user = factory.SubFactory(LEARNER)
    lesson = factory.SubFactory(LESSON)
    module = factory.LazyAttribute(lambda visit: visit.lesson.module)


class LessonCompletionFactory(factory.django.DjangoModelFactory):
    """A learner marked a lesson complete. Completion needs a visit first: see read_all_lessons."""

    class Meta:
        model = LessonCompletion

    user = factory.SubFactory(LEARNER)
    lesson = factory.SubFactory(LESSON)
    module = factory.LazyAttribute(lambda completion: completion.lesson.module)


class QuizCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizCase

    module = factory.SubFactory(MODULE)
    title = factory.Sequence(lambda n: f"Case {n}")
    text = "Amira's partner checks her phone and tells her who she may see."


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-choice question whose choices are, in this order, 'Right answer' (correct) and
    'Wrong answer'.

    `choices=[(text, is_correct, feedback), ...]` gives other choices, in that order; `choices=[]` none."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    module = factory.SubFactory(MODULE)
    kind = Question.Kind.SINGLE
    text = factory.Sequence(lambda n: f"Question {n}?")
    explanation = factory.Sequence(lambda n: f"Because of reason {n}.")
    category = "general"

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        if not create:
            return
        rows = extracted if extracted is not None else [("Right answer", True, "Yes."), ("Wrong answer", False, "No.")]
        for text, is_correct, *feedback in rows:
            Choice.objects.create(question=self, text=text, is_correct=is_correct, feedback="".join(feedback))


class ChoiceFactory(factory.django.DjangoModelFactory):
    """A wrong choice added to a question that had none."""

    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, choices=[])
    text = factory.Sequence(lambda n: f"Choice {n}")
    is_correct = False
    feedback = "Not quite."


class QuizFactory(factory.django.DjangoModelFactory):
    """A quiz of two questions drawn from a bank of two (see QuestionFactory). `questions=N` gives a
    bank of N."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    module = factory.SubFactory(MODULE)
    questions_per_attempt = 2

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create:
            count = self.questions_per_attempt if extracted is None else extracted
            QuestionFactory.create_batch(count, module=self.module)


def _snapshot(attempt) -> list[dict]:
    """The quiz's first questions with their choices in order, as an attempt page would show them."""
    questions = Question.objects.filter(module=attempt.quiz.module, active=True)[:attempt.quiz.questions_per_attempt]
    return [
        {"question": question.pk, "choices": [choice.pk for choice in question.choices.order_by("sort_order", "id")]}
        for question in questions
    ]


class AttemptFactory(factory.django.DjangoModelFactory):
    """An attempt in progress at a new quiz, with no answers saved. To sit a quiz as a learner
    does, use lms.learning.quizzes or start_quiz."""

    class Meta:
        model = Attempt

    user = factory.SubFactory(LEARNER)
    quiz = factory.SubFactory(QuizFactory)
    snapshot = factory.LazyAttribute(_snapshot)


class ConfidenceRatingFactory(factory.django.DjangoModelFactory):
    """A learner's 'before' rating: 3 out of 5 on each of the module's outcomes."""

    class Meta:
        model = ConfidenceRating

    user = factory.SubFactory(LEARNER)
    module = factory.SubFactory(MODULE)
    stage = ConfidenceRating.Stage.BEFORE
    ratings = factory.LazyAttribute(lambda rating: [3] * len(rating.module.outcomes))


def make_quiz(module, questions: int = 5, *, extra_bank: int = 0, **settings):
    """A quiz on `module` with single-choice questions whose right answer is 'Right N'."""
    quiz = QuizFactory(module=module, questions_per_attempt=questions, questions=0, **settings)
    order = random.Random(module.pk)
    for number in range(questions + extra_bank):
        # Authors type the right answer first or last: ids must not tell which.
        choices = [(f"Right {number}", True, "Yes."), (f"Wrong {number}", False, "No.")]
        order.shuffle(choices)
        QuestionFactory(
            module=module, text=f"Question {number}?", explanation=f"Because of reason {number}.", choices=choices,
        )
    return quiz


def answers_for(attempt, right: bool = True) -> dict:
    """Form data answering every question of an attempt, all right or all wrong.

    Choices are posted by their position in the attempt, as the attempt page does."""
    data = {}
    for item in attempt.snapshot:
        choice = Choice.objects.filter(question_id=item["question"], is_correct=right).first()
        data[f"q{item['question']}"] = str(item["choices"].index(choice.pk) + 1)
    return data


def read_all_lessons(user, module):
    """Record that `user` opened and completed every live lesson of `module` (the quiz needs it)."""
    for lesson in module.lessons():
        LessonVisit.objects.get_or_create(user=user, lesson=lesson, defaults={"module": module})
        LessonCompletion.objects.get_or_create(user=user, lesson=lesson, defaults={"module": module})
