"""Fixtures: one schema per test session, a clean database per test, clients per role.

The database is SQLite (a temporary file) unless LINEUP_TEST_DATABASE_URL names a PostgreSQL
server; then a private database is created for this run (and each xdist worker) and dropped
at the end, so parallel runs never see each other's rows.
"""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from lineup import create_app
from lineup.extensions import db, limiter
from lineup.models import Role

from .support import CsrfClient, make_department, make_site, make_user


def _private_postgres_url(base_url: str) -> tuple[str, str]:
    url = sa.make_url(base_url)
    name = f"lineup_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False), name


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    base = os.environ.get("LINEUP_TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    url, name = _private_postgres_url(base)
    yield url
    admin = sa.create_engine(sa.make_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def test_config(database_url, tmp_path_factory):
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": None,
    }


@pytest.fixture(scope="session")
def _schema(test_config):
    app = create_app(test_config)
    with app.app_context():
        db.create_all()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def _empty_all_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(_schema, test_config):
    app = create_app(test_config)
    app.test_client_class = CsrfClient
    with app.app_context():
        limiter.reset()
        yield app
        db.session.rollback()
        db.session.remove()
        _empty_all_tables()
        db.session.remove()
        db.engine.dispose()  # each app has its own engine; close its pooled connections


@pytest.fixture
def client(app) -> CsrfClient:
    return app.test_client()


@pytest.fixture
def site(app):
    return make_site("berlin", "Europe/Berlin", "Berlin")


@pytest.fixture
def department(site):
    return make_department("Front Office", site)


@pytest.fixture
def staff(department):
    user = make_user(Role.STAFF, department, first_name="Lena")
    db.session.commit()
    return user


@pytest.fixture
def supervisor(department):
    user = make_user(Role.SUPERVISOR, department, first_name="Sabine")
    db.session.commit()
    return user


@pytest.fixture
def hr(site):
    user = make_user(Role.HR, None, first_name="Hanna")
    db.session.commit()
    return user


@pytest.fixture
def admin(site):
    user = make_user(Role.ADMIN, None, first_name="Ada")
    db.session.commit()
    return user


def _logged_in(app, user):
    client = app.test_client()
    client.login(user)
    return client


@pytest.fixture
def staff_client(app, staff):
    return _logged_in(app, staff)


@pytest.fixture
def supervisor_client(app, supervisor):
    return _logged_in(app, supervisor)


@pytest.fixture
def hr_client(app, hr):
    return _logged_in(app, hr)


@pytest.fixture
def admin_client(app, admin):
    return _logged_in(app, admin)
