"""Commands of the recognition area: API tokens."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import Flask

from lineup.extensions import db
from lineup.models import Site


def register(app: Flask) -> None:
    """Add this area's commands to the flask CLI."""
    app.cli.add_command(create_api_token)
    app.cli.add_command(revoke_api_token)


@click.command("create-api-token")
@click.option("--site", "site_slug", required=True, help="Slug of the site, e.g. berlin.")
@click.option("--name", required=True, help="Name of the integration, e.g. google-reviews.")
def create_api_token(site_slug: str, name: str) -> None:
    """Create a bearer token for the feedback API. It is printed once and stored hashed."""
    from .tokens import create_token

    site = db.session.scalars(sa.select(Site).where(Site.slug == site_slug)).first()
    if site is None:
        raise click.ClickException(f"No site with the slug '{site_slug}'.")
    if not name.strip():
        raise click.ClickException("The name must not be empty.")
    token, plain = create_token(site, name)
    db.session.commit()
    click.echo(f"Token {token.id} for {site.name} ({token.name}). Copy it now; it is not "
               "shown again:")
    click.echo(plain)


@click.command("revoke-api-token")
@click.argument("token_id", type=int)
def revoke_api_token(token_id: int) -> None:
    """Revoke an API token by its id (see the admin page for the list)."""
    from .models import ApiToken
    from .tokens import revoke_token

    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise click.ClickException(f"No token with id {token_id}.")
    if revoke_token(token):
        db.session.commit()
        click.echo(f"Token {token_id} ({token.name}) revoked.")
    else:
        click.echo(f"Token {token_id} was already revoked.")
