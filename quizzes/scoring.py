"""Scoring rules, as plain functions over a question and the chosen option ids.

Every score is a fraction from 0 to 1.

- single choice, true/false, scenario: 1 when the chosen option is correct, else 0.
- multiple choice (the one partial-credit rule): each correct option ticked earns
  1/(number of correct options), each wrong option ticked costs the same amount, and the
  result never goes below 0. Ticking everything therefore earns nothing, and all correct
  with nothing wrong earns 1.
- branching scenario: the score of the ending reached (0-100 %), as a fraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .models import Kind, Option, Question, Step


class InvalidAnswer(ValueError):
    """The chosen options do not belong to the question (or break its shape)."""


def score_choice(question: Question, chosen: Iterable[int]) -> float:
    """Score a single/multiple/true-false/scenario answer; raise InvalidAnswer when tampered."""
    chosen_ids = list(dict.fromkeys(chosen))
    valid = {o.id for o in question.top_options}
    if not chosen_ids:
        raise InvalidAnswer("no option chosen")
    if not set(chosen_ids) <= valid:
        raise InvalidAnswer("option not in question")
    correct = question.correct_ids
    if question.kind_enum is Kind.MULTIPLE:
        return multiple_choice_score(correct, chosen_ids)
    if len(chosen_ids) != 1:
        raise InvalidAnswer("only one option may be chosen")
    return 1.0 if chosen_ids[0] in correct else 0.0


def multiple_choice_score(correct: set[int], chosen: Sequence[int]) -> float:
    """Partial credit for multiple choice: +1/k per right tick, -1/k per wrong tick, floor 0."""
    if not correct:
        return 0.0
    right = sum(1 for c in chosen if c in correct)
    wrong = sum(1 for c in chosen if c not in correct)
    return max(0.0, (right - wrong) / len(correct))


def start_step(question: Question) -> Step:
    """The first turn of a branching scenario."""
    return question.steps[0]


def next_step(question: Question, step: Step, option_id: int) -> Step:
    """Follow a choice in a branching scenario; InvalidAnswer when it is not offered at `step`."""
    option = next((o for o in question.options if o.id == option_id and o.step_id == step.id),
                  None)
    if option is None or option.next_step_id is None:
        raise InvalidAnswer("choice not offered at this step")
    return next(s for s in question.steps if s.id == option.next_step_id)


def walk(question: Question, path: Sequence[int]) -> tuple[Step, list[Option]]:
    """Replay a path of option ids from the start; return the step reached and the options."""
    step = start_step(question)
    taken: list[Option] = []
    by_id = {o.id: o for o in question.options}
    for option_id in path:
        if step.is_ending:
            raise InvalidAnswer("scenario already ended")
        step = next_step(question, step, option_id)
        taken.append(by_id[option_id])
    return step, taken


def ending_score(step: Step) -> float:
    """The fraction a branching ending is worth."""
    return step.score / 100
