"""Migrations: one head, upgrade from empty, models match the migrated schema, downgrade."""

import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from lineup import create_app
from lineup.extensions import db
from lineup.models import render_migration_item


@pytest.fixture
def empty_db_url(database_url, tmp_path):
    """A database of its own: migrations must start from nothing."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'migrate.sqlite3'}"
        return
    base = sa.make_url(database_url)
    name = f"lineup_mig_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def migration_app(empty_db_url, test_config):
    app = create_app({**test_config, "SQLALCHEMY_DATABASE_URI": empty_db_url})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_single_head(migration_app):
    script = ScriptDirectory.from_config(migration_app.extensions["migrate"].migrate.get_config())
    assert len(script.get_heads()) == 1


def test_upgrade_from_empty_matches_models_and_downgrades(migration_app):
    upgrade()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_item": render_migration_item}
        )
        diff = compare_metadata(context, db.metadata)
    assert diff == []
    downgrade(revision="base")
    tables = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set()
