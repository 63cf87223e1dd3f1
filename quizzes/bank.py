"""The question bank: create, edit (with versioning), archive, categories and tags."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _

from lineup.extensions import db

from .models import Category, Kind, Option, Question, Quiz, QuizDraw, QuizQuestion, Response, Step


class BankError(ValueError):
    """A question that cannot be saved; the message is meant for the user."""


@dataclass
class OptionData:
    text_en: str
    text_de: str = ""
    correct: bool = False
    feedback_en: str = ""
    feedback_de: str = ""


@dataclass
class StepData:
    """A branching turn: text, and either choices (text, feedback, next step index) or an ending."""

    text_en: str
    text_de: str = ""
    ending_score: int | None = None
    choices: list[tuple[OptionData, int]] = field(default_factory=list)


@dataclass
class QuestionData:
    kind: str
    prompt_en: str
    prompt_de: str = ""
    options: list[OptionData] = field(default_factory=list)
    situation_en: str = ""
    situation_de: str = ""
    principle_en: str = ""
    principle_de: str = ""
    feedback_en: str = ""
    feedback_de: str = ""
    category: str | None = None
    value_id: int | None = None
    difficulty: int = 2
    channel: str | None = None
    mood: str | None = None
    tags: list[str] = field(default_factory=list)
    source: str = ""
    steps: list[StepData] = field(default_factory=list)
    demo_key: str | None = None


def problems(data: QuestionData) -> list[str]:
    """What is wrong with a question, in words for the editor; empty when it can be saved."""
    found: list[str] = []
    if data.kind not in set(Kind):
        found.append(_("Unknown question type."))
        return found
    if not (data.prompt_en.strip() or data.prompt_de.strip()):
        found.append(_("The question text is missing."))
    if not 1 <= data.difficulty <= 3:
        found.append(_("Difficulty must be 1, 2 or 3."))
    if data.kind == Kind.BRANCHING:
        found.extend(_branching_problems(data.steps))
        return found
    options = [o for o in data.options if o.text_en.strip() or o.text_de.strip()]
    correct = sum(1 for o in options if o.correct)
    if len(options) < 2:
        found.append(_("At least two answer options are needed."))
    if data.kind == Kind.TRUE_FALSE and len(options) != 2:
        found.append(_("A true/false question has exactly two options."))
    if correct == 0:
        found.append(_("No correct answer is marked."))
    elif correct > 1 and data.kind != Kind.MULTIPLE:
        found.append(_("Only one answer may be correct for this question type."))
    return found


def _branching_problems(steps: list[StepData]) -> list[str]:
    found = []
    if not 2 <= len(steps) <= 12:
        found.append(_("A branching scenario needs between 2 and 12 steps."))
        return found
    if steps[0].ending_score is not None:
        found.append(_("A branching scenario cannot start with an ending."))
    if not any(s.ending_score is not None for s in steps):
        found.append(_("A branching scenario needs at least one ending."))
    for index, step in enumerate(steps):
        if step.ending_score is None and not step.choices:
            found.append(_("Step %(n)d has neither choices nor an ending.", n=index + 1))
        for _option, target in step.choices:
            if not 0 <= target < len(steps) or target == index:
                found.append(_("Step %(n)d leads to a step that does not exist.", n=index + 1))
        if step.ending_score is not None and not 0 <= step.ending_score <= 100:
            found.append(_("An ending's score must be between 0 and 100."))
    return found


def normalise_tags(tags: list[str]) -> str:
    clean = sorted({t.strip().lower()[:40] for t in tags if t.strip()})
    return "," + ",".join(clean) + "," if clean else ""


def category_named(name: str | None) -> Category | None:
    """The category with this name, created when new (None for an empty name)."""
    name = (name or "").strip()[:120]
    if not name:
        return None
    category = db.session.scalars(sa.select(Category).where(Category.name == name)).first()
    if category is None:
        category = Category(name=name)
        db.session.add(category)
        db.session.flush()
    return category


def _fill(question: Question, data: QuestionData) -> None:
    question.kind = data.kind
    question.prompt_en, question.prompt_de = data.prompt_en.strip(), data.prompt_de.strip()
    question.situation_en = data.situation_en.strip()
    question.situation_de = data.situation_de.strip()
    question.principle_en = data.principle_en.strip()[:200]
    question.principle_de = data.principle_de.strip()[:200]
    question.feedback_en, question.feedback_de = data.feedback_en.strip(), data.feedback_de.strip()
    question.category = category_named(data.category)
    question.value_id = data.value_id
    question.difficulty = data.difficulty
    question.channel = data.channel or None
    question.mood = data.mood or None
    question.tags = normalise_tags(data.tags)
    question.source = data.source[:200]
    question.demo_key = data.demo_key
    question.options = []
    question.steps = []
    if data.kind == Kind.BRANCHING:
        _fill_steps(question, data.steps)
        return
    for position, o in enumerate(x for x in data.options if x.text_en.strip() or x.text_de.strip()):
        question.options.append(Option(
            position=position, text_en=o.text_en.strip(), text_de=o.text_de.strip(),
            feedback_en=o.feedback_en.strip(), feedback_de=o.feedback_de.strip(),
            is_correct=o.correct))


def _fill_steps(question: Question, steps: list[StepData]) -> None:
    rows = [Step(position=i, text_en=s.text_en, text_de=s.text_de,
                 is_ending=s.ending_score is not None, score=s.ending_score or 0)
            for i, s in enumerate(steps)]
    question.steps = rows
    db.session.flush()  # step ids for the options' links
    position = 0
    for step, data in zip(rows, steps, strict=True):
        for option, target in data.choices:
            question.options.append(Option(
                position=position, step_id=step.id, next_step_id=rows[target].id,
                text_en=option.text_en, text_de=option.text_de, is_correct=option.correct,
                feedback_en=option.feedback_en, feedback_de=option.feedback_de))
            position += 1


def create_question(data: QuestionData) -> Question:
    """Add a new question (version 1) to the bank; BankError when it is incomplete."""
    found = problems(data)
    if found:
        raise BankError(" ".join(found))
    question = Question()
    db.session.add(question)
    _fill(question, data)
    db.session.flush()
    question.family_id = question.id
    return question


def has_responses(question: Question) -> bool:
    return db.session.scalar(
        sa.select(sa.exists().where(Response.question_id == question.id))) or False


def update_question(question: Question, data: QuestionData) -> Question:
    """Save an edit: in place while nobody answered it, else as a new version."""
    found = problems(data)
    if found:
        raise BankError(" ".join(found))
    if not question.is_current:
        raise BankError(_("Only the newest version of a question can be edited."))
    data.demo_key = data.demo_key or question.demo_key  # the demo seeder finds it again
    if not has_responses(question):
        _fill(question, data)
        db.session.flush()
        return question
    question.is_current = False
    new = Question(family_id=question.family_id, version=question.version + 1,
                   archived=question.archived)
    db.session.add(new)
    _fill(new, data)
    db.session.flush()
    return new


def set_archived(question: Question, archived: bool) -> None:
    """Hide a question from new quizzes and the daily question (or bring it back)."""
    question.archived = archived


def current_questions():
    """A select of the bank's current, unarchived questions."""
    return sa.select(Question).where(Question.is_current.is_(True),
                                     Question.archived.is_(False))


def quizzes_for_value(value_id: int) -> list[Quiz]:
    """Quizzes whose questions cover service value `value_id`, the most questions on it first."""
    fixed = (
        sa.select(QuizQuestion.quiz_id.label("quiz_id"), sa.func.count().label("n"))
        .join(Question, sa.and_(Question.family_id == QuizQuestion.family_id,
                                Question.is_current.is_(True)))
        .where(Question.value_id == value_id)
        .group_by(QuizQuestion.quiz_id)
    )
    drawn = (sa.select(QuizDraw.quiz_id.label("quiz_id"), sa.func.sum(QuizDraw.count).label("n"))
             .where(QuizDraw.value_id == value_id).group_by(QuizDraw.quiz_id))
    both = sa.union_all(fixed, drawn).subquery()
    totals = (sa.select(both.c.quiz_id, sa.func.sum(both.c.n).label("n"))
              .group_by(both.c.quiz_id).subquery())
    stmt = (sa.select(Quiz).join(totals, totals.c.quiz_id == Quiz.id)
            .where(Quiz.archived.is_(False))
            .order_by(totals.c.n.desc(), Quiz.id))
    return list(db.session.scalars(stmt))
