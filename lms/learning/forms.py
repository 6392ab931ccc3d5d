"""The self-assessment form: how confident the learner feels about each of a module's outcomes."""

from django import forms

AIM_IN_ERROR_LENGTH = 60


def short_aim(outcome: str) -> str:
    """An aim as an error message names it: whole if short, else its first words and an ellipsis,
    so the error summary stays a list a person can scan (the aim is written out in full above
    the choices the error points to)."""
    if len(outcome) <= AIM_IN_ERROR_LENGTH:
        return outcome
    cut = outcome[:AIM_IN_ERROR_LENGTH].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut}…"


class ConfidenceForm(forms.Form):
    reflection = forms.CharField(
        label="Anything you want to note for yourself (optional)", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Keep your note to 2,000 characters or fewer"},
    )

    def __init__(self, *args, outcomes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for index, outcome in enumerate(outcomes):
            self.fields[f"outcome_{index}"] = forms.TypedChoiceField(
                label=outcome, coerce=int, widget=forms.RadioSelect,
                choices=[(n, label) for n, label in enumerate(
                    ["Not at all confident", "A little confident", "Fairly confident", "Confident", "Very confident"],
                    start=1)],
                error_messages={"required": f"Choose how confident you feel: {short_aim(outcome)}",
                                "invalid_choice": f"Choose how confident you feel: {short_aim(outcome)}"},
            )
        self.outcome_count = len(outcomes)
        # The optional note comes last, after the ratings it reflects on.
        self.fields["reflection"] = self.fields.pop("reflection")

    def rating_fields(self):
        """The bound fields of the aims' ratings, in order."""
        return [self[f"outcome_{i}"] for i in range(self.outcome_count)]

    def other_fields(self):
        """The bound fields after the ratings."""
        return [field for field in self if not field.name.startswith("outcome_")]

    def ratings(self) -> list[int]:
        return [self.cleaned_data[f"outcome_{i}"] for i in range(self.outcome_count)]
