"""The follow-up form: the module's outcomes on the same 1 to 5 scale as before and after, whether
the training has been used in work, and what happened (optional). Short on purpose: under two
minutes. And the moderator's two forms: the account as released, and why one is withheld."""

from django import forms

from lms.followup.models import (
    RELEASED_TEXT_MAX_LENGTH,
    WHAT_HAPPENED_MAX_LENGTH,
    WITHHELD_REASON_MAX_LENGTH,
    UsedInWork,
)
from lms.learning.forms import ConfidenceForm
from lms.site.validators import printable_text

WHAT_HAPPENED_HINT = (
    "For example, a conversation you handled differently or a referral you made. Do not include names or "
    "details of anyone you have worked with. Emails, phone numbers and names are masked, then a moderator reads "
    "it and removes anything else that could identify someone. Only after that does the training team see it, "
    "without your name."
)


def _printable_with_line_breaks(value: str) -> str:
    """What was written, trimmed; line breaks and tabs are fine, other invisible or control
    characters are refused (lms.site.validators.printable_text) so nothing is hidden from the
    screening that masks personal details."""
    printable_text(value.translate(dict.fromkeys(map(ord, "\n\r\t"))))
    return value.strip()


class FollowUpForm(ConfidenceForm):
    """The before/after self-assessment's ratings (required, as there), without its private note,
    and two questions more."""

    used_in_work = forms.ChoiceField(
        label="Have you used what you learned in your work?", choices=UsedInWork.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select whether you have used the training in your work",
                        "invalid_choice": "Select not yet, once or several times"},
    )
    what_happened = forms.CharField(
        label="What happened? (optional)", required=False, max_length=WHAT_HAPPENED_MAX_LENGTH,
        help_text=f"{WHAT_HAPPENED_HINT} You can enter up to {WHAT_HAPPENED_MAX_LENGTH:,} characters.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"What happened must be {WHAT_HAPPENED_MAX_LENGTH:,} characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reflection"]
        # The two questions come after the ratings, in this order.
        self.fields["used_in_work"] = self.fields.pop("used_in_work")
        self.fields["what_happened"] = self.fields.pop("what_happened")
        # GOV.UK: no maxlength, which cuts pasted text off without a word; the hint gives the limit.
        self.fields["what_happened"].widget.attrs.pop("maxlength", None)

    def clean_what_happened(self):
        return _printable_with_line_breaks(self.cleaned_data["what_happened"])


class ReleaseForm(forms.Form):
    """The account as the training team will read it: the masked text, which the moderator may
    edit to take out what the masking missed."""

    text = forms.CharField(
        label="What happened, as the training team will read it", max_length=RELEASED_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=(
            "Remove anything that could identify someone: an address, a name, a workplace, a date with a place. "
            "Replace it with a description in square brackets, such as “[address removed]”."
        ),
        error_messages={
            "required": "Enter the account as it should be released, or withhold it",
            "max_length": f"The account must be {RELEASED_TEXT_MAX_LENGTH:,} characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.pop("maxlength", None)

    def clean_text(self):
        text = _printable_with_line_breaks(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError("Enter the account as it should be released, or withhold it")
        return text


class WithholdAccountForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withholding it?", max_length=WITHHELD_REASON_MAX_LENGTH,
        help_text=(
            "For example: “identifies a family”, “abusive”. Moderators and administrators see it in the withheld list."
        ),
        error_messages={
            "required": "Enter why you are withholding the account",
            "max_length": f"The reason must be {WITHHELD_REASON_MAX_LENGTH:,} characters or fewer",
        },
    )

    def clean_reason(self):
        reason = " ".join(_printable_with_line_breaks(self.cleaned_data["reason"]).split())
        if not reason:
            raise forms.ValidationError("Enter why you are withholding the account")
        return reason
