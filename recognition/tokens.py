"""API tokens: one per integration, bound to a site, shown once, stored as a hash."""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa

from lineup.audit import record
from lineup.extensions import db
from lineup.models import Site, User, utcnow

from .models import ApiToken

PREFIX = "lu_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(site: Site, name: str, actor: User | None = None) -> tuple[ApiToken, str]:
    """Create a token; the plain value is returned once and never stored."""
    name = name.strip()[:80]
    if not name:
        raise ValueError("name required")
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(site_id=site.id, name=name, token_hash=_hash(plain), prefix=plain[:10])
    db.session.add(token)
    db.session.flush()
    record(actor, "api_token.create", token, {"site_id": site.id, "name": name})
    return token, plain


def revoke_token(token: ApiToken, actor: User | None = None) -> bool:
    """Revoke; False if it was revoked already."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    record(actor, "api_token.revoke", token, {"name": token.name})
    return True


def find_token(plain: str) -> ApiToken | None:
    """The token with this value, revoked or not (the caller decides)."""
    if not plain or len(plain) > 200:
        return None
    return db.session.scalars(sa.select(ApiToken).where(
        ApiToken.token_hash == _hash(plain))).first()
