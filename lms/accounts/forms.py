"""allauth's sign-in and sign-up forms, with GOV.UK-style labels and error messages."""

from allauth.account.forms import LoginForm, SignupForm


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
