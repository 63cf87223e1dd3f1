"""Shared pieces of the recognition area: preferences, months, values, scope and notices.

The domain logic lives in modules named after what they do: intake, matching, moderation,
awards, board, heroes, complaints, fairness, tokens. This module holds what they share.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from lineup.extensions import db
from lineup.models import Department, Site, User
from lineup.permissions import is_org_wide, led_department_ids

from .models import Feedback, RecognitionNotice, StaffProfile, Visibility


class RecognitionError(Exception):
    """A refused action with a message for the user; `status` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def site_today(site: Site | None) -> date:
    """Today's date in the site's timezone."""
    tz = ZoneInfo(site.timezone if site else "UTC")
    return datetime.now(tz).date()


def month_start(day: date) -> date:
    """The first day of the month of `day`."""
    return day.replace(day=1)


def next_month(month: date) -> date:
    """The first day of the month after `month`."""
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_bounds(month: date, tz_name: str = "UTC") -> tuple[datetime, datetime]:
    """The UTC instants where `month` starts and ends in the timezone `tz_name`."""
    tz = ZoneInfo(tz_name)
    start = datetime.combine(month, time.min, tz).astimezone(UTC)
    end = datetime.combine(next_month(month), time.min, tz).astimezone(UTC)
    return start, end


def profile_for(user: User) -> StaffProfile:
    """The person's recognition preferences (created with defaults when missing)."""
    profile = db.session.get(StaffProfile, user.id)
    if profile is None:
        profile = StaffProfile(user_id=user.id, visibility=Visibility.EVERYONE.value,
                               listed_on_form=False, aliases="")
        db.session.add(profile)
    return profile


def update_preferences(user: User, visibility: str, listed_on_form: bool) -> StaffProfile:
    """Save who may see praise about `user` and whether the public form lists their name."""
    if visibility not in set(Visibility):
        raise RecognitionError("unknown visibility")
    profile = profile_for(user)
    profile.visibility = visibility
    profile.listed_on_form = listed_on_form
    from .board import refresh_visibility

    db.session.flush()
    refresh_visibility(user.id)
    return profile


def service_values() -> list:
    """The active service values to choose from (credo and motto excluded when possible)."""
    from training.models import ServiceValue

    values = list(db.session.scalars(
        sa.select(ServiceValue).where(ServiceValue.archived.is_(False))
        .order_by(ServiceValue.number, ServiceValue.id)))
    numbered = [v for v in values if getattr(v, "kind", "value") == "value"]
    return numbered or values


def value_choices(language: str) -> list[tuple[int, str]]:
    """(id, label) pairs of the service values in `language`."""
    return [(v.id, _value_label(v, language)) for v in service_values()]


def _value_label(value, language: str) -> str:
    number = f"{value.number}. " if getattr(value, "number", None) else ""
    return number + value.title_for(language)


def site_people(site_id: int) -> list[User]:
    """Active staff of a site with a department, by name."""
    return list(db.session.scalars(
        sa.select(User).where(User.site_id == site_id, User.active.is_(True),
                              User.department_id.is_not(None))
        .options(selectinload(User.department))
        .order_by(User.first_name, User.last_name)))


def scope_clause(user: User):
    """SQL condition: feedback this user moderates (their departments, or all for HR)."""
    if is_org_wide(user):
        return sa.true()
    ids = led_department_ids(user)
    if not ids:
        return sa.false()
    site_ids = sa.select(Department.site_id).where(Department.id.in_(ids))
    return sa.or_(Feedback.department_id.in_(ids),
                  sa.and_(Feedback.department_id.is_(None), Feedback.site_id.in_(site_ids)))


def can_moderate(user: User, feedback: Feedback) -> bool:
    """Supervisors moderate their departments (and unassigned feedback of their site)."""
    if is_org_wide(user):
        return True
    ids = led_department_ids(user)
    if feedback.department_id is not None:
        return feedback.department_id in ids
    return any(d.site_id == feedback.site_id for d in user.led_departments)


def notify(user_id: int, kind: str, feedback_id: int | None = None,
           award_id: int | None = None) -> None:
    """Leave a notice for a person, shown on Today and in "my recognition"."""
    db.session.add(RecognitionNotice(user_id=user_id, kind=kind, feedback_id=feedback_id,
                                     award_id=award_id))
