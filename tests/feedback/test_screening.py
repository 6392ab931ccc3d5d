"""Masking personal details in learners' comments (lms/feedback/screening.py): examples, and
properties over text Hypothesis makes up: whatever surrounds them, no email address and no
phone number ever survives, and a titled full name never does."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lms.feedback.screening import EMAIL, NAME, NOT_NAMES, PHONE, POSTCODE, mask_personal_details

PROPERTIES = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=120)
# A phone-like run: seven or more digits with the separators people type between them.
PHONE_LIKE = re.compile(r"\d(?:[\s\-‐‑–—.()/+]*\d){6,}")


@pytest.mark.parametrize("text, expected", [
    ("Email me at jane.smith@example.com please", f"Email me at {EMAIL} please"),
    ("write to (jo.bloggs+vawg@council.gov.uk).", f"write to ({EMAIL})."),
    ("jo (at) example dot org", EMAIL),
    ("Her number is 07700 900123.", f"Her number is {PHONE}."),
    ("ring +44 (0)20 7946 0000 today", f"ring {PHONE} today"),
    ("or 01923-123-456 or 0207.946.0000", f"or {PHONE} or {PHONE}"),
    ("She lives near WD17 1AA now", f"She lives near {POSTCODE} now"),
    ("I spoke to Mrs Patel and Dr. A. Khan", f"I spoke to {NAME} and {NAME}"),
    ("My client Łucja Nowak-O'Brien was there", f"My client {NAME} was there"),
    ("the case of Ayşe was hard", f"the case of {NAME} was hard"),
    ("Jane Smith told me it helped.", f"{NAME} told me it helped."),
])
def test_personal_details_are_masked(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize("text", [
    "The lesson on Coercive Control was clear.",
    "Women's Aid and the National Domestic Abuse Helpline were useful.",
    "We refer to MARAC and the IDVA in St Albans, Welwyn Hatfield and Three Rivers.",
    "Domestic Abuse is everywhere. More on FGM and Forced Marriage please.",
    "Overall a good module. I would add more examples.",
    "On Monday in January the NHS and the GP practice in Watford used it.",
])
def test_the_sites_own_words_are_left_alone(text):
    assert mask_personal_details(text) == text


def test_numbers_and_names_the_site_publishes_are_kept():
    text = "Call the Herts Sunrise Line on 0808 2000 247, as the lesson says."
    assert mask_personal_details(text) == f"Call the Herts {NAME} on {PHONE}, as the lesson says."
    assert mask_personal_details(
        text, allowed_phrases=["Herts Sunrise Line"], allowed_numbers=["0808 2000 247"],
    ) == text


def test_a_short_number_is_not_a_phone_number():
    assert mask_personal_details("Lesson 3 took 20 minutes in 2026.") == "Lesson 3 took 20 minutes in 2026."


uk_phone = st.builds(
    lambda lead, groups, sep: lead + sep.join(groups),
    st.sampled_from(["07", "01", "02", "+44 7", "+44 (0)1", "+447", "(01", "0044 20"]),
    st.lists(st.text("0123456789", min_size=3, max_size=4), min_size=2, max_size=3),
    st.sampled_from([" ", "-", "", ".", " - ", "\u00a0"]),
).filter(lambda number: sum(ch.isdigit() for ch in number) >= 10)


@PROPERTIES
@given(before=TEXT, email=st.emails(), after=TEXT)
@example(before="Contact ", email="a.b@c.de", after=" now")
def test_no_email_address_survives_whatever_surrounds_it(before, email, after):
    masked = mask_personal_details(f"{before} {email} {after}")
    assert "@" not in masked
    assert email not in masked


@PROPERTIES
@given(before=TEXT, phone=uk_phone, after=TEXT)
@example(before="call", phone="07700 900123", after="")
def test_no_phone_number_survives_whatever_surrounds_it(before, phone, after):
    masked = mask_personal_details(f"{before} {phone} {after}")
    assert PHONE_LIKE.search(masked) is None, masked


@PROPERTIES
@given(text=TEXT)
def test_no_run_of_seven_digits_survives_any_text(text):
    assert PHONE_LIKE.search(mask_personal_details(text)) is None


name_word = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("BCDFGHJKLMNPRSTVWZŁŻÇ"), st.text("aeiouyrnlmkt", min_size=3, max_size=8),
).filter(lambda word: word.lower() not in NOT_NAMES)  # "Took", "Been": words the masking rightly keeps


@PROPERTIES
@given(title=st.sampled_from(["Mr", "Mrs", "Ms", "Miss", "Dr", "Dr."]), first=name_word, last=name_word,
       before=st.text("abcdefghij ,;", max_size=40), after=st.text("abcdefghij ,;.", max_size=40))
def test_a_titled_full_name_never_survives(title, first, last, before, after):
    masked = mask_personal_details(f"{before} {title} {first} {last} {after}")
    assert first not in masked and last not in masked
    assert NAME in masked


@PROPERTIES
@given(first=name_word, last=name_word, before=st.text("abcdefghij ,;", min_size=1, max_size=40))
def test_two_capitalised_words_inside_a_sentence_are_masked(first, last, before):
    masked = mask_personal_details(f"we saw{before} {first} {last} again")
    assert first not in masked and last not in masked


# Ways round the masking that reviewers found, each of which reached the moderator unmasked.


@pytest.mark.parametrize("text, expected", [
    ("Sarah told me it helped.", f"{NAME} told me it helped."),
    ("It was hard. Amira said she felt safer.", f"It was hard. {NAME} said she felt safer."),
    ("my client jane smith was there", f"my client {NAME} was there"),
    ("I met our neighbour ahmed yesterday", f"I met our neighbour {NAME} yesterday"),
    ("I spoke to mrs patel about it", f"I spoke to {NAME} about it"),
    ("then MRS PATEL rang", f"then {NAME} rang"),
    ("KHAN said it was fine", f"{NAME} said it was fine"),
    ("we saw JANE SMITH again", f"we saw {NAME} again"),
    ("call 07\u200b700\u200b900\u200b123", f"call {PHONE}"),
    ("ring ０７７００ ９００１２３ now", f"ring {PHONE} now"),
    ("near WD17\u200b1AA now", f"near {POSTCODE} now"),
    ("she is on oh seven seven zero zero nine zero zero one two three", f"she is on {PHONE}"),
    ("dial zero seven double seven, nine oh", f"dial {PHONE}"),
    ("Ja\u200bne Sm\u2066ith came", f"{NAME} came"),
    # A name owning what follows it at the start of a sentence, with either apostrophe.
    ("Ahmed\u2019s sister called the helpline.", f"{NAME} sister called the helpline."),
    ("It helped. Jo's partner kept her phone.", f"It helped. {NAME} partner kept her phone."),
])
def test_the_ways_round_the_masking_that_reviewers_found_are_closed(text, expected):
    assert mask_personal_details(text) == expected


@pytest.mark.parametrize("text", [
    "The section on coercive control was clear. More examples for schools please.",
    "This was VERY useful, THANK YOU. The NHS and GP examples were good.",
    "I miss the old version. My colleague thought it was good.",
    "My friend from work said it helped. One or two more examples would help.",
    "Lesson 3 took 20 minutes. The quiz had five questions.",
    "Great lesson. Clear and useful for my team.",
    # Found in review: a sentence ending after "at home" was taken for "name at domain dot org",
    # and what a partner does for the partner's name.
    "She was controlled at home. I asked about it.",
    "Her partner checks her phone and my client's ex-partner kept her bank card.",
    "Today's session was clear. Everyone's examples helped. The module's quiz was fair.",
])
def test_ordinary_feedback_survives_unmasked(text):
    assert mask_personal_details(text) == text


ORDINARY = st.sampled_from([
    "The section on coercive control was clear.", "More examples for schools please.",
    "This was very useful.", "I would add more on stalking.", "The quiz was too short.",
    "Overall a good module.", "Thank you.", "The video did not play on my phone.",
    "Please add more on tech-facilitated abuse.", "It took about 20 minutes.",
])


@PROPERTIES
@given(sentences=st.lists(ORDINARY, min_size=1, max_size=5))
def test_ordinary_sentences_survive_unmasked_in_any_order(sentences):
    text = " ".join(sentences)
    assert mask_personal_details(text) == text


# Characters that print as nothing, anywhere inside a number or a name.
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\u2066", "\u202e", "\ufeff", "\u00ad"])


@PROPERTIES
@given(phone=uk_phone, invisible=st.lists(INVISIBLE, min_size=1, max_size=12), data=st.data())
def test_no_phone_number_survives_with_invisible_characters_inside(phone, invisible, data):
    characters = list(phone)
    for character in invisible:
        characters.insert(data.draw(st.integers(0, len(characters))), character)
    masked = mask_personal_details(f"call {''.join(characters)} today")
    visible = "".join(ch for ch in masked if unicodedata.category(ch) != "Cf")
    assert PHONE_LIKE.search(visible) is None, masked


SPELT = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@PROPERTIES
@given(words=st.lists(st.sampled_from(SPELT + [w.upper() for w in SPELT] + [w.title() for w in SPELT]),
                      min_size=5, max_size=11),
       separator=st.sampled_from([" ", ", ", "-", " - "]), before=st.text("abcdefghij ,;", max_size=30))
def test_five_or_more_digits_spelt_out_never_survive(words, separator, before):
    masked = mask_personal_details(f"{before} {separator.join(words)} thanks")
    assert PHONE in masked
    assert separator.join(words) not in masked


@PROPERTIES
@given(title=st.sampled_from(["mr", "mrs", "ms", "miss", "dr", "mx", "MRS", "Dr", "DR."]),
       first=name_word, last=name_word, case=st.sampled_from([str.lower, str.upper, str.title]),
       before=st.text("abcdefghij ,;", max_size=40), after=st.text("abcdefghij ,;.", max_size=40))
def test_a_titled_name_in_any_case_never_survives(title, first, last, case, before, after):
    first, last = case(first), case(last)
    masked = mask_personal_details(f"{before} {title} {first} {last} {after}")
    assert first not in masked and last not in masked
    assert NAME in masked


@PROPERTIES
@given(relation=st.sampled_from(["client", "colleague", "neighbour", "friend", "son", "daughter", "partner",
                                 "husband", "wife"]),
       first=name_word, last=name_word, case=st.sampled_from([str.lower, str.upper, str.title]),
       before=st.text("abcdefghij ,;", max_size=40))
def test_a_name_after_my_client_or_my_colleague_never_survives(relation, first, last, case, before):
    first, last = case(first), case(last)
    masked = mask_personal_details(f"{before} my {relation} {first} {last} was there")
    assert first not in masked and last not in masked
    assert masked.endswith(f"my {relation} {NAME} was there")


@PROPERTIES
@given(name=name_word, verb=st.sampled_from(["told", "said", "called", "asked", "rang", "explained"]),
       before=st.sampled_from(["", "It was hard. ", "Then! ", "“"]))
def test_a_name_starting_a_sentence_before_a_verb_never_survives(name, verb, before):
    masked = mask_personal_details(f"{before}{name} {verb} me about it.")
    assert name not in masked and NAME in masked
