from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.models import LearningPath, Sector, SupportService, Topic


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    menu_label = "Sectors"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SupportServiceViewSet(SnippetViewSet):
    model = SupportService
    icon = "site"
    menu_label = "Support services"
    list_display = ["name", "phone", "hours", "who_for"]
    list_filter = ["hours"]
    search_fields = ["name", "who_for", "description"]
    list_export = ["name", "phone", "text_or_web_contact", "hours", "languages", "who_for"]


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = "Learning paths"
    list_display = ["sector", "intro"]
    list_filter = ["sector"]
    search_fields = ["intro"]


class TrainingSnippets(SnippetViewSetGroup):
    menu_label = "Training setup"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (SectorViewSet, TopicViewSet, SupportServiceViewSet, LearningPathViewSet)


register_snippet(TrainingSnippets)
