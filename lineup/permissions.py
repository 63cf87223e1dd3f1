"""The one permission layer: every view is classified, and scope checks live here.

Classification (`public`, `signed_in`, `role_required(Role.X)`) marks the view function with
`access`; a before_request hook refuses any endpoint that is not classified, and a test sweeps
`app.url_map` so a new route fails until someone decides who may use it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import abort, current_app, request
from flask_login import current_user

from .extensions import db
from .models import Department, Role, Site, User

F = TypeVar("F", bound=Callable[..., Any])

# Endpoints that Flask or an extension adds without our decorators.
BUILTIN_PUBLIC = {"static"}


def public(view: F) -> F:
    """Anyone, signed in or not."""
    view.access = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: F) -> F:
    """Any active signed-in user."""
    return role_required(Role.STAFF)(view)


def role_required(role: Role) -> Callable[[F], F]:
    """Signed in with at least `role` (staff < supervisor < hr < admin); else 403."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        wrapped.access = "signed-in" if role is Role.STAFF else role.value  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate


def access_of(endpoint: str) -> str | None:
    if endpoint in BUILTIN_PUBLIC:
        return "public"
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "access", None)


def refuse_unclassified() -> None:
    """before_request: an endpoint nobody classified is closed, not open."""
    if request.endpoint and access_of(request.endpoint) is None:
        abort(403)


# --- scope --------------------------------------------------------------------------------


def is_org_wide(user: User) -> bool:
    """HR and admin act on the whole organisation."""
    return user.has_role(Role.HR)


def led_department_ids(user: User) -> set[int]:
    return {d.id for d in user.led_departments}


def can_manage_department(user: User, department_id: int | None) -> bool:
    """Supervisors act on the departments they lead; HR and admin on all."""
    if is_org_wide(user):
        return True
    if user.role_enum is Role.SUPERVISOR and department_id is not None:
        return department_id in led_department_ids(user)
    return False


def can_see_person(user: User, person: User) -> bool:
    """Staff see their own data; supervisors their departments' people; HR everyone."""
    return user.id == person.id or can_manage_department(user, person.department_id)


def manageable_departments(user: User) -> list[Department]:
    """The departments a user may act on, ordered by site and name."""
    if is_org_wide(user):
        stmt = sa.select(Department).join(Site).order_by(Site.name, Department.name)
        return list(db.session.scalars(stmt))
    if user.role_enum is Role.SUPERVISOR:
        return list(user.led_departments)
    return []


def require_department(user: User, department_id: int | None) -> None:
    if not can_manage_department(user, department_id):
        abort(403)


def get_or_404(model: type, ident: Any) -> Any:
    """Load a row by primary key or answer 404 (ids that are not integers are 404 too)."""
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj
