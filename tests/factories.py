"""What tests import to make things: every app's factories (in tests/<app>/factories.py), the
helpers that walk a learner through the site, and FACTORIES, the factory of each model of ours.

tests/test_factories.py checks that every concrete model of our apps has a factory here that
makes a valid one: a new model adds its factory to its app's module and to FACTORIES.
"""

from factory.django import DjangoModelFactory

from tests.accounts.factories import DistrictFactory, LearnerFactory, UserFactory, profile_form_data
from tests.certificates.factories import CertificateBundleFactory, CertificateFactory, CertificateReminderFactory
from tests.champions.factories import (
    BriefingFactory,
    ChampionFactory,
    ChampionTierFactory,
    LanguageFactory,
    NetworkSessionFactory,
    RelayBlockFactory,
    RelayMessageFactory,
    SessionBookingFactory,
    StatusChangeFactory,
    make_champion,
    professional,
)
from tests.content.factories import (
    CaseScenarioBlockFactory,
    CoProductionReviewTaskFactory,
    HomePageFactory,
    KeyPointBlockFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LessonBodyBlockFactory,
    LessonContentBlockFactory,
    LessonPageFactory,
    ModeratorApprovalTaskFactory,
    ModuleIndexPageFactory,
    ReflectionBlockFactory,
    RichTextBlockFactory,
    SearchPageFactory,
    SectorFactory,
    SectorVariantBlockFactory,
    SignpostBlockFactory,
    SupportPageFactory,
    SupportServiceFactory,
    SurvivorVoiceBlockFactory,
    TopicFactory,
    TrainingModulePageFactory,
    make_module,
    rich,
    variant,
)
from tests.feedback.factories import LessonFeedbackFactory
from tests.followup.factories import FACTORY_CLASSES as FOLLOWUP_FACTORIES
from tests.learning.factories import (
    AttemptFactory,
    ChoiceFactory,
    ConfidenceRatingFactory,
    EnrolmentFactory,
    LessonCompletionFactory,
    LessonVisitFactory,
    QuestionFactory,
    QuizCaseFactory,
    QuizFactory,
    answers_for,
    make_quiz,
    read_all_lessons,
)
from tests.organisations.factories import MembershipFactory, OrganisationFactory, confirmed_member
from tests.privacy.factories import DataExportFactory, ErasedCertificateFactory, InactivityWarningFactory
from tests.updates.factories import FACTORY_CLASSES as UPDATES_FACTORIES
from tests.whiteribbon.factories import (
    AccreditationCycleFactory,
    ActionItemFactory,
    ActionUpdateFactory,
    EvidenceFactory,
    StageChangeFactory,
    WhiteRibbonPersonFactory,
    WhiteRibbonSettingsFactory,
    accredited_cycle,
)

__all__ = [
    "AccreditationCycleFactory",
    "ActionItemFactory",
    "ActionUpdateFactory",
    "EvidenceFactory",
    "StageChangeFactory",
    "WhiteRibbonPersonFactory",
    "WhiteRibbonSettingsFactory",
    "accredited_cycle",
    "FACTORIES",
    "BriefingFactory",
    "ChampionFactory",
    "ChampionTierFactory",
    "LanguageFactory",
    "NetworkSessionFactory",
    "RelayBlockFactory",
    "RelayMessageFactory",
    "SessionBookingFactory",
    "StatusChangeFactory",
    "make_champion",
    "professional",
    "AttemptFactory",
    "CaseScenarioBlockFactory",
    "CertificateBundleFactory",
    "CertificateFactory",
    "CertificateReminderFactory",
    "ChoiceFactory",
    "CoProductionReviewTaskFactory",
    "ConfidenceRatingFactory",
    "DataExportFactory",
    "ErasedCertificateFactory",
    "InactivityWarningFactory",
    "DistrictFactory",
    "EnrolmentFactory",
    "HomePageFactory",
    "KeyPointBlockFactory",
    "LessonFeedbackFactory",
    "LearnerFactory",
    "LearningPathFactory",
    "LearningPathItemFactory",
    "LessonBodyBlockFactory",
    "LessonCompletionFactory",
    "LessonContentBlockFactory",
    "LessonPageFactory",
    "LessonVisitFactory",
    "MembershipFactory",
    "ModeratorApprovalTaskFactory",
    "ModuleIndexPageFactory",
    "OrganisationFactory",
    "QuestionFactory",
    "QuizCaseFactory",
    "QuizFactory",
    "ReflectionBlockFactory",
    "RichTextBlockFactory",
    "SearchPageFactory",
    "SectorFactory",
    "SectorVariantBlockFactory",
    "SignpostBlockFactory",
    "SupportPageFactory",
    "SupportServiceFactory",
    "SurvivorVoiceBlockFactory",
    "TopicFactory",
    "TrainingModulePageFactory",
    "UserFactory",
    "answers_for",
    "confirmed_member",
    "factory_for",
    "make_module",
    "make_quiz",
    "profile_form_data",
    "read_all_lessons",
    "read_and_complete",
    "rich",
    "start_quiz",
    "variant",
]


def _label(factory_class: type[DjangoModelFactory]) -> str:
    """The model's label ("content.LessonPage"), without loading a model named by label."""
    model = factory_class._meta.model
    return model if isinstance(model, str) else model._meta.label


# The factory that makes a typical, valid, saved instance of each model, by model label.
FACTORIES: dict[str, type[DjangoModelFactory]] = {
    _label(factory_class): factory_class
    for factory_class in (
        # accounts
        DistrictFactory, UserFactory,
        # organisations
        OrganisationFactory, MembershipFactory,
        # content
        SectorFactory, TopicFactory, SupportServiceFactory, HomePageFactory, ModuleIndexPageFactory,
        TrainingModulePageFactory, LessonPageFactory, SupportPageFactory, SearchPageFactory,
        LearningPathFactory, LearningPathItemFactory, CoProductionReviewTaskFactory, ModeratorApprovalTaskFactory,
        # learning
        EnrolmentFactory, LessonVisitFactory, LessonCompletionFactory, QuizFactory, QuizCaseFactory,
        QuestionFactory, ChoiceFactory, AttemptFactory, ConfidenceRatingFactory,
        # certificates
        CertificateFactory, CertificateReminderFactory, CertificateBundleFactory,
        # champions
        ChampionTierFactory, LanguageFactory, ChampionFactory, StatusChangeFactory, RelayMessageFactory,
        RelayBlockFactory, NetworkSessionFactory, SessionBookingFactory, BriefingFactory,
        # White Ribbon accreditation
        AccreditationCycleFactory, StageChangeFactory, ActionItemFactory, ActionUpdateFactory, EvidenceFactory,
        WhiteRibbonPersonFactory, WhiteRibbonSettingsFactory,
        # personal data
        DataExportFactory, ErasedCertificateFactory, InactivityWarningFactory,
        # lesson feedback
        LessonFeedbackFactory,
        # guidance updates and follow-up evaluation
        *UPDATES_FACTORIES, *FOLLOWUP_FACTORIES,
    )
}


def factory_for(model) -> type[DjangoModelFactory] | None:
    """The registered factory of a model (class or label), or None."""
    return FACTORIES.get(model if isinstance(model, str) else model._meta.label)


# Walking a learner through the site with a test client


def start_quiz(client, module):
    """Start (or resume) the module's quiz as the client's learner, who has read every lesson;
    returns the attempt."""
    from lms.accounts.models import User
    from lms.learning.models import Attempt

    read_all_lessons(User.objects.get(pk=client.session["_auth_user_id"]), module)

    response = client.post(f"/my-learning/modules/{module.pk}/quiz/start/")
    assert response.status_code == 302, response
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


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
