"""Roles are set in code (lms/site/roles.py): the admin shows their groups read-only, explains
why, and refuses to change, delete or add groups; a direct POST changes nothing."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from lms.demo.two_factor import set_up_totp
from lms.site.roles import ROLE_PERMISSIONS, Role, sync_roles
from tests.conftest import TOTP_SECRET, sign_in_with_mfa
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    administrator = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(administrator, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, administrator)
    return client


def permissions_of(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_a_role_shows_its_permissions_read_only_and_says_where_they_are_set(admin_client):
    coordinator = Group.objects.get(name=Role.COORDINATOR)
    page = admin_client.get(f"/admin/groups/edit/{coordinator.pk}/").content.decode()
    assert "This role is set in code, in lms/site/roles.py" in page
    assert "Can change organisation" in page
    assert "Can access Wagtail admin" in page
    assert 'type="checkbox"' not in page
    assert 'name="permissions"' not in page


def test_the_editor_role_lists_its_page_permissions(admin_client):
    editor = Group.objects.get(name=Role.EDITOR)
    page = admin_client.get(f"/admin/groups/edit/{editor.pk}/").content.decode()
    assert "Every page" in page and "Can add page" in page and "Can publish page" not in page


def test_a_post_to_a_roles_edit_page_changes_nothing_and_explains(admin_client):
    coordinator = Group.objects.get(name=Role.COORDINATOR)
    before = permissions_of(coordinator)
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    response = admin_client.post(f"/admin/groups/edit/{coordinator.pk}/", {
        "name": "Renamed", "permissions": [publish.pk],
    }, follow=True)
    assert response.status_code == 200
    assert "Roles are set in code (lms/site/roles.py)" in response.content.decode()
    assert "Nothing was changed" in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.name == Role.COORDINATOR
    assert permissions_of(coordinator) == before


def test_a_role_cannot_be_deleted(admin_client):
    reviewer = Group.objects.get(name=Role.REVIEWER)
    response = admin_client.get(f"/admin/groups/delete/{reviewer.pk}/", follow=True)
    assert "Roles are set in code" in response.content.decode()
    admin_client.post(f"/admin/groups/delete/{reviewer.pk}/")
    assert Group.objects.filter(pk=reviewer.pk).exists()


def test_no_group_is_added_in_the_admin(admin_client):
    listing = admin_client.get("/admin/groups/").content.decode()
    assert "/admin/groups/new/" not in listing
    assert "lms/site/roles.py" in listing
    response = admin_client.post("/admin/groups/new/", {"name": "Shadow editors"})
    assert response["Location"] == "/admin/"
    assert not Group.objects.filter(name="Shadow editors").exists()


def test_a_hand_made_group_is_shown_as_not_a_role_and_can_be_deleted(admin_client):
    stray = Group.objects.create(name="Old Wagtail editors")
    page = admin_client.get(f"/admin/groups/edit/{stray.pk}/").content.decode()
    assert "not one of the roles" in page
    admin_client.post(f"/admin/groups/delete/{stray.pk}/")
    assert not Group.objects.filter(pk=stray.pk).exists()


def test_roles_py_stays_the_source_after_sync(admin_client):
    coordinator = Group.objects.get(name=Role.COORDINATOR)
    sync_roles()
    expected = {tuple(p.split(".")) for p in ROLE_PERMISSIONS[Role.COORDINATOR]}
    assert permissions_of(coordinator) == expected
