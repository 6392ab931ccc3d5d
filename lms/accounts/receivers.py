"""Signal receivers, connected in AccountsConfig.ready()."""

from allauth.mfa.models import Authenticator

from lms.accounts.staff_mfa import note_totp_set_up


def count_new_authenticator_as_mfa(sender, request, user, authenticator, **kwargs):
    """A staff member who has just set up TOTP has passed the second factor in this session.

    Without this a new staff member would be asked for a second code straight away, and the
    same code cannot be used twice, so they would wait for the next one.
    """
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        note_totp_set_up(request, user, authenticator)
