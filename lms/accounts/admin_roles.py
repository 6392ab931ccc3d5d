"""The admin's Groups screens, read-only: roles and what they may do are set in code.

`lms/site/roles.py` is the source of truth, applied after every `migrate` (`sync_roles`): a
permission ticked or unticked here would silently come undone at the next release. So the admin
shows each role's permissions with that explanation, and refuses to change or delete a role's
group; a direct POST changes nothing.

No new groups are made here either. A hand-made group bypasses what the code guarantees and the
tests check for every role: the authorisation matrix, the rule that nobody but an administrator
publishes without the review workflow, two-factor for anyone it lets into the admin. A group
that is not a role (made before this rule, or by hand in the database) is shown as such and can
be deleted, but not changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import Group
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets import ListingButton
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.views import groups as wagtail_groups

from lms.site.roles import Role

SOURCE = "lms/site/roles.py"

REFUSED = (
    "Roles are set in code ({source}) and applied at every release, so they cannot be changed "
    "here. Nothing was changed. Ask a developer to change {source}."
)


def is_role(group: Group) -> bool:
    return group.name in Role.ALL


class GroupPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds a group in the admin; otherwise as Django's permissions say."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class RoleIndexView(wagtail_groups.IndexView):
    page_title = "Roles"

    @cached_property
    def columns(self):
        return [
            TitleColumn("name", label="Name", sort_key="name", url_name="wagtailusers_groups:edit"),
            Column("source", label="Set in", accessor=lambda g: SOURCE if is_role(g) else "Not a role: made by hand"),
            Column("people", label="People", accessor="people", sort_key="people"),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(people=Count("user"))

    def get_list_more_buttons(self, instance):
        buttons = [ListingButton(
            "View permissions", url=reverse("wagtailusers_groups:edit", args=[instance.pk]), icon_name="view",
            priority=10,
        )]
        if not is_role(instance) and self.user_has_permission("delete"):
            buttons.append(ListingButton(
                "Delete", url=reverse("wagtailusers_groups:delete", args=[instance.pk]), icon_name="bin",
                priority=30,
            ))
        return buttons


class RoleReadOnlyView(wagtail_groups.EditView):
    """A group's permissions, read-only; any change is refused with the reason."""

    template_name = "accounts/admin/groups/read_only.html"

    def get_page_title(self):
        return f"Role: {self.object.name}" if is_role(self.object) else f"Group: {self.object.name}"

    def get_header_more_buttons(self):
        return [] if is_role(self.object) else super().get_header_more_buttons()

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if is_role(self.object):
            messages.error(request, REFUSED.format(source=SOURCE))
        else:
            messages.error(request, "Groups are not changed in the admin. Nothing was changed.")
        return redirect("wagtailusers_groups:edit", self.object.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        group = self.object
        permissions = group.permissions.select_related("content_type").order_by(
            "content_type__app_label", "content_type__model", "codename"
        )
        context.update(
            group=group, is_role=is_role(group), source=SOURCE,
            permissions=permissions,
            page_permissions=GroupPagePermission.objects.filter(group=group)
            .select_related("page", "permission").order_by("page__path", "permission__codename"),
            collection_permissions=GroupCollectionPermission.objects.filter(group=group)
            .select_related("collection", "permission").order_by("collection__path", "permission__codename"),
            people_url=f"{reverse('wagtailusers_users:index')}?group={group.pk}",
            people=group.user_set.count(),
            can_delete=not is_role(group) and self.user_has_permission("delete"),
        )
        return context


class RoleDeleteView(wagtail_groups.DeleteView):
    """A role's group is never deleted here: sync_roles would make it again, empty of people."""

    def get(self, request, *args, **kwargs):
        if is_role(self.object):
            return self._refuse(request)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if is_role(self.object):
            return self._refuse(request)
        return super().post(request, *args, **kwargs)

    def _refuse(self, request):
        messages.error(request, REFUSED.format(source=SOURCE))
        return redirect("wagtailusers_groups:edit", self.object.pk)


class RoleGroupViewSet(wagtail_groups.GroupViewSet):
    index_view_class = RoleIndexView
    edit_view_class = RoleReadOnlyView
    delete_view_class = RoleDeleteView
    menu_label = "Roles"
    edit_template_name = "accounts/admin/groups/read_only.html"
