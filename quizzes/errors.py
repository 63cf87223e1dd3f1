"""The one exception the quiz services raise for refusals a user should read."""

from __future__ import annotations


class QuizError(Exception):
    """A refused action: `message` is shown to the user, `status` is the HTTP status (4xx)."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
