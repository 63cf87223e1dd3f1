"""Fixtures: one schema per test session, a clean database per test, clients per role.

The database is SQLite (a temporary file) unless LINEUP_TEST_DATABASE_URL names a PostgreSQL
server; then a private database is created for this run (and each xdist worker) and dropped
at the end, so parallel runs never see each other's rows.
"""

from __future__ import annotations

import os
import threading
import uuid

import pytest
import sqlalchemy as sa

from lineup import create_app
from lineup.extensions import db, limiter
from lineup.models import Role

from .support import PASSWORD, CsrfClient, make_department, make_site, make_user


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


# --- browser tests: the real app on a local port, driven by Debian's Chromium ----------------

CHROMIUM = os.environ.get("LINEUP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]


class LiveServer:
    def __init__(self, app) -> None:
        from werkzeug.serving import make_server

        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> LiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    """The test app served on 127.0.0.1 (same database: commit what the browser should see)."""
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs it).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        yield browser
        browser.close()


def _page(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    return context, page


@pytest.fixture
def browser_page(_browser):
    """A desktop-sized page with an English browser."""
    context, page = _page(_browser, viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield page
    context.close()


@pytest.fixture
def phone_page(_browser):
    """A phone-sized page (390x844, touch) with a German browser."""
    context, page = _page(_browser, viewport={"width": 390, "height": 844}, is_mobile=True,
                          has_touch=True, locale="de-DE")
    yield page
    context.close()


def login_in_browser(page, live_server, user, password: str = PASSWORD) -> None:
    """Sign `user` in through the real sign-in form."""
    page.goto(f"{live_server.url}/login")
    page.fill("input[name=identifier]", user.employee_number)
    page.fill("input[name=password]", password)
    page.click("form[action$='/login'] button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
