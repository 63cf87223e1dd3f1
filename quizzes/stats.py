"""Numbers for HR: item statistics, scenario paths, mastery per value and the heatmap.

All of it is aggregated in SQL; Python only turns sums into ratios.

Item statistics use responses in submitted quiz attempts:
- facility: mean item score in percent (100 = everyone right);
- discrimination: item-rest correlation, the Pearson correlation between the item score and
  the rest of the attempt's score (attempt total minus this item) -- do the people who answer
  this item well also do well on the rest? It is shaky with few answers, so it is flagged
  below MIN_RESPONSES;
- the wrong option chosen most often.

Mastery: mean score of all answers (quiz and daily) on a value's questions in the last 90 days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Department, Site, User, utcnow

from .models import Attempt, Option, Question, Response, ResponseChoice

MIN_RESPONSES = 30
MASTERY_DAYS = 90


@dataclass
class ItemStats:
    question_id: int
    responses: int
    facility: float | None  # percent
    discrimination: float | None
    top_wrong_option_id: int | None = None
    top_wrong_count: int = 0

    @property
    def unreliable(self) -> bool:
        return self.responses < MIN_RESPONSES


def pearson(n: int, sx: float, sy: float, sxy: float, sxx: float, syy: float) -> float | None:
    """Pearson correlation from sums; None when either side does not vary."""
    den = (n * sxx - sx * sx) * (n * syy - sy * sy)
    if n < 2 or den <= 1e-12:
        return None
    return (n * sxy - sx * sy) / math.sqrt(den)


def _scope(stmt, site_id: int | None, department_id: int | None):
    if site_id or department_id:
        stmt = stmt.join(User, User.id == Response.user_id)
        if site_id:
            stmt = stmt.where(User.site_id == site_id)
        if department_id:
            stmt = stmt.where(User.department_id == department_id)
    return stmt


def _submitted():
    return sa.and_(Attempt.id == Response.attempt_id, Attempt.submitted_at.is_not(None))


def answered_questions(site_id: int | None = None, department_id: int | None = None):
    """A select of the questions (any version) with responses in submitted attempts."""
    ids = _scope(sa.select(Response.question_id).join(Attempt, _submitted()),
                 site_id, department_id)
    return sa.select(Question).where(Question.id.in_(ids)).order_by(Question.family_id,
                                                                     Question.version)


def item_statistics(question_ids: list[int], site_id: int | None = None,
                    department_id: int | None = None) -> dict[int, ItemStats]:
    """Statistics for these questions (two queries, whatever their number)."""
    if not question_ids:
        return {}
    totals = (sa.select(Response.attempt_id.label("attempt_id"),
                        sa.func.sum(sa.func.coalesce(Response.score, 0.0)).label("total"))
              .join(Attempt, _submitted()).group_by(Response.attempt_id).subquery())
    x = sa.func.coalesce(Response.score, 0.0)
    y = totals.c.total - x
    stmt = (sa.select(Response.question_id, sa.func.count(), sa.func.sum(x), sa.func.sum(y),
                      sa.func.sum(x * y), sa.func.sum(x * x), sa.func.sum(y * y))
            .join(totals, totals.c.attempt_id == Response.attempt_id)
            .where(Response.question_id.in_(question_ids))
            .group_by(Response.question_id))
    result: dict[int, ItemStats] = {}
    for qid, n, sx, sy, sxy, sxx, syy in db.session.execute(_scope(stmt, site_id,
                                                                   department_id)):
        result[qid] = ItemStats(qid, n, round(100 * sx / n, 1) if n else None,
                                pearson(n, sx, sy, sxy, sxx, syy))
    wrong = _scope(
        sa.select(Response.question_id, ResponseChoice.option_id, sa.func.count().label("n"))
        .join(Response, Response.id == ResponseChoice.response_id)
        .join(Attempt, _submitted())
        .join(Option, Option.id == ResponseChoice.option_id)
        .where(Response.question_id.in_(question_ids), Option.is_correct.is_(False),
               Option.step_id.is_(None))
        .group_by(Response.question_id, ResponseChoice.option_id), site_id, department_id)
    for qid, option_id, n in db.session.execute(wrong):
        stats = result.get(qid)
        if stats and (n, -option_id) > (stats.top_wrong_count, -(stats.top_wrong_option_id or 0)):
            stats.top_wrong_option_id, stats.top_wrong_count = option_id, n
    return result


def choice_counts(question_id: int) -> dict[int, int]:
    """How often each option was chosen (for a branching scenario: at its step)."""
    stmt = (sa.select(ResponseChoice.option_id, sa.func.count())
            .join(Response, Response.id == ResponseChoice.response_id)
            .where(Response.question_id == question_id)
            .group_by(ResponseChoice.option_id))
    return dict(db.session.execute(stmt).all())


def endings_reached(question_id: int) -> dict[float, int]:
    """Finished runs of a branching scenario by score reached."""
    stmt = (sa.select(Response.score, sa.func.count())
            .where(Response.question_id == question_id, Response.completed.is_(True))
            .group_by(Response.score))
    return {score: n for score, n in db.session.execute(stmt)}


def _since(now: datetime | None) -> datetime:
    return (now or utcnow()) - timedelta(days=MASTERY_DAYS)


def person_mastery(user_id: int, now: datetime | None = None) -> dict[int, tuple[float, int]]:
    """value id -> (mean score in percent, answers) for one person over 90 days."""
    stmt = (sa.select(Response.value_id, sa.func.avg(Response.score), sa.func.count())
            .where(Response.user_id == user_id, Response.completed.is_(True),
                   Response.value_id.is_not(None), Response.answered_at >= _since(now))
            .group_by(Response.value_id))
    return {v: (round(100 * float(avg), 1), n) for v, avg, n in db.session.execute(stmt)}


def department_mastery(department_ids: list[int] | None = None, site_id: int | None = None,
                       now: datetime | None = None) -> dict[tuple[int, int], tuple[float, int]]:
    """(department id, value id) -> (mean score in percent, answers) over 90 days."""
    stmt = (sa.select(User.department_id, Response.value_id, sa.func.avg(Response.score),
                      sa.func.count())
            .join(User, User.id == Response.user_id)
            .where(Response.completed.is_(True), Response.value_id.is_not(None),
                   User.department_id.is_not(None), Response.answered_at >= _since(now))
            .group_by(User.department_id, Response.value_id))
    if department_ids is not None:
        stmt = stmt.where(User.department_id.in_(department_ids))
    if site_id:
        stmt = stmt.where(User.site_id == site_id)
    return {(d, v): (round(100 * float(avg), 1), n) for d, v, avg, n in db.session.execute(stmt)}


def heat_level(percent: float | None) -> str:
    """A CSS class for a heatmap cell: weak teams stand out."""
    if percent is None:
        return "heat-none"
    if percent < 50:
        return "heat-low"
    if percent < 75:
        return "heat-mid"
    return "heat-high"


def departments_for(site_id: int | None, department_ids: list[int] | None) -> list[Department]:
    stmt = sa.select(Department).join(Site).order_by(Site.name, Department.name).options(
        sa.orm.contains_eager(Department.site))
    if site_id:
        stmt = stmt.where(Department.site_id == site_id)
    if department_ids is not None:
        stmt = stmt.where(Department.id.in_(department_ids))
    return list(db.session.scalars(stmt))
