"""Wagtail's user admin (the app `wagtail.users`) with our Users and read-only Roles screens.

Installed in place of "wagtail.users", as Wagtail documents for custom user and group viewsets.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "lms.accounts.admin_users.AccountViewSet"
    group_viewset = "lms.accounts.admin_roles.RoleGroupViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from lms.accounts.admin_roles import GroupPermissionPolicy

        register_permission_policy(Group, GroupPermissionPolicy(Group))
