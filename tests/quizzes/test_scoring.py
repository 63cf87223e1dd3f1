"""Scoring of every question type, the partial-credit rule and branching endings."""

import pytest

from lineup.extensions import db
from quizzes.scoring import InvalidAnswer, multiple_choice_score, score_choice, walk

from .conftest import branching, multiple, single


def ids(question):
    return [o.id for o in question.top_options]


def test_single_choice_right_and_wrong(app):
    q = single()
    right, wrong, _ = ids(q)
    assert score_choice(q, [right]) == 1.0
    assert score_choice(q, [wrong]) == 0.0


def test_true_false_and_scenario_score_like_single(app):
    for kind, n in (("truefalse", 2), ("scenario", 3)):
        q = single(kind=kind, n=n, correct=1)
        assert score_choice(q, [ids(q)[1]]) == 1.0
        assert score_choice(q, [ids(q)[0]]) == 0.0


def test_single_choice_refuses_two_options_and_foreign_ids(app):
    q, other = single(), single("Another")
    with pytest.raises(InvalidAnswer):
        score_choice(q, ids(q)[:2])
    with pytest.raises(InvalidAnswer):
        score_choice(q, [ids(other)[0]])
    with pytest.raises(InvalidAnswer):
        score_choice(q, [])


@pytest.mark.parametrize(("chosen", "expected"), [
    ([0, 1], 1.0),       # all correct, nothing wrong
    ([0], 0.5),          # half the correct ones
    ([0, 2], 0.0),       # one right cancels one wrong
    ([0, 1, 2], 0.5),    # two right minus one wrong, out of two
    ([0, 1, 2, 3], 0.0),  # ticking everything earns nothing
    ([2, 3], 0.0),       # never below zero
])
def test_multiple_choice_partial_credit_rule(app, chosen, expected):
    q = multiple(correct=(0, 1), n=4)
    assert score_choice(q, [ids(q)[i] for i in chosen]) == pytest.approx(expected)


def test_multiple_choice_rule_with_three_correct():
    assert multiple_choice_score({1, 2, 3}, [1, 2]) == pytest.approx(2 / 3)
    assert multiple_choice_score({1, 2, 3}, [1, 9]) == 0.0


def test_branching_paths_reach_their_endings(app):
    q = branching()
    db.session.flush()
    start = [o for o in q.options if o.step_id == q.steps[0].id]
    second = [o for o in q.options if o.step_id == q.steps[1].id]
    step, _ = walk(q, [start[0].id, second[0].id])
    assert step.is_ending and step.score == 100
    step, _ = walk(q, [start[0].id, second[1].id])
    assert step.score == 40
    step, taken = walk(q, [start[1].id])
    assert step.score == 0 and [o.id for o in taken] == [start[1].id]


def test_branching_refuses_a_choice_from_another_step(app):
    q = branching()
    second = [o for o in q.options if o.step_id == q.steps[1].id]
    with pytest.raises(InvalidAnswer):
        walk(q, [second[0].id])
