"""Request-wide guards and response headers."""

from __future__ import annotations

from flask import Flask, redirect, request, url_for
from flask_login import current_user

from .permissions import refuse_unclassified

# Pages a user who must set a new password may still reach.
_PASSWORD_CHANGE_ALLOWED = {"accounts.change_password", "accounts.logout", "accounts.set_language",
                            "static", "core.healthz"}


def force_password_change():
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in _PASSWORD_CHANGE_ALLOWED
    ):
        return redirect(url_for("accounts.change_password"))
    return None


def security_headers(response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
    )
    return response


def init_app(app: Flask) -> None:
    app.before_request(refuse_unclassified)
    app.before_request(force_password_change)
    app.after_request(security_headers)
