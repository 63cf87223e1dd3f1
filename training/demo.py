"""Demo data of the training area: the Lineup Service Standards and 60 days of line-ups.

Idempotent and fast: existing line-ups are left alone, new rows go in as bulk inserts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.hooks import demo_seeder
from lineup.models import Department, Role, Site, User, supervisor_departments

from .content import DEMO_STORIES
from .models import Acknowledgement, Attendance, LineUp, Pulse, SiteNote
from .schedule import schedule_for_range, site_timezone
from .standards import seed_standards

HISTORY_DAYS = 60
COMMENTS = ("Good example, thanks.", "Gutes Beispiel aus dem Alltag.", "", "",
            "Kurz und hilfreich.", "The story was great.")
NOTES = {
    "berlin": "Konferenzgruppe 'Nordlicht' im Haus (42 Zimmer): Frühstück schon ab 6 Uhr.",
    "new-york": "Marathon weekend: expect early breakfasts and late check-outs.",
}


def _local(day: date, at: time, site: Site) -> datetime:
    return datetime.combine(day, at, tzinfo=site_timezone(site))


@demo_seeder(10)
def seed_training_demo(today: date) -> None:
    """The standards, 60 days of line-up history for every department, and today's notes."""
    seed_standards()
    db.session.flush()
    seed_history(today)
    seed_site_notes(today)


def seed_site_notes(today: date) -> None:
    """A note for each demo site from today for three days, unless it is there."""
    for site in db.session.scalars(sa.select(Site).where(Site.slug.in_(list(NOTES)))):
        exists = db.session.scalar(sa.select(SiteNote.id).where(
            SiteNote.site_id == site.id, SiteNote.text == NOTES[site.slug],
            SiteNote.end_date >= today))
        if exists is None:
            db.session.add(SiteNote(site_id=site.id, start_date=today,
                                    end_date=today + timedelta(days=2), text=NOTES[site.slug]))


def seed_history(today: date, days: int = HISTORY_DAYS) -> int:
    """Line-ups with attendance, acknowledgements and pulses for the days before `today`."""
    start, end = today - timedelta(days=days), today - timedelta(days=1)
    departments = list(db.session.scalars(
        sa.select(Department).options(selectinload(Department.site))))
    people: dict[int, list[User]] = {}
    for user in db.session.scalars(
            sa.select(User).where(User.active.is_(True),
                                  User.role.in_([Role.STAFF.value, Role.SUPERVISOR.value]),
                                  User.department_id.is_not(None))
            .order_by(User.last_name, User.first_name)):
        people.setdefault(user.department_id, []).append(user)
    leaders = dict(db.session.execute(sa.select(supervisor_departments.c.department_id,
                                                supervisor_departments.c.user_id)).all())
    values = {d.date: d.value for d in schedule_for_range(start, end)}
    existing = set(db.session.execute(
        sa.select(LineUp.department_id, LineUp.date).where(LineUp.date.between(start, end))).all())

    new_lineups = []
    for dept in departments:
        day = start
        while day <= end:
            rng = random.Random(f"lineup-{dept.id}-{day}")  # noqa: S311 - demo data
            if (dept.id, day) not in existing and rng.random() > 0.07 and people.get(dept.id):
                value = values.get(day)
                story, by = DEMO_STORIES[(day.toordinal() + dept.id) % len(DEMO_STORIES)]
                new_lineups.append({
                    "date": day, "site_id": dept.site_id, "department_id": dept.id,
                    "shift": "morning", "value_id": value.id if value else None,
                    "leader_id": leaders.get(dept.id), "wow_story": story, "wow_story_by": by,
                    "started_at": _local(day, time(7, 45), dept.site),
                    "saved_at": _local(day, time(7, 58), dept.site),
                })
            day += timedelta(days=1)
    if not new_lineups:
        return 0
    db.session.execute(sa.insert(LineUp), new_lineups)
    keys = {(row["department_id"], row["date"]) for row in new_lineups}
    ids = {(d, day): i for i, d, day in db.session.execute(
        sa.select(LineUp.id, LineUp.department_id, LineUp.date)
        .where(LineUp.date.between(start, end), LineUp.shift == "morning"))
        if (d, day) in keys}

    attendance, acks, pulses = [], [], []
    site_of = {d.id: d.site for d in departments}
    for row in new_lineups:
        dept_id, day = row["department_id"], row["date"]
        lineup_id, site = ids[(dept_id, day)], site_of[dept_id]
        members = people[dept_id]
        for n, person in enumerate(members):
            rng = random.Random(f"person-{person.id}-{day}")  # noqa: S311 - demo data
            # The last person of each department has missed the last few line-ups.
            recent_miss = n == len(members) - 1 and len(members) > 2 and (today - day).days <= 4
            roll = rng.random()
            status = ("absent" if recent_miss else
                      "present" if roll < 0.8 else "excused" if roll < 0.87 else "absent")
            attendance.append({"lineup_id": lineup_id, "user_id": person.id, "status": status,
                               "marked_by_id": row["leader_id"], "marked_at": row["saved_at"]})
            if status != "present" and not recent_miss and rng.random() < 0.6:
                acks.append({"user_id": person.id, "date": day, "value_id": row["value_id"],
                             "lineup_id": lineup_id,
                             "acknowledged_at": _local(day, time(15, 30), site)})
            if status == "present" and rng.random() < 0.45:
                pulses.append({"lineup_id": lineup_id, "user_id": person.id,
                               "useful": rng.random() < 0.85,
                               "comment": rng.choice(COMMENTS),
                               "created_at": _local(day, time(8, 30), site)})
    # Acknowledgements are unique per person and day: skip days someone already acknowledged.
    taken = set(db.session.execute(sa.select(Acknowledgement.user_id, Acknowledgement.date)
                                   .where(Acknowledgement.date.between(start, end))).all())
    acks = [a for a in acks if (a["user_id"], a["date"]) not in taken]
    for table, rows in ((Attendance, attendance), (Acknowledgement, acks), (Pulse, pulses)):
        if rows:
            db.session.execute(sa.insert(table), rows)
    return len(new_lineups)
