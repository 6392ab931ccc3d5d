import pytest
from allauth.mfa.models import Authenticator

from lms.demo.two_factor import set_up_totp
from lms.demo.two_factor import totp_code as _totp_code_at
from lms.site.roles import Role
from tests.factories import LearnerFactory, UserFactory

PASSWORD = "a-long-test-password"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, offset: int = 0) -> str:
    """The authenticator's code now; near the end of a 30-second window, the next window's.

    A code read in the last seconds of its window could reach the server after the window has
    turned, and fail by chance: wait for the new window instead.
    """
    import time

    remaining = 30 - time.time() % 30
    if remaining < 4:
        time.sleep(remaining + 0.1)
    return _totp_code_at(secret, at=time.time() + 30 * offset)


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits and used-code records live in the cache; each test starts clean.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def without_search_index(settings):
    """Pages saved without updating Wagtail's search index, for tests about something else that
    make many pages. On PostgreSQL the index recomputes the title weights of its new entries after
    every page saved (modelsearch's _refresh_title_norms, a pass over every entry), and inside one
    test's transaction nothing is vacuumed: a test that made a hundred modules took five minutes
    there, 18 seconds on SQLite."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }


@pytest.fixture
def learner(db):
    return LearnerFactory()


@pytest.fixture
def new_user(db):
    """Verified, signed up, profile not yet completed."""
    return UserFactory()


@pytest.fixture
def coordinator_without_mfa(db):
    return LearnerFactory(roles=[Role.COORDINATOR])


@pytest.fixture
def coordinator(db):
    user = LearnerFactory(roles=[Role.COORDINATOR])
    set_up_totp(user, TOTP_SECRET)
    return user


@pytest.fixture
def editor(db):
    user = LearnerFactory(roles=[Role.EDITOR])
    set_up_totp(user, TOTP_SECRET)
    return user


def staff_client(role: str):
    """A browser session of a new account in `role`, signed in through password and code."""
    from django.test import Client

    user = LearnerFactory(roles=[role])
    set_up_totp(user, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, user)
    client.user = user
    return client


def administrator_client(**fields):
    """A browser session of a new administrator (a superuser), signed in through password and code."""
    from django.test import Client

    user = LearnerFactory(is_superuser=True, is_staff=True, **fields)
    set_up_totp(user, TOTP_SECRET)
    client = Client()
    sign_in_with_mfa(client, user)
    client.user = user
    return client


def sign_in_with_mfa(client, user, password: str = PASSWORD):
    """Sign in through allauth's two steps, password then code, as a person would."""
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    assert response.status_code == 302, response.content[:500]
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user).exists()
    return response


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_in_browser_tests(django_db_setup):
    """Let serialized_rollback work in the Playwright tests too.

    Playwright's sync API runs the rest of the session in a greenlet with its own context
    variables, where Django opens a fresh connection object that lacks the snapshot of the
    migrated data (sectors, districts, groups, pages) taken when the test database was made.
    Putting the snapshot on the connection class lets every connection object restore it.
    """
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
