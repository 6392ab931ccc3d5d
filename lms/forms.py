import unicodedata

from allauth.account.forms import LoginForm, SignupForm
from django import forms

from content.models import Sector
from lms.models import District, Organisation
from lms.services import find_organisation, normalise_organisation_name

_NAME_PUNCTUATION = set(" '’‘-.")
# A spreadsheet treats a cell starting with these as a formula: exported names must not.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_PENDING_ORGANISATIONS_PER_PERSON = 3


def reject_formula_start(value: str, message: str) -> str:
    if value.startswith(_FORMULA_STARTS):
        raise forms.ValidationError(message)
    return value


def validate_person_name(value: str) -> str:
    """Letters from any script, with spaces, apostrophes, hyphens and full stops between."""
    value = " ".join(value.split())
    if len(value) < 2:
        raise forms.ValidationError("Enter your full name.")
    for char in value:
        category = unicodedata.category(char)
        if not (category.startswith("L") or category.startswith("M") or char in _NAME_PUNCTUATION):
            raise forms.ValidationError(
                "Your name can only include letters, spaces, hyphens, apostrophes and full stops."
            )
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise forms.ValidationError("Enter your full name.")
    return value


def printable_text(value: str) -> None:
    """Refuse control and formatting characters: they print as nothing (or as boxes) on a
    certificate, and can make two names that look the same differ."""
    joiners = {"\u200c", "\u200d"}  # zero-width (non-)joiners are part of spelling in Persian and others
    if any(
        unicodedata.category(character) in ("Cc", "Cf", "Co", "Cn") and character not in joiners
        for character in value
    ):
        raise forms.ValidationError("Use letters, numbers, spaces and punctuation only")


class ProfileForm(forms.Form):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    full_name = forms.CharField(
        validators=[printable_text],
        label="Full name",
        help_text="Exactly as it should appear on your certificates.",
        max_length=150,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Your name must be 150 characters or fewer",
        },
    )
    job_role = forms.CharField(
        validators=[printable_text],
        label="Job title or role",
        help_text="For example, practice nurse, housing officer or volunteer.",
        max_length=120,
        error_messages={
            "required": "Enter your job title or role",
            "max_length": "Your job title must be 120 characters or fewer",
        },
    )
    sector = forms.ModelChoiceField(
        label="Which sector do you work in?",
        help_text="Your lessons are tailored to this sector. You can change it later.",
        queryset=Sector.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the sector you work in",
            "invalid_choice": "Select the sector you work in",
        },
    )
    organisation_name = forms.CharField(
        validators=[printable_text],
        label="Organisation",
        help_text="Start typing to pick from the list. If yours is not there, type its full name.",
        max_length=200,
        error_messages={
            "required": "Enter the name of your organisation",
            "max_length": "The organisation name must be 200 characters or fewer",
        },
    )
    organisation_kind = forms.ChoiceField(
        label="If your organisation is not in the list, what type is it?",
        choices=[("", "Choose a type"), *Organisation.Kind.choices],
        required=False,
        error_messages={"invalid_choice": "Select a type of organisation from the list"},
    )
    district = forms.ModelChoiceField(
        label="Which district do you mainly work in?",
        queryset=District.objects.all(),
        empty_label="Choose a district",
        error_messages={
            "required": "Select the district you mainly work in",
            "invalid_choice": "Select the district you mainly work in",
        },
    )

    def clean_full_name(self):
        return validate_person_name(self.cleaned_data["full_name"])

    def clean_job_role(self):
        value = " ".join(self.cleaned_data["job_role"].split())
        if not any(c.isalpha() for c in value):
            raise forms.ValidationError("Enter your job title or role")
        return reject_formula_start(value, "Your job title must start with a letter or number")

    def clean_organisation_name(self):
        value = normalise_organisation_name(self.cleaned_data["organisation_name"])
        if len(value) < 2 or not any(c.isalpha() for c in value):
            raise forms.ValidationError("Enter the name of your organisation")
        return reject_formula_start(value, "The organisation name must start with a letter or number")

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("organisation_name")
        if name:
            self.existing_organisation = find_organisation(name)
            if self.existing_organisation is None and not cleaned.get("organisation_kind"):
                self.add_error(
                    "organisation_kind",
                    f"“{name}” is not in our list yet. Select what type of organisation it is, "
                    "so a coordinator can add it.",
                )
            elif self.existing_organisation is None and self.user is not None and Organisation.objects.filter(
                proposed_by=self.user, status=Organisation.Status.PENDING
            ).count() >= MAX_PENDING_ORGANISATIONS_PER_PERSON:
                self.add_error(
                    "organisation_name",
                    "You have already suggested several organisations that a coordinator has not checked "
                    "yet. Choose one from the list, or wait until they have been checked.",
                )
        return cleaned


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
