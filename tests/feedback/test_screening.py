"""Masking personal details in learners' comments (lms/feedback/screening.py): examples, and
properties over text Hypothesis makes up: whatever surrounds them, no email address and no
phone number ever survives, and a titled full name never does."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lms.feedback.screening import EMAIL, NAME, PHONE, POSTCODE, mask_personal_details

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
)


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
