"""Service hero of the month: candidates from approved praise and awards, confirmed by a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from lineup.audit import record
from lineup.extensions import db
from lineup.models import Site, User

from .models import Award, Feedback, FeedbackPerson, ServiceHero, Status
from .services import RecognitionError, month_bounds, month_start, notify

PRAISE_POINTS = 10


@dataclass
class Candidate:
    user: User
    praise: int
    award_points: int

    @property
    def score(self) -> int:
        return self.praise * PRAISE_POINTS + self.award_points


def candidates(site: Site, month: date, limit: int = 5) -> list[Candidate]:
    """The best-scoring people of the month (10 per approved praise plus award points).

    Everyone tied with the last place shown is included, so ties are visible.
    """
    start, end = month_bounds(month_start(month), site.timezone)
    praise = dict(db.session.execute(
        sa.select(FeedbackPerson.user_id, sa.func.count())
        .join(Feedback, Feedback.id == FeedbackPerson.feedback_id)
        .where(Feedback.site_id == site.id, Feedback.status == Status.APPROVED.value,
               Feedback.kind == "praise", FeedbackPerson.role == "matched",
               Feedback.decided_at >= start, Feedback.decided_at < end)
        .group_by(FeedbackPerson.user_id)).all())
    points = dict(db.session.execute(
        sa.select(Award.recipient_id, sa.func.sum(Award.points))
        .join(User, User.id == Award.recipient_id)
        .where(User.site_id == site.id, Award.rescinded_at.is_(None),
               Award.created_at >= start, Award.created_at < end)
        .group_by(Award.recipient_id)).all())
    ids = set(praise) | set(points)
    if not ids:
        return []
    users = {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(ids)))}
    ranked = sorted((Candidate(users[i], praise.get(i, 0), int(points.get(i, 0) or 0))
                     for i in ids), key=lambda c: (-c.score, c.user.first_name))
    if len(ranked) <= limit:
        return ranked
    cutoff = ranked[limit - 1].score
    return [c for c in ranked if c.score >= cutoff]


def hero_of(site: Site, month: date) -> ServiceHero | None:
    """The confirmed hero of a site and month, if any."""
    return db.session.scalars(sa.select(ServiceHero).where(
        ServiceHero.site_id == site.id, ServiceHero.month == month_start(month))).first()


def confirm_hero(actor: User, site: Site, month: date, user: User) -> ServiceHero:
    """Confirm one of the month's top candidates as the site's service hero (once a month)."""
    month = month_start(month)
    pool = candidates(site, month)
    top = pool[0].score if pool else None
    chosen = next((c for c in pool if c.user.id == user.id), None)
    if chosen is None or chosen.score != top:
        raise RecognitionError(_("Choose one of the top candidates of the month."))
    if hero_of(site, month) is not None:
        raise RecognitionError(_("The hero of this month is already confirmed."), 409)
    hero = ServiceHero(site_id=site.id, month=month, user_id=user.id, score=chosen.score,
                       confirmed_by_id=actor.id)
    try:
        with db.session.begin_nested():
            db.session.add(hero)
    except sa.exc.IntegrityError:
        raise RecognitionError(_("The hero of this month is already confirmed."), 409) from None
    notify(user.id, "hero")
    record(actor, "hero.confirm", hero, {"user_id": user.id, "month": month.isoformat()})
    return hero


def hall_query(site_id: int | None = None) -> sa.Select:
    """Confirmed heroes, newest month first (optionally of one site)."""
    from sqlalchemy.orm import selectinload

    stmt = sa.select(ServiceHero).options(selectinload(ServiceHero.user),
                                          selectinload(ServiceHero.site))
    if site_id:
        stmt = stmt.where(ServiceHero.site_id == site_id)
    return stmt.order_by(ServiceHero.month.desc(), ServiceHero.site_id)
