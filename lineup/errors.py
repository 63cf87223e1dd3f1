"""Bilingual error pages that reveal nothing internal; JSON for API clients."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db

MESSAGES = {
    400: (_l("Bad request"), _l("We could not understand that request. Please check your input.")),
    401: (_l("Sign-in required"), _l("Please sign in to continue.")),
    403: (_l("Not allowed"), _l("You do not have permission to open this page.")),
    404: (_l("Not found"), _l("This page does not exist or was moved.")),
    405: (_l("Not allowed"), _l("This action is not available here.")),
    409: (_l("Conflict"), _l("Someone else changed this in the meantime. Please reload.")),
    413: (_l("Too large"), _l("The file or text you sent is too large.")),
    429: (_l("Too many requests"), _l("Please wait a moment before trying again.")),
    500: (_l("Something went wrong"), _l("An unexpected error occurred. Please try again.")),
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    if wants_json():
        return {"error": str(title), "message": detail or str(message)}, code
    return render_template("errors/error.html", code=code, title=title,
                           message=detail or message), code


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(400, str(_l("The form expired or was sent twice. Please try again.")))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        detail = error.description if code in (400, 409, 422) and error.description else None
        if detail and detail == type(error).description:
            detail = None
        return render_error(code, detail)

    @app.errorhandler(InternalServerError)
    def server_error(error: Exception):
        db.session.rollback()
        return render_error(500)
