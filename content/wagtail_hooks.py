from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.models import Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "group"
    menu_label = "Sectors"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(SectorViewSet)
