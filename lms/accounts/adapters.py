"""django-allauth adapters: our rules on top of allauth's flows."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms

from lms.accounts.staff_mfa import holds_staff_role


class AccountAdapter(DefaultAccountAdapter):
    # allauth's messages, in the site's words: say what is wrong and what to do.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account is not active. Ask your organisation's training lead",
        "duplicate_email": "This email address is already on your account",
        "email_password_mismatch": "The email address or password is not right. Check them and try again",
        "email_taken": "This email address is already used by another account",
        "enter_current_password": "Enter your current password",
        "incorrect_code": "The code is not right. Check it and try again",
        "incorrect_password": "The password is not right. Check it and try again",
        "invalid_or_expired_key": "This link cannot be used. Ask for a new one",
        "invalid_password_reset": "This link cannot be used. Ask for a new one",
        "too_many_login_attempts": "Too many failed login attempts. Wait a few minutes, then try again",
        "unknown_email": "There is no account with this email address",
        "same_as_current": "Enter a different value from the one you have now",
        "rate_limited": "You have tried too many times. Wait a few minutes, then try again",
    }

    def clean_email(self, email: str) -> str:
        # The address field allows 254 characters; anything longer would be cut short and
        # confirmation mail sent to an address the person never typed.
        if len(email) > 254:
            raise forms.ValidationError("Enter an email address of 254 characters or fewer.")
        return super().clean_email(email)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "The code is not right. Enter the 6-digit code your authenticator app shows now",
        "cannot_delete_authenticator": "You cannot remove your authenticator app: staff accounts need one",
        "unverified_email": "Confirm your email address before you set up an authenticator app",
        "rate_limited": "You have tried too many codes. Wait a few minutes, then try again",
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff may replace their authenticator app, but never be left with none: without it a
        password alone would be enough to set up a new one and reach the staff pages."""
        if authenticator.type == Authenticator.Type.TOTP and holds_staff_role(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
