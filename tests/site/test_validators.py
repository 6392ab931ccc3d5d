"""The shared check on text people type: characters that print as nothing are refused."""

import pytest
from django import forms

from lms.site.validators import printable_text


@pytest.mark.parametrize("text", ["Ann\u202eEvil", "zero\u200bwidth", "\x07bell", "private\ue000", "lone\ud800half"])
def test_invisible_control_private_and_half_characters_are_refused(text):
    with pytest.raises(forms.ValidationError):
        printable_text(text)


@pytest.mark.parametrize("text", ["Zoë Brontë", "می\u200cخواهم", "👩\u200d💻 and more", "O’Neill-Smith"])
def test_letters_of_any_script_and_the_joiners_their_spelling_needs_pass(text):
    assert printable_text(text) is None
