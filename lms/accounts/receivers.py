"""Signal receivers, connected in AccountsConfig.ready()."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator


def count_new_authenticator_as_mfa(sender, request, user, authenticator, **kwargs):
    """Setting up TOTP means typing a valid code: that proves the second factor for this session.

    Without this a new staff member would be asked for a second code straight away, and the
    same code cannot be used twice, so they would wait for the next one.
    """
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
