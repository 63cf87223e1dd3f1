"""The Lineup application factory."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from .config import load_config

AREAS = ("training", "quizzes", "recognition")


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    app.config.update(load_config(app.instance_path, config))
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_cli(app)
    register_security(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import i18n, templating
    from .accounts.loading import load_user
    from .extensions import babel, csrf, db, limiter, login_manager, migrate
    from .models import render_migration_item

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True,
                     render_item=render_migration_item)
    csrf.init_app(app)
    limiter.init_app(app)
    # Before init_app: Flask-Babel reads the directories when it is initialised.
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = i18n.translation_directories(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "info"
    i18n.init_app(app)
    templating.init_app(app)


def register_blueprints(app: Flask) -> None:
    import importlib

    from .accounts import bp as accounts_bp
    from .admin import bp as admin_bp
    from .core import bp as core_bp

    app.register_blueprint(core_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(admin_bp)
    for area in AREAS:
        package = importlib.import_module(area)
        importlib.import_module(f"{area}.models")
        importlib.import_module(f"{area}.views")
        app.register_blueprint(package.bp)


def register_errorhandlers(app: Flask) -> None:
    from .errors import register

    register(app)


def register_cli(app: Flask) -> None:
    import importlib

    from .cli import register

    register(app)
    for area in AREAS:
        module = importlib.import_module(f"{area}.cli")
        module.register(app)


def register_security(app: Flask) -> None:
    from .security import init_app

    if app.config.get("PROXY_FIX"):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    init_app(app)
