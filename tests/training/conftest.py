"""Fixtures of the training tests: a clock the test can set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from training import clock


class FrozenClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

    def set(self, *args: int) -> None:
        self.current = datetime(*args, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current


@pytest.fixture
def frozen(monkeypatch) -> FrozenClock:
    """The training area's clock, fixed at 2026-03-10 09:00 UTC until the test moves it."""
    fake = FrozenClock()
    monkeypatch.setattr(clock, "now", fake)
    return fake
