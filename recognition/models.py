"""Customer feedback, its matching to staff, awards and budgets, peer cards and the board."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lineup.extensions import db
from lineup.models import Department, Site, User, UTCDateTime, utcnow


class Kind(enum.StrEnum):
    PRAISE = "praise"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"


class Status(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ComplaintState(enum.StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    FOLLOWED_UP = "followed_up"


class Visibility(enum.StrEnum):
    EVERYONE = "everyone"
    TEAM = "team"
    PRIVATE = "private"


class StaffProfile(db.Model):
    """A person's recognition preferences and the aliases customers use for them."""

    __tablename__ = "staff_profile"
    __table_args__ = (
        sa.CheckConstraint("visibility in ('everyone', 'team', 'private')",
                           name="visibility_known"),
    )

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    visibility: Mapped[str] = mapped_column(sa.String(10), default=Visibility.EVERYONE.value)
    listed_on_form: Mapped[bool] = mapped_column(default=False)
    # Comma-separated nicknames and common misspellings, edited by HR.
    aliases: Mapped[str] = mapped_column(sa.String(500), default="")

    user: Mapped[User] = relationship()

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.split(",") if a.strip()]


class Feedback(db.Model):
    """One piece of customer feedback, from any channel, stored exactly once."""

    __tablename__ = "feedback"
    __table_args__ = (
        sa.UniqueConstraint("site_id", "source", "external_id", name="uq_feedback_external"),
        sa.CheckConstraint("kind in ('praise', 'complaint', 'suggestion')", name="kind_known"),
        sa.CheckConstraint("status in ('pending', 'approved', 'rejected')", name="status_known"),
        sa.CheckConstraint("rating is null or (rating >= 1 and rating <= 5)", name="rating_range"),
        sa.Index("ix_feedback_inbox", "status", "kind", "department_id"),
        sa.Index("ix_feedback_wow", "wow_story", "used_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    department_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("department.id"),
                                                         index=True)
    kind: Mapped[str] = mapped_column(sa.String(12), default=Kind.PRAISE.value)
    channel: Mapped[str] = mapped_column(sa.String(12))  # form, staff, csv, api
    source: Mapped[str] = mapped_column(sa.String(40))  # e.g. qr-form, comment-card, google
    external_id: Mapped[Optional[str]] = mapped_column(sa.String(120))
    staff_names: Mapped[str] = mapped_column(sa.String(300), default="")
    text: Mapped[str] = mapped_column(sa.Text)
    # What colleagues may read: redacted, possibly edited for privacy by the moderator.
    public_text: Mapped[str] = mapped_column(sa.Text)
    occurred_on: Mapped[Optional[date]] = mapped_column(sa.Date)
    shift: Mapped[Optional[str]] = mapped_column(sa.String(12))
    rating: Mapped[Optional[int]]
    language: Mapped[str] = mapped_column(sa.String(2), default="en")
    customer_name: Mapped[Optional[str]] = mapped_column(sa.String(120))
    customer_email: Mapped[Optional[str]] = mapped_column(sa.String(254))
    reply_consent: Mapped[bool] = mapped_column(default=False)
    match_outcome: Mapped[str] = mapped_column(sa.String(12), default="none")
    status: Mapped[str] = mapped_column(sa.String(10), default=Status.PENDING.value, index=True)
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    suggested_value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    reject_reason: Mapped[Optional[str]] = mapped_column(sa.String(500))
    logged_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    decided_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    decided_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Wow stories for the line-up.
    wow_story: Mapped[bool] = mapped_column(default=False)
    used_in_line_up_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("line_up.id", ondelete="SET NULL"))
    used_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    # Complaints: private follow-up.
    owner_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"), index=True)
    complaint_state: Mapped[Optional[str]] = mapped_column(sa.String(12))
    due_on: Mapped[Optional[date]] = mapped_column(sa.Date)

    site: Mapped[Site] = relationship()
    department: Mapped[Optional[Department]] = relationship()
    value = relationship("ServiceValue", foreign_keys=[value_id])
    suggested_value = relationship("ServiceValue", foreign_keys=[suggested_value_id])
    owner: Mapped[Optional[User]] = relationship(foreign_keys=[owner_id])
    logged_by: Mapped[Optional[User]] = relationship(foreign_keys=[logged_by_id])
    decided_by: Mapped[Optional[User]] = relationship(foreign_keys=[decided_by_id])
    people: Mapped[list[FeedbackPerson]] = relationship(
        back_populates="feedback", cascade="all, delete-orphan", order_by="FeedbackPerson.id"
    )

    @property
    def matched(self) -> list[User]:
        return [p.user for p in self.people if p.role == "matched"]

    @property
    def candidates(self) -> list[User]:
        return [p.user for p in self.people if p.role == "candidate"]


class FeedbackPerson(db.Model):
    """A person the feedback credits ("matched") or might mean ("candidate")."""

    __tablename__ = "feedback_person"
    __table_args__ = (sa.UniqueConstraint("feedback_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    role: Mapped[str] = mapped_column(sa.String(10), default="matched")
    score: Mapped[float] = mapped_column(default=1.0)

    feedback: Mapped[Feedback] = relationship(back_populates="people")
    user: Mapped[User] = relationship()


class ComplaintNote(db.Model):
    __tablename__ = "complaint_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback.id", ondelete="CASCADE"),
                                             index=True)
    author_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[Optional[User]] = relationship()


class AwardType(db.Model):
    __tablename__ = "award_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(120))
    name_de: Mapped[str] = mapped_column(sa.String(120))
    points: Mapped[int] = mapped_column(default=10)
    active: Mapped[bool] = mapped_column(default=True)

    def name_for(self, language: str) -> str:
        return self.name_de if language == "de" else self.name_en


class Award(db.Model):
    __tablename__ = "award"
    __table_args__ = (sa.CheckConstraint("points >= 0", name="points_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(sa.ForeignKey("award_type.id"))
    giver_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    recipient_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    feedback_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("feedback.id"), index=True)
    budget_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("award_budget.id"))
    message: Mapped[str] = mapped_column(sa.Text, default="")
    points: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    rescinded_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    rescinded_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    rescind_reason: Mapped[Optional[str]] = mapped_column(sa.String(500))

    type: Mapped[AwardType] = relationship()
    giver: Mapped[User] = relationship(foreign_keys=[giver_id])
    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id])
    value = relationship("ServiceValue")
    feedback: Mapped[Optional[Feedback]] = relationship()
    budget: Mapped[Optional[AwardBudget]] = relationship()


class AwardBudget(db.Model):
    """A supervisor's points for one month; `used` only grows by a conditional UPDATE."""

    __tablename__ = "award_budget"
    __table_args__ = (
        sa.UniqueConstraint("giver_id", "month"),
        sa.CheckConstraint("used >= 0 and used <= total", name="within_total"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    giver_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    month: Mapped[date] = mapped_column(sa.Date)  # first day of the month
    total: Mapped[int] = mapped_column(default=100)
    used: Mapped[int] = mapped_column(default=0)

    giver: Mapped[User] = relationship()

    @property
    def remaining(self) -> int:
        return self.total - self.used


class PeerCard(db.Model):
    __tablename__ = "peer_card"
    __table_args__ = (
        sa.CheckConstraint("sender_id <> recipient_id", name="not_self"),
        sa.Index("ix_peer_card_sender_created", "sender_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    recipient_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    value_id: Mapped[int] = mapped_column(sa.ForeignKey("service_value.id"))
    message: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    sender: Mapped[User] = relationship(foreign_keys=[sender_id])
    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id])
    value = relationship("ServiceValue")


class BoardItem(db.Model):
    """One story on the recognition board: approved praise, an award or a peer card.

    Denormalised (site, department, value, visibility, applause count) so the board is one
    paginated query whatever its filters.
    """

    __tablename__ = "board_item"
    __table_args__ = (
        sa.Index("ix_board_item_listing", "hidden", "visibility", "published_at"),
        sa.CheckConstraint("visibility in ('everyone', 'team', 'private')",
                           name="visibility_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10))  # praise, award, peer
    feedback_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("feedback.id", ondelete="CASCADE"), unique=True)
    award_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("award.id", ondelete="CASCADE"), unique=True)
    peer_card_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("peer_card.id", ondelete="CASCADE"), unique=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    department_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("department.id"),
                                                         index=True)
    value_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("service_value.id"))
    headline: Mapped[str] = mapped_column(sa.String(200))  # the people credited
    text: Mapped[str] = mapped_column(sa.Text)
    visibility: Mapped[str] = mapped_column(sa.String(10), default=Visibility.EVERYONE.value)
    hidden: Mapped[bool] = mapped_column(default=False)
    applause_count: Mapped[int] = mapped_column(default=0)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    site: Mapped[Site] = relationship()
    department: Mapped[Optional[Department]] = relationship()
    value = relationship("ServiceValue")
    award: Mapped[Optional[Award]] = relationship()
    peer_card: Mapped[Optional[PeerCard]] = relationship()
    people: Mapped[list[BoardItemPerson]] = relationship(
        back_populates="item", cascade="all, delete-orphan")


class BoardItemPerson(db.Model):
    __tablename__ = "board_item_person"

    item_id: Mapped[int] = mapped_column(sa.ForeignKey("board_item.id", ondelete="CASCADE"),
                                         primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)

    item: Mapped[BoardItem] = relationship(back_populates="people")
    user: Mapped[User] = relationship()


class Applause(db.Model):
    __tablename__ = "applause"
    __table_args__ = (sa.UniqueConstraint("item_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(sa.ForeignKey("board_item.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"),
                                         index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ServiceHero(db.Model):
    __tablename__ = "service_hero"
    __table_args__ = (sa.UniqueConstraint("site_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"))
    month: Mapped[date] = mapped_column(sa.Date)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    score: Mapped[int] = mapped_column(default=0)
    confirmed_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    site: Mapped[Site] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class RecognitionNotice(db.Model):
    """Something a person should hear about: their praise reached the line-up, an award."""

    __tablename__ = "recognition_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"),
                                         index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    feedback_id: Mapped[Optional[int]] = mapped_column(
        sa.ForeignKey("feedback.id", ondelete="CASCADE"))
    award_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("award.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(db.Model):
    """A bearer token of one integration, bound to one site; only its hash is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"))
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)
    revoked_at: Mapped[Optional[datetime]] = mapped_column(UTCDateTime)

    site: Mapped[Site] = relationship()
