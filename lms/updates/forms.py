"""The answers to an update's questions: each must be answered, and answered correctly.

A wrong answer is an error on its question that says it was wrong and gives the editor's
explanation, so the holder learns why and tries again; nothing is recorded until all are right.
"""

from django import forms


class UpdateAnswersForm(forms.Form):
    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"question_{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text}", choices=question.choices, widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose an answer to question {number}",
                    "invalid_choice": f"Choose one of the answers to question {number}",
                },
            )

    def clean(self):
        cleaned = super().clean()
        for number, question in enumerate(self.questions, start=1):
            name = f"question_{question.pk}"
            answer = cleaned.get(name)
            if answer and answer != question.correct:
                self.add_error(name, f"Question {number} is not right. {question.explanation}")
        return cleaned
