"""Bad input to Wagtail's own admin screens is a 400, and a delete that learners' records depend on
is a 409, whatever path asks: never a server error (attacker review of the back office)."""

import pytest

from lms.site.roles import Role
from tests.conftest import staff_client
from tests.factories import LearnerFactory, make_module, read_and_complete

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [
    "/admin/choose-external-link/?parent_page_id=x",
    "/admin/choose-email-link/?parent_page_id=-1",
    "/admin/choose-anchor-link/?parent_page_id=%C2%B2",
    "/admin/images/chooser/chosen-multiple/?id=x",
    "/admin/documents/chooser/chosen-multiple/?id=1,2",
    "/admin/bulk/wagtailcore/page/delete/?id=abc",
    "/admin/bulk/wagtailimages/image/delete/?id=abc",
    "/admin/pages/?content_type=99999999999999999999999",
])
def test_unreadable_ids_in_the_admin_are_a_bad_request_not_a_server_error(path):
    response = staff_client(Role.EDITOR).get(path)
    assert response.status_code < 500, (path, response.status_code)


def test_deleting_a_started_module_through_the_admin_api_is_refused_not_a_server_error(client):
    module = make_module("api-protected", lessons=1)
    learner = client
    learner.force_login(LearnerFactory())
    read_and_complete(learner, module.lessons().first())
    from django.test import Client

    from lms.demo.two_factor import set_up_totp
    from tests.conftest import TOTP_SECRET, sign_in_with_mfa

    superuser = LearnerFactory(is_superuser=True, is_staff=True)
    set_up_totp(superuser, TOTP_SECRET)
    admin = Client(enforce_csrf_checks=False)
    sign_in_with_mfa(admin, superuser)
    response = admin.post(f"/admin/api/main/pages/{module.pk}/action/delete/", HTTP_X_CSRFTOKEN="x")
    assert response.status_code == 409, response.status_code
    assert type(module).objects.filter(pk=module.pk).exists()
