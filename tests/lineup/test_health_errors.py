"""Health check, generic error pages and the production settings."""

import pytest
import sqlalchemy as sa

from lineup import create_app
from lineup.config import ConfigError, load_config
from lineup.extensions import db
from lineup.permissions import public

from ..support import PASSWORD, CsrfClient


def test_health_is_ok_after_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_health_is_503_when_the_database_is_unreachable(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] != "ok"
    assert "connection refused" not in response.get_data(as_text=True)


@pytest.mark.parametrize(("language", "title"), [("en", "Not found"), ("de", "Nicht gefunden")])
def test_404_page_in_both_languages(client, language, title):
    response = client.get("/no/such/page", headers={"Accept-Language": language})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert title in html
    assert f'<html lang="{language}"' in html


def test_unknown_id_is_404(hr_client):
    assert hr_client.get("/admin/people/123456").status_code == 404


def test_csrf_failure_is_a_friendly_400(staff_client):
    response = staff_client.post("/account/password", csrf=False, data={"current": "x"})
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)


@pytest.fixture
def fresh_app(test_config):
    app = create_app(dict(test_config, PROPAGATE_EXCEPTIONS=False))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_view_that_raises_gives_a_500_page_without_internals(fresh_app, caplog):
    @public
    def explode():
        raise RuntimeError("secret internal detail in /srv/lineup/app.py")

    fresh_app.add_url_rule("/explode", "explode", explode)
    for language, title in (("en", "Something went wrong"), ("de", "Etwas ist schiefgelaufen")):
        response = fresh_app.test_client().get("/explode", headers={"Accept-Language": language})
        assert response.status_code == 500
        html = response.get_data(as_text=True)
        assert title in html
        assert "secret internal detail" not in html
        assert "Traceback" not in html and "RuntimeError" not in html


def test_production_refuses_to_start_without_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        load_config(str(tmp_path), {"LINEUP_ENV": "production"})
    with pytest.raises(ConfigError):
        create_app({"LINEUP_ENV": "production", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert not (tmp_path / "secret_key").exists()


def test_production_cookies_are_secure(test_config, staff, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    settings = load_config("/nonexistent", {"LINEUP_ENV": "production", "SECRET_KEY": "k" * 32})
    assert settings["SESSION_COOKIE_SECURE"] and settings["REMEMBER_COOKIE_SECURE"]
    assert settings["SESSION_COOKIE_HTTPONLY"] and settings["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert settings["PERMANENT_SESSION_LIFETIME"].total_seconds() <= 24 * 3600

    app = create_app(dict(test_config, LINEUP_ENV="production"))
    app.test_client_class = CsrfClient
    try:
        client = app.test_client()
        response = client.post("/login", data={"identifier": staff.employee_number,
                                               "password": PASSWORD, "remember": "y"})
        assert response.status_code == 302
        cookies = response.headers.getlist("Set-Cookie")
        session_cookie = next(c for c in cookies if c.startswith("session="))
        remember_cookie = next(c for c in cookies if c.startswith("remember_token="))
        for cookie in (session_cookie, remember_cookie):
            assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_development_keeps_a_generated_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load_config(str(tmp_path), {"LINEUP_ENV": "development"})["SECRET_KEY"]
    second = load_config(str(tmp_path), {"LINEUP_ENV": "development"})["SECRET_KEY"]
    assert first == second and len(first) >= 32
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_security_headers(client):
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
