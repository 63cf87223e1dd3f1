"""Commands of the quizzes area: import and export questions."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

quizzes_cli = AppGroup("quizzes", help="Question bank: import and export.")


@quizzes_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gift", "aiken", "csv"]), default="gift")
@click.option("--language", type=click.Choice(["de", "en"]), default="de")
@click.option("--category", default="", help="Category for questions without one.")
@click.option("--dry-run", is_flag=True, help="Only show what would be imported.")
def import_command(file: Path, fmt: str, language: str, category: str, dry_run: bool) -> None:
    """Import questions from a GIFT, Aiken or CSV file (nothing is saved if any line fails)."""
    from lineup.extensions import db

    from .formats import parse
    from .services import save_import

    preview = parse(file.read_bytes(), fmt, language, category or None)
    for line, message in preview.errors:
        click.echo(f"line {line}: {message}" if line else f"file: {message}")
    if preview.errors:
        raise click.ClickException("Nothing was imported: fix the errors above first.")
    click.echo(f"{len(preview.questions)} questions understood.")
    if dry_run:
        return
    save_import(preview, actor=None)
    db.session.commit()
    click.echo("Imported.")


@quizzes_cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["gift", "csv"]), default="gift")
@click.option("--language", type=click.Choice(["de", "en"]), default="de")
def export_command(fmt: str, language: str) -> None:
    """Write the current question bank to standard output."""
    from sqlalchemy.orm import selectinload

    from lineup.extensions import db

    from .bank import current_questions
    from .formats import export_csv, export_gift
    from .models import Question
    from .services import value_numbers

    questions = list(db.session.scalars(current_questions().order_by(
        Question.category_id, Question.family_id).options(
        selectinload(Question.options), selectinload(Question.category))))
    numbers = value_numbers()
    click.echo(export_gift(questions, language, numbers) if fmt == "gift"
               else export_csv(questions, numbers), nl=False)


def register(app: Flask) -> None:
    """Add this area's commands to the flask CLI."""
    app.cli.add_command(quizzes_cli)
