"""A learner's progress through modules: enrolments, opened and completed lessons, and the
quizzes that complete a module (question banks, attempts, confidence ratings)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Enrolment(models.Model):
    """A learner's record of one module: started, warning seen, completed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.PROTECT, related_name="enrolments")
    started_at = models.DateTimeField(auto_now_add=True)
    warning_acknowledged_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="enrolment_once_per_module")]
        indexes = [
            # The training report counts starts and learners per module from the index alone on
            # PostgreSQL (INCLUDE is PostgreSQL's; other databases skip this index).
            models.Index(fields=["module", "user"], include=["id"], name="enrolment_module_user"),
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"


class LessonVisit(models.Model):
    """A learner opened a lesson, past its module's content warning. Only an opened lesson can be
    marked complete: completion is earned by reading, not by posting to the completion URL."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_visits")
    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="visits")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.PROTECT, related_name="+")
    first_opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_visited_once")]

    def __str__(self):
        return f"{self.user} opened {self.lesson}"


class LessonCompletion(models.Model):
    """A learner marked a lesson complete. One row per learner and lesson, however often they click."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("content.LessonPage", on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="lesson_completed_once")]
        indexes = [models.Index(fields=["user", "module"])]

    def __str__(self):
        return f"{self.user} completed {self.lesson}"


class Quiz(models.Model):
    """How a module's quiz is drawn, marked and reviewed."""

    class ReviewWhen(models.TextChoices):
        AFTER_EACH = "after_each", "After every attempt"
        AFTER_PASS = "after_pass", "Only after a pass"
        NEVER = "never", "Never"

    module = models.OneToOneField("content.TrainingModulePage", on_delete=models.CASCADE, related_name="quiz")
    questions_per_attempt = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Drawn at random from the bank for each attempt.",
    )
    per_category = models.BooleanField(
        default=False, help_text="Draw evenly across the questions' categories rather than from the whole bank.",
    )
    shuffle_choices = models.BooleanField(default=True)
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_per_day = models.PositiveSmallIntegerField(
        "attempts allowed in 24 hours", default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    cooldown_minutes = models.PositiveSmallIntegerField(
        default=0, help_text="Minutes to wait after a failed attempt before the next. 0 for none."
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="Leave empty for no time limit.",
    )
    review_when = models.CharField(max_length=20, choices=ReviewWhen.choices, default=ReviewWhen.AFTER_EACH)
    review_shows_correctness = models.BooleanField(default=True)
    review_shows_feedback = models.BooleanField(default=True)
    review_shows_answers = models.BooleanField("review shows the correct answers", default=False)
    answers_after_fail = models.BooleanField(
        "show answers after a failed attempt", default=False,
        help_text="Off (recommended): after a failed attempt the review says only which questions were right "
        "or wrong and which lesson to revisit, so a retake tests what was learned. On: a failed attempt's "
        "review shows the same explanations, feedback and answers as a pass.",
    )

    panels = [
        FieldPanel("module"),
        MultiFieldPanel([
            FieldPanel("questions_per_attempt"), FieldPanel("per_category"), FieldPanel("shuffle_choices"),
        ], heading="Drawing questions"),
        MultiFieldPanel([
            FieldPanel("pass_mark"), FieldPanel("attempts_per_day"), FieldPanel("cooldown_minutes"),
            FieldPanel("time_limit_minutes"),
        ], heading="Marking and limits"),
        MultiFieldPanel([
            FieldPanel("review_when"), FieldPanel("review_shows_correctness"), FieldPanel("review_shows_feedback"),
            FieldPanel("review_shows_answers"), FieldPanel("answers_after_fail"),
        ], heading="What the review shows"),
    ]

    class Meta:
        verbose_name_plural = "quizzes"

    def __str__(self):
        return f"Quiz: {self.module.title}"


class QuizCase(index.Indexed, models.Model):
    """A shared case text that several scenario questions ask about."""

    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="quiz_cases")
    title = models.CharField(max_length=150)
    text = models.TextField()

    panels = [FieldPanel("module"), FieldPanel("title"), FieldPanel("text")]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    def __str__(self):
        return self.title


class Question(index.Indexed, ClusterableModel):
    """One question in a module's bank, with its choices."""

    class Kind(models.TextChoices):
        SINGLE = "single", "Single choice"
        MULTIPLE = "multiple", "Multiple response"
        TRUE_FALSE = "true_false", "True or false"

    class SectorUse(models.TextChoices):
        ONLY = "only", "Shown only to these sectors"
        PREFERRED = "preferred", "Preferred for these sectors"

    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    case = models.ForeignKey(
        QuizCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions",
        help_text="For a scenario question: the case it asks about.",
    )
    text = models.TextField()
    explanation = models.TextField(help_text="Shown in the review after the attempt, if the quiz allows.")
    category = models.CharField(max_length=50, blank=True, help_text="A short tag, for example law or risk.")
    lesson = models.ForeignKey(
        "content.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The lesson of this module that teaches the answer: a learner who gets it wrong is sent there.",
    )
    sectors = ParentalManyToManyField("content.Sector", blank=True, related_name="+")
    sector_use = models.CharField(max_length=20, choices=SectorUse.choices, default=SectorUse.ONLY)
    active = models.BooleanField(default=True)

    panels = [
        FieldPanel("module"), FieldPanel("kind"), FieldPanel("case"), FieldPanel("text"),
        InlinePanel("choices", label="Choices", min_num=2, max_num=8),
        FieldPanel("explanation"), FieldPanel("category"), FieldPanel("lesson"),
        MultiFieldPanel([FieldPanel("sectors"), FieldPanel("sector_use")], heading="Sector targeting"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("text"), index.FilterField("module_id"), index.FilterField("kind")]

    class Meta:
        ordering = ["module_id", "id"]

    def __str__(self):
        return self.text[:80]


def choice_problem(kind: str, choices: list[tuple[str, bool]]) -> str | None:
    """What is wrong with a question's (text, is_correct) choices for its kind, or None."""
    choices = [(text, ok) for text, ok in choices if text.strip()]
    correct = [text for text, ok in choices if ok]
    if len(choices) < 2:
        return "Give at least two choices."
    if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE) and len(correct) != 1:
        return "Mark exactly one choice as correct."
    if kind == Question.Kind.TRUE_FALSE and len(choices) != 2:
        return "A true or false question has exactly two choices."
    if kind == Question.Kind.MULTIPLE and not correct:
        return "Mark at least one choice as correct."
    return None


class QuestionAdminForm(WagtailAdminModelForm):
    """Checks the choices together with the question: the inline choices are only known here."""

    def clean(self):
        cleaned = super().clean()
        module, lesson = cleaned.get("module"), cleaned.get("lesson")
        if module and lesson and not lesson.is_descendant_of(module):
            self.add_error("lesson", f"Choose a lesson of {module.title}.")
        return cleaned

    def is_valid(self):
        if not super().is_valid():
            return False
        rows = [
            (form.cleaned_data.get("text", ""), form.cleaned_data.get("is_correct", False))
            for form in self.formsets["choices"].forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problem = choice_problem(self.cleaned_data["kind"], rows)
        if problem:
            self.add_error(None, problem)
            return False
        return True


Question.base_form_class = QuestionAdminForm


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField("correct", default=False)
    feedback = models.TextField(blank=True, help_text="Shown in the review to a learner who picked this choice.")

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    def __str__(self):
        return self.text


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user):
        """Attempts a user may see: their own, and nobody else's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class Attempt(models.Model):
    """One sitting of a quiz. The questions and choice order are fixed when it starts."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    # [{"question": id, "choices": [id, ...]}] in the order shown.
    snapshot = models.JSONField(default=list)
    # {"<question id>": [choice id, ...]}
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            # At most one open attempt per learner and quiz: a double click cannot start two.
            models.UniqueConstraint(
                fields=["user", "quiz"], condition=models.Q(status="in_progress"), name="one_open_attempt"
            ),
        ]
        indexes = [
            models.Index(fields=["user", "quiz", "started_at"]),
            # The training report's attempts and passes per module, month or the learner's sector,
            # district or organisation, from the index alone on PostgreSQL (the table is wide:
            # each attempt keeps its questions and answers).
            models.Index(fields=["quiz", "passed"], include=["id", "submitted_at", "user"],
                         condition=models.Q(status="submitted"), name="attempt_submitted_by_quiz"),
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz} ({self.get_status_display()})"

    @property
    def question_ids(self) -> list[int]:
        return [item["question"] for item in self.snapshot]


def mean_rating(ratings: list[int]) -> float | None:
    """The mean of one self-assessment's ratings, or None when it has none (skipped)."""
    return sum(ratings) / len(ratings) if ratings else None


class ConfidenceRatingQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """Rows made in bulk keep their mean too (save() does not run for them); the later
        ratings of their people get their `before_mean` in the database, a few hundred people an
        UPDATE."""
        objs = list(objs)
        for rating in objs:
            rating.mean = None if rating.skipped else mean_rating(rating.ratings)
        made = super().bulk_create(objs, *args, **kwargs)
        users = sorted({rating.user_id for rating in objs})
        for start in range(0, len(users), 500):
            ConfidenceRating.objects.filter(user__in=users[start:start + 500]).refresh_before_means()
        return made

    def refresh_before_means(self) -> int:
        """Set `before_mean` on the later ratings among these from their people's before ratings
        (one UPDATE); returns how many rows it wrote."""
        before = ConfidenceRating.objects.filter(
            user=models.OuterRef("user"), module=models.OuterRef("module"), stage=ConfidenceRating.Stage.BEFORE,
        ).values("mean")[:1]
        return self.exclude(stage=ConfidenceRating.Stage.BEFORE).update(
            before_mean=models.Subquery(before, output_field=models.FloatField()),
        )

    def paired(self, stage: str, earlier: str | None = None) -> models.QuerySet:
        """Ratings given at `stage` by people who also rated the same module before (neither
        skipped), each with `earlier_mean`: the before rating's mean, kept on the later rating
        (`before_mean`) so the database reads one row a pair, not two. Later ratings are only
        ever compared with the before rating: `earlier`, if given, must be "before"."""
        if earlier not in (None, ConfidenceRating.Stage.BEFORE):
            raise ValueError(f"Ratings are paired with the before rating, not with {earlier!r}.")
        return self.filter(stage=stage, mean__isnull=False, before_mean__isnull=False).annotate(
            earlier_mean=models.F("before_mean"),
        )


class ConfidenceRating(models.Model):
    """A learner's own rating of their confidence on each learning outcome (1 to 5)."""

    class Stage(models.TextChoices):
        # In the order they are asked: reports show a column for each, in this order.
        BEFORE = "before", "Before the first lesson"
        AFTER = "after", "After passing"
        # Asked only through the follow-up invitation (lms.followup), a configurable time after
        # the module was completed; the learning views' own self-assessment URL refuses it.
        FOLLOW_UP = "follow_up", "Three months after"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confidence_ratings")
    module = models.ForeignKey("content.TrainingModulePage", on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    ratings = models.JSONField(default=list, help_text="One number from 1 to 5 per learning outcome, in order.")
    # Kept with the ratings so that reports average in the database on SQLite and PostgreSQL alike,
    # without unpacking JSON per backend.
    mean = models.FloatField(
        null=True, blank=True, editable=False,
        help_text="The mean of the ratings, set on saving; empty when the learner chose not to rate.",
    )
    # On a later rating (after, follow-up): the mean of the same person's before rating of the module, empty
    # when there is none or they chose not to rate. Kept here so that a report pairs the two
    # without looking the before rating up row by row; saving a before rating sets it on the
    # later ones (a before rating may come after the after rating: it is open any time).
    before_mean = models.FloatField(
        null=True, blank=True, editable=False,
        help_text="On a later rating: the mean of the same person's before rating of this module.",
    )
    reflection = models.TextField(blank=True)
    skipped = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConfidenceRatingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module", "stage"], name="one_rating_per_stage"),
        ]

    def __str__(self):
        return f"{self.user} – {self.module} ({self.stage})"

    def save(self, *args, **kwargs):
        self.mean = None if self.skipped else mean_rating(self.ratings)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"ratings", "skipped"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "mean"}
        if self.stage != self.Stage.BEFORE:
            self.before_mean = (
                ConfidenceRating.objects.filter(user_id=self.user_id, module_id=self.module_id, stage=self.Stage.BEFORE)
                .values_list("mean", flat=True).first()
            )
            if update_fields is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "before_mean"}
        super().save(*args, **kwargs)
        if self.stage == self.Stage.BEFORE:
            ConfidenceRating.objects.filter(
                user_id=self.user_id, module_id=self.module_id,
            ).exclude(stage=self.Stage.BEFORE).update(before_mean=self.mean)

    @property
    def average(self) -> float | None:
        mean = mean_rating(self.ratings)
        return round(mean, 1) if mean is not None else None


def learner_record_models() -> list[tuple[type[models.Model], str]]:
    """Every kind of record a learner leaves in a module, with the lookup from it to the module.

    They are the models with a `user` whose foreign key to the module is PROTECT (enrolments,
    opened and completed lessons, confidence ratings, certificates), and attempts, which reach it
    through the quiz. The database refuses to delete a module while any of them exists, and the
    admin asks this list, so the two cannot disagree; a new kind of record joins both by being
    declared PROTECT.
    """
    from django.apps import apps

    module_model = apps.get_model("content", "TrainingModulePage")
    found = []
    for relation in module_model._meta.get_fields(include_hidden=True):  # "+" relations are hidden
        model = relation.related_model
        if (relation.one_to_many and relation.auto_created and relation.on_delete is models.PROTECT
                and any(f.name == "user" for f in model._meta.get_fields())):
            found.append((model, relation.field.name))
    found.append((Attempt, "quiz__module"))
    return found


def learners_with_records(module_ids) -> dict[int, int]:
    """For each of these modules that any learner has started, how many learners have records in it."""
    learners: dict[int, set[int]] = {}
    module_ids = list(module_ids)
    if not module_ids:
        return {}
    for model, to_module in learner_record_models():
        rows = model.objects.filter(**{f"{to_module}__in": module_ids}).values_list(to_module, "user_id").distinct()
        for module_id, user_id in rows:
            learners.setdefault(module_id, set()).add(user_id)
    return {module_id: len(users) for module_id, users in learners.items()}
