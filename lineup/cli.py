"""Commands of the app shell: seed-demo, create-admin, import-staff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import Flask
from sqlalchemy.exc import IntegrityError

from .extensions import db
from .hooks import demo_seeders


def register(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_admin)
    app.cli.add_command(import_staff)


@click.command("seed-demo")
def seed_demo() -> None:
    """Build (or complete) the demo organisation with its history. Safe to run again."""
    from .demo import seed_organisation

    seed_organisation()
    db.session.commit()
    today = date.today()
    for seeder in demo_seeders():
        seeder(today)
        db.session.commit()
    click.echo("Demo data ready. Sign in as admin@, hr@, supervisor@ or staff@lineup.demo "
               "with the password 'lineup-demo'.")


@click.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--employee-number", prompt=True)
@click.option("--first-name", prompt=True)
@click.option("--last-name", prompt=True)
@click.password_option()
def create_admin(email: str, employee_number: str, first_name: str, last_name: str,
                 password: str) -> None:
    """Create an administrator account."""
    from .accounts.services import AccountError, normalise_email, set_password
    from .models import Role, User

    user = User(email=normalise_email(email), employee_number=employee_number.strip(),
                first_name=first_name.strip(), last_name=last_name.strip(),
                display_name=first_name.strip(), role=Role.ADMIN.value, language="en")
    db.session.add(user)
    try:
        db.session.flush()
        set_password(user, password)
    except AccountError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    except IntegrityError:
        db.session.rollback()
        raise click.ClickException("That e-mail or employee number is already in use.") from None
    db.session.commit()
    click.echo(f"Administrator {user.full_name} created.")


@click.command("import-staff")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Only report what would change.")
def import_staff(file: Path, dry_run: bool) -> None:
    """Import or update staff from a CSV file (see README for the columns)."""
    from .admin.staff_import import apply_import, parse_staff_csv

    preview = parse_staff_csv(file.read_bytes())
    for row in preview.rows:
        status = "error: " + "; ".join(row.errors) if row.errors else row.action
        click.echo(f"line {row.line}: {row.employee_number or '?'} {status}")
    if preview.errors or preview.file_errors:
        for message in preview.file_errors:
            click.echo(f"file: {message}")
        raise click.ClickException("Nothing was imported: fix the errors above first.")
    if dry_run:
        click.echo("Dry run: nothing saved.")
        return
    summary = apply_import(preview, actor=None)
    db.session.commit()
    click.echo(f"Imported: {summary.created} created, {summary.updated} updated.")
