"""The relay form: a message to a champion, the address their reply should go to, and the
sender's confirmation that it names no one at risk."""

import unicodedata

from django import forms

MAX_MESSAGE = 2000
_LINE_BREAKS = {"\n", "\r", "\t"}


def readable_text(value: str) -> None:
    """Letters, numbers, punctuation and line breaks: no control characters that an email would
    carry as nothing, or as boxes."""
    joiners = {"\u200c", "\u200d"}
    if any(
        unicodedata.category(character) in ("Cc", "Cf", "Co", "Cn")
        and character not in _LINE_BREAKS and character not in joiners
        for character in value
    ):
        raise forms.ValidationError("Use letters, numbers, spaces and punctuation only")


class RelayForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        help_text="Say what you would like help with, and how soon. The champion signposts and shares "
                  "what they know; they do not take on cases.",
        max_length=MAX_MESSAGE,
        strip=True,
        validators=[readable_text],
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter your message",
            "max_length": f"Your message must be {MAX_MESSAGE:,} characters or fewer",
        },
    )
    reply_to = forms.EmailField(
        label="Email address for the reply",
        help_text="The champion’s reply goes here. It can be your work address or another one you choose.",
        max_length=254,
        error_messages={
            "required": "Enter the email address the champion should reply to",
            "invalid": "Enter an email address in the right format, like name@example.org",
            "max_length": "The email address must be 254 characters or fewer",
        },
    )
    no_personal_details = forms.BooleanField(
        label="I have not included names or details of anyone at risk",
        help_text="Do not include names or details of anyone at risk. Describe the situation in general "
                  "terms: the champion can talk it through with you.",
        error_messages={"required": "Confirm that your message does not name or describe anyone at risk"},
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
