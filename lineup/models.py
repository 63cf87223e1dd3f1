"""People and organisation: sites, departments, users, invites and the audit log."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, Optional

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """Timezone-aware UTC timestamps on both SQLite (which drops tzinfo) and PostgreSQL."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def render_migration_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Write UTCDateTime into migrations as a plain timezone-aware DateTime."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


class Role(enum.StrEnum):
    STAFF = "staff"
    SUPERVISOR = "supervisor"
    HR = "hr"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


LANGUAGES = ("de", "en")


class Site(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    timezone: Mapped[str] = mapped_column(sa.String(64), default="Europe/Berlin")
    default_language: Mapped[str] = mapped_column(sa.String(2), default="de")

    departments: Mapped[list[Department]] = relationship(
        back_populates="site", order_by="Department.name"
    )

    def __str__(self) -> str:
        return self.name


supervisor_departments = sa.Table(
    "supervisor_departments",
    db.metadata,
    sa.Column("user_id", sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "department_id", sa.ForeignKey("department.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Department(db.Model):
    __table_args__ = (sa.UniqueConstraint("site_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))

    site: Mapped[Site] = relationship(back_populates="departments")
    leaders: Mapped[list[User]] = relationship(
        secondary=supervisor_departments, back_populates="led_departments", viewonly=True
    )

    def __str__(self) -> str:
        return f"{self.name} ({self.site.name})"


class User(UserMixin, db.Model):
    __table_args__ = (
        sa.CheckConstraint(
            "role in ('staff', 'supervisor', 'hr', 'admin')", name="role_known"
        ),
        sa.CheckConstraint("language in ('de', 'en')", name="language_known"),
        sa.Index("ix_user_site_department", "site_id", "department_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased so uniqueness is case-insensitive on every database.
    email: Mapped[Optional[str]] = mapped_column(sa.String(254), unique=True)
    employee_number: Mapped[str] = mapped_column(sa.String(40), unique=True)
    first_name: Mapped[str] = mapped_column(sa.String(80))
    last_name: Mapped[str] = mapped_column(sa.String(80))
    display_name: Mapped[str] = mapped_column(sa.String(80))
    role: Mapped[str] = mapped_column(sa.String(16), default=Role.STAFF.value)
    site_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("site.id"))
    department_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("department.id"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(2), default="de")
    active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[Optional[str]] = mapped_column(sa.String(256))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    # Part of the login cookie: bumping it signs out every other session of this user.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    site: Mapped[Optional[Site]] = relationship()
    department: Mapped[Optional[Department]] = relationship()
    led_departments: Mapped[list[Department]] = relationship(
        secondary=supervisor_departments, back_populates="leaders", order_by="Department.name"
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def is_active(self) -> bool:  # Flask-Login: inactive users cannot sign in
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def has_role(self, role: Role) -> bool:
        return self.role_enum.at_least(role)

    def __str__(self) -> str:
        return self.full_name


class Invite(db.Model):
    """A single-use, expiring link with which a new account sets its own password."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class AuditLog(db.Model):
    __table_args__ = (sa.Index("ix_audit_log_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(80))
    target_type: Mapped[str] = mapped_column(sa.String(60))
    target_id: Mapped[Optional[int]]
    details: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    ip: Mapped[Optional[str]] = mapped_column(sa.String(45))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor: Mapped[Optional[User]] = relationship()
