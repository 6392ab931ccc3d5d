"""The self-assessment form: how confident the learner feels about each of a module's outcomes."""

from django import forms


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
                error_messages={"required": f"Choose how confident you feel: {outcome}",
                                "invalid_choice": f"Choose how confident you feel: {outcome}"},
            )
        self.outcome_count = len(outcomes)
        # The optional note comes last, after the ratings it reflects on.
        self.fields["reflection"] = self.fields.pop("reflection")

    def ratings(self) -> list[int]:
        return [self.cleaned_data[f"outcome_{i}"] for i in range(self.outcome_count)]
