"""Question bank, branching scenarios, quizzes, attempts, responses, assignments, review cards.

Versioning: a `Question` row is one version. Versions of the same question share `family_id`
(the id of the first version); only the newest has `is_current`. Editing a question that already
has responses adds a new row, so every response keeps pointing at exactly what was shown.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lineup.extensions import db
from lineup.models import User, UTCDateTime, utcnow


class Kind(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "truefalse"
    SCENARIO = "scenario"
    BRANCHING = "branching"


class Channel(enum.StrEnum):
    PHONE = "phone"
    DESK = "desk"
    EMAIL = "email"
    CHAT = "chat"


class Mood(enum.StrEnum):
    CALM = "calm"
    CONFUSED = "confused"
    UPSET = "upset"
    FURIOUS = "furious"


class FeedbackTiming(enum.StrEnum):
    IMMEDIATE = "immediate"
    END = "end"


class Review(enum.StrEnum):
    SCORE = "score"
    CORRECT = "correct"
    FULL = "full"


def _pick(language: str, de: str | None, en: str | None) -> str:
    primary, other = (de, en) if language == "de" else (en, de)
    return primary or other or ""


class Category(db.Model):
    __tablename__ = "quiz_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)

    def __str__(self) -> str:
        return self.name


class Question(db.Model):
    """One version of a question; see the module docstring."""

    __tablename__ = "question"
    __table_args__ = (
        sa.CheckConstraint(
            "kind in ('single', 'multiple', 'truefalse', 'scenario', 'branching')",
            name="kind_known"),
        sa.CheckConstraint("difficulty between 1 and 3", name="difficulty_range"),
        sa.Index("ix_question_current_value", "is_current", "value_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("question.id"), index=True)
    version: Mapped[int] = mapped_column(default=1)
    is_current: Mapped[bool] = mapped_column(default=True)
    archived: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[str] = mapped_column(sa.String(12), default=Kind.SINGLE.value)
    category_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("quiz_category.id"), index=True)
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    difficulty: Mapped[int] = mapped_column(default=2)
    channel: Mapped[Optional[str]] = mapped_column(sa.String(10))
    mood: Mapped[Optional[str]] = mapped_column(sa.String(10))
    situation_de: Mapped[str] = mapped_column(sa.Text, default="")
    situation_en: Mapped[str] = mapped_column(sa.Text, default="")
    prompt_de: Mapped[str] = mapped_column(sa.Text, default="")
    prompt_en: Mapped[str] = mapped_column(sa.Text, default="")
    principle_de: Mapped[str] = mapped_column(sa.String(200), default="")
    principle_en: Mapped[str] = mapped_column(sa.String(200), default="")
    feedback_de: Mapped[str] = mapped_column(sa.Text, default="")
    feedback_en: Mapped[str] = mapped_column(sa.Text, default="")
    tags: Mapped[str] = mapped_column(sa.String(300), default="")  # ",a,b," for LIKE search
    source: Mapped[str] = mapped_column(sa.String(200), default="")
    demo_key: Mapped[Optional[str]] = mapped_column(sa.String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    category: Mapped[Optional[Category]] = relationship()
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan",
        foreign_keys="Option.question_id")
    steps: Mapped[list[Step]] = relationship(
        back_populates="question", order_by="Step.position", cascade="all, delete-orphan")

    @property
    def kind_enum(self) -> Kind:
        return Kind(self.kind)

    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split(",") if t]

    def prompt(self, language: str) -> str:
        return _pick(language, self.prompt_de, self.prompt_en)

    def situation(self, language: str) -> str:
        return _pick(language, self.situation_de, self.situation_en)

    def principle(self, language: str) -> str:
        return _pick(language, self.principle_de, self.principle_en)

    def feedback(self, language: str) -> str:
        return _pick(language, self.feedback_de, self.feedback_en)

    @property
    def correct_ids(self) -> set[int]:
        return {o.id for o in self.options if o.is_correct and o.step_id is None}

    @property
    def top_options(self) -> list[Option]:
        """Options of a non-branching question (branching options hang on steps)."""
        return [o for o in self.options if o.step_id is None]


class Step(db.Model):
    """One turn of a branching scenario; an ending has a score and no options."""

    __tablename__ = "scenario_step"
    __table_args__ = (sa.CheckConstraint("score between 0 and 100", name="score_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text_de: Mapped[str] = mapped_column(sa.Text, default="")
    text_en: Mapped[str] = mapped_column(sa.Text, default="")
    is_ending: Mapped[bool] = mapped_column(default=False)
    score: Mapped[int] = mapped_column(default=0)

    question: Mapped[Question] = relationship(back_populates="steps")

    def text(self, language: str) -> str:
        return _pick(language, self.text_de, self.text_en)


class Option(db.Model):
    __tablename__ = "question_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("scenario_step.id", ondelete="CASCADE"), index=True)
    next_step_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("scenario_step.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(default=0)
    text_de: Mapped[str] = mapped_column(sa.Text, default="")
    text_en: Mapped[str] = mapped_column(sa.Text, default="")
    feedback_de: Mapped[str] = mapped_column(sa.Text, default="")
    feedback_en: Mapped[str] = mapped_column(sa.Text, default="")
    is_correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="options",
                                              foreign_keys=[question_id])

    def text(self, language: str) -> str:
        return _pick(language, self.text_de, self.text_en)

    def feedback(self, language: str) -> str:
        return _pick(language, self.feedback_de, self.feedback_en)


class Quiz(db.Model):
    __tablename__ = "quiz"
    __table_args__ = (
        sa.CheckConstraint("pass_mark between 0 and 100", name="pass_mark_range"),
        sa.CheckConstraint("max_attempts >= 0", name="max_attempts_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title_de: Mapped[str] = mapped_column(sa.String(200), default="")
    title_en: Mapped[str] = mapped_column(sa.String(200), default="")
    description_de: Mapped[str] = mapped_column(sa.Text, default="")
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    pass_mark: Mapped[int] = mapped_column(default=80)
    max_attempts: Mapped[int] = mapped_column(default=0)
    time_limit_minutes: Mapped[Optional[int]]
    shuffle_questions: Mapped[bool] = mapped_column(default=True)
    shuffle_options: Mapped[bool] = mapped_column(default=True)
    feedback_timing: Mapped[str] = mapped_column(sa.String(10), default="immediate")
    review: Mapped[str] = mapped_column(sa.String(10), default="full")
    published: Mapped[bool] = mapped_column(default=True)
    archived: Mapped[bool] = mapped_column(default=False)
    demo_key: Mapped[Optional[str]] = mapped_column(sa.String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    fixed: Mapped[list[QuizQuestion]] = relationship(
        order_by="QuizQuestion.position", cascade="all, delete-orphan")
    draws: Mapped[list[QuizDraw]] = relationship(cascade="all, delete-orphan",
                                                 order_by="QuizDraw.id")

    def title(self, language: str) -> str:
        return _pick(language, self.title_de, self.title_en)

    def description(self, language: str) -> str:
        return _pick(language, self.description_de, self.description_en)


class QuizQuestion(db.Model):
    """A fixed question of a quiz, by family: attempts get the family's current version."""

    __tablename__ = "quiz_question"

    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"),
                                         primary_key=True)
    family_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)


class QuizDraw(db.Model):
    """`count` questions drawn at random, filtered by category, value and/or tag."""

    __tablename__ = "quiz_draw"
    __table_args__ = (sa.CheckConstraint("count between 1 and 100", name="count_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id", ondelete="CASCADE"),
                                         index=True)
    count: Mapped[int] = mapped_column(default=1)
    category_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("quiz_category.id"))
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    tag: Mapped[Optional[str]] = mapped_column(sa.String(40))


class Attempt(db.Model):
    """One go at a quiz. `layout` fixes the questions and option order shown:
    [{"q": question_id, "o": [option ids in display order]}, ...]."""

    __tablename__ = "quiz_attempt"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "quiz_id", "number"),
        sa.Index("ix_quiz_attempt_quiz_user", "quiz_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    layout: Mapped[list] = mapped_column(sa.JSON, default=list)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    submitted_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    score: Mapped[Optional[float]]  # percent, 0-100
    passed: Mapped[Optional[bool]]

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship()

    @property
    def question_ids(self) -> list[int]:
        return [item["q"] for item in self.layout]

    @property
    def finished(self) -> bool:
        return self.submitted_at is not None


class ResponseKind(enum.StrEnum):
    QUIZ = "quiz"
    DAILY = "daily"


class Response(db.Model):
    """An answer to one question, in an attempt or as a daily question."""

    __tablename__ = "quiz_response"
    __table_args__ = (
        sa.UniqueConstraint("attempt_id", "question_id"),
        # Daily answers: one per slot per day. Quiz responses have slot NULL (never equal).
        sa.UniqueConstraint("user_id", "day", "slot"),
        sa.Index("ix_quiz_response_user_answered", "user_id", "answered_at"),
        sa.Index("ix_quiz_response_value_answered", "value_id", "answered_at"),
        sa.Index("ix_quiz_response_question", "question_id", "completed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(8), default=ResponseKind.QUIZ.value)
    attempt_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("quiz_attempt.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"))
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    day: Mapped[Optional[date]]
    slot: Mapped[Optional[int]]
    score: Mapped[Optional[float]]  # 0..1
    completed: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    question: Mapped[Question] = relationship()
    choices: Mapped[list[ResponseChoice]] = relationship(
        order_by="ResponseChoice.position", cascade="all, delete-orphan")

    @property
    def chosen_ids(self) -> list[int]:
        return [c.option_id for c in self.choices]


class ResponseChoice(db.Model):
    __tablename__ = "quiz_response_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz_response.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int] = mapped_column(sa.ForeignKey("question_option.id"), index=True)
    step_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("scenario_step.id"))
    position: Mapped[int] = mapped_column(default=0)


class Assignment(db.Model):
    """A quiz required of one person, a department, a site or a role by a due date."""

    __tablename__ = "quiz_assignment"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN user_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN department_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN site_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN role IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"), index=True)
    assigned_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    user_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"), index=True)
    department_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("department.id"), index=True)
    site_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("site.id"))
    role: Mapped[Optional[str]] = mapped_column(sa.String(16))
    due_on: Mapped[date]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    cancelled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[Optional[User]] = relationship(foreign_keys=[user_id])
    assigned_by: Mapped[Optional[User]] = relationship(foreign_keys=[assigned_by_id])

    @property
    def is_targeted(self) -> bool:
        return self.user_id is not None


class ReviewCard(db.Model):
    """Leitner box of one question family for one person (see quizzes.spaced)."""

    __tablename__ = "review_card"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "family_id"),
        sa.Index("ix_review_card_user_due", "user_id", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    family_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"))
    box: Mapped[int] = mapped_column(default=1)
    due_on: Mapped[date]
    last_seen_on: Mapped[Optional[date]]
    lapses: Mapped[int] = mapped_column(default=0)
