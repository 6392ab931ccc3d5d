"""The read side of the learning engine: what content pages ask about a learner (content.learning).

Each page gets one answer built from one query, whatever the number of modules, lessons or
learners: the learner's lessons done and opened, and the modules' facts (quiz, enrolment,
self-assessment, pass, and the module's prerequisites with their completions), as one UNION
ALL. Which lessons each module has live is the same for everyone and kept with the catalogue
(`_live_lessons`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Page, PageViewRestriction

from content.learning import (
    Barrier,
    Catalogue,
    LessonAccess,
    LessonEntry,
    ModuleOverview,
    ModuleProgress,
    PageLink,
    Status,
)
from content.models import CATALOGUE, LessonPage, TrainingModulePage, row_datetime
from lms.learning.models import Attempt, ConfidenceRating, Enrolment, LessonCompletion, LessonVisit, Quiz
from lms.learning.progress import prerequisite_message, record_lesson_opened


@dataclass(frozen=True)
class _Row:
    """A page as the engine reads it: plain values, no model instance (they cost more than the
    query). Its URL is worked out when asked for: the catalogue reads the lessons of sixty
    modules and needs the URL of one a module."""

    pk: int
    title: str
    path: str
    url_path: str
    urls: _Urls = field(repr=False, compare=False)
    summary: str = ""
    done: bool = False
    opened: bool = False

    @property
    def url(self) -> str | None:
        return self.urls(self.url_path, self.pk)


class _Urls:
    """Pages' URLs from their url_path, as Wagtail builds them for pages of the same site as
    `page` (whose URL Wagtail gives once): no model instance or site lookup per page."""

    def __init__(self, page):
        self.page, self.url, self.cut = page, page.url, None
        if self.url:
            url_path = page.url_path
            for cut, char in enumerate(url_path):
                if char == "/" and self.url.endswith(url_path[cut:]):
                    self.cut, self.root = cut, url_path[:cut]
                    self.prefix = self.url[: len(self.url) - len(url_path[cut:])]
                    break

    def __call__(self, url_path: str, pk: int) -> str | None:
        if self.cut is not None and url_path.startswith(self.root + "/"):
            return self.prefix + url_path[self.cut:]
        return Page.objects.get(pk=pk).url  # another site's page: rare, let Wagtail answer


# The query below is written in SQL: built through the ORM, with their EXISTS
# subqueries, they cost over twenty times longer to compile than the database took to answer
# them (measured with bench/every_page.py), and they are on every learner's page. Plain SQL that
# SQLite and PostgreSQL both read; table and column names come from the models.
def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _no_restriction_on_site(page) -> bool:
    """Known from the query that found `page` in this request (HomePage.route annotates
    `site_has_view_restrictions`): the site has no view restriction at all. Unknown is False."""
    return getattr(page, "site_has_view_restrictions", True) in (False, 0)


def _unrestricted(alias: str = "p", *, none_on_site: bool = False) -> str:
    """SQL true when the page `alias` is under no view restriction (login, groups or password,
    on the page itself or an ancestor): such pages are never listed, whoever asks. When this
    request already knows the site has none, the check is left out of the query (its planning
    costs more than the rest of the query on PostgreSQL).

    CROSS JOIN makes SQLite read the restrictions first and each one's page by its key; with an
    INNER JOIN it scanned the page table for every row (15 ms for a catalogue of 360 lessons)."""
    if none_on_site:
        return "1 = 1"
    return f"""NOT EXISTS(SELECT 1 FROM {_table(PageViewRestriction)} vr
        CROSS JOIN {_table(Page)} vrp
        WHERE vrp.id = vr.page_id AND SUBSTR({alias}.path, 1, LENGTH(vrp.path)) = vrp.path)"""  # noqa: S608  (names from the models)


def _rows(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _live_lessons(modules) -> dict[str, list[tuple]]:
    """The live lessons under no view restriction of `modules`, by their module's path, in order,
    as (pk, title, path, url_path, summary): the same for every learner, so read once and kept
    with the catalogue (content.models.CATALOGUE, forgotten whenever pages or restrictions
    change). One module's (a lesson or module page) are kept on their own; for more (the
    catalogue, Your learning), every module's are kept together. A lesson is a child of its
    module: its path is the module's and one step more."""
    one = modules[0].path if len(modules) == 1 else None

    def read():
        under, params = ("p.path LIKE %s AND p.depth = %s", [f"{one}%", modules[0].depth + 1]) if one else ("1 = 1", [])
        sql = f"""
            SELECT p.id, p.title, p.path, p.url_path, l.summary
            FROM {_table(Page)} p INNER JOIN {_table(LessonPage)} l ON l.page_ptr_id = p.id
            WHERE p.live = %s AND {under} AND {_unrestricted()}
            ORDER BY p.path"""  # noqa: S608  (names from the models; values are parameters)
        by_module: dict[str, list[tuple]] = {}
        step = LessonPage.steplen
        for row in _rows(sql, [True, *params]):
            by_module.setdefault(row[2][:-step], []).append(row)
        return by_module

    return CATALOGUE.get(read, part=f"live-lessons:{one or 'all'}")


def _progress_query(user, lesson_ids: list[int]) -> tuple[str, list]:
    """Which of `lesson_ids` `user` completed (kind 2) and opened (kind 3): a SELECT of _read's
    columns, the lesson's id second; nothing for someone signed out or no lessons."""
    if not user.is_authenticated or not lesson_ids:
        return "", []
    listed = ", ".join(["%s"] * len(lesson_ids))
    sql = f"""
        SELECT 2, c.lesson_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM {_table(LessonCompletion)} c WHERE c.user_id = %s AND c.lesson_id IN ({listed})
        UNION ALL
        SELECT 3, v.lesson_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM {_table(LessonVisit)} v WHERE v.user_id = %s AND v.lesson_id IN ({listed})"""  # noqa: S608
    return sql, [user.pk, *lesson_ids, user.pk, *lesson_ids]


def _facts_query(user, modules, prerequisites_of, none_on_site: bool) -> tuple[str, list]:
    """For each module, and when asked the live prerequisites of one module (leaving out any
    under a view restriction): its quiz, the learner's enrolment, self-assessment and attempts.
    A SELECT of _read's columns, kind 1: the modules and the prerequisites are rows of the same
    page table."""
    ids = [m.pk for m in modules]
    user_id = user.pk if user.is_authenticated else None
    wanted = "p.id IN ({})".format(", ".join(["%s"] * len(ids))) if ids else "1 = 0"
    where_params = [*ids]
    if prerequisites_of is not None:
        through = TrainingModulePage.prerequisites.through
        wanted += f""" OR (p.live = %s AND {_unrestricted(none_on_site=none_on_site)} AND p.id IN (
            SELECT r.to_trainingmodulepage_id FROM {_table(through)} r WHERE r.from_trainingmodulepage_id = %s))"""  # noqa: S608
        where_params += [True, prerequisites_of.pk]
    sql = f"""
        SELECT 1, p.id, p.title, p.path, p.url_path, NULL, NULL, NULL,
            (SELECT q.id FROM {_table(Quiz)} q WHERE q.module_id = p.id),
            e.id, e.completed_at, e.warning_acknowledged_at,
            EXISTS(SELECT 1 FROM {_table(ConfidenceRating)} cr
                   WHERE cr.user_id = %s AND cr.module_id = p.id AND cr.stage = %s),
            -- The learner's attempts at the module's quiz as flags, in one subquery (cheaper to
            -- plan than three): 4 = one passed, 2 = one open, 1 = one failed.
            (SELECT MAX(CASE WHEN a.passed = %s THEN 4 ELSE 0 END)
                  + MAX(CASE WHEN a.status = %s THEN 2 ELSE 0 END)
                  + MAX(CASE WHEN a.passed = %s THEN 1 ELSE 0 END)
             FROM {_table(Attempt)} a INNER JOIN {_table(Quiz)} aq ON aq.id = a.quiz_id
             WHERE a.user_id = %s AND aq.module_id = p.id)
        FROM {_table(Page)} p
        LEFT OUTER JOIN {_table(Enrolment)} e ON e.module_id = p.id AND e.user_id = %s
        WHERE ({wanted})"""  # noqa: S608  (names from the models; values are parameters)
    params = [
        user_id, ConfidenceRating.Stage.BEFORE.value,
        True, Attempt.Status.IN_PROGRESS.value, False, user_id, user_id, *where_params,
    ]
    return sql, params


def _read(
    user, modules, *, prerequisites_of: TrainingModulePage | None = None, none_on_site: bool = False
) -> tuple[_Lessons, dict[int, dict], list]:
    """Everything the engine knows of `user` and `modules`, in one query (the learner's lessons
    done and opened, and the modules' rows, as UNION ALL: two round trips cost more than the
    planning), with the modules' live lessons from the catalogue's cache (`_live_lessons`):

    - each module's live lessons in order (as _Row, `done` and `opened` for `user`);
    - each module's facts: {quiz_id, enrolled, completed_at, warning_acknowledged, rated_before,
      quiz_passed, quiz_open, quiz_failed};
    - when asked, the live prerequisites of one module, each as (_Row, its facts).
    """
    modules = [m for m in modules if m is not None]
    if not modules:
        return _Lessons({}, set(), set(), None), {}, []
    live = _live_lessons(modules)
    of_module = {m.pk: live.get(m.path, ()) for m in modules}
    progress_sql, progress_params = _progress_query(user, [row[0] for rows in of_module.values() for row in rows])
    facts_sql, facts_params = _facts_query(user, modules, prerequisites_of, none_on_site)
    if progress_sql:  # after the facts, whose columns give the types (PostgreSQL reads NULLs first as text)
        facts_sql, facts_params = f"{facts_sql} UNION ALL {progress_sql}", [*facts_params, *progress_params]
    rows = _rows(f"{facts_sql} ORDER BY 1, 4", facts_params)
    prerequisite_urls = _Urls(prerequisites_of) if prerequisites_of is not None else None
    done, opened, facts, prerequisites = set(), set(), {}, []
    for (kind, pk, title, path, url_path, _summary, _done, _opened,
         quiz_id, enrolment_id, completed_at, acknowledged_at, rated, attempts) in rows:
        if kind == 2:
            done.add(pk)
            continue
        if kind == 3:
            opened.add(pk)
            continue
        attempts = attempts or 0
        fact = {
            "quiz_id": quiz_id,
            "enrolled": enrolment_id is not None,
            "completed_at": row_datetime(completed_at),
            "warning_acknowledged": acknowledged_at is not None,
            "rated_before": bool(rated),
            "quiz_passed": bool(attempts & 4),
            "quiz_open": bool(attempts & 2),
            "quiz_failed": bool(attempts & 1),
        }
        if pk in of_module:
            facts[pk] = fact
        if prerequisites_of is not None and pk != prerequisites_of.pk:
            prerequisites.append((_Row(pk, title, path, url_path, prerequisite_urls), fact))
    # The URLs from the first module with lessons: the others are of the same site (else _Urls
    # asks Wagtail).
    urls = next((_Urls(m) for m in modules if of_module[m.pk]), None)
    return _Lessons(of_module, done, opened, urls), facts, prerequisites


class _Lessons:
    """Each module's live lessons for one learner: `lessons[module_id]` as _Row (made when asked
    for: the catalogue asks sixty modules for their progress only, `progress`)."""

    def __init__(self, of_module: dict[int, list[tuple]], done: set[int], opened: set[int], urls):
        self.of_module, self.done, self.opened, self.urls = of_module, done, opened, urls

    def _row(self, row: tuple) -> _Row:
        pk, title, path, url_path, summary = row
        return _Row(pk, title, path, url_path, self.urls, summary, pk in self.done, pk in self.opened)

    def __getitem__(self, module_id: int) -> list[_Row]:
        return [self._row(row) for row in self.of_module[module_id]]

    def progress(self, module_id: int, fact: dict | None, quiz_urls: _QuizUrls) -> ModuleProgress:
        rows, done = self.of_module[module_id], self.done
        next_lesson = next((row for row in rows if row[0] not in done), None)
        resume = next_lesson or (rows[0] if rows else None)
        return _progress_of(
            module_id, len(rows), sum(1 for row in rows if row[0] in done) if done else 0,
            self._row(next_lesson) if next_lesson else None, self._row(resume) if resume else None, fact, quiz_urls,
        )


class _QuizUrls:
    """Each module's quiz URL from one reverse(): the catalogue asks for sixty, and a reverse
    costs about 40 us. Made afresh for each answer (the script prefix is the request's)."""

    SENTINEL = 987_654_321  # the id converter takes up to nine digits

    def __init__(self):
        self.before, self.after = reverse("quiz", args=[self.SENTINEL]).split(str(self.SENTINEL))

    def __call__(self, module_id: int) -> str:
        return f"{self.before}{module_id}{self.after}"


def _progress(module_id: int, lessons: list[_Row], fact: dict | None) -> ModuleProgress:
    next_lesson = next((lesson for lesson in lessons if not lesson.done), None)
    resume = next_lesson or (lessons[0] if lessons else None)
    done = sum(1 for lesson in lessons if lesson.done)
    return _progress_of(module_id, len(lessons), done, next_lesson, resume, fact)


def _progress_of(
    module_id: int, total: int, done: int, next_lesson: _Row | None, resume: _Row | None, fact: dict | None,
    quiz_urls: _QuizUrls | None = None,
) -> ModuleProgress:
    """A module's progress from its `total` lessons, the `done` of them, the first not done and
    the lesson to resume at."""
    fact = fact or {}
    if fact.get("completed_at"):
        status = Status.COMPLETED
    elif done or fact.get("enrolled"):
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    quiz_url = (quiz_urls or _QuizUrls())(module_id) if fact.get("quiz_id") else None
    next_url = resume.url if resume else None
    next_title = next_lesson.title if next_lesson else None
    if status is not Status.COMPLETED and total and done == total and quiz_url and not fact.get("quiz_passed"):
        # Every lesson read, the quiz not passed: the quiz is the next step, and says which.
        next_url = quiz_url
        if fact.get("quiz_open"):
            next_title = "Continue your quiz attempt"
        elif fact.get("quiz_failed"):
            next_title = "Try the quiz again"
        else:
            next_title = "Take the quiz"
    return ModuleProgress(
        module_id=module_id,
        status=status,
        done=done,
        total=total,
        next_url=next_url,
        next_title=next_title,
        completed_at=fact.get("completed_at"),
        quiz_url=quiz_url,
        quiz_passed=bool(fact.get("quiz_passed")),
    )


def _link(row: _Row, completed: bool = False) -> PageLink:
    return PageLink(title=row.title, url=row.url, completed=completed)


def module_progress(user, module: TrainingModulePage) -> ModuleProgress:
    """One module's progress for `user`: one query."""
    return catalogue(user, [module]).progress[module.pk]


def catalogue(user, modules) -> Catalogue:
    """Progress on each module for `user`: one query, whatever the number of modules."""
    modules = list({m.pk: m for m in modules}.values())
    lessons, facts, _ = _read(user, modules)
    quiz_urls = _QuizUrls()
    return Catalogue(
        progress={m.pk: lessons.progress(m.pk, facts.get(m.pk), quiz_urls) for m in modules},
        my_learning_url=reverse("my_learning"),
        profile_url=reverse("profile"),
    )


def module_overview(user, module: TrainingModulePage) -> ModuleOverview:
    """A module page's lessons, prerequisites and progress for `user`: one query."""
    lessons, facts, prerequisites = _read(
        user, [module], prerequisites_of=module, none_on_site=_no_restriction_on_site(module))
    lessons = lessons[module.pk]
    links = tuple(_link(page, bool(fact["completed_at"])) for page, fact in prerequisites)
    missing = [link for link in links if not link.completed]
    if not user.is_authenticated:
        barrier, message = Barrier.SIGN_IN, "Sign in to start this module."
    elif missing:
        barrier, message = Barrier.PREREQUISITES, prerequisite_message(missing)
    else:
        barrier, message = None, ""
    return ModuleOverview(
        progress=_progress(module.pk, lessons, facts.get(module.pk)),
        lessons=tuple(
            LessonEntry(lesson_id=row.pk, title=row.title, url=row.url, summary=row.summary, completed=row.done)
            for row in lessons
        ),
        prerequisites=links,
        barrier=barrier,
        message=message,
        my_learning_url=reverse("my_learning"),
    )


def lesson_access(user, lesson: LessonPage) -> LessonAccess:
    """May `user` read `lesson`, and everything its page shows them: one query (none when
    they are not signed in)."""
    module = lesson.module
    if not user.is_authenticated:
        login = resolve_url(settings.LOGIN_URL)
        return LessonAccess(
            lesson_id=lesson.pk, module_id=module.pk, barrier=Barrier.SIGN_IN,
            message="Sign in to start this module.",
            redirect_url=f"{login}?{urlencode({'next': lesson.url})}",
        )
    lessons, facts, prerequisites = _read(
        user, [module], prerequisites_of=module, none_on_site=_no_restriction_on_site(lesson))
    lessons = lessons[module.pk]
    fact = facts.get(module.pk, {})
    missing = tuple(_link(page) for page, prerequisite in prerequisites if not prerequisite["completed_at"])
    index = next((i for i, other in enumerate(lessons) if other.pk == lesson.pk), None)
    this = lessons[index] if index is not None else None
    barrier, message, redirect_url = None, "", None
    if missing:
        barrier, message = Barrier.PREREQUISITES, prerequisite_message(missing)
    elif module.content_warning and not fact.get("warning_acknowledged"):
        barrier = Barrier.CONTENT_WARNING
        message = module.content_warning
    elif fact.get("quiz_id") and not fact.get("rated_before"):
        # Modules with a quiz are evaluated: confidence before the first lesson and after passing.
        barrier = Barrier.SELF_ASSESSMENT
        message = "Before the first lesson, say how confident you feel about what the module covers."
        next_query = urlencode({"next": lesson.url})
        redirect_url = f"{reverse('confidence', args=[module.pk, ConfidenceRating.Stage.BEFORE])}?{next_query}"
    progress = _progress(module.pk, lessons, fact)
    return LessonAccess(
        lesson_id=lesson.pk,
        module_id=module.pk,
        barrier=barrier,
        message=message,
        redirect_url=redirect_url,
        missing_prerequisites=missing,
        progress=progress,
        position=(index + 1) if index is not None else 1,
        lesson_count=len(lessons),
        previous_lesson=_link(lessons[index - 1]) if index else None,
        next_lesson=_link(lessons[index + 1]) if index is not None and index + 1 < len(lessons) else None,
        completed=bool(this is not None and this.done),
        opened=bool(this is not None and this.opened),
        complete_url=reverse("lesson_complete", args=[lesson.pk]),
        acknowledge_warning_url=reverse("warning_acknowledge", args=[lesson.pk]),
        quiz_url=progress.quiz_url,
        my_learning_url=reverse("my_learning"),
    )


def lesson_opened(user, lesson: LessonPage, access: LessonAccess) -> None:
    """Record the first opening of a lesson; no query at all when `access` (read moments ago)
    says it was opened before."""
    if access.opened or not user.is_authenticated:
        return
    record_lesson_opened(user, lesson.pk, access.module_id)


class LmsLearningEngine:
    """What content pages may ask about a learner (registered in LearningConfig.ready)."""

    def lesson_access(self, user, lesson):
        return lesson_access(user, lesson)

    def lesson_opened(self, user, lesson, access):
        lesson_opened(user, lesson, access)

    def module_overview(self, user, module):
        return module_overview(user, module)

    def catalogue(self, user, modules):
        return catalogue(user, modules)

