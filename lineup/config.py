"""Settings from the environment. Production fails fast when a secret is missing."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path


class ConfigError(RuntimeError):
    """Raised at start-up when the environment does not allow a safe start."""


def _bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _local_secret_key(instance_path: Path) -> str:
    """A key generated once for local runs and kept in instance/ so sessions survive restarts."""
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """Build the settings dict; overrides (tests) win over the environment."""
    overrides = overrides or {}
    env = overrides.get("LINEUP_ENV", os.environ.get("LINEUP_ENV", "development"))
    production = env == "production"
    instance = Path(instance_path)
    sqlite_default = f"sqlite:///{instance / 'lineup.sqlite3'}"

    secret = os.environ.get("SECRET_KEY") or overrides.get("SECRET_KEY")
    if not secret:
        if production:
            raise ConfigError("SECRET_KEY must be set when LINEUP_ENV=production")
        secret = _local_secret_key(instance)

    redis_url = os.environ.get("LINEUP_REDIS_URL")
    trusted = os.environ.get("TRUSTED_HOSTS")
    config = {
        "LINEUP_ENV": env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": os.environ.get("LINEUP_DATABASE_URL", sqlite_default),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        # If Redis goes away, keep limiting per worker rather than failing requests.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": bool(redis_url),
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "LOGIN_RATE_LIMIT_IP": "20 per minute",
        "LOGIN_RATE_LIMIT_ACCOUNT": "5 per minute",
        "PUBLIC_FORM_RATE_LIMIT": "10 per hour",
        "TRUSTED_HOSTS": [h.strip() for h in trusted.split(",")] if trusted else None,
        "PROXY_FIX": _bool("LINEUP_PROXY_FIX"),
        # Session hygiene: HttpOnly, SameSite=Lax, Secure in production, hours not a month.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        "REMEMBER_COOKIE_DURATION": timedelta(hours=12),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "PASSWORD_HASH_METHOD": os.environ.get("LINEUP_PASSWORD_HASH", "scrypt"),
        "INVITE_LIFETIME": timedelta(hours=72),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "UTC",
        "LANGUAGES": ["de", "en"],
        "PAGE_SIZE": 25,
    }
    config.update(overrides)
    return config
