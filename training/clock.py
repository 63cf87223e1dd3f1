"""The one place that asks for the current time, so tests can move it."""

from __future__ import annotations

from datetime import datetime

from lineup.models import utcnow


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return utcnow()
