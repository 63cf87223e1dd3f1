"""Text hygiene: redact contact details before colleagues read customer feedback."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, optionally grouped by spaces, dots, dashes, slashes or brackets.
PHONE = re.compile(r"(?<![\w])\+?\(?\d(?:[\s./()-]*\d){6,}(?![\w])")
REDACTED = "[…]"


def redact(text: str, names: tuple[str | None, ...] = ()) -> str:
    """Replace e-mail addresses, phone numbers and the given (customer) names with a marker."""
    text = EMAIL.sub(REDACTED, text)
    text = PHONE.sub(REDACTED, text)
    for name in names:
        # The full name first, then its longer parts ("Erika Muster", "Muster").
        for part in [name or "", *sorted((name or "").split(), key=len, reverse=True)]:
            part = part.strip(" .,")
            if len(part) >= 3:
                text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", REDACTED, text,
                              flags=re.IGNORECASE)
    return text


def clean(text: str | None, limit: int) -> str:
    """Trim whitespace, drop NUL and other control characters, and cut to `limit`."""
    if not text:
        return ""
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    return text.strip()[:limit]

MAX_TEXT_EDIT = 4000
