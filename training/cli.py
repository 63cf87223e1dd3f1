"""Commands of the training area."""

import click
from flask import Flask

from lineup.extensions import db


@click.command("seed-standards")
def seed_standards_command() -> None:
    """Add the Lineup Service Standards (credo, motto, steps, values) where missing."""
    from .standards import seed_standards

    added = seed_standards()
    db.session.commit()
    click.echo(f"{added} standards added.")


def register(app: Flask) -> None:
    """Add this area's commands to the flask CLI."""
    app.cli.add_command(seed_standards_command)
