"""Checks on text people type, shared by every form: names, printable characters, spreadsheet safety."""

import unicodedata

from django import forms

_NAME_PUNCTUATION = set(" '’‘-.")


# A spreadsheet treats a cell starting with these as a formula: exported names must not.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def reject_formula_start(value: str, message: str) -> str:
    if value.startswith(_FORMULA_STARTS):
        raise forms.ValidationError(message)
    return value


def validate_person_name(value: str) -> str:
    """Letters from any script, with spaces, apostrophes, hyphens and full stops between."""
    value = " ".join(value.split())
    if len(value) < 2:
        raise forms.ValidationError("Enter your full name.")
    for char in value:
        category = unicodedata.category(char)
        if not (category.startswith("L") or category.startswith("M") or char in _NAME_PUNCTUATION):
            raise forms.ValidationError(
                "Your name can only include letters, spaces, hyphens, apostrophes and full stops."
            )
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise forms.ValidationError("Enter your full name.")
    return value


def printable_text(value: str) -> None:
    """Refuse control and formatting characters: they print as nothing (or as boxes) on a
    certificate, and can make two names that look the same differ."""
    joiners = {"\u200c", "\u200d"}  # zero-width (non-)joiners are part of spelling in Persian and others
    # U+FFFD stands where the browser sent bytes that were not text (broken UTF-8): nothing to keep.
    if "\ufffd" in value or any(
        unicodedata.category(character) in ("Cc", "Cf", "Co", "Cn", "Cs") and character not in joiners
        for character in value
    ):
        raise forms.ValidationError("Use letters, numbers, spaces and punctuation only")
