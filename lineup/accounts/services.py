"""Accounts: sign-in, invites, passwords, activation. No request objects here."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from .. import audit
from ..extensions import db
from ..models import Invite, User, utcnow
from ..passwords import hash_password, policy_problem, verify_password

# Verifying against a dummy hash when the account does not exist keeps the timing similar.
_DUMMY_HASH_CACHE: dict[str, str] = {}


class AccountError(ValueError):
    """A user-facing reason why an account operation was refused."""


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip().lower()
    return email or None


def find_by_identifier(identifier: str) -> User | None:
    """The user whose e-mail (any case) or employee number is `identifier`."""
    ident = identifier.strip()
    if not ident:
        return None
    stmt = sa.select(User).where(
        sa.or_(User.email == ident.lower(), User.employee_number == ident)
    )
    return db.session.scalars(stmt).first()


def authenticate(identifier: str, password: str) -> User | None:
    """The active user these credentials belong to, or None; never says which part was wrong."""
    user = find_by_identifier(identifier)
    if user is None or user.password_hash is None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        dummy = _DUMMY_HASH_CACHE.setdefault(method, hash_password("not-a-real-password"))
        verify_password(dummy, password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    return user


def set_password(user: User, password: str, *, actor: User | None = None) -> None:
    """Set a new password (policy-checked) and end every other session of the user."""
    problem = policy_problem(
        password, user_words=(user.first_name, user.last_name, user.email or "",
                              user.employee_number)
    )
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    user.must_change_password = False
    user.session_version += 1
    audit.record(actor or user, "user.password_changed", user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_invite(user: User, *, actor: User | None, lifetime: timedelta | None = None) -> str:
    """Create a single-use invite link token for `user`; earlier unused invites stop working."""
    lifetime = lifetime or current_app.config["INVITE_LIFETIME"]
    db.session.execute(
        sa.update(Invite)
        .where(Invite.user_id == user.id, Invite.used_at.is_(None))
        .values(used_at=utcnow())
    )
    token = secrets.token_urlsafe(32)
    db.session.add(Invite(user_id=user.id, token_hash=_token_hash(token),
                          expires_at=utcnow() + lifetime))
    audit.record(actor, "user.invited", user)
    return token


def valid_invite(token: str, now: datetime | None = None) -> Invite | None:
    """The invite for `token` if it is unused, unexpired and its user is active."""
    invite = db.session.scalars(
        sa.select(Invite).where(Invite.token_hash == _token_hash(token))
    ).first()
    now = now or utcnow()
    if invite is None or invite.used_at is not None or invite.expires_at <= now:
        return None
    if not invite.user.active:
        return None
    return invite


def redeem_invite(token: str, password: str) -> User:
    """Use an invite: set the password and mark the link used. Raises AccountError."""
    invite = valid_invite(token)
    if invite is None:
        raise AccountError("invalid")
    # Mark used with a guarded UPDATE so two tabs racing cannot both redeem it.
    claimed = db.session.execute(
        sa.update(Invite)
        .where(Invite.id == invite.id, Invite.used_at.is_(None))
        .values(used_at=utcnow())
    ).rowcount
    if claimed != 1:
        raise AccountError("invalid")
    set_password(invite.user, password)
    return invite.user


def deactivate(user: User, *, actor: User) -> None:
    """Switch the account off; its sessions end at their next request."""
    if user.id == actor.id:
        raise AccountError("self")
    user.active = False
    user.session_version += 1
    audit.record(actor, "user.deactivated", user)


def reactivate(user: User, *, actor: User) -> None:
    user.active = True
    audit.record(actor, "user.reactivated", user)


def set_language(user: User, language: str) -> None:
    user.language = language
