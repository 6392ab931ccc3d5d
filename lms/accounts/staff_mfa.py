"""Staff powers need a session that passed the second factor, wherever they are used.

The rule follows the permission, not a list of paths. For every request, `StaffMFARequiredMiddleware`
(lms.accounts.middleware) notes on the signed-in user whether this session passed two-factor
authentication. A session that did not (a password alone, or an account with no authenticator
yet) is treated as holding no permission at all: the authentication backends below answer "no"
to every `has_perm`, and a superuser's flag is lowered for the request (in memory only; it is
never saved). Such a person can still do everything a learner can; anything that asks for a
staff permission (the admin, another person's certificate, a lead's or coordinator's action)
is refused as if they had never had it.

Learners hold no model permissions, so the rule costs them nothing: the check reads the session
and makes no query.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

# Set on request.user by the middleware: False when this session did not pass the second factor.
PASSED_ATTR = "_session_passed_mfa"


# The superuser and staff flags as stored, while they are lowered for a request.
STORED_FLAGS_ATTR = "_stored_staff_flags"

# The id of the TOTP authenticator set up in this session (see note_totp_set_up).
TOTP_SET_UP_SESSION_KEY = "accounts.totp_set_up_by"


def session_passed_mfa(request) -> bool:
    """Whether this session was signed in (or re-authenticated) with a second factor, or set one
    up, by this user, with an authenticator of theirs that still exists.

    allauth keeps its records with the id of the user and of the authenticator used; our own
    marker (note_totp_set_up) names the authenticator set up. Records of anyone else, and records
    of an authenticator since deleted (a reset, or the person's own deactivation), count for
    nothing. A session with no such record makes no query.
    """
    user = request.user
    if user.pk is None:
        return False
    ids = {
        record.get("id") for record in get_authentication_records(request, user)
        if record.get("method") == "mfa"
    }
    ids.add(request.session.get(TOTP_SET_UP_SESSION_KEY))
    # Whole numbers only: a marker left by an older version held the user's id as text.
    ids = {value for value in ids if type(value) is int}
    return bool(ids) and Authenticator.objects.filter(user=user, pk__in=ids).exists()


def note_totp_set_up(request, user, authenticator) -> None:
    """Setting up TOTP means typing a valid code: that proves the second factor for this session.

    allauth has no public way to add to its own authentication records (its
    `record_authentication` is internal), so the fact is kept in the session beside them: the id
    of the authenticator set up, which counts only while it exists and belongs to the person
    signed in. Signing out empties the session; signing in as someone else starts a new one.
    """
    request.session[TOTP_SET_UP_SESSION_KEY] = authenticator.pk


def holds_staff_role(user) -> bool:
    """Whether the account, as stored, reaches staff pages (and so needs two-factor).

    Asked of the database, not of `has_perm`, so that it stays true while the request's powers
    are withheld: those are exactly the accounts that must be sent to the second factor.
    """
    if not user.is_authenticated:
        return False
    stored = getattr(user, STORED_FLAGS_ATTR, None)
    if stored is not None and any(stored):
        return True
    if user.is_superuser or user.is_staff:
        return True
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        content_type__app_label="wagtailadmin", codename="access_admin",
    ).exists()


def withhold_staff_powers(user) -> None:
    """For this request only, the account holds no permission and is not a superuser."""
    setattr(user, PASSED_ATTR, False)
    if getattr(user, STORED_FLAGS_ATTR, None) is None:
        setattr(user, STORED_FLAGS_ATTR, (user.is_superuser, user.is_staff))
    user.is_superuser = False
    user.is_staff = False


def powers_withheld(user) -> bool:
    return getattr(user, PASSED_ATTR, True) is False


def restore_stored_flags_before_save(sender, instance, **kwargs):
    """pre_save: a user saved during a restricted request keeps its stored superuser/staff flags."""
    stored = getattr(instance, STORED_FLAGS_ATTR, None)
    if stored is not None:
        instance.is_superuser, instance.is_staff = stored


def lower_flags_again_after_save(sender, instance, **kwargs):
    """post_save: and the rest of the request still sees them lowered."""
    if getattr(instance, STORED_FLAGS_ATTR, None) is not None and powers_withheld(instance):
        instance.is_superuser = False
        instance.is_staff = False


class _WithheldPermissionsMixin:
    """No permission for a request whose session skipped the second factor."""

    def get_user_permissions(self, user_obj, obj=None):
        return set() if powers_withheld(user_obj) else super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        return set() if powers_withheld(user_obj) else super().get_group_permissions(user_obj, obj)

    def get_all_permissions(self, user_obj, obj=None):
        return set() if powers_withheld(user_obj) else super().get_all_permissions(user_obj, obj)

    def has_perm(self, user_obj, perm, obj=None):
        return False if powers_withheld(user_obj) else super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        return False if powers_withheld(user_obj) else super().has_module_perms(user_obj, app_label)


class StaffAwareModelBackend(_WithheldPermissionsMixin, ModelBackend):
    """Django's model backend, with staff powers withheld from sessions that skipped two-factor."""


class StaffAwareAllauthBackend(_WithheldPermissionsMixin, AuthenticationBackend):
    """allauth's backend (email sign-in), with the same rule."""
