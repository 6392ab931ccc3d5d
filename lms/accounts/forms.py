"""allauth's forms with GOV.UK-style labels and error messages: each says what to do, in the
site's words (set in ACCOUNT_FORMS and MFA_FORMS)."""

from allauth.account.forms import (
    AddEmailForm,
    ChangePasswordForm,
    LoginForm,
    ReauthenticateForm,
    ResetPasswordForm,
    ResetPasswordKeyForm,
    SetPasswordForm,
    SignupForm,
)
from allauth.mfa.base.forms import AuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as MFAReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm

ENTER_CODE = "Enter the 6-digit code from your authenticator app"
# Error messages by field name, for every allauth form below.
REQUIRED = {
    "email": "Enter your email address",
    "password": "Enter your password",
    "oldpassword": "Enter your current password",
    "password1": "Enter a new password",
    "password2": "Type the new password again",
    "code": ENTER_CODE,
}
LABELS = {
    "email": "Email address",
    "password": "Password",
    "oldpassword": "Current password",
    "password1": "New password",
    "password2": "Confirm new password",
    "code": "Code from your authenticator app",
}


class SiteWording:
    """Labels and "required" messages in the site's words; no placeholders (GOV.UK asks for
    none: they vanish as you type and read as filled in)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in REQUIRED:
                field.error_messages["required"] = REQUIRED[name]
            if name in LABELS:
                field.label = LABELS[name]
            field.widget.attrs.pop("placeholder", None)


class SignInForm(LoginForm):
    """allauth's sign-in form, with messages that say which field is wrong."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        # allauth puts a "forgot password" link in the password hint; the page has its own link.
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"


class SignUpForm(SignupForm):
    """allauth's sign-up form, with messages that say which field is wrong."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["password1"].error_messages["required"] = "Create a password"
        self.fields["password2"].label = "Confirm your password"
        self.fields["password2"].error_messages["required"] = "Type your password again"


class AddEmailAddressForm(SiteWording, AddEmailForm):
    pass


class ChangeYourPasswordForm(SiteWording, ChangePasswordForm):
    pass


class CreatePasswordForm(SiteWording, SetPasswordForm):
    pass


class ResetYourPasswordForm(SiteWording, ResetPasswordForm):
    pass


class NewPasswordForm(SiteWording, ResetPasswordKeyForm):
    pass


class ConfirmPasswordForm(SiteWording, ReauthenticateForm):
    pass


class EnterCodeForm(SiteWording, AuthenticateForm):
    pass


class ConfirmCodeForm(SiteWording, MFAReauthenticateForm):
    pass


class SetUpAuthenticatorForm(SiteWording, ActivateTOTPForm):
    pass
