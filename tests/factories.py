import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from content.models import Sector
from lms.accounts.models import District, User
from lms.organisations.models import Organisation


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    kind = Organisation.Kind.CHARITY
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))
    status = Organisation.Status.CONFIRMED


class UserFactory(factory.django.DjangoModelFactory):
    """A verified account with no profile yet, as just after sign-up and confirmation."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set([Group.objects.get(name=name) for name in extracted])


class LearnerFactory(UserFactory):
    """A verified account with a complete profile."""

    full_name = factory.Faker("name", locale="en_GB")
    job_role = "Practice nurse"
    sector = factory.LazyFunction(lambda: Sector.objects.get(slug="health"))
    district = factory.LazyFunction(lambda: District.objects.get(slug="watford"))
    organisation = factory.SubFactory(OrganisationFactory)


def rich(text: str) -> dict:
    return {"type": "rich_text", "value": f"<p>{text}</p>"}


class _VariantValue(dict):
    """Holds sector slugs; gives sector primary keys (what lessons store) when read or
    serialised, so a test module may build bodies before the database is there."""

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return [Sector.objects.get(slug=slug).pk for slug in value] if key == "sectors" else value

    def items(self):
        return [(key, self[key]) for key in self]


def variant(sectors: list[str], text: str) -> dict:
    """A sector variant for the sectors with these slugs."""
    return {"type": "sector_variant", "value": _VariantValue(sectors=sectors, content=[rich(text)])}


def make_module(slug: str = "test-module", *, lessons: int = 2, body=None, live: bool = True,
                content_warning: str = "", prerequisites=(), **fields):
    """A published module with `lessons` published lessons under /modules/."""
    import datetime
    import json

    from content.models import LessonPage, ModuleIndexPage, TrainingModulePage

    index = ModuleIndexPage.objects.get()
    module = TrainingModulePage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()), slug=slug,
        summary="A module for tests.", learning_outcomes="Know things\nDo things",
        estimated_minutes=30, cpd_minutes=fields.pop("cpd_minutes", 30), last_reviewed=datetime.date(2026, 11, 1),
        content_warning=content_warning, live=live, **fields,
    )
    index.add_child(instance=module)
    if prerequisites:
        module.prerequisites.set(prerequisites)
    module.save_revision().publish() if live else module.save_revision()
    if not live:
        module.live = False
        module.save(update_fields=["live"])
    for number in range(1, lessons + 1):
        lesson = LessonPage(
            title=f"Lesson {number}", slug=f"lesson-{number}",
            body=json.dumps(body if body is not None else [rich(f"Shared text of lesson {number}.")]),
        )
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


def make_quiz(module, questions: int = 5, *, extra_bank: int = 0, **settings):
    """A quiz on `module` with single-choice questions whose right answer is 'Right N'."""
    import random

    from lms.learning.models import Choice, Question, Quiz

    quiz = Quiz.objects.create(module=module, questions_per_attempt=questions, **settings)
    order = random.Random(module.pk)
    for number in range(questions + extra_bank):
        question = Question.objects.create(
            module=module, kind=Question.Kind.SINGLE, text=f"Question {number}?",
            explanation=f"Because of reason {number}.", category="general",
        )
        # Authors type the right answer first or last: ids must not tell which.
        choices = [(f"Right {number}", True, "Yes."), (f"Wrong {number}", False, "No.")]
        order.shuffle(choices)
        for text, correct, feedback in choices:
            Choice.objects.create(question=question, text=text, is_correct=correct, feedback=feedback)
    return quiz


def answers_for(attempt, right: bool = True) -> dict:
    """Form data answering every question of an attempt, all right or all wrong.

    Choices are posted by their position in the attempt, as the attempt page does."""
    from lms.learning.models import Choice

    data = {}
    for item in attempt.snapshot:
        choice = Choice.objects.filter(question_id=item["question"], is_correct=right).first()
        data[f"q{item['question']}"] = str(item["choices"].index(choice.pk) + 1)
    return data


def read_all_lessons(user, module):
    """Record that `user` opened and completed every live lesson of `module` (the quiz needs it)."""
    from lms.learning.models import LessonCompletion, LessonVisit

    for lesson in module.lessons():
        LessonVisit.objects.get_or_create(user=user, lesson=lesson, defaults={"module": module})
        LessonCompletion.objects.get_or_create(user=user, lesson=lesson, defaults={"module": module})


def start_quiz(client, module):
    """Start (or resume) the module's quiz as the client's learner, who has read every lesson;
    returns the attempt."""
    from lms.accounts.models import User
    from lms.learning.models import Attempt

    read_all_lessons(User.objects.get(pk=client.session["_auth_user_id"]), module)

    response = client.post(f"/my-learning/modules/{module.pk}/quiz/start/")
    assert response.status_code == 302, response
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def profile_form_data(**overrides) -> dict:
    """A valid profile form post; overrides replace fields."""
    from content.models import Sector
    from lms.accounts.models import District

    data = {
        "full_name": "Łucja Nowak-O'Brien",
        "job_role": "Housing officer",
        "sector": Sector.objects.get(slug="housing").pk,
        "organisation_name": "Demo Homes",
        "organisation_kind": "housing",
        "district": District.objects.get(slug="dacorum").pk,
    }
    data.update(overrides)
    return data


def read_and_complete(client, lesson):
    """Open a lesson as a learner would (past the confidence check and the content warning),
    then mark it complete. Returns the response to "Mark complete"."""
    response = client.get(lesson.url)
    if "/confidence/" in response.get("Location", ""):
        client.post(response["Location"], {"action": "skip"})
        response = client.get(lesson.url)
    if response.status_code == 200 and "Continue to the lesson" in response.content.decode():
        client.post(f"/my-learning/lessons/{lesson.pk}/continue/")
        response = client.get(lesson.url)
    assert response.status_code == 200, response
    return client.post(f"/my-learning/lessons/{lesson.pk}/complete/")


class MembershipFactory(factory.django.DjangoModelFactory):
    """A request to join the organisation on the person's profile."""

    class Meta:
        model = "organisations.Membership"

    user = factory.SubFactory(LearnerFactory)
    organisation = factory.LazyAttribute(lambda membership: membership.user.organisation)


def confirmed_member(user, organisation=None):
    """Make `user` a confirmed member of `organisation` (by default the one on their profile), as if a
    lead had confirmed them. Returns the membership."""
    from django.utils import timezone

    from lms.organisations.models import Membership

    organisation = organisation or user.organisation
    if user.organisation_id != organisation.pk:
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    Membership.objects.open().filter(user=user).exclude(organisation=organisation).update(
        status=Membership.Status.ENDED, ending=Membership.Ending.LEFT, ended_at=timezone.now(),
    )
    membership = Membership.objects.open().filter(user=user, organisation=organisation).first()
    membership = membership or Membership(user=user, organisation=organisation)
    membership.status = Membership.Status.CONFIRMED
    membership.decided_at = timezone.now()
    membership.save()
    return membership
