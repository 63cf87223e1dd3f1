"""Sign-in hardening: rate limits, logout, sessions that end, invites, password policy, next."""

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from lineup.accounts import services as accounts
from lineup.extensions import db
from lineup.models import Invite, Role, User, utcnow
from lineup.passwords import policy_problem

from ..support import PASSWORD, make_user


def _attempt(client, identifier: str, password: str = "wrong", ip: str = "10.0.0.1"):  # noqa: S107
    return client.post("/login", data={"identifier": identifier, "password": password},
                       environ_base={"REMOTE_ADDR": ip})


def test_rate_limit_by_ip_gives_the_friendly_429_page(app, client, staff):
    app.config["LOGIN_RATE_LIMIT_IP"] = "3 per minute"
    for n in range(3):
        assert _attempt(client, f"nobody-{n}").status_code == 401
    response = _attempt(client, "someone-else")
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "Too many requests" in html and "Please wait a moment" in html
    assert "Traceback" not in html
    # The right password does not help while the limit holds ...
    assert _attempt(client, staff.employee_number, PASSWORD).status_code == 429
    # ... but another address is not affected.
    assert _attempt(client, staff.employee_number, PASSWORD, ip="10.0.0.2").status_code == 302


def test_rate_limit_by_account_across_addresses(app, client, staff):
    app.config["LOGIN_RATE_LIMIT_ACCOUNT"] = "3 per minute"
    for n in range(3):
        assert _attempt(client, staff.employee_number, ip=f"10.0.1.{n}").status_code == 401
    response = _attempt(client, staff.employee_number, PASSWORD, ip="10.0.1.99")
    assert response.status_code == 429
    assert "Too many requests" in response.get_data(as_text=True)
    # Other accounts can still sign in from there.
    other = make_user(Role.STAFF, staff.department)
    db.session.commit()
    assert _attempt(client, other.employee_number, PASSWORD, ip="10.0.1.99").status_code == 302


def test_sign_in_page_itself_is_not_limited(app, client):
    app.config["LOGIN_RATE_LIMIT_IP"] = "1 per minute"
    for _ in range(3):
        assert client.get("/login").status_code == 200


def test_logout_is_post_only(staff_client):
    response = staff_client.get("/logout")
    assert response.status_code == 405
    assert staff_client.get("/").status_code == 200  # still signed in
    response = staff_client.post("/logout")
    assert response.status_code == 302
    assert staff_client.get("/").status_code == 302


def test_logout_without_csrf_token_does_not_sign_out(staff_client):
    staff_client.post("/logout", csrf=False)
    assert staff_client.get("/").status_code == 200


def test_deactivation_ends_the_session_of_that_user(app, staff, admin):
    victim = app.test_client()
    victim.login(staff)
    assert victim.get("/").status_code == 200
    accounts.deactivate(db.session.get(User, staff.id), actor=db.session.get(User, admin.id))
    db.session.commit()
    response = victim.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_password_change_ends_the_other_sessions(app, staff):
    laptop, phone = app.test_client(), app.test_client()
    laptop.login(staff)
    phone.login(staff)
    response = laptop.post("/account/password", data={
        "current": PASSWORD, "password": "a brand new passphrase",
        "confirm": "a brand new passphrase"})
    assert response.status_code == 302
    assert laptop.get("/").status_code == 200  # this session continues
    assert phone.get("/").status_code == 302   # the other one is signed out
    assert app.test_client().post("/login", data={
        "identifier": staff.employee_number, "password": "a brand new passphrase",
    }).status_code == 302


def test_password_change_needs_the_current_password(staff_client):
    response = staff_client.post("/account/password", data={
        "current": "not it", "password": "a brand new passphrase",
        "confirm": "a brand new passphrase"})
    assert response.status_code == 400
    assert "not your current password" in response.get_data(as_text=True)


# --- invites --------------------------------------------------------------------------------


@pytest.fixture
def newcomer(department):
    user = make_user(Role.STAFF, department, password=None, first_name="Neu")
    db.session.commit()
    return user


def _issue(user: User, **kwargs) -> str:
    token = accounts.issue_invite(db.session.get(User, user.id), actor=None, **kwargs)
    db.session.commit()
    return token


def test_invite_link_is_single_use(app, newcomer):
    token = _issue(newcomer)
    first = app.test_client()
    assert "Welcome, Neu" in first.get(f"/invite/{token}").get_data(as_text=True)
    response = first.post(f"/invite/{token}", data={"password": "my own passphrase",
                                                     "confirm": "my own passphrase"})
    assert response.status_code == 302
    assert first.get("/").status_code == 200

    again = app.test_client()
    response = again.get(f"/invite/{token}")
    assert response.status_code == 410
    assert "no longer valid" in response.get_data(as_text=True)
    response = again.post(f"/invite/{token}", data={"password": "take it over",
                                                    "confirm": "take it over"})
    assert response.status_code == 410
    assert "no longer valid" in response.get_data(as_text=True)
    assert again.get("/").status_code == 302


def test_expired_invite_link_is_refused(app, newcomer):
    token = _issue(newcomer, lifetime=timedelta(hours=1))
    invite = db.session.scalars(sa.select(Invite)).one()
    invite.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = app.test_client().get(f"/invite/{token}")
    assert response.status_code == 410
    assert "no longer valid" in response.get_data(as_text=True)


def test_unknown_invite_token_and_deactivated_user(app, newcomer, admin):
    assert app.test_client().get("/invite/not-a-token").status_code == 410
    token = _issue(newcomer)
    accounts.deactivate(db.session.get(User, newcomer.id), actor=db.session.get(User, admin.id))
    db.session.commit()
    assert app.test_client().get(f"/invite/{token}").status_code == 410


def test_invite_refuses_a_weak_password_and_stays_usable(app, newcomer):
    token = _issue(newcomer)
    client = app.test_client()
    response = client.post(f"/invite/{token}", data={"password": "password",
                                                     "confirm": "password"})
    assert response.status_code == 400
    assert "too common" in response.get_data(as_text=True)
    response = client.post(f"/invite/{token}", data={"password": "my own passphrase",
                                                     "confirm": "my own passphrase"})
    assert response.status_code == 302


# --- first sign-in with a temporary password ----------------------------------------------


def test_must_change_password_flow(app, department):
    user = make_user(Role.STAFF, department, password="temporary-1234",
                     must_change_password=True)
    db.session.commit()
    client = app.test_client()
    client.login(user, "temporary-1234")
    for path in ("/", "/admin/people", "/line-up/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/password")
    page = client.get("/account/password").get_data(as_text=True)
    assert "choose your own password" in page
    response = client.post("/account/password", data={
        "current": "temporary-1234", "password": "temporary-1234",
        "confirm": "temporary-1234"})
    assert response.status_code == 302  # policy allows it, but it is now the user's own
    assert client.get("/").status_code == 200
    db.session.expire_all()
    assert not db.session.get(User, user.id).must_change_password


def test_signing_out_is_possible_while_a_password_change_is_due(app, department):
    user = make_user(Role.STAFF, department, must_change_password=True)
    db.session.commit()
    client = app.test_client()
    client.login(user)
    assert client.post("/logout").status_code == 302
    assert client.get("/").headers["Location"].startswith("/login")


# --- password policy ------------------------------------------------------------------------


@pytest.mark.parametrize(("password", "problem"), [
    ("short", "at least 8"),
    ("x" * 129, "at most 128"),
    ("password", "too common"),
    ("Password1", "too common"),
    ("12345678", "too common"),
])
def test_password_policy_refuses(app, password, problem):
    assert problem in policy_problem(password)


@pytest.mark.parametrize("password", ["eight ch", "y" * 64, "z" * 128, "ünïcödé pässwörd"])
def test_password_policy_accepts(app, password):
    assert policy_problem(password) is None


def test_password_of_64_characters_through_the_page(staff_client):
    long = "correct horse battery staple " * 2 + "abcdef"
    assert len(long) == 64
    response = staff_client.post("/account/password", data={
        "current": PASSWORD, "password": long, "confirm": long})
    assert response.status_code == 302


def test_too_short_and_mismatched_passwords_through_the_page(staff_client):
    response = staff_client.post("/account/password", data={
        "current": PASSWORD, "password": "short", "confirm": "short"})
    assert response.status_code == 400
    assert "at least 8" in response.get_data(as_text=True)
    response = staff_client.post("/account/password", data={
        "current": PASSWORD, "password": "long enough one", "confirm": "long enough two"})
    assert response.status_code == 400
    assert "passwords differ" in response.get_data(as_text=True)


def test_name_as_password_is_refused(department):
    user = make_user(Role.STAFF, department, last_name="Zimmermann")
    with pytest.raises(accounts.AccountError, match="your name"):
        accounts.set_password(user, "ZIMMERMANN")


# --- redirects after sign-in ----------------------------------------------------------------


@pytest.mark.parametrize(("target", "expected"), [
    ("/admin/people?q=x", "/admin/people?q=x"),
    ("https://evil.example/phish", "/"),
    ("//evil.example/phish", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("", "/"),
])
def test_next_redirect_is_local_only(client, staff, target, expected):
    response = client.post("/login", data={"identifier": staff.employee_number,
                                           "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_anonymous_visit_keeps_next_through_sign_in(client, hr):
    response = client.get("/admin/people")
    assert response.status_code == 302
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="/admin/people"' in login_page
    response = client.post("/login", data={"identifier": hr.employee_number,
                                           "password": PASSWORD, "next": "/admin/people"})
    assert response.headers["Location"] == "/admin/people"


def test_session_cookie_is_renewed_at_sign_in(client, staff):
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    client.login(staff)
    with client.session_transaction() as session:
        assert "planted" not in session


def test_language_can_be_switched_while_a_password_change_is_due(app, department):
    user = make_user(Role.STAFF, department, must_change_password=True)
    db.session.commit()
    client = app.test_client()
    client.login(user)
    client.post("/language", data={"language": "de", "next": "/account/password"})
    assert "Passwort ändern" in client.get("/account/password").get_data(as_text=True)


def test_two_tabs_racing_cannot_both_redeem_an_invite(app, newcomer):
    token = _issue(newcomer)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def redeem(password: str) -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=5)
                accounts.redeem_invite(token, password)
                db.session.commit()
                outcomes.append("ok")
            except (accounts.AccountError, sa.exc.OperationalError):
                db.session.rollback()
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=redeem, args=(p,))
               for p in ("first passphrase", "second passphrase")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["ok", "refused"]
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Invite.id)).where(
        Invite.used_at.is_not(None))) == 1
