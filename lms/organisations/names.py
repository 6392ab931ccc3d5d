"""People's and organisations' names compared and written without their accents.

Coordinators type "lucja" and expect to find "Łucja"; a zip of certificates must name
"Łucja Nguyễn"'s file "Lucja-Nguyen", not "ucja-nguy-n". Both databases lower and compare
text differently (SQLite's lower() leaves non-ASCII letters alone), so the comparison is made on
a folded copy computed here, in Python, and stored beside the name.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "ẞ": "SS", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
    "Ŋ": "Ng", "ŋ": "ng", "ſ": "s", "’": "'", "‘": "'",
})


def transliterate(text: str) -> str:
    """`text` with accents and marks removed and special Latin letters spelled out
    ("Łucja Nguyễn" → "Lucja Nguyen", "Søren Straße" → "Soren Strasse"). Letters of other
    scripts are kept as they are, never dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """The form names are compared in: transliterated, case-folded, white space collapsed."""
    return re.sub(r"\s+", " ", transliterate(text or "").casefold()).strip()


def file_name_part(text: str, fallback: str = "unnamed") -> str:
    """`text` made safe as part of a file name, keeping it readable: "Łucja Nguyễn" →
    "Lucja-Nguyen". Letters and digits of any script stay; everything else becomes a hyphen."""
    words = re.sub(r"[^\w]+|_", "-", transliterate(text or "")).strip("-")
    return words[:80].strip("-") or fallback
