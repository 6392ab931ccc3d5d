"""The forms of personal data: confirming erasing one's own account; the coordinators' search
for a learner's record, and their confirmation of erasing someone's account."""

from django import forms

from lms.privacy.learner_record import SHORTEST_SEARCH
from lms.site.people_search import MOST_WORDS
from lms.site.validators import printable_text


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


class PeopleSearchForm(forms.Form):
    """Coordinators find a person by name or email (the learner record's search)."""

    query = forms.CharField(
        label="Name or email address", max_length=254,
        help_text=(
            f"A word of at least {SHORTEST_SEARCH} letters or digits, and at most {MOST_WORDS} words. "
            "Every word must be in the person’s name or email."
        ),
        error_messages={
            "required": "Enter a name or an email address to search for",
            "max_length": "Enter 254 characters or fewer",
        },
    )

    def clean_query(self):
        query = " ".join(self.cleaned_data["query"].split())
        printable_text(query)
        # One word long enough to narrow the search: "a b c" would list most of the county.
        if not any(sum(character.isalnum() for character in word) >= SHORTEST_SEARCH for word in query.split()):
            raise forms.ValidationError(
                f"Enter at least {SHORTEST_SEARCH} letters or digits of a name or email address together"
            )
        if len(query.split()) > MOST_WORDS:
            raise forms.ValidationError(f"Enter {MOST_WORDS} words or fewer")
        return query


class StaffErasureForm(forms.Form):
    """A coordinator or administrator confirms erasing someone's account: why, and their email
    typed in full, so that the account erased is the one meant."""

    reason = forms.CharField(
        label="Reason", max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Asked by email on 2 December 2026 to delete their account.” Kept in the "
                  "history and the audit trail, without their name (it is taken out).",
        error_messages={
            "required": "Enter the reason for erasing this account",
            "max_length": "The reason must be 500 characters or fewer",
        },
    )
    email = forms.CharField(
        label="Their email address", max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="Type the person’s email address in full to confirm.",
        error_messages={
            "required": "Type the person’s email address to confirm",
            "max_length": "Enter 254 characters or fewer",
        },
    )

    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_reason(self):
        # Line breaks and runs of spaces become one space; other invisible characters are refused.
        reason = " ".join(self.cleaned_data["reason"].split())
        printable_text(reason)
        if not any(character.isalnum() for character in reason):
            raise forms.ValidationError("Enter the reason for erasing this account")
        return reason

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.casefold() != self.person.email.casefold():
            raise forms.ValidationError("That is not this person’s email address. Type it exactly as shown above.")
        return email
