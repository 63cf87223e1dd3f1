"""Password policy after OWASP ASVS 5.0: length matters, composition rules do not."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 8
MAX_LENGTH = 128  # ASVS asks that at least 64 are allowed

_COMMON_FILE = Path(__file__).parent / "data" / "common_passwords.txt"


@cache
def common_passwords() -> frozenset[str]:
    lines = _COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def policy_problem(password: str, *, user_words: tuple[str, ...] = ()) -> str | None:
    """Why `password` is not acceptable, or None when it is."""
    if len(password) < MIN_LENGTH:
        return str(_l("Use at least %(n)d characters.", n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        return str(_l("Use at most %(n)d characters.", n=MAX_LENGTH))
    lowered = password.lower()
    if lowered in common_passwords():
        return str(_l("This password is too common. Choose a less predictable one."))
    if any(word and len(word) >= 3 and lowered == word.lower() for word in user_words):
        return str(_l("Do not use your name or e-mail address as the password."))
    return None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def verify_password(password_hash: str | None, password: str) -> bool:
    return bool(password_hash) and check_password_hash(password_hash, password)
