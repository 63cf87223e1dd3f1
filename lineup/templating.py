"""Jinja globals and filters every template may use."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .models import Role

ROLE_LABELS = {
    Role.STAFF: _l("Staff"),
    Role.SUPERVISOR: _l("Supervisor"),
    Role.HR: _l("HR"),
    Role.ADMIN: _l("Admin"),
}

# (endpoint, label, lowest role that sees it): the navigation by role.
NAVIGATION = (
    ("core.today", _l("Today"), Role.STAFF),
    ("training.index", _l("Line-up"), Role.STAFF),
    ("quizzes.index", _l("Quizzes"), Role.STAFF),
    ("recognition.board", _l("Board"), Role.STAFF),
    ("core.team", _l("Team"), Role.SUPERVISOR),
    ("core.hr", _l("HR"), Role.HR),
    ("admin.index", _l("Admin"), Role.ADMIN),
)


def main_navigation() -> list[tuple[str, str, Role]]:
    if not current_user.is_authenticated:
        return []
    return [item for item in NAVIGATION if current_user.has_role(item[2])]


def role_label(role: str) -> str:
    return str(ROLE_LABELS[Role(role)])


def reject_page(args: dict) -> dict:
    return {k: v for k, v in args.items() if k != "page"}


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(main_navigation=main_navigation, role_label=role_label)
    app.jinja_env.filters["reject_page"] = reject_page
