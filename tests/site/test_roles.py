import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from lms.site.roles import ROLE_PERMISSIONS, Role, has_staff_role, sync_roles
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def perms(group_name):
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=group_name).permissions.all()}


def test_every_role_exists_after_migrate_with_exactly_its_permissions():
    for role in Role.ALL:
        assert perms(role) == set(ROLE_PERMISSIONS[role]), role


def test_sync_roles_is_idempotent_and_repairs_hand_edits():
    coordinator = Group.objects.get(name=Role.COORDINATOR)
    coordinator.permissions.clear()
    Group.objects.get(name=Role.LEARNER).permissions.add(*coordinator.permissions.model.objects.all()[:3])
    sync_roles()
    sync_roles()
    assert Group.objects.filter(name__in=Role.ALL).count() == len(Role.ALL)
    assert perms(Role.COORDINATOR) == set(ROLE_PERMISSIONS[Role.COORDINATOR])
    assert perms(Role.LEARNER) == set()
    assert GroupPagePermission.objects.filter(group__name=Role.EDITOR).count() == 2
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()


def test_only_staff_roles_count_as_staff():
    assert not has_staff_role(LearnerFactory(roles=[Role.LEARNER, Role.CHAMPION, Role.ORGANISATION_LEAD]))
    for role in Role.STAFF:
        assert has_staff_role(LearnerFactory(roles=[role])), role
    assert has_staff_role(LearnerFactory(is_superuser=True))
