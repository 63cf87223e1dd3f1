"""The line-up schedule: which standard the whole organisation discusses on which date.

The rotation walks through the active standards (credo, motto, steps, values) one per calendar
day, counted from a fixed epoch, so every site shows the same standard on the same local date.
HR overrides (a pinned standard or a custom topic) win over the rotation without shifting it;
each site may add its own notes on top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from lineup import audit
from lineup.extensions import db
from lineup.models import Site, User

from . import clock
from .models import KIND_ORDER, ScheduleOverride, ServiceValue, SiteNote, StandardKind

EPOCH = date(2024, 1, 1)
MAX_RANGE_DAYS = 366
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class ScheduleError(ValueError):
    """Input the schedule cannot accept; the message is meant for the user."""


@dataclass
class ScheduledDay:
    date: date
    value: ServiceValue | None
    override: ScheduleOverride | None = None
    notes: list[SiteNote] = field(default_factory=list)

    @property
    def pinned(self) -> bool:
        return self.override is not None


def site_timezone(site: Site | None) -> ZoneInfo:
    """The site's timezone; UTC when there is no site or the name is unknown."""
    try:
        return ZoneInfo(site.timezone) if site is not None else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def site_today(site: Site | None) -> date:
    """Today's date in the site's timezone (UTC when there is no site)."""
    return clock.now().astimezone(site_timezone(site) if site is not None else UTC).date()


def active_values() -> list[ServiceValue]:
    """The standards in the rotation (not archived, not custom topics), in rotation order."""
    rows = db.session.scalars(
        sa.select(ServiceValue).where(
            ServiceValue.kind.in_([k.value for k in KIND_ORDER]),
            ServiceValue.archived.is_(False),
        )
    )
    return sorted(rows, key=lambda v: v.sort_key)


def rotation_value(values: list[ServiceValue], day: date) -> ServiceValue | None:
    """The standard the rotation gives `day`, from an already loaded active list."""
    if not values:
        return None
    return values[(day - EPOCH).days % len(values)]


def schedule_for_range(start: date, end: date, site: Site | None = None) -> list[ScheduledDay]:
    """Every day from start to end with its standard, override and (for a site) its notes.

    Three queries whatever the length of the range.
    """
    values = active_values()
    overrides = list(db.session.scalars(
        sa.select(ScheduleOverride)
        .where(ScheduleOverride.start_date <= end, ScheduleOverride.end_date >= start)
        .options(selectinload(ScheduleOverride.value))
        .order_by(ScheduleOverride.id)
    ))
    notes: list[SiteNote] = []
    if site is not None:
        notes = list(db.session.scalars(
            sa.select(SiteNote)
            .where(SiteNote.site_id == site.id, SiteNote.start_date <= end,
                   SiteNote.end_date >= start)
            .order_by(SiteNote.start_date, SiteNote.id)
        ))
    days = []
    day = start
    while day <= end:
        # The newest override covering the day wins.
        override = next((o for o in reversed(overrides)
                         if o.start_date <= day <= o.end_date), None)
        value = override.value if override else rotation_value(values, day)
        day_notes = [n for n in notes if n.start_date <= day <= n.end_date]
        days.append(ScheduledDay(day, value, override, day_notes))
        day += timedelta(days=1)
    return days


def scheduled_day(site: Site | None, day: date | None = None) -> ScheduledDay:
    """The schedule of one day (default: the site's today) with the site's notes."""
    day = day or site_today(site)
    return schedule_for_range(day, day, site)[0]


def value_of_the_day(site: Site | None, day: date | None = None) -> ServiceValue | None:
    """The standard (or pinned custom topic) for `day`; the same for the whole organisation."""
    return scheduled_day(None, day or site_today(site)).value


def check_range(start: date, end: date, max_days: int = MAX_RANGE_DAYS) -> None:
    """Refuse reversed, absurd or overlong date ranges with a message for the user."""
    from flask_babel import gettext as _

    if not (EARLIEST <= start <= LATEST and EARLIEST <= end <= LATEST):
        raise ScheduleError(_("Dates must lie between 2000 and 2100."))
    if end < start:
        raise ScheduleError(_("The end date lies before the start date."))
    if (end - start).days >= max_days:
        raise ScheduleError(_("Choose a range of at most %(days)d days.", days=max_days))


def pin_standard(actor: User, start: date, end: date, value: ServiceValue) -> ScheduleOverride:
    """Pin an existing standard to a date range for the whole organisation."""
    check_range(start, end)
    override = ScheduleOverride(start_date=start, end_date=end, value=value,
                                created_by_id=actor.id)
    db.session.add(override)
    audit.record(actor, "lineup.pin_created", override,
                 {"start": start.isoformat(), "end": end.isoformat(), "value_id": value.id})
    return override


def pin_topic(actor: User, start: date, end: date, texts: dict[str, str]) -> ScheduleOverride:
    """Pin a custom topic (title, body, prompts in DE/EN) to a date range."""
    check_range(start, end)
    topic = ServiceValue(kind=StandardKind.TOPIC.value, **texts)
    db.session.add(topic)
    db.session.flush()
    return pin_standard(actor, start, end, topic)


def remove_pin(actor: User, override: ScheduleOverride) -> None:
    """Remove an override; the rotation shows through again."""
    audit.record(actor, "lineup.pin_removed", override,
                 {"start": override.start_date.isoformat(), "value_id": override.value_id})
    db.session.delete(override)


def add_site_note(actor: User, site: Site, start: date, end: date, text: str) -> SiteNote:
    """Add a site's note (announcement, VIP, event) for a date range."""
    check_range(start, end)
    note = SiteNote(site_id=site.id, start_date=start, end_date=end, text=text.strip(),
                    created_by_id=actor.id)
    db.session.add(note)
    audit.record(actor, "lineup.note_created", note, {"site_id": site.id})
    return note


def remove_site_note(actor: User, note: SiteNote) -> None:
    """Delete a site note, with an audit entry."""
    audit.record(actor, "lineup.note_removed", note, {"site_id": note.site_id})
    db.session.delete(note)


def upcoming_overrides(from_day: date, limit: int = 50) -> list[ScheduleOverride]:
    """Overrides that end on or after `from_day`, soonest first."""
    return list(db.session.scalars(
        sa.select(ScheduleOverride).where(ScheduleOverride.end_date >= from_day)
        .options(selectinload(ScheduleOverride.value))
        .order_by(ScheduleOverride.start_date, ScheduleOverride.id).limit(limit)
    ))


def upcoming_site_notes(site_ids: list[int], from_day: date, limit: int = 50) -> list[SiteNote]:
    """Notes of the given sites that end on or after `from_day`, soonest first."""
    return list(db.session.scalars(
        sa.select(SiteNote).where(SiteNote.site_id.in_(site_ids), SiteNote.end_date >= from_day)
        .options(selectinload(SiteNote.site))
        .order_by(SiteNote.start_date, SiteNote.id).limit(limit)
    ))
