"""Held line-ups: starting one, the roster and attendance, acknowledgements and the pulse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from lineup import audit
from lineup.extensions import db
from lineup.hooks import wow_story_providers
from lineup.models import Department, Role, User
from lineup.permissions import can_manage_department

from . import clock
from .models import Acknowledgement, Attendance, AttendanceStatus, LineUp, Pulse, Shift
from .schedule import ScheduledDay, scheduled_day, site_timezone, site_today

LINEUP_MINUTES = 15
MAX_STORY = 4000
MAX_NOTES = 4000
MAX_CUSTOM_SHIFT = 40

SHIFT_LABELS = {
    Shift.MORNING.value: _l("Morning"),
    Shift.AFTERNOON.value: _l("Afternoon"),
    Shift.NIGHT.value: _l("Night"),
}
STATUS_LABELS = {
    AttendanceStatus.PRESENT.value: _l("Present"),
    AttendanceStatus.ABSENT.value: _l("Absent"),
    AttendanceStatus.EXCUSED.value: _l("Excused"),
}


class LineUpError(Exception):
    """A request the line-up cannot accept; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def shift_label(shift: str) -> str:
    """The translated name of a standard shift, or a custom shift as it was typed."""
    label = SHIFT_LABELS.get(shift)
    return str(label) if label is not None else shift


def normalise_shift(shift: str | None, custom: str | None = "") -> str:
    """A standard shift key, or the custom shift name with its whitespace tidied."""
    shift = (shift or "").strip().lower()
    if shift in SHIFT_LABELS:
        return shift
    if shift == "custom":
        name = " ".join((custom or "").split())
        if not name:
            raise LineUpError(_("Name the custom shift."))
        if len(name) > MAX_CUSTOM_SHIFT:
            raise LineUpError(_("A shift name has at most %(n)d characters.", n=MAX_CUSTOM_SHIFT))
        if name.lower() in SHIFT_LABELS:
            return name.lower()
        return name
    raise LineUpError(_("Choose a shift."))


def roster(department_id: int) -> list[User]:
    """The active people of a department, by name: who can attend its line-up."""
    return list(db.session.scalars(
        sa.select(User)
        .where(User.department_id == department_id, User.active.is_(True),
               User.role.in_([Role.STAFF.value, Role.SUPERVISOR.value]))
        .order_by(User.last_name, User.first_name, User.id)
    ))


def _insert_ignoring_conflict(model: type, values: dict) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING; the new id, or None when the row already existed."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(model).values(**values).on_conflict_do_nothing().returning(model.id)
    return db.session.execute(stmt).scalar()


def find_lineup(department_id: int, shift: str, day: date) -> LineUp | None:
    """The line-up of a department, shift and date, if it was started."""
    return db.session.scalars(
        sa.select(LineUp).where(LineUp.department_id == department_id, LineUp.shift == shift,
                                LineUp.date == day)
    ).first()


def start_lineup(department: Department, shift: str, leader: User,
                 day: date | None = None) -> LineUp:
    """Today's line-up of a department and shift: the existing one, or a new one.

    Two supervisors starting it at the same moment get the same row: the insert ignores the
    conflict on (department, shift, date) and both then read the one that won.
    """
    day = day or site_today(department.site)
    existing = find_lineup(department.id, shift, day)
    if existing is not None:
        return existing
    value = scheduled_day(department.site, day).value
    new_id = _insert_ignoring_conflict(LineUp, {
        "date": day, "site_id": department.site_id, "department_id": department.id,
        "shift": shift, "value_id": value.id if value else None, "leader_id": leader.id,
        "started_at": clock.now(),
    })
    if new_id is None:
        lineup = find_lineup(department.id, shift, day)
        assert lineup is not None  # the conflicting row exists: it is why nothing was inserted
        return lineup
    lineup = db.session.get(LineUp, new_id)
    attach_wow_story(lineup)
    audit.record(leader, "lineup.started", lineup,
                 {"department_id": department.id, "shift": shift, "date": day.isoformat()})
    return lineup


def attach_wow_story(lineup: LineUp) -> None:
    """Ask the registered providers for a story; the first one that has one wins."""
    for provider in wow_story_providers():
        story = provider(lineup)
        if story is not None:
            lineup.wow_story = story.text
            lineup.wow_story_by = story.attribution
            lineup.wow_story_source_id = story.source_id
            return


def ends_at(lineup: LineUp):
    """When the 15 minutes of the line-up are up."""
    return lineup.started_at + timedelta(minutes=LINEUP_MINUTES)


def is_open(lineup: LineUp) -> bool:
    """A line-up can be corrected by its supervisors until the end of its day at its site."""
    return site_today(lineup.site) <= lineup.date


def can_edit(user: User, lineup: LineUp) -> bool:
    """Supervisors of the department until the day ends; HR always, as an audited correction."""
    if user.has_role(Role.HR):
        return True
    return is_open(lineup) and can_manage_department(user, lineup.department_id)


def attendance_of(lineup: LineUp) -> dict[int, Attendance]:
    """The marks recorded so far, by user id."""
    return {a.user_id: a for a in db.session.scalars(
        sa.select(Attendance).where(Attendance.lineup_id == lineup.id))}


def save_lineup(lineup: LineUp, actor: User, *, version: int, statuses: dict[int, str],
                story: str, story_by: str, notes: str) -> LineUp:
    """Save attendance, story and notes; refuse a stale version or a finished line-up."""
    if not can_edit(actor, lineup):
        raise LineUpError(_("This line-up has ended and can no longer be changed."), 409)
    members = {u.id for u in roster(lineup.department_id)}
    existing = attendance_of(lineup)
    allowed = members | set(existing)
    for user_id, status in statuses.items():
        if user_id not in allowed:
            raise LineUpError(_("Attendance can only be recorded for people of this department."))
        if status not in STATUS_LABELS:
            raise LineUpError(_("Choose present, absent or excused for each person."))
    if len(story) > MAX_STORY or len(notes) > MAX_NOTES or len(story_by) > 200:
        raise LineUpError(_("The story or the notes are too long."))

    now = clock.now()
    claimed = db.session.execute(
        sa.update(LineUp).where(LineUp.id == lineup.id, LineUp.version == version)
        .values(version=LineUp.version + 1, saved_at=now, wow_story=story.strip(),
                wow_story_by=story_by.strip(), notes=notes.strip())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise LineUpError(_("Someone else saved this line-up a moment ago. Reload the page and "
                            "check the attendance before saving again."), 409)
    changes = {}
    for user_id, status in statuses.items():
        row = existing.get(user_id)
        if row is None:
            db.session.add(Attendance(lineup_id=lineup.id, user_id=user_id, status=status,
                                      marked_by_id=actor.id, marked_at=now))
            changes[str(user_id)] = [None, status]
        elif row.status != status:
            changes[str(user_id)] = [row.status, status]
            row.status, row.marked_by_id, row.marked_at = status, actor.id, now
    db.session.flush()
    db.session.refresh(lineup)
    correction = not is_open(lineup)  # only HR gets this far once the day has ended
    audit.record(actor, "lineup.corrected" if correction else "lineup.saved", lineup,
                 {"attendance": changes})
    return lineup


def parse_statuses(form) -> dict[int, str]:
    """The `status-<user id>` fields of a submitted roster."""
    statuses = {}
    for key, value in form.items():
        if key.startswith("status-"):
            user_id = key.removeprefix("status-")
            if not user_id.isdigit() or len(user_id) > 12:
                raise LineUpError(_("Attendance can only be recorded for people of this "
                                    "department."))
            statuses[int(user_id)] = value
    return statuses


def facilitator_context(lineup: LineUp, user: User) -> dict:
    """Everything the facilitator page and the printable card show."""
    members = roster(lineup.department_id)
    marks = attendance_of(lineup)
    former = set(marks) - {m.id for m in members}
    if former:  # people marked earlier who have since left the department
        members += list(db.session.scalars(sa.select(User).where(User.id.in_(former))))
    tz = site_timezone(lineup.site)
    editable = can_edit(user, lineup)
    return {
        "lineup": lineup, "value": lineup.value, "people": members,
        "marks": {uid: a.status for uid, a in marks.items()},
        "notes": scheduled_day(lineup.site, lineup.date).notes,
        "editable": editable, "correction": editable and not is_open(lineup),
        "started": lineup.started_at.astimezone(tz), "ends": ends_at(lineup).astimezone(tz),
        "remaining": _clock_face((ends_at(lineup) - clock.now()).total_seconds()),
        "status_labels": STATUS_LABELS, "shift": shift_label(lineup.shift),
    }


def _clock_face(seconds: float) -> str:
    """mm:ss left of the line-up, or +mm:ss over time."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(int(abs(seconds)), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


def todays_lineups(departments: list[Department]) -> list[LineUp]:
    """The line-ups held today (in each site's timezone) by the given departments."""
    if not departments:
        return []
    todays = {d.site_id: site_today(d.site) for d in departments}
    return list(db.session.scalars(
        sa.select(LineUp)
        .where(LineUp.department_id.in_([d.id for d in departments]),
               sa.or_(*[sa.and_(LineUp.site_id == site_id, LineUp.date == day)
                        for site_id, day in todays.items()]))
        .options(selectinload(LineUp.department), selectinload(LineUp.value))
        .order_by(LineUp.started_at)
    ))


# --- staff -----------------------------------------------------------------------------------


@dataclass
class StaffDay:
    """What one person sees of a day's line-up."""

    day: date
    schedule: ScheduledDay
    lineup: LineUp | None
    status: str | None
    acknowledgement: Acknowledgement | None
    pulse: Pulse | None

    @property
    def present(self) -> bool:
        return self.status == AttendanceStatus.PRESENT.value

    @property
    def needs_acknowledgement(self) -> bool:
        return not self.present and self.acknowledgement is None


def staff_day(user: User, day: date | None = None) -> StaffDay:
    """The value, the department's line-up and this person's part in it, for one day."""
    day = day or site_today(user.site)
    schedule = scheduled_day(user.site, day)
    lineup, status = None, None
    if user.department_id is not None:
        rows = db.session.execute(
            sa.select(LineUp, Attendance.status)
            .outerjoin(Attendance, sa.and_(Attendance.lineup_id == LineUp.id,
                                           Attendance.user_id == user.id))
            .where(LineUp.department_id == user.department_id, LineUp.date == day)
            .options(selectinload(LineUp.value))
            .order_by(LineUp.started_at)
        ).all()
        attended = [r for r in rows if r[1] == AttendanceStatus.PRESENT.value]
        chosen = attended[0] if attended else (rows[0] if rows else None)
        if chosen is not None:
            lineup, status = chosen
    acknowledgement = db.session.scalars(
        sa.select(Acknowledgement).where(Acknowledgement.user_id == user.id,
                                         Acknowledgement.date == day)).first()
    pulse = None
    if lineup is not None:
        pulse = db.session.scalars(
            sa.select(Pulse).where(Pulse.lineup_id == lineup.id, Pulse.user_id == user.id)
        ).first()
    return StaffDay(day, schedule, lineup, status, acknowledgement, pulse)


CATCH_UP_DAYS = 7


def missed_lineups(user: User, days: int = CATCH_UP_DAYS) -> list[LineUp]:
    """Line-ups of the user's department in the last `days` days (before today) that they
    neither attended nor acknowledged; one per date, oldest first."""
    if user.department_id is None:
        return []
    today = site_today(user.site)
    attended = sa.exists().where(Attendance.lineup_id == LineUp.id,
                                 Attendance.user_id == user.id,
                                 Attendance.status == AttendanceStatus.PRESENT.value)
    acknowledged = sa.exists().where(Acknowledgement.user_id == user.id,
                                     Acknowledgement.date == LineUp.date)
    rows = db.session.scalars(
        sa.select(LineUp)
        .where(LineUp.department_id == user.department_id,
               LineUp.date.between(today - timedelta(days=days), today - timedelta(days=1)),
               ~attended, ~acknowledged)
        .options(selectinload(LineUp.value))
        .order_by(LineUp.date, LineUp.started_at)
    )
    by_day: dict[date, LineUp] = {}
    for lineup in rows:
        by_day.setdefault(lineup.date, lineup)
    return list(by_day.values())


def acknowledge(user: User, day: date | None = None) -> Acknowledgement:
    """Record (once) that `user` read the value of a day (today, or a recent day they missed);
    a second tap changes nothing."""
    today = site_today(user.site)
    if day is not None and not today - timedelta(days=CATCH_UP_DAYS) <= day <= today:
        raise LineUpError(_("Only the last %(n)d days can be acknowledged.", n=CATCH_UP_DAYS))
    info = staff_day(user, day)
    if info.acknowledgement is not None:
        return info.acknowledgement
    value = info.lineup.value if info.lineup and info.lineup.value else info.schedule.value
    if value is None:
        raise LineUpError(_("There is no value of the day to acknowledge yet."), 409)
    new_id = _insert_ignoring_conflict(Acknowledgement, {
        "user_id": user.id, "date": info.day, "value_id": value.id,
        "lineup_id": info.lineup.id if info.lineup else None, "acknowledged_at": clock.now(),
    })
    if new_id is None:
        return db.session.scalars(sa.select(Acknowledgement).where(
            Acknowledgement.user_id == user.id, Acknowledgement.date == info.day)).one()
    return db.session.get(Acknowledgement, new_id)


def record_pulse(user: User, lineup: LineUp, useful: bool, comment: str = "") -> Pulse:
    """Record or update `user`'s answer to "was the line-up useful?"; only for attendees."""
    status = db.session.scalar(sa.select(Attendance.status).where(
        Attendance.lineup_id == lineup.id, Attendance.user_id == user.id))
    if status != AttendanceStatus.PRESENT.value:
        raise LineUpError(_("Only people who attended the line-up can rate it."), 403)
    comment = (comment or "").strip()
    if len(comment) > 500:
        raise LineUpError(_("The comment has at most 500 characters."))
    # A double tap must not fail on the unique (line-up, person): insert or else update.
    new_id = _insert_ignoring_conflict(Pulse, {
        "lineup_id": lineup.id, "user_id": user.id, "useful": useful, "comment": comment,
        "created_at": clock.now()})
    if new_id is not None:
        return db.session.get(Pulse, new_id)
    pulse = db.session.scalars(sa.select(Pulse).where(
        Pulse.lineup_id == lineup.id, Pulse.user_id == user.id)).one()
    pulse.useful, pulse.comment = useful, comment
    db.session.flush()
    return pulse


@dataclass
class SeenValue:
    day: date
    value_id: int
    how: str  # "present" or "acknowledged"


def seen_history(user: User, page: int = 1, per_page: int = 20) -> tuple[list, bool]:
    """The values `user` attended or acknowledged, newest first; (rows, has_more)."""
    from .models import ServiceValue

    present = (
        sa.select(LineUp.date.label("day"), LineUp.value_id.label("value_id"),
                  sa.literal("present").label("how"))
        .join(Attendance, Attendance.lineup_id == LineUp.id)
        .where(Attendance.user_id == user.id,
               Attendance.status == AttendanceStatus.PRESENT.value,
               LineUp.value_id.is_not(None))
    )
    acknowledged = (
        sa.select(Acknowledgement.date.label("day"), Acknowledgement.value_id.label("value_id"),
                  sa.literal("acknowledged").label("how"))
        .where(Acknowledgement.user_id == user.id, Acknowledgement.value_id.is_not(None))
    )
    seen = sa.union_all(present, acknowledged).subquery()
    page = max(page, 1)
    rows = db.session.execute(
        sa.select(seen.c.day, seen.c.how, ServiceValue)
        .join(ServiceValue, ServiceValue.id == seen.c.value_id)
        .order_by(seen.c.day.desc(), seen.c.how.desc())
        .offset((page - 1) * per_page).limit(per_page + 1)
    ).all()
    return rows[:per_page], len(rows) > per_page
