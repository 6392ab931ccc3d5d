"""Personal details taken out of a learner's comment before anyone but an administrator reads it.

Learners may describe a case they worked on. Before a moderator screens a comment (and long
before the panel reads it), `mask_personal_details` replaces:

- email addresses (anything with an @ in it, and "name (at) example dot org") with "[email removed]";
- links with "[link removed]" (a profile address can name a person);
- phone numbers (+44, 07…, 01…, 02…, with spaces, dashes, dots or brackets: any run of seven or
  more digits) with "[phone removed]", except numbers the site itself publishes (helplines);
- UK postcodes with "[postcode removed]";
- names that look like people's with "[name removed]": a title (Mr, Mrs, Ms, Miss, Dr…)
  and the capitalised words after it; two or more capitalised words in a row; a single
  capitalised word inside a sentence. Words of the site's own domain (Hertfordshire's places,
  the training's terms, helplines and services such as Women's Aid) are left alone, as are
  acronyms (NHS, MARAC) and a capitalised word that starts a sentence on its own.

It is deliberately cautious: when a word might be a name it is masked. The moderator sees the
masked text and decides; the original stays with administrators only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = "[email removed]"
PHONE = "[phone removed]"
NAME = "[name removed]"
LINK = "[link removed]"
POSTCODE = "[postcode removed]"

_AT = "@＠﹫"
_EMAIL_TOKEN = re.compile(rf"[^\s()<>\[\],;\"]*[{_AT}][^\s()<>\[\],;\"]*")
_SPELT_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:[\[(]\s*at\s*[\])]|\s+at\s+)\s*[\w-]+(?:\s*(?:[\[(]\s*dot\s*[\])]|\s+dot\s+|\.)\s*[\w-]+)+",
    re.IGNORECASE,
)
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# A run of digits with the separators people write numbers with.
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-‐‑–—.()/]*\d)*")
PHONE_MIN_DIGITS = 7
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)

# Words, with apostrophes and hyphens inside them ("O'Brien", "Nowak-O'Brien").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev", "revd",
    "pc", "dc", "ds", "di", "sgt", "cllr", "councillor", "nurse", "sister", "father", "aunty", "auntie", "uncle",
}

# Capitalised words that are not names: they start sentences, or name things rather than people.
COMMON_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "i", "i'm", "i've", "i'd", "i'll", "it", "it's", "its",
    "we", "they", "he", "she", "you", "my", "our", "your", "their", "his", "her", "me", "us", "them",
    "and", "but", "or", "so", "if", "when", "while", "because", "as", "at", "in", "on", "of", "for", "to",
    "with", "from", "by", "after", "before", "during", "then", "there", "here", "also", "some", "all",
    "any", "each", "every", "no", "not", "yes", "ok", "okay", "please", "thanks", "thank", "very",
    "really", "more", "most", "less", "much", "many", "what", "which", "who", "why", "how", "where",
    "overall", "however", "although", "maybe", "perhaps", "great", "good", "useful", "clear", "helpful",
    "dear", "hi", "hello", "note", "ps", "nb", "etc", "eg", "ie",
    # Days, months and the like.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "christmas", "easter", "ramadan", "eid", "diwali",
    # Nations, languages, faiths.
    "english", "british", "uk", "england", "wales", "scotland", "ireland", "welsh", "scottish", "irish",
    "european", "europe", "london", "polish", "romanian", "urdu", "punjabi", "bengali", "arabic", "turkish",
    "somali", "portuguese", "muslim", "christian", "jewish", "hindu", "sikh", "islam", "god",
    "lgbt", "lgbtq", "lgbtqia", "bame", "google", "teams", "zoom", "whatsapp", "facebook", "instagram",
}

# The site's own domain: Hertfordshire's places, the strategy's and the training's terms, and
# the services and helplines lessons name. Phrases are kept whole wherever they appear.
DOMAIN_PHRASES = (
    "Women's Aid", "Herts Women's Aid", "Refuge", "Rape Crisis", "Respect", "Galop", "Karma Nirvana",
    "Men's Advice Line", "National Domestic Abuse Helpline", "Samaritans", "Childline", "Citizens Advice",
    "Victim Support", "Safe Lives", "SafeLives", "White Ribbon", "White Ribbon UK", "Herts Sunflower",
    "Survivors Against Domestic Abuse", "Hourglass", "Stop It Now", "Crimestoppers", "Clare's Law",
    "Sarah's Law", "Domestic Violence Disclosure Scheme", "Domestic Abuse Act", "Serious Violence Duty",
    "Hertfordshire", "Herts", "Hertfordshire Constabulary", "Hertfordshire County Council", "Broxbourne",
    "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire", "St Albans", "Stevenage",
    "Three Rivers", "Watford", "Welwyn Hatfield", "Welwyn Garden City", "Hatfield", "Hemel Hempstead",
    "Hertford", "Hitchin", "Letchworth", "Letchworth Garden City", "Baldock", "Royston", "Bishop's Stortford",
    "Ware", "Cheshunt", "Hoddesdon", "Berkhamsted", "Tring", "Harpenden", "Borehamwood", "Bushey", "Potters Bar",
    "Rickmansworth", "Sawbridgeworth", "Buntingford", "Radlett", "Croxley Green", "Lister Hospital",
    "Watford General", "Violence Against Women and Girls", "VAWG", "Domestic Abuse", "Coercive Control",
    "Post-Separation Abuse", "Stalking", "Harassment", "Sexual Violence", "Female Genital Mutilation", "FGM",
    "Forced Marriage", "Honour-Based Abuse", "Exploitation", "Trafficking", "Tech-Facilitated Abuse",
    "Child-to-Parent Abuse", "Domestic Homicide Review", "Multi-Agency Risk Assessment Conference",
    "Independent Domestic Violence Advisor", "Independent Domestic Violence Adviser", "Duluth",
    "Power and Control Wheel", "Co-production Panel", "Survivor Panel", "NHS", "GP", "Police", "Social Care",
    "Children's Services", "Adult Social Care", "Early Help", "Probation", "Job Centre", "Jobcentre Plus",
)
DOMAIN_WORDS = {
    "abuse", "domestic", "violence", "women", "woman", "girls", "girl", "men", "boys", "coercive", "control",
    "safeguarding", "safeguard", "survivor", "survivors", "victim", "victims", "perpetrator", "perpetrators",
    "lesson", "lessons", "module", "modules", "quiz", "training", "course", "champion", "champions",
    "panel", "strategy", "partnership", "police", "health", "housing", "education", "social", "care",
    "services", "service", "team", "support", "helpline", "refuge", "council", "school", "schools",
    "hospital", "practice", "pharmacy", "employer", "workplace", "community", "faith", "sector", "district",
    "stalking", "harassment", "sexual", "exploitation", "trafficking", "honour", "marriage", "forced",
    "risk", "assessment", "referral", "multi-agency", "agency", "agencies", "marac", "mash", "idva", "isva",
    "dash", "dhr", "respect", "priority", "objective", "section", "part", "page", "video", "case",
    "scenario", "reflection", "key", "point", "points", "signpost", "signposting", "content", "warning",
    "certificate", "level", "awareness", "practitioner", "introduction", "summary", "conclusion",
}


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern | None:
    cleaned = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in cleaned) + r")(?!\w)", re.IGNORECASE)


def _mask_phones(text: str, allowed_numbers: set[str]) -> str:
    def replace(match: re.Match) -> str:
        run = match.group(0)
        digits = _digits(run)
        if len(digits) < PHONE_MIN_DIGITS or digits in allowed_numbers:
            return run
        return PHONE

    return _DIGIT_RUN.sub(replace, text)


def _is_capitalised(word: str) -> bool:
    """Starts with a capital and is not an acronym (NHS, MARAC): "Jane", "O'Brien", "Łucja"."""
    letters = [ch for ch in word if ch.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n•*-–—>"


def _mask_names(text: str, protected: re.Pattern | None) -> str:
    kept_spans = [m.span() for m in protected.finditer(text)] if protected else []

    def is_kept(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in kept_spans)

    words = list(_WORD.finditer(text))
    replacements: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        word = words[index]
        lowered = word.group(0).lower().replace("’", "'")
        # A title and the capitalised words after it: "Mrs Jane Smith", "Dr. Patel".
        if lowered in TITLES and word.group(0)[0].isupper():
            run, following = [], index + 1
            while following < len(words) and _is_capitalised(words[following].group(0)) and _joined(
                text, (run[-1] if run else word).end(), words[following].start(),
                allow_dot=not run or len(run[-1].group(0)) == 1,
            ):
                run.append(words[following])
                following += 1
            if run:
                replacements.append((word.start(), run[-1].end()))
                index = following
                continue
        if not _is_candidate(word, lowered, is_kept):
            index += 1
            continue
        run = [word]
        following = index + 1
        while following < len(words):
            after = words[following]
            after_lowered = after.group(0).lower().replace("’", "'")
            joined = _joined(text, run[-1].end(), after.start(), allow_dot=len(run[-1].group(0)) == 1)
            if not joined or not _is_candidate(after, after_lowered, is_kept):
                break
            run.append(after)
            following += 1
        if len(run) >= 2 or not _starts_sentence(text, word.start()):
            replacements.append((run[0].start(), run[-1].end()))
        index = following
    for start, end in reversed(replacements):
        text = text[:start] + NAME + text[end:]
    return text


def _joined(text: str, end: int, start: int, allow_dot: bool = False) -> bool:
    """Two words of one name: only a space (or an initial's dot) between them."""
    between = text[end:start]
    return between in (" ", "\u00a0") or (allow_dot and between in (". ", "."))


def _is_candidate(word: re.Match, lowered: str, is_kept) -> bool:
    value = word.group(0)
    if not _is_capitalised(value) or len(value) == 1 and value in "IA":
        return False
    if lowered in TITLES or lowered in COMMON_WORDS or lowered in DOMAIN_WORDS or lowered.rstrip("s'") in DOMAIN_WORDS:
        return False
    return not is_kept(word.start(), word.end())


def mask_personal_details(
    text: str, *, allowed_phrases: Iterable[str] = (), allowed_numbers: Iterable[str] = (),
) -> str:
    """`text` with emails, links, phone numbers, postcodes and likely names replaced.

    `allowed_phrases` adds to the site's vocabulary (module and lesson titles, support
    services): never masked as names. `allowed_numbers` are phone numbers the site publishes
    (its support services'), kept as they are.
    """
    text = _LINK.sub(LINK, text)
    text = _EMAIL_TOKEN.sub(EMAIL, text)
    text = _SPELT_EMAIL.sub(EMAIL, text)
    text = _mask_phones(text, {_digits(n) for n in allowed_numbers if len(_digits(n)) >= PHONE_MIN_DIGITS})
    text = _POSTCODE.sub(POSTCODE, text)
    return _mask_names(text, _phrase_pattern([*DOMAIN_PHRASES, *allowed_phrases]))
