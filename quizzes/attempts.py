"""Taking a quiz: draw and store the layout, answer, resume, time limit, submit once."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.models import User, utcnow

from .assignments import is_assigned
from .bank import current_questions
from .errors import QuizError
from .models import Attempt, Kind, Question, Quiz, QuizDraw, Response, ResponseChoice
from .scoring import InvalidAnswer, ending_score, score_choice, walk
from .spaced import local_today, record_review

# Answers that arrive this long after the deadline still count (slow phone networks).
GRACE = timedelta(seconds=30)


def draw_questions(quiz: Quiz, rng: random.Random) -> list[Question]:
    """The quiz's fixed questions (current versions) plus its random draws, shuffled if set."""
    families = [f.family_id for f in quiz.fixed]
    chosen: list[Question] = []
    if families:
        by_family = {q.family_id: q for q in db.session.scalars(
            current_questions().where(Question.family_id.in_(families)))}
        chosen = [by_family[f] for f in families if f in by_family]
    taken = {q.family_id for q in chosen}
    for draw in quiz.draws:
        stmt = current_questions().with_only_columns(Question.id)
        if draw.category_id:
            stmt = stmt.where(Question.category_id == draw.category_id)
        if draw.value_id:
            stmt = stmt.where(Question.value_id == draw.value_id)
        if draw.tag:
            stmt = stmt.where(Question.tags.contains(f",{draw.tag},"))
        if taken:
            stmt = stmt.where(Question.family_id.not_in(taken))
        pool = sorted(db.session.scalars(stmt))
        picked = rng.sample(pool, min(draw.count, len(pool)))
        if picked:
            rows = db.session.scalars(sa.select(Question).where(Question.id.in_(picked)))
            by_id = {q.id: q for q in rows}
            chosen.extend(by_id[i] for i in picked)
            taken.update(by_id[i].family_id for i in picked)
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def build_layout(questions: list[Question], shuffle_options: bool,
                 rng: random.Random) -> list[dict]:
    """The stored layout: question ids and the order their options are shown in."""
    layout = []
    for q in questions:
        options = [o.id for o in q.top_options]
        if shuffle_options and q.kind_enum not in (Kind.TRUE_FALSE, Kind.BRANCHING):
            rng.shuffle(options)
        layout.append({"q": q.id, "o": options})
    return layout


def attempts_of(user: User, quiz: Quiz) -> list[Attempt]:
    return list(db.session.scalars(sa.select(Attempt).where(
        Attempt.user_id == user.id, Attempt.quiz_id == quiz.id).order_by(Attempt.number)))


def start_attempt(quiz: Quiz, user: User, *, now: datetime | None = None,
                  rng: random.Random | None = None) -> Attempt:
    """Resume the open attempt, or start a new one within the attempt limit."""
    now = now or utcnow()
    if quiz.archived or not (quiz.published or is_assigned(user, quiz)):
        raise QuizError(_("This quiz is not open."), 409)
    previous = attempts_of(user, quiz)
    open_attempt = next((a for a in previous if not a.finished), None)
    if open_attempt is not None and not expire_if_due(open_attempt, now):
        return open_attempt
    if quiz.max_attempts and len(previous) >= quiz.max_attempts:
        raise QuizError(_("You have used all %(n)d attempts of this quiz.", n=quiz.max_attempts),
                        409)
    rng = rng or random.Random()  # noqa: S311 - shuffling, not secrets
    questions = draw_questions(quiz, rng)
    if not questions:
        raise QuizError(_("This quiz has no questions yet."), 409)
    attempt = Attempt(
        quiz=quiz, user_id=user.id, number=len(previous) + 1, started_at=now,
        layout=build_layout(questions, quiz.shuffle_options, rng),
        deadline_at=now + timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes else None)
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
            db.session.flush()
    except sa.exc.IntegrityError:  # the same person started twice at once: use that one
        attempt = db.session.scalars(sa.select(Attempt).where(
            Attempt.user_id == user.id, Attempt.quiz_id == quiz.id,
            Attempt.number == len(previous) + 1)).one()
    return attempt


def time_is_up(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline_at is not None and now > attempt.deadline_at + GRACE


def expire_if_due(attempt: Attempt, now: datetime | None = None) -> bool:
    """Submit an attempt whose time ran out with what was answered; True when it did."""
    now = now or utcnow()
    if attempt.finished or not time_is_up(attempt, now):
        return False
    finish_attempt(attempt, now=attempt.deadline_at)
    return True


def responses_of(attempt: Attempt) -> dict[int, Response]:
    """The attempt's responses by question id, with their choices."""
    rows = db.session.scalars(sa.select(Response).where(Response.attempt_id == attempt.id)
                              .options(selectinload(Response.choices)))
    return {r.question_id: r for r in rows}


def load_questions(ids: list[int]) -> dict[int, Question]:
    """Questions by id with options and steps, in a fixed number of queries."""
    rows = db.session.scalars(sa.select(Question).where(Question.id.in_(ids)).options(
        selectinload(Question.options), selectinload(Question.steps)))
    return {q.id: q for q in rows}


def _check_open(attempt: Attempt, now: datetime) -> None:
    if attempt.finished:
        raise QuizError(_("This attempt has already been submitted."), 409)
    if time_is_up(attempt, now):
        raise QuizError(_("The time for this attempt is up; answers can no longer be changed."),
                        409)


def answer(attempt: Attempt, question_id: int, option_ids: list[int], *,
           immediate: bool, now: datetime | None = None) -> Response:
    """Store an answer in an attempt (one branching choice at a time); QuizError on bad input.

    With immediate feedback an answer is final once given; otherwise it may be changed until
    the attempt is submitted.
    """
    now = now or utcnow()
    _check_open(attempt, now)
    if question_id not in attempt.question_ids:
        raise QuizError(_("This question is not part of your attempt."), 400)
    question = load_questions([question_id])[question_id]
    response = db.session.scalars(sa.select(Response).where(
        Response.attempt_id == attempt.id, Response.question_id == question_id)
        .options(selectinload(Response.choices))).first()
    if response is None:
        response = Response(attempt_id=attempt.id, user_id=attempt.user_id,
                            question_id=question_id, value_id=question.value_id, choices=[])
        db.session.add(response)
    elif response.completed and (immediate or question.kind_enum is Kind.BRANCHING):
        raise QuizError(_("You have already answered this question."), 409)
    try:
        if question.kind_enum is Kind.BRANCHING:
            _branch(question, response, option_ids)
        else:
            response.score = score_choice(question, option_ids)
            response.completed = True
            response.choices = [ResponseChoice(option_id=o, position=i)
                                for i, o in enumerate(dict.fromkeys(option_ids))]
    except InvalidAnswer:
        raise QuizError(_("That answer is not one of the options."), 400) from None
    response.answered_at = now
    try:
        with db.session.begin_nested():
            db.session.flush()
    except sa.exc.IntegrityError:
        raise QuizError(_("You have already answered this question."), 409) from None
    return response


def _branch(question: Question, response: Response, option_ids: list[int]) -> None:
    if len(option_ids) != 1:
        raise InvalidAnswer("one choice per step")
    path = response.chosen_ids + option_ids
    step, taken = walk(question, path)
    by_option = {o.id: o.step_id for o in question.options}
    response.choices.append(ResponseChoice(option_id=option_ids[0], position=len(path) - 1,
                                           step_id=by_option[option_ids[0]]))
    if step.is_ending:
        response.score = ending_score(step)
        response.completed = True


@dataclass
class Progress:
    answered: int
    total: int
    next_position: int | None  # index in the layout of the first open question


def progress(attempt: Attempt, responses: dict[int, Response]) -> Progress:
    done = [q for q in attempt.question_ids if q in responses and responses[q].completed]
    next_position = next((i for i, q in enumerate(attempt.question_ids)
                          if q not in responses or not responses[q].completed), None)
    return Progress(len(done), len(attempt.question_ids), next_position)


def finish_attempt(attempt: Attempt, *, now: datetime | None = None) -> Attempt:
    """Submit and score an attempt. Submitting again changes nothing."""
    now = now or utcnow()
    claimed = db.session.execute(
        sa.update(Attempt).where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=now).execution_options(synchronize_session=False))
    db.session.refresh(attempt)
    if claimed.rowcount == 0:
        return attempt
    responses = responses_of(attempt)
    total = len(attempt.question_ids) or 1
    earned = sum(r.score or 0 for r in responses.values() if r.completed)
    attempt.score = round(100 * earned / total, 2)
    attempt.passed = attempt.score >= attempt.quiz.pass_mark
    day = local_today(attempt.user.site, now)
    questions = load_questions(list(responses))
    for question_id, response in responses.items():
        question = questions[question_id]
        if response.completed and question.kind_enum is not Kind.BRANCHING:
            record_review(attempt.user_id, question.family_id or question.id,
                          (response.score or 0) >= 1, day)
    db.session.flush()
    return attempt


def best_grade(user: User, quiz: Quiz) -> float | None:
    """The grade of a quiz for a person: their best submitted attempt (percent)."""
    return db.session.scalar(sa.select(sa.func.max(Attempt.score)).where(
        Attempt.user_id == user.id, Attempt.quiz_id == quiz.id,
        Attempt.submitted_at.is_not(None)))


def best_grades(user: User, quiz_ids: list[int]) -> dict[int, float]:
    """quiz id -> the person's best submitted score, for a page of quizzes (one query)."""
    if not quiz_ids:
        return {}
    return dict(db.session.execute(
        sa.select(Attempt.quiz_id, sa.func.max(Attempt.score))
        .where(Attempt.user_id == user.id, Attempt.quiz_id.in_(quiz_ids),
               Attempt.submitted_at.is_not(None))
        .group_by(Attempt.quiz_id)).all())


def question_count(quiz: Quiz) -> int:
    return len(quiz.fixed) + sum(d.count for d in quiz.draws)


def draws_for(quiz_id: int) -> list[QuizDraw]:
    return list(db.session.scalars(sa.select(QuizDraw).where(QuizDraw.quiz_id == quiz_id)))


@dataclass
class AttemptPage:
    """What the attempt page shows: one question (with feedback if due) or the summary."""

    position: int | None
    question: Question | None
    response: Response | None
    options: list  # Option rows in the stored order (or the current step's choices)
    step: object | None  # the current branching step
    path: list  # branching: [(step, option)] taken so far
    show_feedback: bool
    progress: Progress
    questions: dict[int, Question]
    responses: dict[int, Response]

    @property
    def summary(self) -> bool:
        return self.question is None


def attempt_page(attempt: Attempt, position: int | None, immediate: bool) -> AttemptPage:
    """Assemble the attempt page for `position` (default: the first open question)."""
    responses = responses_of(attempt)
    state = progress(attempt, responses)
    ids = attempt.question_ids
    if position == len(ids):  # the overview, asked for explicitly
        position = None
    elif position is None or not 0 <= position < len(ids):
        position = state.next_position
    if position is None:
        return AttemptPage(None, None, None, [], None, [], False, state,
                           load_questions(ids), responses)
    question = load_questions([ids[position]])[ids[position]]
    response = responses.get(question.id)
    path: list = []
    step = None
    if question.kind_enum is Kind.BRANCHING:
        step, taken = walk(question, response.chosen_ids if response else [])
        steps = {s.id: s for s in question.steps}
        path = [(steps[o.step_id], o) for o in taken]
        options = [o for o in question.options if o.step_id == step.id]
    else:
        order = attempt.layout[position]["o"]
        by_id = {o.id: o for o in question.top_options}
        options = [by_id[i] for i in order if i in by_id]
    show = bool(response and response.completed and immediate)
    return AttemptPage(position, question, response, options, step, path, show, state,
                       {}, responses)


def review_rows(attempt: Attempt) -> list[tuple[Question, Response | None, list]]:
    """Every question of a submitted attempt with the response and options in shown order."""
    questions = load_questions(attempt.question_ids)
    responses = responses_of(attempt)
    rows = []
    for item in attempt.layout:
        question = questions[item["q"]]
        if question.kind_enum is Kind.BRANCHING:
            by_id = {o.id: o for o in question.options}
            chosen = responses[question.id].chosen_ids if question.id in responses else []
            options = [by_id[i] for i in chosen if i in by_id]
        else:
            by_id = {o.id: o for o in question.top_options}
            options = [by_id[i] for i in item["o"] if i in by_id]
        rows.append((question, responses.get(question.id), options))
    return rows
