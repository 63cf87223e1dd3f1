"""Service standards, the line-up schedule, held line-ups and attendance."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lineup.extensions import db
from lineup.models import Department, Site, User, UTCDateTime, utcnow


class StandardKind(enum.StrEnum):
    CREDO = "credo"
    MOTTO = "motto"
    STEP = "step"
    VALUE = "value"
    # A custom topic HR pins to a date; never part of the rotation or the library.
    TOPIC = "topic"


# The order in which the library lists the kinds and the rotation walks through them.
KIND_ORDER = (StandardKind.CREDO, StandardKind.MOTTO, StandardKind.STEP, StandardKind.VALUE)


class Shift(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    NIGHT = "night"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


@dataclass(frozen=True)
class Localized:
    """A text in the reader's language, or in the other one (`fallback` names it)."""

    text: str
    fallback: str | None = None

    def __str__(self) -> str:
        return self.text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ServiceValue(db.Model):
    """One entry of the service standards: credo, motto, a step of service or a numbered value."""

    __tablename__ = "service_value"
    __table_args__ = (
        sa.CheckConstraint("kind in ('credo', 'motto', 'step', 'value', 'topic')",
                           name="kind_known"),
        sa.Index("ix_service_value_kind_archived", "kind", "archived"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10), default=StandardKind.VALUE.value)
    # The number people know it by (value 7, step 2); also its place in the rotation.
    number: Mapped[Optional[int]]
    title_en: Mapped[str] = mapped_column(sa.String(200), default="")
    title_de: Mapped[str] = mapped_column(sa.String(200), default="")
    body_en: Mapped[str] = mapped_column(sa.Text, default="")
    body_de: Mapped[str] = mapped_column(sa.Text, default="")
    # One example or prompt per line.
    examples_en: Mapped[str] = mapped_column(sa.Text, default="")
    examples_de: Mapped[str] = mapped_column(sa.Text, default="")
    prompts_en: Mapped[str] = mapped_column(sa.Text, default="")
    prompts_de: Mapped[str] = mapped_column(sa.Text, default="")
    source: Mapped[str] = mapped_column(sa.String(300), default="")
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def localized(self, field: str, language: str) -> Localized:
        """`field` (title, body, examples, prompts) in `language`, else the other language."""
        other = "en" if language == "de" else "de"
        primary = getattr(self, f"{field}_{'de' if language == 'de' else 'en'}") or ""
        if primary.strip():
            return Localized(primary)
        fallback = getattr(self, f"{field}_{other}") or ""
        return Localized(fallback, other if fallback.strip() else None)

    def title_for(self, language: str) -> str:
        """The title in `language`, falling back to the other language."""
        return self.localized("title", language).text

    def body_for(self, language: str) -> str:
        """The body in `language`, falling back to the other language."""
        return self.localized("body", language).text

    def examples_for(self, language: str) -> list[str]:
        return _lines(self.localized("examples", language).text)

    def prompts_for(self, language: str) -> list[str]:
        return _lines(self.localized("prompts", language).text)

    @property
    def kind_enum(self) -> StandardKind:
        return StandardKind(self.kind)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        order = KIND_ORDER.index(self.kind_enum) if self.kind_enum in KIND_ORDER else 9
        return (order, self.number or 0, self.id or 0)


class ScheduleOverride(db.Model):
    """HR pins a standard or a custom topic to one date or a range, for every site."""

    __tablename__ = "lineup_schedule_override"
    __table_args__ = (
        sa.CheckConstraint("end_date >= start_date", name="range_ordered"),
        sa.Index("ix_lineup_schedule_override_range", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    value_id: Mapped[int] = mapped_column(sa.ForeignKey("service_value.id"), index=True)
    created_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    value: Mapped[ServiceValue] = relationship()


class SiteNote(db.Model):
    """A site's own note on top of the value of the day: announcements, VIPs, events."""

    __tablename__ = "lineup_site_note"
    __table_args__ = (
        sa.CheckConstraint("end_date >= start_date", name="range_ordered"),
        sa.Index("ix_lineup_site_note_site_range", "site_id", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    text: Mapped[str] = mapped_column(sa.String(1000))
    created_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    site: Mapped[Site] = relationship()


class LineUp(db.Model):
    """A held briefing: one per department, shift and date."""

    __tablename__ = "line_up"
    __table_args__ = (
        sa.UniqueConstraint("department_id", "shift", "date"),
        sa.Index("ix_line_up_date_department", "date", "department_id"),
        sa.Index("ix_line_up_site_date", "site_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date]
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"))
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("department.id"))
    shift: Mapped[str] = mapped_column(sa.String(40))
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"), index=True)
    leader_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    wow_story: Mapped[str] = mapped_column(sa.Text, default="")
    wow_story_by: Mapped[str] = mapped_column(sa.String(200), default="")
    wow_story_source_id: Mapped[Optional[int]]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Bumped by every save, so a second save that raced the first is refused, not merged.
    version: Mapped[int] = mapped_column(default=1)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)

    site: Mapped[Site] = relationship()
    department: Mapped[Department] = relationship()
    value: Mapped[Optional[ServiceValue]] = relationship()
    leader: Mapped[Optional[User]] = relationship()


class Attendance(db.Model):
    __tablename__ = "lineup_attendance"
    __table_args__ = (
        sa.UniqueConstraint("lineup_id", "user_id"),
        sa.CheckConstraint("status in ('present', 'absent', 'excused')", name="status_known"),
        sa.Index("ix_lineup_attendance_user_status", "user_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lineup_id: Mapped[int] = mapped_column(sa.ForeignKey("line_up.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    status: Mapped[str] = mapped_column(sa.String(10))
    marked_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    marked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Acknowledgement(db.Model):
    """Someone who was not at the line-up read the value of that day and said so."""

    __tablename__ = "lineup_acknowledgement"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "date"),
        sa.Index("ix_lineup_acknowledgement_date", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    date: Mapped[dt.date]
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    lineup_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("line_up.id", ondelete="SET NULL"))
    acknowledged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    value: Mapped[Optional[ServiceValue]] = relationship()


class Pulse(db.Model):
    """The answer to "was today's line-up useful?" from someone who attended it."""

    __tablename__ = "lineup_pulse"
    __table_args__ = (sa.UniqueConstraint("lineup_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lineup_id: Mapped[int] = mapped_column(sa.ForeignKey("line_up.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    useful: Mapped[bool]
    comment: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
