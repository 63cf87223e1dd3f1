"""Is recognition spread fairly? Counts per department, shift and person, in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from lineup.extensions import db
from lineup.models import Department, User, utcnow

from .models import BoardItem, BoardItemPerson, Feedback, Kind, Status

QUIET_DAYS = 30


@dataclass
class DepartmentRow:
    department: Department
    praise: int = 0
    awards: int = 0
    cards: int = 0
    flagged: bool = False

    @property
    def total(self) -> int:
        return self.praise + self.awards + self.cards


@dataclass
class Fairness:
    departments: list[DepartmentRow] = field(default_factory=list)
    shifts: list[tuple[str | None, int]] = field(default_factory=list)
    people: list[tuple[User, int, int, int]] = field(default_factory=list)


def _counts_by(column, kind: str, since, department_ids: list[int]) -> dict:
    """How many board items of `kind` since `since`, grouped by `column`."""
    return dict(db.session.execute(
        sa.select(column, sa.func.count(sa.distinct(BoardItem.id)))
        .select_from(BoardItem)
        .join(BoardItemPerson, BoardItemPerson.item_id == BoardItem.id, isouter=True)
        .where(BoardItem.kind == kind, BoardItem.hidden.is_(False),
               BoardItem.published_at >= since, BoardItem.department_id.in_(department_ids))
        .group_by(column)).all())


def fairness(departments: list[Department], days: int = 30) -> Fairness:
    """Recognition per department, shift and person over the last `days` days.

    Departments with nothing in the last 30 days are flagged, whatever the period shown.
    """
    ids = [d.id for d in departments] or [0]
    now = utcnow()
    since = now - timedelta(days=days)
    result = Fairness()
    by_kind = {kind: _counts_by(BoardItem.department_id, kind, since, ids)
               for kind in ("praise", "award", "peer")}
    recent = set(db.session.scalars(
        sa.select(BoardItem.department_id).where(
            BoardItem.hidden.is_(False), BoardItem.department_id.in_(ids),
            BoardItem.published_at >= now - timedelta(days=QUIET_DAYS)).distinct()))
    for dept in departments:
        result.departments.append(DepartmentRow(
            dept, by_kind["praise"].get(dept.id, 0), by_kind["award"].get(dept.id, 0),
            by_kind["peer"].get(dept.id, 0), flagged=dept.id not in recent))
    result.shifts = [tuple(row) for row in db.session.execute(
        sa.select(Feedback.shift, sa.func.count(Feedback.id))
        .where(Feedback.kind == Kind.PRAISE.value, Feedback.status == Status.APPROVED.value,
               Feedback.decided_at >= since, Feedback.department_id.in_(ids))
        .group_by(Feedback.shift).order_by(Feedback.shift))]
    per_person = {kind: _counts_by(BoardItemPerson.user_id, kind, since, ids)
                  for kind in ("praise", "award", "peer")}
    people = db.session.scalars(
        sa.select(User).where(User.department_id.in_(ids), User.active.is_(True))
        .order_by(User.first_name, User.last_name))
    result.people = [(u, per_person["praise"].get(u.id, 0), per_person["award"].get(u.id, 0),
                      per_person["peer"].get(u.id, 0)) for u in people]
    return result



