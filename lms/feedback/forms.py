"""The learner's feedback form, the panel's note and the panel page's filter."""

import unicodedata

from django import forms

from content.models import TrainingModulePage
from lms.feedback.models import COMMENT_MAX_LENGTH, PANEL_NOTE_MAX_LENGTH, WITHHELD_REASON_MAX_LENGTH, Answer
from lms.site.validators import printable_text

COMMENT_HINT = (
    "Do not include names or details of anyone you have worked with; comments are read by our "
    "survivor co-production panel after personal details are removed."
)
PICK_ONE = "Select yes, partly or no"


INVISIBLE_CHARACTERS = (
    "Remove the invisible or formatting characters from your text (they can be pasted in from other "
    "documents): use letters, numbers, spaces and punctuation only"
)


def _text(value: str) -> str:
    """Line breaks and tabs are kept; control, formatting (zero-width spaces, direction overrides),
    private-use, surrogate and unassigned characters are refused: they print as nothing or turn
    text round, and could hide words from the moderator who screens it. Zero-width joiners stay,
    as lms.site.validators.printable_text keeps them (part of spelling in some scripts)."""
    try:
        printable_text(value.translate(_LAYOUT))
    except forms.ValidationError:
        raise forms.ValidationError(INVISIBLE_CHARACTERS) from None
    if any(unicodedata.category(ch) == "Cs" for ch in value):
        raise forms.ValidationError(INVISIBLE_CHARACTERS)
    return value.strip()


_LAYOUT = dict.fromkeys(map(ord, "\n\r\t"))


class LessonFeedbackForm(forms.Form):
    clear = forms.ChoiceField(
        label="Was this lesson clear?", choices=Answer.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select whether the lesson was clear", "invalid_choice": PICK_ONE},
    )
    useful = forms.ChoiceField(
        label="Was this lesson useful for your work?", choices=Answer.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select whether the lesson was useful", "invalid_choice": PICK_ONE},
    )
    comment = forms.CharField(
        label="Anything else you want to tell us about this lesson? (optional)", required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=f"{COMMENT_HINT} You can enter up to {COMMENT_MAX_LENGTH:,} characters.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": f"Your comment must be {COMMENT_MAX_LENGTH:,} characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # GOV.UK: no maxlength, which cuts pasted text off without a word; the hint gives the
        # limit and a longer comment is refused with a message, keeping what was typed.
        self.fields["comment"].widget.attrs.pop("maxlength", None)

    def clean_comment(self):
        return _text(self.cleaned_data["comment"])


class ConsiderForm(forms.Form):
    note = forms.CharField(
        label="Note from the panel (optional)", required=False, max_length=PANEL_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the panel thinks should happen, for the editors. Editors see it beside the lesson.",
        error_messages={"max_length": f"The note must be {PANEL_NOTE_MAX_LENGTH:,} characters or fewer"},
    )

    def clean_note(self):
        return _text(self.cleaned_data["note"])


class WithholdForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withholding it?", max_length=WITHHELD_REASON_MAX_LENGTH,
        help_text=(
            "For example: “names a colleague”, “abusive”. Moderators and administrators see it in the "
            "withheld list and the log; the learner and the panel do not."
        ),
        error_messages={
            "required": "Enter why you are withholding the feedback",
            "max_length": f"The reason must be {WITHHELD_REASON_MAX_LENGTH:,} characters or fewer",
        },
    )

    def clean_reason(self):
        reason = " ".join(_text(self.cleaned_data["reason"]).split())
        if not reason:
            raise forms.ValidationError("Enter why you are withholding the feedback")
        return reason


class PanelFilterForm(forms.Form):
    module = forms.ModelChoiceField(
        queryset=TrainingModulePage.objects.none(), required=False, empty_label="All modules",
        error_messages={"invalid_choice": "Choose a module from the list"},
    )
    show = forms.ChoiceField(
        label="Comments", required=False,
        choices=[("", "Not yet considered"), ("considered", "Considered"), ("all", "All released")],
        error_messages={"invalid_choice": "Choose which comments to show from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = TrainingModulePage.objects.order_by("title")
