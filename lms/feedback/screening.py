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

Before any of that the text is normalised (NFKC, so full-width digits and letters count as
plain ones), and format characters (zero-width spaces, direction overrides: Unicode category Cf)
are taken out, so "07\u200b700…" is a run of digits like any other. Beyond capitalised words,
these are masked as names too, in any case: a title's following word ("mrs patel", "DR KHAN");
the words after "my client", "my colleague", "my neighbour" and the like ("my client jane smith");
a word in capitals that is not a known acronym ("KHAN said"); a capitalised word starting a
sentence when a verb of speech or action follows ("Sarah told me"). Five or more digits spelt out
("oh seven seven zero zero…") are masked as a phone number.

It is deliberately cautious: when a word might be a name it is masked. The moderator sees the
masked text and decides; the original stays with administrators only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

EMAIL = "[email removed]"
PHONE = "[phone removed]"
NAME = "[name removed]"
LINK = "[link removed]"
POSTCODE = "[postcode removed]"

_AT = "@＠﹫"
_EMAIL_TOKEN = re.compile(rf"[^\s()<>\[\],;\"]*[{_AT}][^\s()<>\[\],;\"]*")
_SPELT_EMAIL = re.compile(
    # A bare dot joins a domain's parts only with no space after it: "at home. I asked" is a
    # sentence, not an address.
    r"[\w.+-]+\s*(?:[\[(]\s*at\s*[\])]|\s+at\s+)\s*[\w-]+(?:(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.(?=[\w-]))[\w-]+)+",
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


# Titles whose following word is a name whatever its case ("mrs patel"); the longer titles
# ("sister", "father") are ordinary words when written in lower case.
ANY_CASE_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
# "my client jane", "our neighbour Ahmed": the words after these name a person.
RELATIONS = {
    "client", "clients", "colleague", "neighbour", "neighbor", "friend", "son", "daughter", "partner",
    "husband", "wife", "ex", "ex-partner", "ex-husband", "ex-wife", "boyfriend", "girlfriend", "sister",
    "brother", "mother", "father", "mum", "dad", "niece", "nephew", "cousin", "aunt", "uncle", "manager",
    "student", "pupil", "patient", "tenant", "customer", "service user",
}
POSSESSIVES = {"my", "our", "her", "his", "their", "your", "a"}
# A verb of speech or action after a sentence's first word makes that word somebody's name.
NAMING_VERBS = {
    "told", "tells", "said", "says", "called", "calls", "asked", "asks", "rang", "rings", "phoned", "texted",
    "emailed", "messaged", "wrote", "writes", "explained", "mentioned", "disclosed", "reported", "shared",
    "admitted", "replied", "shouted", "screamed", "cried", "hit", "threatened", "left", "went", "came",
    "lives", "lived", "works", "worked", "moved", "married", "died", "was", "is", "has", "had",
}
# Ordinary words that never follow a title or a relation as a name ("my client was", "miss the").
# Words that often own something at the start of a sentence ("Everyone's examples", "Monday's
# session"): with 's there, a word not of the language or the site is taken for a name.
OWNING_WORDS = {
    "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "no-one", "one", "other",
    "today", "yesterday", "tomorrow", "tonight", "week", "month", "year", "last", "next", "this",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "team", "people", "women", "men", "children", "girls", "boys", "society",
    "council", "county", "government", "police", "school", "employer", "organisation", "service",
}
NOT_NAMES = {
    "was", "is", "are", "were", "be", "been", "being", "am", "had", "has", "have", "did", "does", "do", "done",
    "will", "would", "could", "should", "can", "can't", "cannot", "might", "must", "shall", "won't", "don't",
    "didn't", "doesn't", "wasn't", "isn't", "hasn't", "hadn't", "about", "into", "out", "up", "down", "over",
    "again", "just", "only", "still", "now", "too", "who", "whom", "whose", "felt", "thought", "found",
    "wanted", "needed", "used", "tried", "got", "made", "knew", "know", "said", "told", "asked", "called",
    "not", "never", "always", "often", "recently", "later", "earlier", "today", "yesterday", "once", "twice",
    "off", "away", "back", "having", "getting", "going", "there", "here", "one", "two",
    # What a partner or client does, as people describe abuse ("her partner checks her phone").
    "checks", "checked", "checking", "kept", "keeps", "controls", "controlled", "controlling", "monitors",
    "monitored", "tracks", "tracked", "follows", "followed", "watches", "watched", "takes", "took", "gives",
    "gave", "sends", "sent", "wants", "needs", "uses", "gets", "goes", "comes", "stays", "stayed", "refuses",
    "refused", "stops", "stopped", "starts", "started", "began", "became", "turned", "shows", "showed",
    "seems", "seemed", "isolates", "isolated", "belittles", "belittled", "accuses", "accused", "blames",
    "blamed", "hurts", "pushed", "grabbed", "harassed", "stalks", "stalked", "reads", "and", "or", "but",
    "then", "also", "from", "with", "at", "on", "in", "by",
} | NAMING_VERBS
# Words in capitals that are not names: acronyms of the field and of everyday life.
ACRONYMS = {
    "nhs", "gp", "gps", "uk", "marac", "mash", "idva", "idvas", "isva", "isvas", "dash", "dhr", "dhrs", "fgm",
    "vawg", "vaw", "dv", "da", "sv", "dvds", "dvpn", "dvpo", "cps", "sarc", "pcso", "dsl", "dsls", "pshe", "rse",
    "cse", "cce", "send", "dbs", "camhs", "hr", "cpd", "pdf", "faq", "faqs", "bsl", "esol", "mp", "ceo", "ok",
    "tv", "it", "pe", "re", "lgbt", "lgbtq", "lgbtqia", "bame", "asb", "ico", "gdpr", "nspcc", "rspca", "ppe",
    "sms", "url", "id", "asap", "fyi", "tbc", "n/a", "am", "pm", "bbc", "itv", "dwp", "hmrc", "nhs111", "ae",
    "aande", "icb", "la", "las", "hcc", "cic", "ngo", "cpr", "adhd", "asd", "ptsd", "uk's", "eu", "usa", "fe",
    "he", "ks", "ks1", "ks2", "ks3", "ks4", "gcse", "gcses", "btec", "vat", "q&a", "qa", "ai",
}

_DIGIT_WORDS = {
    "zero": 1, "oh": 1, "o": 1, "nought": 1, "nil": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1,
    "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 1, "triple": 2, "treble": 2,
}
_NUMBER_TOKEN = r"(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + r"|\d+)"
_SPELT_NUMBER = re.compile(
    rf"(?<!\w){_NUMBER_TOKEN}(?:[\s,\-‐‑–—.()/]+{_NUMBER_TOKEN})+(?!\w)", re.IGNORECASE,
)
SPELT_NUMBER_MIN_WORDS = 5

_JOINERS = {"\u200c", "\u200d"}


def normalise(text: str) -> str:
    """NFKC, without format characters (zero-width spaces, direction overrides): what the
    masking reads, so that an invisible character cannot split a number or a name from view."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _mask_spelt_numbers(text: str) -> str:
    """Five or more digits spelt out ("oh seven seven zero zero …"), alone or among figures."""

    def replace(match: re.Match) -> str:
        tokens = re.findall(_NUMBER_TOKEN, match.group(0), re.IGNORECASE)
        spelt = [t for t in tokens if not t.isdigit()]
        digits = sum(_DIGIT_WORDS.get(t.lower(), 0) for t in spelt) + sum(len(t) for t in tokens if t.isdigit())
        if spelt and (len(spelt) >= SPELT_NUMBER_MIN_WORDS or digits >= PHONE_MIN_DIGITS):
            return PHONE
        return match.group(0)

    return _SPELT_NUMBER.sub(replace, text)


def _is_capitalised(word: str) -> bool:
    """Starts with a capital and is not in capitals throughout: "Jane", "O'Brien", "Łucja"."""
    letters = [ch for ch in word if ch.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _in_capitals(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n•*-–—>"


def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def _is_known(lowered: str) -> bool:
    """A word of the language or of the site, never a name."""
    return (
        lowered in COMMON_WORDS or lowered in DOMAIN_WORDS or lowered.rstrip("s'") in DOMAIN_WORDS
        or lowered in TITLES or lowered in NOT_NAMES
    )


def _mask_names(text: str, protected: re.Pattern | None) -> str:
    kept_spans = [m.span() for m in protected.finditer(text)] if protected else []

    def is_kept(word: re.Match) -> bool:
        start, end = word.span()
        return any(s <= start and end <= e for s, e in kept_spans)

    def shouted(word: re.Match) -> bool:
        """In capitals, and not an acronym nor a word of the language or the site ("KHAN", not "NHS")."""
        lowered = _lower(word.group(0))
        return _in_capitals(word.group(0)) and lowered not in ACRONYMS and not _is_known(lowered) and not is_kept(word)

    def name_like(word: re.Match) -> bool:
        """Could be a name in any case: "jane", "Jane", "JANE"; not "was", "the" or "NHS"."""
        value, lowered = word.group(0), _lower(word.group(0))
        known = _is_known(lowered) or lowered in ACRONYMS or lowered in RELATIONS
        return len(value) >= 2 and not known and not is_kept(word)

    words = list(_WORD.finditer(text))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        word = words[index]
        value = word.group(0)
        lowered = _lower(value)
        # A title and the words of a name after it: "Mrs Jane Smith", "Dr. Patel", "mrs patel".
        any_case = lowered in ANY_CASE_TITLES
        if lowered in TITLES and (value[0].isupper() or any_case) and not is_kept(word):
            run, following = [], index + 1
            while following < len(words):
                after = words[following]
                if not _joined(text, (run[-1] if run else word).end(), after.start(),
                               allow_dot=not run or len(run[-1].group(0)) == 1):
                    break
                capitalised = _is_capitalised(after.group(0)) or shouted(after)
                # In lower case, a first name and a surname at most ("mrs jane smith said").
                if not (capitalised or (any_case and len(run) < 2 and name_like(after))):
                    break
                run.append(after)
                following += 1
            if run:
                spans.append((word.start(), run[-1].end()))
                index = following
                continue
        # "my client jane smith", "our neighbour Ahmed": the name-like words after a relation.
        if lowered in RELATIONS and index and _lower(words[index - 1].group(0)) in POSSESSIVES:
            run, following = [], index + 1
            while following < len(words) and len(run) < 3 and _joined(
                text, (run[-1] if run else word).end(), words[following].start(), allow_dot=bool(run),
            ) and name_like(words[following]):
                run.append(words[following])
                following += 1
            if run:
                spans.append((run[0].start(), run[-1].end()))
                index = following
                continue
        if shouted(word):
            spans.append(word.span())
            index += 1
            continue
        if not _is_candidate(word, lowered, is_kept):
            index += 1
            continue
        run = [word]
        following = index + 1
        while following < len(words):
            after = words[following]
            joined = _joined(text, run[-1].end(), after.start(), allow_dot=len(run[-1].group(0)) == 1)
            if not joined or not (_is_candidate(after, _lower(after.group(0)), is_kept) or shouted(after)):
                break
            run.append(after)
            following += 1
        # A capitalised word alone at a sentence's start is usually just that ("Overall", "Great"),
        # unless a verb of speech or action follows it ("Sarah told me") or it owns what
        # follows ("Ahmed's sister called": no word of the language or the site takes 's there).
        naming_verb = following < len(words) and _joined(text, run[-1].end(), words[following].start()) and (
            _lower(words[following].group(0)) in NAMING_VERBS
        )
        owner = _lower(run[-1].group(0)).removesuffix("'s")
        possessive = owner != _lower(run[-1].group(0)) and not (_is_known(owner) or owner in OWNING_WORDS)
        if len(run) >= 2 or naming_verb or possessive or not _starts_sentence(text, word.start()):
            spans.append((run[0].start(), run[-1].end()))
        index = following
    return _replace_spans(text, spans, NAME)


def _replace_spans(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """`text` with each span replaced; spans with only a space between become one replacement."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and text[merged[-1][1]:start] in ("", " "):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + replacement + text[end:]
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
    return not is_kept(word)


def mask_personal_details(
    text: str, *, allowed_phrases: Iterable[str] = (), allowed_numbers: Iterable[str] = (),
) -> str:
    """`text`, normalised (see `normalise`), with emails, links, phone numbers (in figures or
    spelt out), postcodes and likely names replaced.

    `allowed_phrases` adds to the site's vocabulary (module and lesson titles, support
    services): never masked as names. `allowed_numbers` are phone numbers the site publishes
    (its support services'), kept as they are.
    """
    text = normalise(text)
    text = _LINK.sub(LINK, text)
    text = _EMAIL_TOKEN.sub(EMAIL, text)
    text = _SPELT_EMAIL.sub(EMAIL, text)
    text = _mask_spelt_numbers(text)
    text = _mask_phones(text, {_digits(n) for n in allowed_numbers if len(_digits(n)) >= PHONE_MIN_DIGITS})
    text = _POSTCODE.sub(POSTCODE, text)
    allowed = [normalise(p) for p in allowed_phrases if p]
    return _mask_names(text, _phrase_pattern([*DOMAIN_PHRASES, *allowed]))
