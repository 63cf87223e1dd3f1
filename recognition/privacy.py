"""Text hygiene: redact contact details before colleagues read customer feedback."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, optionally grouped by spaces, dots, dashes, slashes or brackets.
PHONE = re.compile(r"(?<![\w])\+?\(?\d(?:[\s./()-]*\d){6,}(?![\w])")
REDACTED = "[…]"


def redact(text: str) -> str:
    """Replace e-mail addresses and phone numbers in `text` with a neutral marker."""
    text = EMAIL.sub(REDACTED, text)
    return PHONE.sub(REDACTED, text)


def clean(text: str | None, limit: int) -> str:
    """Trim whitespace, drop NUL and other control characters, and cut to `limit`."""
    if not text:
        return ""
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    return text.strip()[:limit]

MAX_TEXT_EDIT = 4000
