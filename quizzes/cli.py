"""Commands of the quizzes area."""

from flask import Flask


def register(app: Flask) -> None:
    """Add this area's commands to the flask CLI."""
