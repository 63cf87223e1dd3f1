"""Language choice: the user's own setting, else the visitor's pick, else the browser's."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

ROOT = Path(__file__).resolve().parent.parent
# One catalogue per package, so each area owns its own translations.
CATALOGUE_PACKAGES = ("lineup", "training", "quizzes", "recognition")


def translation_directories(app: Flask) -> str:
    # Flask-Babel merges the catalogues in this order and the last one wins for a msgid that
    # several packages share ("Staff", "People", ...): the shell's catalogue goes last, so a
    # word reads the same on every page.
    packages = [pkg for pkg in CATALOGUE_PACKAGES if pkg != "lineup"] + ["lineup"]
    return ";".join(str(ROOT / pkg / "translations") for pkg in packages)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI commands and services run outside a request
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    chosen = session.get("language")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def current_language() -> str:
    return str(get_locale() or "en")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.add_extension("jinja2.ext.i18n")
