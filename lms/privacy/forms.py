"""The form that confirms erasing one's own account."""

from django import forms


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password", strip=False, widget=forms.PasswordInput(render_value=False),
        error_messages={"required": "Enter your password"},
    )
    understood = forms.BooleanField(
        label="I understand that my account, records and certificates will be deleted and cannot be recovered",
        error_messages={"required": "Confirm that you understand your account cannot be recovered"},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.has_usable_password() or not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Enter the password you sign in with.")
        return password
