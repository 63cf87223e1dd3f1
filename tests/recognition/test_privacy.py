"""Redaction of contact details and customer names."""

import pytest

from recognition.privacy import REDACTED, redact


@pytest.mark.parametrize(("text", "secret"), [
    ("Write to anna.k+hotel@example.co.uk please", "example.co.uk"),
    ("Call me on +49 (30) 123 456 78", "456 78"),
    ("Tel. 030/1234567", "1234567"),
    ("my number is 0170-123-4567.", "4567"),
])
def test_contact_details_are_redacted(text, secret):
    assert REDACTED in redact(text)
    assert secret not in redact(text)


def test_short_numbers_stay():
    assert redact("Room 412 on the 3rd floor, 2 nights") == "Room 412 on the 3rd floor, 2 nights"


def test_names_are_redacted_as_whole_words():
    text = redact("Erika Muster says thanks. Musterhaus was nice. - erika",
                  ("Erika Muster",))
    assert "Erika" not in text and "erika" not in text
    assert "Musterhaus" in text
