"""The quizzes area's public services; other areas import from here.

The logic lives in modules by concept: bank (questions), attempts (taking a quiz), assignments,
spaced (daily question, Leitner boxes), stats (item statistics, mastery), formats (import and
export). This module re-exports what others use and holds the few services that span them.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from lineup.audit import record
from lineup.extensions import db
from lineup.models import User

from .assignments import assign_quiz, my_training  # noqa: F401 - re-exported
from .bank import BankError, create_question, quizzes_for_value  # noqa: F401 - re-exported
from .errors import QuizError
from .formats import Preview
from .models import Question, Quiz, QuizDraw, QuizQuestion

__all__ = ["assign_quiz", "my_training", "quizzes_for_value", "QuizError", "service_values",
           "value_numbers", "save_import", "QuizSettings", "save_quiz"]


def service_values() -> list:
    """The organisation's service values that questions can be linked to, by number."""
    from training.models import ServiceValue

    return list(db.session.scalars(
        sa.select(ServiceValue).where(ServiceValue.archived.is_(False),
                                      ServiceValue.kind == "value")
        .order_by(ServiceValue.number.is_(None), ServiceValue.number, ServiceValue.id)))


def value_numbers() -> dict[int, int]:
    """service value id -> its number (for import and export)."""
    from training.models import ServiceValue

    return {i: n for i, n in db.session.execute(
        sa.select(ServiceValue.id, ServiceValue.number).where(
            ServiceValue.number.is_not(None), ServiceValue.kind == "value"))}


def save_import(preview: Preview, actor: User | None) -> list[Question]:
    """Save the questions of an error-free preview; QuizError when it has errors."""
    if not preview.ok:
        raise QuizError(_("Nothing was imported: fix the errors in the file first."), 400)
    by_number = {n: i for i, n in value_numbers().items()}
    created = []
    for parsed in preview.questions:
        if parsed.value_number is not None:
            parsed.data.value_id = by_number.get(parsed.value_number)
        created.append(create_question(parsed.data))
    record(actor, "quiz.questions_imported", created[0], {"count": len(created)})
    return created


@dataclass
class QuizSettings:
    title_en: str
    title_de: str
    description_en: str = ""
    description_de: str = ""
    pass_mark: int = 80
    max_attempts: int = 0
    time_limit_minutes: int | None = None
    shuffle_questions: bool = True
    shuffle_options: bool = True
    feedback_timing: str = "immediate"
    review: str = "full"
    published: bool = True
    family_ids: tuple[int, ...] = ()
    draws: tuple[tuple[int, int | None, int | None, str | None], ...] = ()  # count, cat, value, tag


def save_quiz(quiz: Quiz | None, settings: QuizSettings, actor: User | None) -> Quiz:
    """Create or update a quiz with its fixed questions and random draws."""
    if not (settings.title_en.strip() or settings.title_de.strip()):
        raise QuizError(_("A quiz needs a title."), 400)
    if not settings.family_ids and not settings.draws:
        raise QuizError(_("Add fixed questions or a random draw."), 400)
    known = set(db.session.scalars(sa.select(Question.family_id).where(
        Question.family_id.in_(settings.family_ids), Question.is_current.is_(True))))
    if set(settings.family_ids) - known:
        raise QuizError(_("Some chosen questions do not exist."), 400)
    creating = quiz is None
    if quiz is None:
        quiz = Quiz()
        db.session.add(quiz)
    for name in ("title_en", "title_de", "description_en", "description_de", "pass_mark",
                 "max_attempts", "time_limit_minutes", "shuffle_questions", "shuffle_options",
                 "feedback_timing", "review", "published"):
        setattr(quiz, name, getattr(settings, name))
    quiz.fixed = [QuizQuestion(family_id=f, position=i)
                  for i, f in enumerate(dict.fromkeys(settings.family_ids))]
    quiz.draws = [QuizDraw(count=c, category_id=cat, value_id=val, tag=tag)
                  for c, cat, val, tag in settings.draws]
    db.session.flush()
    record(actor, "quiz.created" if creating else "quiz.updated", quiz)
    return quiz
