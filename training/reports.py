"""Line-up completion for HR and supervisors, aggregated in SQL.

Definitions (also shown on the report page):
- expected: one line-up per department and day, for the days of the range up to the site's today;
- held: days on which the department held at least one line-up;
- an opportunity is a person-day on which the person's department held a line-up;
- attendance rate = present / opportunities; acknowledgement rate = acknowledged / missed,
  where missed = opportunities - present; covered rate = (present or acknowledged) / opportunities;
- a miss is an opportunity neither attended nor acknowledged; the streak is the longest run of
  misses in a row, and 3 or more is flagged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.models import Department, Role, Site, User

from .models import Acknowledgement, Attendance, AttendanceStatus, LineUp, Pulse
from .schedule import site_today

STREAK_FLAG = 3


def _rate(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


@dataclass
class Counts:
    opportunities: int = 0
    present: int = 0
    acknowledged: int = 0
    covered: int = 0

    @property
    def missed(self) -> int:
        return self.opportunities - self.present

    @property
    def attendance_rate(self) -> float | None:
        return _rate(self.present, self.opportunities)

    @property
    def acknowledgement_rate(self) -> float | None:
        return _rate(self.acknowledged, self.missed)

    @property
    def covered_rate(self) -> float | None:
        return _rate(self.covered, self.opportunities)


@dataclass
class DepartmentRow(Counts):
    department_id: int = 0
    department: str = ""
    site: str = ""
    expected: int = 0
    held: int = 0
    lineups: int = 0
    useful: int = 0
    not_useful: int = 0

    @property
    def held_rate(self) -> float | None:
        return _rate(self.held, self.expected)

    @property
    def useful_rate(self) -> float | None:
        return _rate(self.useful, self.useful + self.not_useful)


@dataclass
class PersonRow(Counts):
    user_id: int = 0
    name: str = ""
    department: str = ""
    site: str = ""
    streak: int = 0

    @property
    def flagged(self) -> bool:
        return self.streak >= STREAK_FLAG


@dataclass
class Report:
    start: date
    end: date
    departments: list[DepartmentRow]
    sites: list[DepartmentRow] = field(default_factory=list)
    total: DepartmentRow = field(default_factory=DepartmentRow)


def _sum_rows(rows: Iterable[DepartmentRow], **labels) -> DepartmentRow:
    total = DepartmentRow(**labels)
    for row in rows:
        for name in ("opportunities", "present", "acknowledged", "covered", "expected", "held",
                     "lineups", "useful", "not_useful"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


def scoped_departments(department_ids: list[int] | None, site_id: int | None = None,
                       department_id: int | None = None) -> list[Department]:
    """Departments the report covers: the allowed ones (None = all), narrowed by filters."""
    stmt = sa.select(Department).join(Site).order_by(Site.name, Department.name)
    if department_ids is not None:
        stmt = stmt.where(Department.id.in_(department_ids))
    if site_id is not None:
        stmt = stmt.where(Department.site_id == site_id)
    if department_id is not None:
        stmt = stmt.where(Department.id == department_id)
    return list(db.session.scalars(stmt.options(selectinload(Department.site))))


def _opportunities(start: date, end: date, department_ids: list[int]):
    """One row per person-day on which the person's department held a line-up."""
    in_range = LineUp.date.between(start, end)
    held_days = (
        sa.select(LineUp.department_id, LineUp.date)
        .where(in_range, LineUp.department_id.in_(department_ids)).distinct().subquery()
    )
    present_days = (
        sa.select(Attendance.user_id, LineUp.date)
        .join(LineUp, LineUp.id == Attendance.lineup_id)
        .where(in_range, Attendance.status == AttendanceStatus.PRESENT.value)
        .distinct().subquery()
    )
    is_present = present_days.c.user_id.is_not(None)
    is_acknowledged = Acknowledgement.id.is_not(None)
    return (
        sa.select(
            User.id.label("user_id"), User.department_id.label("department_id"),
            held_days.c.date.label("day"),
            sa.case((is_present, 1), else_=0).label("present"),
            sa.case((sa.and_(~is_present, is_acknowledged), 1), else_=0).label("acknowledged"),
            sa.case((sa.or_(is_present, is_acknowledged), 1), else_=0).label("covered"),
        )
        .join(held_days, held_days.c.department_id == User.department_id)
        .outerjoin(present_days, sa.and_(present_days.c.user_id == User.id,
                                         present_days.c.date == held_days.c.date))
        .outerjoin(Acknowledgement, sa.and_(Acknowledgement.user_id == User.id,
                                            Acknowledgement.date == held_days.c.date))
        .where(User.active.is_(True), User.role.in_([Role.STAFF.value, Role.SUPERVISOR.value]))
        .cte("opportunities")
    )


def department_report(start: date, end: date, departments: list[Department]) -> Report:
    """Held/expected, attendance, acknowledgement, covered and pulse per department and site."""
    ids = [d.id for d in departments]
    held = {
        row.department_id: row for row in db.session.execute(
            sa.select(LineUp.department_id,
                      sa.func.count(sa.distinct(LineUp.date)).label("held"),
                      sa.func.count(LineUp.id).label("lineups"))
            .where(LineUp.date.between(start, end), LineUp.department_id.in_(ids))
            .group_by(LineUp.department_id))
    }
    opp = _opportunities(start, end, ids)
    counts = {
        row.department_id: row for row in db.session.execute(
            sa.select(opp.c.department_id, sa.func.count().label("opportunities"),
                      sa.func.sum(opp.c.present).label("present"),
                      sa.func.sum(opp.c.acknowledged).label("acknowledged"),
                      sa.func.sum(opp.c.covered).label("covered"))
            .group_by(opp.c.department_id))
    }
    pulses = {
        row.department_id: row for row in db.session.execute(
            sa.select(LineUp.department_id,
                      sa.func.sum(sa.case((Pulse.useful.is_(True), 1), else_=0)).label("useful"),
                      sa.func.sum(sa.case((Pulse.useful.is_(False), 1), else_=0))
                      .label("not_useful"))
            .join(LineUp, LineUp.id == Pulse.lineup_id)
            .where(LineUp.date.between(start, end), LineUp.department_id.in_(ids))
            .group_by(LineUp.department_id))
    }
    rows = []
    expected_by_site: dict[int, int] = {}
    for dept in departments:
        if dept.site_id not in expected_by_site:
            last = min(end, site_today(dept.site))
            expected_by_site[dept.site_id] = max(0, (last - start).days + 1)
        h, c, p = held.get(dept.id), counts.get(dept.id), pulses.get(dept.id)
        rows.append(DepartmentRow(
            department_id=dept.id, department=dept.name, site=dept.site.name,
            expected=expected_by_site[dept.site_id],
            held=h.held if h else 0, lineups=h.lineups if h else 0,
            opportunities=c.opportunities if c else 0, present=int(c.present or 0) if c else 0,
            acknowledged=int(c.acknowledged or 0) if c else 0,
            covered=int(c.covered or 0) if c else 0,
            useful=int(p.useful or 0) if p else 0, not_useful=int(p.not_useful or 0) if p else 0,
        ))
    site_names = list(dict.fromkeys(r.site for r in rows))
    sites = [_sum_rows([r for r in rows if r.site == name], site=name) for name in site_names]
    return Report(start, end, rows, sites, _sum_rows(rows))


def _person_query(start: date, end: date, department_ids: list[int], flagged_only: bool):
    opp = _opportunities(start, end, department_ids)
    ordered = sa.select(
        opp.c.user_id, opp.c.covered,
        (sa.func.row_number().over(partition_by=opp.c.user_id, order_by=opp.c.day)
         - sa.func.row_number().over(partition_by=(opp.c.user_id, opp.c.covered),
                                     order_by=opp.c.day)).label("island"),
    ).subquery()
    runs = (
        sa.select(ordered.c.user_id, sa.func.count().label("length"))
        .where(ordered.c.covered == 0).group_by(ordered.c.user_id, ordered.c.island).subquery()
    )
    streaks = (
        sa.select(runs.c.user_id, sa.func.max(runs.c.length).label("streak"))
        .group_by(runs.c.user_id).subquery()
    )
    totals = (
        sa.select(opp.c.user_id, sa.func.count().label("opportunities"),
                  sa.func.sum(opp.c.present).label("present"),
                  sa.func.sum(opp.c.acknowledged).label("acknowledged"),
                  sa.func.sum(opp.c.covered).label("covered"))
        .group_by(opp.c.user_id).subquery()
    )
    streak = sa.func.coalesce(streaks.c.streak, 0)
    stmt = (
        sa.select(User.id, User.first_name, User.last_name, Department.name.label("department"),
                  Site.name.label("site"),
                  sa.func.coalesce(totals.c.opportunities, 0).label("opportunities"),
                  sa.func.coalesce(totals.c.present, 0).label("present"),
                  sa.func.coalesce(totals.c.acknowledged, 0).label("acknowledged"),
                  sa.func.coalesce(totals.c.covered, 0).label("covered"),
                  streak.label("streak"))
        .join(Department, Department.id == User.department_id)
        .join(Site, Site.id == Department.site_id)
        .outerjoin(totals, totals.c.user_id == User.id)
        .outerjoin(streaks, streaks.c.user_id == User.id)
        .where(User.department_id.in_(department_ids), User.active.is_(True),
               User.role.in_([Role.STAFF.value, Role.SUPERVISOR.value]))
    )
    if flagged_only:
        stmt = stmt.where(streak >= STREAK_FLAG)
    return stmt


def _person_row(row) -> PersonRow:
    return PersonRow(user_id=row.id, name=f"{row.first_name} {row.last_name}",
                     department=row.department, site=row.site,
                     opportunities=int(row.opportunities), present=int(row.present),
                     acknowledged=int(row.acknowledged), covered=int(row.covered),
                     streak=int(row.streak))


def person_report(start: date, end: date, departments: list[Department], *,
                  flagged_only: bool = False, page: int | None = 1,
                  per_page: int = 25) -> tuple[list[PersonRow], int]:
    """Per-person rows (a page of them, or all when page is None) and the number of people."""
    ids = [d.id for d in departments]
    stmt = _person_query(start, end, ids, flagged_only)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
    stmt = stmt.order_by(Site.name, Department.name, User.last_name, User.first_name, User.id)
    if page is not None:
        stmt = stmt.offset((max(page, 1) - 1) * per_page).limit(per_page)
    return [_person_row(r) for r in db.session.execute(stmt)], int(total or 0)


DEPARTMENT_COLUMNS = ("site", "department", "held", "expected", "held_rate", "attendance_rate",
                      "acknowledgement_rate", "covered_rate", "useful", "not_useful")
PERSON_COLUMNS = ("name", "site", "department", "opportunities", "present", "acknowledged",
                  "covered", "attendance_rate", "acknowledgement_rate", "covered_rate", "streak")


def _csv(columns: tuple[str, ...], rows: Iterable) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        values = [getattr(row, c) for c in columns]
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue()


def departments_csv(report: Report) -> str:
    """The department table as CSV, numbers as plain numbers, like the screen."""
    return _csv(DEPARTMENT_COLUMNS, report.departments)


def people_csv(rows: list[PersonRow]) -> str:
    """The people table as CSV, numbers as plain numbers, like the screen."""
    return _csv(PERSON_COLUMNS, rows)


@dataclass
class LineUpRow:
    lineup_id: int
    date: date
    site: str
    department: str
    shift: str
    leader: str
    value_en: str
    value_de: str
    present: int
    absent: int
    excused: int
    acknowledged: int
    useful: int
    not_useful: int


def lineup_report(start: date, end: date, departments: list[Department], *,
                  page: int | None = 1, per_page: int = 25) -> tuple[list[LineUpRow], int]:
    """The line-ups held in the range, newest first, with their attendance counted in SQL."""
    from sqlalchemy.orm import aliased

    from .models import ServiceValue

    ids = [d.id for d in departments]
    marks = (
        sa.select(Attendance.lineup_id,
                  *[sa.func.sum(sa.case((Attendance.status == s.value, 1), else_=0)).label(s.value)
                    for s in AttendanceStatus])
        .group_by(Attendance.lineup_id).subquery()
    )
    # Marked absent or excused at this line-up, and read the value of that day later.
    acks = (
        sa.select(Attendance.lineup_id, sa.func.count().label("acknowledged"))
        .join(LineUp, LineUp.id == Attendance.lineup_id)
        .join(Acknowledgement, sa.and_(Acknowledgement.user_id == Attendance.user_id,
                                       Acknowledgement.date == LineUp.date))
        .where(Attendance.status != AttendanceStatus.PRESENT.value,
               LineUp.date.between(start, end), LineUp.department_id.in_(ids))
        .group_by(Attendance.lineup_id).subquery()
    )
    pulses = (
        sa.select(Pulse.lineup_id,
                  sa.func.sum(sa.case((Pulse.useful.is_(True), 1), else_=0)).label("useful"),
                  sa.func.sum(sa.case((Pulse.useful.is_(False), 1), else_=0)).label("not_useful"))
        .group_by(Pulse.lineup_id).subquery()
    )
    leader = aliased(User)
    stmt = (
        sa.select(LineUp.id, LineUp.date, LineUp.shift, Site.name.label("site"),
                  Department.name.label("department"),
                  sa.func.coalesce(leader.first_name + " " + leader.last_name, "").label("leader"),
                  sa.func.coalesce(ServiceValue.title_en, "").label("value_en"),
                  sa.func.coalesce(ServiceValue.title_de, "").label("value_de"),
                  *[sa.func.coalesce(marks.c[s.value], 0).label(s.value)
                    for s in AttendanceStatus],
                  sa.func.coalesce(acks.c.acknowledged, 0).label("acknowledged"),
                  sa.func.coalesce(pulses.c.useful, 0).label("useful"),
                  sa.func.coalesce(pulses.c.not_useful, 0).label("not_useful"))
        .join(Department, Department.id == LineUp.department_id)
        .join(Site, Site.id == LineUp.site_id)
        .outerjoin(leader, leader.id == LineUp.leader_id)
        .outerjoin(ServiceValue, ServiceValue.id == LineUp.value_id)
        .outerjoin(marks, marks.c.lineup_id == LineUp.id)
        .outerjoin(acks, acks.c.lineup_id == LineUp.id)
        .outerjoin(pulses, pulses.c.lineup_id == LineUp.id)
        .where(LineUp.date.between(start, end), LineUp.department_id.in_(ids))
    )
    total = db.session.scalar(
        sa.select(sa.func.count(LineUp.id))
        .where(LineUp.date.between(start, end), LineUp.department_id.in_(ids)))
    stmt = stmt.order_by(LineUp.date.desc(), Site.name, Department.name, LineUp.shift)
    if page is not None:
        stmt = stmt.offset((max(page, 1) - 1) * per_page).limit(per_page)
    rows = [LineUpRow(lineup_id=r.id, date=r.date, site=r.site, department=r.department,
                      shift=r.shift, leader=r.leader, value_en=r.value_en, value_de=r.value_de,
                      present=int(r.present), absent=int(r.absent), excused=int(r.excused),
                      acknowledged=int(r.acknowledged), useful=int(r.useful),
                      not_useful=int(r.not_useful))
            for r in db.session.execute(stmt)]
    return rows, int(total or 0)


LINEUP_COLUMNS = ("date", "site", "department", "shift", "leader", "value_en", "value_de",
                  "present", "absent", "excused", "acknowledged", "useful", "not_useful")


def lineups_csv(rows: list[LineUpRow]) -> str:
    """The held line-ups as CSV, like the screen."""
    return _csv(LINEUP_COLUMNS, rows)
