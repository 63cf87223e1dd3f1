"""The training area's public services: other areas import these names from here."""

from __future__ import annotations

from .lineups import (
    LineUpError,
    acknowledge,
    record_pulse,
    roster,
    save_lineup,
    staff_day,
    start_lineup,
)
from .schedule import (
    ScheduleError,
    active_values,
    schedule_for_range,
    site_today,
    value_of_the_day,
)
from .standards import library, seed_standards

__all__ = [
    "LineUpError", "ScheduleError", "acknowledge", "active_values", "library", "record_pulse",
    "roster", "save_lineup", "schedule_for_range", "seed_standards", "site_today", "staff_day",
    "start_lineup", "value_of_the_day",
]
