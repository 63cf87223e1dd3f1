"""Awards and monthly points budgets. The budget is never overspent, not even by a race."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from lineup.audit import record
from lineup.extensions import db
from lineup.models import User, utcnow
from lineup.permissions import can_manage_department

from .models import Award, AwardBudget, AwardType, Feedback, Status
from .services import RecognitionError, month_start, notify, site_today

DEFAULT_TYPES = (
    ("first-class-card", "First-class card", "First-Class-Karte", 10),
    ("wow-story", "Wow story", "Wow-Geschichte", 25),
    ("service-hero", "Service hero of the month", "Service-Held des Monats", 50),
)


def ensure_award_types() -> list[AwardType]:
    """The configured award types; the three standard ones are created on first use."""
    types = list(db.session.scalars(sa.select(AwardType).order_by(AwardType.points,
                                                                  AwardType.id)))
    if not types:
        for code, name_en, name_de, points in DEFAULT_TYPES:
            db.session.add(AwardType(code=code, name_en=name_en, name_de=name_de,
                                     points=points, active=True))
        db.session.flush()
        return ensure_award_types()
    return types


def default_total() -> int:
    """The monthly points of a supervisor who has no budget row yet (config)."""
    return int(current_app.config.get("RECOGNITION_MONTHLY_BUDGET", 100))


def budget_for(giver: User, month: date | None = None) -> AwardBudget:
    """The giver's budget row for the month (created with the default total when missing)."""
    month = month_start(month or site_today(giver.site))
    stmt = sa.select(AwardBudget).where(AwardBudget.giver_id == giver.id,
                                        AwardBudget.month == month)
    budget = db.session.scalars(stmt).first()
    if budget is None:
        try:
            with db.session.begin_nested():
                budget = AwardBudget(giver_id=giver.id, month=month, total=default_total(),
                                     used=0)
                db.session.add(budget)
        except sa.exc.IntegrityError:  # created at the same moment by another request
            budget = db.session.scalars(stmt).one()
    return budget


def peek_budget(giver: User) -> AwardBudget:
    """This month's budget for display; nothing is written (a default if none exists yet)."""
    month = month_start(site_today(giver.site))
    budget = db.session.scalars(sa.select(AwardBudget).where(
        AwardBudget.giver_id == giver.id, AwardBudget.month == month)).first()
    return budget or AwardBudget(giver_id=giver.id, month=month, total=default_total(), used=0)


def set_budget(actor: User, giver: User, month: date, total: int) -> AwardBudget:
    """HR sets a supervisor's monthly total; it can never drop below what is already used."""
    if total < 0 or total > 100000:
        raise RecognitionError(_("The budget must be between 0 and 100000 points."))
    budget = budget_for(giver, month)
    result = db.session.execute(
        sa.update(AwardBudget).where(AwardBudget.id == budget.id, AwardBudget.used <= total)
        .values(total=total).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise RecognitionError(_("%(used)d points are already used this month.",
                                 used=budget.used), 409)
    db.session.refresh(budget)
    record(actor, "budget.set", budget, {"giver_id": giver.id, "month": month.isoformat(),
                                         "total": total})
    return budget


def _spend(budget: AwardBudget, points: int) -> None:
    """Take points with one conditional UPDATE: of two racing awards only one can pass."""
    result = db.session.execute(
        sa.update(AwardBudget)
        .where(AwardBudget.id == budget.id, AwardBudget.used + points <= AwardBudget.total)
        .values(used=AwardBudget.used + points)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        db.session.refresh(budget)
        raise RecognitionError(
            _("Not enough points left this month: %(left)d remaining, %(needed)d needed.",
              left=budget.remaining, needed=points), 409)
    db.session.refresh(budget)


def give_award(giver: User, recipient: User, award_type: AwardType, *, value_id: int | None,
               message: str, feedback: Feedback | None = None) -> Award:
    """Give an award from the giver's monthly budget; it appears on the board."""
    if recipient.id == giver.id:
        raise RecognitionError(_("You cannot give an award to yourself."))
    if not can_manage_department(giver, recipient.department_id):
        raise RecognitionError(_("You can only give awards to people of your departments."), 403)
    if not award_type.active:
        raise RecognitionError(_("This award type is no longer in use."))
    if feedback is not None and (feedback.status != Status.APPROVED.value
                                 or recipient not in feedback.matched):
        raise RecognitionError(_("Awards from feedback go to a person it credits, once it "
                                 "is approved."))
    message = (message or "").strip()
    if len(message) > 1000:
        raise RecognitionError(_("The message is too long (at most 1000 characters)."))
    budget = budget_for(giver)
    if award_type.points:
        _spend(budget, award_type.points)
    award = Award(type_id=award_type.id, giver_id=giver.id, recipient_id=recipient.id,
                  value_id=value_id or (feedback.value_id if feedback else None),
                  feedback_id=feedback.id if feedback else None, budget_id=budget.id,
                  message=message, points=award_type.points)
    db.session.add(award)
    db.session.flush()
    from .board import publish_award

    publish_award(award)
    notify(recipient.id, "award", award_id=award.id)
    record(giver, "award.give", award, {"recipient_id": recipient.id, "points": award.points,
                                        "type": award_type.code})
    return award


def can_rescind(user: User, award: Award) -> bool:
    """The giver, the recipient's supervisors and HR may take an award back."""
    return award.giver_id == user.id or can_manage_department(user, award.recipient.department_id)


def rescind(actor: User, award: Award, reason: str) -> None:
    """Take an award back with a reason; its points return to the budget they came from."""
    reason = (reason or "").strip()
    if not reason:
        raise RecognitionError(_("Give a reason for rescinding."))
    result = db.session.execute(
        sa.update(Award).where(Award.id == award.id, Award.rescinded_at.is_(None))
        .values(rescinded_at=utcnow(), rescinded_by_id=actor.id, rescind_reason=reason[:500])
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise RecognitionError(_("This award was already rescinded."), 409)
    if award.budget_id and award.points:
        db.session.execute(
            sa.update(AwardBudget).where(AwardBudget.id == award.budget_id)
            .values(used=AwardBudget.used - award.points)
            .execution_options(synchronize_session=False))
    from .board import hide_award

    hide_award(award.id)
    db.session.refresh(award)
    record(actor, "award.rescind", award, {"reason": reason[:500], "points": award.points})


def save_award_type(actor: User, award_type: AwardType | None, *, code: str, name_en: str,
                    name_de: str, points: int, active: bool) -> AwardType:
    """Create or change an award type (HR)."""
    if points < 0 or points > 10000:
        raise RecognitionError(_("Points must be between 0 and 10000."))
    clash = db.session.scalars(sa.select(AwardType).where(AwardType.code == code)).first()
    if clash is not None and clash is not award_type:
        raise RecognitionError(_("An award type with this code exists already."), 409)
    if award_type is None:
        award_type = AwardType(code=code)
        db.session.add(award_type)
    award_type.code, award_type.name_en, award_type.name_de = code, name_en, name_de
    award_type.points, award_type.active = points, active
    db.session.flush()
    record(actor, "award_type.save", award_type, {"points": points, "active": active})
    return award_type
