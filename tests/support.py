"""Test helpers: a CSRF-aware client, factories and a query counter."""

from __future__ import annotations

import contextlib
import contextvars
import itertools
import re
from collections.abc import Iterator

import sqlalchemy as sa
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer

from lineup.extensions import db
from lineup.models import Department, Role, Site, User
from lineup.passwords import hash_password

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


class CsrfClient(FlaskClient):
    """A test client that sends a valid CSRF token with every form POST, as a browser would.

    CSRF protection stays on in tests; pass csrf=False to send a request without a token.
    """

    def csrf_token(self) -> str:
        app: Flask = self.application
        with self.session_transaction() as session:
            raw = session.get("csrf_token")
            if raw is None:
                import hashlib
                import os

                raw = session["csrf_token"] = hashlib.sha1(os.urandom(64)).hexdigest()  # noqa: S324
        return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)

    def open(self, *args, **kwargs):  # type: ignore[override]
        """Run the request as a server would: in its own app context, with its own `g` and
        database session, not inside the test's. Afterwards the test's session forgets what
        it had loaded, so the test reads what the request saved."""
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.expire_all()
        return response

    def post(self, *args, csrf: bool = True, **kwargs):  # type: ignore[override]
        if csrf and "json" not in kwargs:
            data = kwargs.setdefault("data", {})
            if isinstance(data, dict) and "csrf_token" not in data:
                data["csrf_token"] = self.csrf_token()
        return super().post(*args, **kwargs)

    def login(self, user: User, password: str = PASSWORD):
        response = self.post("/login", data={"identifier": user.employee_number,
                                             "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response


def make_site(slug: str = "berlin", tz: str = "Europe/Berlin", name: str | None = None) -> Site:
    site = db.session.scalars(sa.select(Site).where(Site.slug == slug)).first()
    if site is None:
        site = Site(slug=slug, name=name or slug.title(), timezone=tz)
        db.session.add(site)
        db.session.flush()
    return site


def make_department(name: str = "Front Office", site: Site | None = None) -> Department:
    site = site or make_site()
    dept = Department(site=site, name=name)
    db.session.add(dept)
    db.session.flush()
    return dept


def make_user(role: Role | str = Role.STAFF, department: Department | None = None, *,
              first_name: str | None = None, last_name: str = "Tester", leads=(),
              language: str = "en", email: str | None = None, active: bool = True,
              password: str | None = PASSWORD, **fields) -> User:
    """A user with a known password; supervisors lead `leads` (default: their department)."""
    n = next(_numbers)
    role = Role(role)
    if department is None and role in (Role.STAFF, Role.SUPERVISOR):
        department = make_department(f"Department {n}")
    first_name = first_name or f"{role.value.title()}{n}"
    user = User(
        employee_number=f"E{n:05d}", first_name=first_name, last_name=last_name,
        display_name=first_name, role=role.value, department=department,
        site=department.site if department else make_site(), language=language,
        email=email, active=active,
        password_hash=hash_password(password) if password else None, **fields,
    )
    if role is Role.SUPERVISOR:
        user.led_departments = list(leads) or ([department] if department else [])
    db.session.add(user)
    db.session.flush()
    return user


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def count_queries() -> Iterator[QueryCounter]:
    """Count the SQL statements run inside the block."""
    counter = QueryCounter()

    def before(conn, cursor, statement, parameters, context, executemany):
        if not re.match(r"\s*(SAVEPOINT|RELEASE|ROLLBACK)", statement, re.I):
            counter.statements.append(statement)

    engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        yield counter
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)
