"""The admin's quiz snippets: quizzes, question banks and case scenarios, under one menu item."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.admin_choosers import PermissionCheckedSnippetChooserViewSet
from lms.learning.models import Question, Quiz, QuizCase


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
