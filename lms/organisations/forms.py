"""The profile form: who the learner is, where they work, and the organisation they ask to join."""

from django import forms

from content.models import Sector
from lms.accounts.models import District
from lms.organisations.models import Organisation
from lms.organisations.services import find_organisation, normalise_organisation_name
from lms.site.validators import printable_text, reject_formula_start, validate_person_name

MAX_PENDING_ORGANISATIONS_PER_PERSON = 3


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
