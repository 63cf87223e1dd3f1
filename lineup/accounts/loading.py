"""Flask-Login's user loader: the cookie carries id and session version."""

from __future__ import annotations

from ..extensions import db
from ..models import User


def load_user(user_id: str) -> User | None:
    try:
        ident, version = (int(part) for part in user_id.split(":", 1))
    except ValueError:
        return None
    user = db.session.get(User, ident)
    # A changed password or a deactivation bumps the version and ends the other sessions.
    if user is None or not user.active or user.session_version != version:
        return None
    return user
