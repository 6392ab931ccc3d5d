"""A champion's own profile: where they cover, what they know about, when they answer, and who
sees them."""

from django import forms

from champions.models import Champion, Language
from content.models import Topic
from lms.accounts.models import District
from lms.site.fields import ChoiceOfRecords
from lms.site.validators import printable_text


class ChampionProfileForm(forms.ModelForm):
    districts = ChoiceOfRecords(
        queryset=District.objects.all(), widget=forms.CheckboxSelectMultiple, label="Districts you cover",
        error_messages={
            "required": "Select at least one district you cover",
            "invalid_choice": "Select districts from the list",
            "invalid_pk_value": "Select districts from the list",
        },
    )
    specialisms = ChoiceOfRecords(
        queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, required=False,
        label="Forms of VAWG you know your way around",
        help_text="Where you can point people to the right help. You are not expected to be a specialist.",
        error_messages={
            "invalid_choice": "Select forms of VAWG from the list",
            "invalid_pk_value": "Select forms of VAWG from the list",
        },
    )
    languages = ChoiceOfRecords(
        queryset=Language.objects.all(), widget=forms.CheckboxSelectMultiple, required=False,
        label="Languages you can talk with people in, besides English",
        error_messages={
            "invalid_choice": "Select languages from the list",
            "invalid_pk_value": "Select languages from the list",
        },
    )
    availability = forms.CharField(
        label="When people can expect an answer", max_length=200, validators=[printable_text],
        help_text="For example, “weekdays, within two working days”.",
        error_messages={
            "required": "Say when people can expect an answer",
            "max_length": "Keep this to 200 characters or fewer",
        },
    )
    statement = forms.CharField(
        label="About you as a champion", max_length=1000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Shown on your profile to the people you choose below. A few sentences on what you bring and "
                  "how you can help colleagues. Do not include anything about your own or anyone else’s "
                  "experience of abuse.",
        error_messages={
            "required": "Write a few sentences about you as a champion",
            "max_length": "Keep this to 1,000 characters or fewer",
        },
    )
    visibility = forms.ChoiceField(
        choices=Champion.Visibility.choices, widget=forms.RadioSelect, label="Who can see your profile",
        help_text="Coordinators can always see it. Your email address is never shown: people write to you "
                  "through the network.",
        error_messages={
            "required": "Choose who can see your profile",
            "invalid_choice": "Choose who can see your profile from the list",
        },
    )

    class Meta:
        model = Champion
        fields = ["districts", "specialisms", "languages", "availability", "statement", "visibility"]

    def clean_statement(self):
        value = self.cleaned_data["statement"]
        printable_text(value.replace("\r", " ").replace("\n", " "))
        return value
