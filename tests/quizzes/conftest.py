"""Fixtures of the quizzes tests: service values and small question/quiz factories."""

from __future__ import annotations

import pytest

from lineup.extensions import db
from quizzes.bank import OptionData, QuestionData, StepData, create_question
from quizzes.models import Quiz, QuizQuestion
from training.models import ServiceValue


@pytest.fixture
def values(app):
    rows = [ServiceValue(number=n, title_en=f"Value {n}", title_de=f"Wert {n}")
            for n in (1, 2, 3)]
    db.session.add_all(rows)
    db.session.commit()
    return rows


def single(prompt="Which is right?", value=None, kind="single", correct=0, n=3, category=None,
           tags=()):
    options = [OptionData(text_en=f"{prompt} option {i}", text_de=f"Antwort {i}",
                          correct=i == correct, feedback_en=f"Because {i}",
                          feedback_de=f"Weil {i}") for i in range(n)]
    return create_question(QuestionData(
        kind=kind, prompt_en=prompt, prompt_de=f"DE {prompt}", options=options,
        value_id=value.id if value else None, category=category, tags=list(tags),
        principle_en="Listen first", principle_de="Erst zuhören"))


def multiple(correct=(0, 1), n=4, value=None):
    options = [OptionData(text_en=f"M{i}", correct=i in correct) for i in range(n)]
    return create_question(QuestionData(kind="multiple", prompt_en="Pick all",
                                        options=options, value_id=value.id if value else None))


def branching(value=None):
    """Start -> (calm: step 1 | argue: ending 0); step 1 -> (offer: ending 100 | leave: 40)."""
    return create_question(QuestionData(
        kind="branching", prompt_en="The guest is angry", prompt_de="Der Gast ist wütend",
        value_id=value.id if value else None,
        steps=[
            StepData("Guest: this is outrageous!", choices=[
                (OptionData("Listen and apologise", feedback_en="Let them vent"), 1),
                (OptionData("Explain it is not our fault"), 2)]),
            StepData("Guest: fine, what now?", choices=[
                (OptionData("Offer a solution together"), 3),
                (OptionData("Say there is nothing to do"), 4)]),
            StepData("The guest leaves and posts a review", ending_score=0),
            StepData("The guest calms down and books again", ending_score=100),
            StepData("The guest stays but is unhappy", ending_score=40),
        ]))


def make_quiz(questions, **fields):
    fields = {"shuffle_questions": False, "shuffle_options": False, **fields}
    quiz = Quiz(title_en=fields.pop("title", "Quiz"), title_de="Quiz DE", **fields)
    quiz.fixed = [QuizQuestion(family_id=q.family_id, position=i)
                  for i, q in enumerate(questions)]
    db.session.add(quiz)
    db.session.flush()
    return quiz
