"""The daily question and spaced repetition with Leitner boxes.

Leitner system: every question a person has answered sits in one of five boxes. A right answer
moves the card up one box, a wrong answer sends it back to box 1. A card in box n is due again
after INTERVALS[n] days: 1, 2, 4, 8 and 16 days. So what someone got wrong comes back tomorrow,
and what they know well comes back rarely. Quiz answers feed the same boxes.

Each day a person gets up to three questions: one on the day's line-up value, then the cards
that are due, oldest due date first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.models import Site, User, utcnow

from .errors import QuizError
from .models import Kind, Question, Response, ResponseChoice, ResponseKind, ReviewCard
from .scoring import InvalidAnswer, score_choice

INTERVALS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
TOP_BOX = 5
DAILY_LIMIT = 3


def schedule(box: int, correct: bool, day: date) -> tuple[int, date]:
    """The Leitner move: (new box, next due day) after answering a card in `box` on `day`."""
    new_box = min(box + 1, TOP_BOX) if correct else 1
    return new_box, day + timedelta(days=INTERVALS[new_box])


def record_review(user_id: int, family_id: int, correct: bool, day: date) -> ReviewCard:
    """Move the person's card for this question after an answer (a new card starts in box 1)."""
    card = db.session.scalars(sa.select(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.family_id == family_id)).first()
    if card is None:
        card = ReviewCard(user_id=user_id, family_id=family_id, box=1, lapses=0, due_on=day)
        db.session.add(card)
    elif card.last_seen_on == day:
        return card  # one move per day: a second look the same day is no evidence of memory
    card.box, card.due_on = schedule(card.box, correct, day)
    card.last_seen_on = day
    if not correct:
        card.lapses += 1
    return card


def site_zone(site: Site | None) -> ZoneInfo:
    """The site's timezone (Berlin when the person has no site)."""
    return ZoneInfo(site.timezone if site else "Europe/Berlin")


def local_today(site: Site | None, now: datetime | None = None) -> date:
    """Today's date in the site's timezone."""
    return (now or utcnow()).astimezone(site_zone(site)).date()


def value_of_the_day(site: Site | None, day: date):
    """The line-up value of `day` from the training area, or None when there is none."""
    try:
        from training.services import value_of_the_day as training_value
    except ImportError:  # the training area is not installed
        return None
    if site is None:
        return None
    return training_value(site, day)


@dataclass
class DailyItem:
    slot: int
    question: Question
    response: Response | None
    is_review: bool

    @property
    def answered(self) -> bool:
        return self.response is not None


def _eligible():
    return sa.select(Question).where(
        Question.is_current.is_(True), Question.archived.is_(False),
        Question.kind != Kind.BRANCHING.value)


def _load(stmt):
    return stmt.options(selectinload(Question.options), selectinload(Question.category))


def daily_set(user: User, day: date) -> list[DailyItem]:
    """Today's questions for `user`: answered ones with their responses, then the pending ones."""
    answered = list(db.session.scalars(
        sa.select(Response).where(Response.user_id == user.id, Response.day == day,
                                  Response.kind == ResponseKind.DAILY.value)
        .order_by(Response.slot)
        .options(selectinload(Response.choices),
                 selectinload(Response.question).selectinload(Question.options))))
    items = [DailyItem(r.slot or 0, r.question, r, (r.slot or 0) > 0) for r in answered]
    seen_families = {r.question.family_id for r in answered}
    if not any(i.slot == 0 for i in items):
        question = _value_question(user, day, seen_families)
        if question is not None:
            items.insert(0, DailyItem(0, question, None, False))
            seen_families.add(question.family_id)
    free = DAILY_LIMIT - len(items)
    if free > 0:
        used_slots = {i.slot for i in items}
        due = list(db.session.scalars(_load(
            _eligible().join(ReviewCard, sa.and_(ReviewCard.family_id == Question.family_id,
                                                 ReviewCard.user_id == user.id))
            .where(ReviewCard.due_on <= day,
                   sa.or_(ReviewCard.last_seen_on.is_(None), ReviewCard.last_seen_on < day))
            .order_by(ReviewCard.due_on, ReviewCard.box, Question.family_id)
            .limit(free + len(seen_families)))))
        slots = iter(s for s in range(1, DAILY_LIMIT + 1) if s not in used_slots)
        for question in due:
            if question.family_id in seen_families or len(items) >= DAILY_LIMIT:
                continue
            items.append(DailyItem(next(slots), question, None, True))
            seen_families.add(question.family_id)
    return sorted(items, key=lambda i: (not i.answered, i.slot))


def _value_question(user: User, day: date, exclude: set[int]) -> Question | None:
    value = value_of_the_day(user.site, day)
    found = _pick_question(user, day, exclude, value.id if value is not None else None)
    if found is None and value is not None:  # no question on today's value: any question
        found = _pick_question(user, day, exclude, None)
    return found


def _pick_question(user: User, day: date, exclude: set[int],
                   value_id: int | None) -> Question | None:
    stmt = _eligible()
    if value_id is not None:
        stmt = stmt.where(Question.value_id == value_id)
    if exclude:
        stmt = stmt.where(Question.family_id.not_in(exclude))
    # Prefer questions this person has no card for yet, then the card seen longest ago.
    last_seen = (sa.select(ReviewCard.family_id, ReviewCard.last_seen_on)
                 .where(ReviewCard.user_id == user.id).subquery())
    ids = list(db.session.execute(
        stmt.with_only_columns(Question.id, last_seen.c.last_seen_on)
        .outerjoin(last_seen, last_seen.c.family_id == Question.family_id)
        .order_by(last_seen.c.last_seen_on.is_not(None), last_seen.c.last_seen_on, Question.id)
        .limit(50)))
    if not ids:
        return None
    fresh = [row for row in ids if row[1] is None] or ids
    chosen = fresh[(user.id + day.toordinal()) % len(fresh)][0]
    return db.session.scalars(_load(sa.select(Question).where(Question.id == chosen))).one()


def answer_daily(user: User, day: date, question_id: int, option_ids: list[int]) -> Response:
    """Record today's answer to a daily question; QuizError when it is not pending for today."""
    item = next((i for i in daily_set(user, day)
                 if i.question.id == question_id and not i.answered), None)
    if item is None:
        answered = db.session.scalar(sa.select(sa.exists().where(
            Response.user_id == user.id, Response.day == day, Response.question_id == question_id,
            Response.kind == ResponseKind.DAILY.value)))
        if answered:
            raise QuizError(_("You have already answered this question today."), 409)
        raise QuizError(_("This is not one of today's questions."), 400)
    try:
        score = score_choice(item.question, option_ids)
    except InvalidAnswer:
        raise QuizError(_("That answer is not one of the options."), 400) from None
    response = Response(kind=ResponseKind.DAILY.value, user_id=user.id,
                        question_id=item.question.id, value_id=item.question.value_id,
                        day=day, slot=item.slot, score=score, completed=True)
    response.choices = [ResponseChoice(option_id=o, position=i)
                        for i, o in enumerate(dict.fromkeys(option_ids))]
    try:
        with db.session.begin_nested():
            db.session.add(response)
            db.session.flush()
    except sa.exc.IntegrityError:
        raise QuizError(_("You have already answered this question today."), 409) from None
    record_review(user.id, item.question.family_id or item.question.id, score >= 1, day)
    return response


def streak(user: User, day: date) -> int:
    """Days in a row, up to today (or yesterday, if today is still open), with a daily answer."""
    days = set(db.session.scalars(
        sa.select(Response.day).distinct()
        .where(Response.user_id == user.id, Response.kind == ResponseKind.DAILY.value,
               Response.day > day - timedelta(days=400), Response.day <= day)))
    current = day if day in days else day - timedelta(days=1)
    count = 0
    while current in days:
        count += 1
        current -= timedelta(days=1)
    return count
