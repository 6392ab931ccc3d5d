"""Snippet choosers that ask for a permission on the model, as the rest of the admin does.

Wagtail opens every snippet chooser to anyone who can reach the admin: a reviewer or a
coordinator could list the whole question bank (with its answers) through
/admin/snippets/choose/learning/question/. These choosers need one of the model's permissions
(add, change, delete or view) for every chooser view: the modal, its results, the chosen
item and the creation form.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser


class _ModelPermissionRequired:
    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(_ModelPermissionRequired, chooser.ChooseView):
    pass


class ChooseResultsView(_ModelPermissionRequired, chooser.ChooseResultsView):
    pass


class ChosenView(_ModelPermissionRequired, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(_ModelPermissionRequired, chooser.SnippetChosenMultipleView):
    pass


class CreateView(_ModelPermissionRequired, chooser.SnippetCreateView):
    pass


class PermissionCheckedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView
