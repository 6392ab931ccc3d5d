"""django-allauth adapters: our rules on top of allauth's flows."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms

from lms.accounts.staff_mfa import holds_staff_role


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        # The address field allows 254 characters; anything longer would be cut short and
        # confirmation mail sent to an address the person never typed.
        if len(email) > 254:
            raise forms.ValidationError("Enter an email address of 254 characters or fewer.")
        return super().clean_email(email)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff may replace their authenticator app, but never be left with none: without it a
        password alone would be enough to set up a new one and reach the staff pages."""
        if authenticator.type == Authenticator.Type.TOTP and holds_staff_role(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
