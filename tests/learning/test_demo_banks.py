"""The demo question banks cannot be passed by guessing from the shape of the choices.

An independent review found the longest choice was right in 51 of 59 single-answer questions
and "False" right in 19 of 27 true/false ones, so "pick the longest, say False" passed two
modules. These tests hold the banks to fair shares, without a database.

The rule, for each module's single- and multiple-answer questions: a question "gives itself
away" when its longest choice is correct (on a tie, it counts the share of the tied that are). By chance that
happens on (correct choices / choices) of a question, so the fair share of a bank is the sum
of those fractions. A module may exceed its fair share by at most LONGEST_TOLERANCE
questions; all modules together by at most OVERALL_TOLERANCE of their questions. The same
holds for the shortest choice, so that "never pick the longest" is no better.
"""

import random
from statistics import mean

import pytest

from content.demo.load import demo_modules
from lms.learning.demo import DEMO_PASS_MARK, DEMO_QUESTIONS_PER_ATTEMPT

LONGEST_TOLERANCE = 2  # questions per module above the fair share
OVERALL_TOLERANCE = 0.05  # share of all questions above the overall fair share
POSITION_TOLERANCE = 0.15  # above 1/choices, for where authors put the right answer
MODULES = demo_modules()
SECTORS = ["health", "housing", "education", "police", "social-care", "employers", "community", "specialist"]


def flat(questions):
    for item in questions:
        if item["type"] == "scenario":
            yield from item["questions"]
        else:
            yield item


def choice_questions(module):
    return [q for q in flat(module["questions"]) if q["type"] in ("single", "multiple")]


def true_false_questions(module):
    return [q for q in flat(module["questions"]) if q["type"] == "true_false"]


def right_answer(question) -> str:
    return next(c["text"] for c in question["choices"] if c["correct"])


def extreme_is_correct(question, pick) -> float:
    """Whether the longest (or shortest) choice is correct; on a tie, the share of the tied that are."""
    lengths = [len(c["text"]) for c in question["choices"]]
    tied = [c for c, length in zip(question["choices"], lengths, strict=True) if length == pick(lengths)]
    return sum(c["correct"] for c in tied) / len(tied)


def fair_share(questions) -> float:
    return sum(sum(c["correct"] for c in q["choices"]) / len(q["choices"]) for q in questions)


def longest_counts(module):
    questions = choice_questions(module)
    return sum(extreme_is_correct(q, max) for q in questions), fair_share(questions), len(questions)


def score_by_rule(question, rule) -> float:
    """The chance that answering by `rule` alone gets this question right (ties split evenly)."""
    choices = question["choices"]
    if question["type"] == "true_false":
        if rule == "always_true":
            return float(right_answer(question) == "True")
        if rule == "always_false":
            return float(right_answer(question) == "False")
    lengths = [len(c["text"]) for c in choices]
    target = max(lengths) if rule in ("longest", "always_true", "always_false") else min(lengths)
    picks = [c for c, length in zip(choices, lengths, strict=True) if length == target]
    wanted = {c["text"] for c in choices if c["correct"]}
    return sum({c["text"]} == wanted for c in picks) / len(picks)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_the_longest_choice_is_correct_no_more_often_than_chance(module):
    observed, fair, count = longest_counts(module)
    assert observed <= fair + LONGEST_TOLERANCE, (
        f"the longest choice is correct in {observed} of {count} questions; fair share {fair:.1f}"
    )


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_the_shortest_choice_is_correct_no_more_often_than_chance(module):
    questions = choice_questions(module)
    observed, fair = sum(extreme_is_correct(q, min) for q in questions), fair_share(questions)
    assert observed <= fair + LONGEST_TOLERANCE, f"shortest correct in {observed}; fair share {fair:.1f}"


def test_across_all_banks_the_longest_choice_is_correct_about_its_fair_share():
    totals = [longest_counts(module) for module in MODULES]
    observed, fair, count = (sum(column) for column in zip(*totals, strict=True))
    assert observed <= fair + OVERALL_TOLERANCE * count, f"{observed} of {count}; fair share {fair:.1f}"
    # Nor so rarely that "never pick the longest" becomes a rule.
    assert observed >= fair / 2, f"{observed} of {count}; fair share {fair:.1f}"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_true_false_answers_are_balanced(module):
    answers = [right_answer(q) for q in true_false_questions(module)]
    assert abs(answers.count("True") - answers.count("False")) <= 1, answers


def test_true_false_answers_are_balanced_overall():
    answers = [right_answer(q) for module in MODULES for q in true_false_questions(module)]
    assert abs(answers.count("True") - answers.count("False")) <= 2, answers


def test_where_authors_put_the_right_answer_is_not_a_pattern():
    by_position = {}
    questions = [q for module in MODULES for q in choice_questions(module) if q["type"] == "single"]
    for question in questions:
        position = next(i for i, c in enumerate(question["choices"]) if c["correct"])
        by_position[position] = by_position.get(position, 0) + 1
    choices = round(mean(len(q["choices"]) for q in questions))
    assert max(by_position.values()) <= (1 / choices + POSITION_TOLERANCE) * len(questions), by_position


@pytest.mark.parametrize("rule", ["longest", "shortest", "always_true", "always_false"])
@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_answering_by_a_guessing_rule_does_not_pass(module, rule):
    """"longest" answers True/False by the longer word ("False"); "always_*" picks the longest
    choice elsewhere. Neither the bank's average nor one attempt in twenty may reach the pass mark."""
    scores = [score_by_rule(q, rule) for q in flat(module["questions"])]
    assert 100 * mean(scores) < DEMO_PASS_MARK
    rng = random.Random(module["slug"])
    draws = [mean(rng.sample(scores, DEMO_QUESTIONS_PER_ATTEMPT)) for _ in range(2000)]
    pass_rate = sum(100 * score >= DEMO_PASS_MARK for score in draws) / len(draws)
    assert pass_rate < 0.05, f"{rule} passes {pass_rate:.0%} of attempts"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_a_retake_after_a_failed_attempt_can_be_all_new_questions(module):
    assert len(list(flat(module["questions"]))) >= 2 * DEMO_QUESTIONS_PER_ATTEMPT


@pytest.mark.parametrize("sector", [None, *SECTORS])
@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_for_every_learner_a_retake_is_at_least_half_new_questions(module, sector):
    """Sector questions are shown only to their sectors, so each learner draws from less than the bank."""
    drawable = [q for q in flat(module["questions"]) if not q.get("sectors") or sector in q["sectors"]]
    assert len(drawable) >= 1.5 * DEMO_QUESTIONS_PER_ATTEMPT


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m["slug"])
def test_every_question_names_a_lesson_of_its_module(module):
    lessons = {lesson["slug"] for lesson in module["lessons"]}
    for question in flat(module["questions"]):
        assert question.get("lesson") in lessons, question["text"]


def test_no_question_repeats_the_instruction_the_page_gives():
    # The attempt page says "Select all that apply." or "Select one answer." under each question.
    repeated = [
        q["text"] for module in MODULES for q in flat(module["questions"])
        if "select all" in q["text"].lower() or "select one" in q["text"].lower()
    ]
    assert repeated == []
