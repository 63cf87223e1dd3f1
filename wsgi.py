"""The one entry point: gunicorn wsgi:app, flask --app wsgi."""

from lineup import create_app

app = create_app()
