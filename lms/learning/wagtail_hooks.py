"""The admin's quiz snippets (quizzes, question banks and case scenarios, under one menu item),
and the rule that a module any learner has started is withdrawn, never deleted."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.admin_choosers import PermissionCheckedSnippetChooserViewSet
from content.models import TrainingModulePage
from lms.learning.models import Question, Quiz, QuizCase, learners_with_records


class QuizViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Quiz
    icon = "tasks"
    menu_label = "Quiz settings"
    list_display = ["module", "questions_per_attempt", "pass_mark", "attempts_per_day"]
    search_fields = []


class QuestionViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = Question
    icon = "help"
    menu_label = "Question bank"
    list_display = ["text", "module", "kind", "category", "active"]
    list_filter = ["module", "kind", "category", "active"]
    search_fields = ["text", "category"]
    search_backend_name = None


class QuizCaseViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
    model = QuizCase
    icon = "doc-full"
    menu_label = "Scenario cases"
    list_display = ["title", "module"]
    list_filter = ["module"]
    search_fields = ["title", "text"]
    search_backend_name = None


class QuizSnippets(SnippetViewSetGroup):
    menu_label = "Quizzes"
    menu_icon = "tasks"
    menu_order = 260
    items = (QuizViewSet, QuestionViewSet, QuizCaseViewSet)


register_snippet(QuizSnippets)


# Deleting a module would take its learners' records with it: enrolments, progress, attempts,
# confidence ratings, and the link from each certificate. The database refuses (those foreign
# keys are PROTECT); the admin explains first and offers to unpublish instead.


def started_modules_under(page) -> list[dict]:
    """The modules at or below `page` that any learner has started, with how many learners."""
    modules = TrainingModulePage.objects.descendant_of(page, inclusive=True).order_by("path")
    counts = learners_with_records(modules.values_list("pk", flat=True))
    return [{"module": module, "learners": counts[module.pk]} for module in modules if module.pk in counts]


class WithdrawNotDeleteView(WagtailAdminTemplateMixin, TemplateView):
    """Why a page cannot be deleted, and how to withdraw its started modules instead."""

    template_name = "learning/admin/withdraw_not_delete.html"
    header_icon = "warning"
    page = None
    started = ()

    def get_page_title(self):
        return f"“{self.page.get_admin_display_title()}” cannot be deleted"

    def get_breadcrumbs_items(self):
        parent, title = self.page.get_parent(), self.page.get_admin_display_title()
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("wagtailadmin_explore", args=[parent.pk]), "label": parent.get_admin_display_title()},
            {"url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]), "label": title},
            {"url": "", "label": "Cannot be deleted"},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        for entry in self.started:
            module = entry["module"]
            entry["unpublish_url"] = (
                reverse("wagtailadmin_pages:unpublish", args=[module.pk])
                if module.live and module.permissions_for_user(user).can_unpublish() else None
            )
        return super().get_context_data(
            target=self.page, started=self.started, is_module=isinstance(self.page, TrainingModulePage),
            explore_url=reverse("wagtailadmin_explore", args=[self.page.get_parent().pk]), **kwargs,
        )

    def post(self, request, *args, **kwargs):
        response = self.get(request, *args, **kwargs)
        response.status_code = 409  # a delete was asked for and refused: nothing changed
        return response


@hooks.register("before_delete_page")
def refuse_to_delete_started_modules(request, page):
    started = started_modules_under(page)
    if started:
        return WithdrawNotDeleteView.as_view(page=page, started=started)(request)
    return None


class KeepLearnersRecordsDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of pages, leaving out any page with a started module at or below it."""

    template_name = "learning/admin/confirm_bulk_delete.html"

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        deletable, kept = [], []
        for page in objects:
            started = started_modules_under(page)
            (kept if started else deletable).append({"page": page, "started": started} if started else page)
        extra["items_with_learner_records"] = kept
        return deletable, extra

    def prepare_action(self, objects, objects_without_access):
        kept = objects_without_access.get("items_with_learner_records", [])
        if kept:
            titles = ", ".join(f"“{entry['page'].get_admin_display_title()}”" for entry in kept)
            messages.warning(
                self.request,
                f"Not deleted: {titles}. Learners have started modules there: unpublish them instead "
                "to withdraw them. Their records and certificates are kept.",
            )
        if not objects:
            return redirect(self.next_url)
        return None


@hooks.register("before_delete_snippet")
def refuse_to_delete_quizzes_with_attempts(request, instances):
    """A quiz holds its learners' attempts (the database refuses too): say so instead of failing."""
    sat = [quiz for quiz in instances if isinstance(quiz, Quiz) and quiz.attempts.exists()]
    if sat:
        names = ", ".join(f"“{quiz.module.title}”" for quiz in sat)
        messages.error(
            request,
            f"The quiz of {names} cannot be deleted: learners have attempted it, and their attempts "
            "are kept. To withdraw the module, unpublish it.",
        )
        return redirect("wagtailsnippets_learning_quiz:list")
    return None


# After Wagtail's own page actions are registered, so that this one replaces its "delete".
hooks.register("register_bulk_action", KeepLearnersRecordsDeleteBulkAction, order=1)
