"""Small helpers the recognition views share: the current user, refusals, choices."""

from __future__ import annotations

import re
import secrets

from flask import flash, render_template
from flask_login import current_user

from lineup.extensions import db
from lineup.i18n import current_language
from lineup.models import User

from .services import RecognitionError, value_choices

_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_submission_key() -> str:
    return secrets.token_urlsafe(18)


def submission_key(raw: str | None) -> str | None:
    """The form's one-time key if it looks like one we made (else no de-duplication)."""
    return raw if raw and _KEY.match(raw) else None


def me() -> User:
    return current_user._get_current_object()


def refuse(error: RecognitionError, template: str, **context):
    """Undo the request's changes and show the page again with the message and its status."""
    db.session.rollback()
    flash(error.message, "error")
    return render_template(template, **context), error.status


def values_with_blank(blank: str) -> list[tuple]:
    return [(0, blank), *value_choices(current_language())]


def people_choices(people: list[User]) -> list[tuple[int, str]]:
    return [(p.id, f"{p.full_name} ({p.department.name if p.department else '-'})")
            for p in people]


def award_type_choices(types) -> list[tuple[int, str]]:
    language = current_language()
    return [(t.id, f"{t.name_for(language)} ({t.points})") for t in types if t.active]


def site_departments(site_id: int):
    import sqlalchemy as sa

    from lineup.models import Department

    return list(db.session.scalars(sa.select(Department).where(Department.site_id == site_id)
                                   .order_by(Department.name)))
