"""Service standards, the line-up schedule, held line-ups and attendance."""

from __future__ import annotations

import enum
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from lineup.extensions import db


class StandardKind(enum.StrEnum):
    CREDO = "credo"
    MOTTO = "motto"
    STEP = "step"
    VALUE = "value"


class ServiceValue(db.Model):
    """One entry of the service standards: credo, motto, a step of service or a numbered value."""

    __tablename__ = "service_value"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10), default=StandardKind.VALUE.value)
    number: Mapped[Optional[int]]
    title_en: Mapped[str] = mapped_column(sa.String(200), default="")
    title_de: Mapped[str] = mapped_column(sa.String(200), default="")
    body_en: Mapped[str] = mapped_column(sa.Text, default="")
    body_de: Mapped[str] = mapped_column(sa.Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)

    def title_for(self, language: str) -> str:
        """The title in `language`, falling back to the other language."""
        primary, other = (self.title_de, self.title_en) if language == "de" else (
            self.title_en, self.title_de)
        return primary or other
